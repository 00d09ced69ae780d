/**
 * Each built-in scenario on the simulator core (virtual clock): its check passes when the learner does
 * what the exercise asks, and stays failed when they do it wrong. The learner's actions are the bytes the
 * app would send (command mode, AT commands, password AT, data in working mode).
 */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_FILES, BUILT_IN_SCENARIOS } from '../../../src/ui/classroom/builtin';
import { evaluateCheck } from '../../../src/ui/classroom/evaluate';
import type { Scenario } from '../../../src/ui/classroom/scenario';
import { ScenarioTrace } from '../../../src/ui/classroom/trace';
import { validateScenario } from '../../../src/ui/classroom/validate-scenario';
import { Harness, HOST_LINE } from '../../simulator/harness';

function scenario(id: string): Scenario {
  const s = BUILT_IN_SCENARIOS.find((x) => x.id === id);
  if (!s) throw new Error(`no built-in scenario ${id}`);
  return s;
}

/** A module started from the scenario, its events since then folded into a trace. */
class Exercise {
  readonly h = new Harness();
  readonly trace = new ScenarioTrace();

  constructor(readonly scenario: Scenario) {
    this.h.module.onEvent((e) => this.trace.add(e));
    this.h.module.control({ type: 'load-state', state: scenario.start });
    this.h.take();
  }

  solved(): boolean {
    this.trace.setSnapshot(this.h.module.snapshot());
    return evaluateCheck(this.scenario.check, this.trace).passed;
  }

  /** `+++` entry and the commands, each answered OK, then `AT+Z` and the restart. */
  configure(commands: readonly string[]): void {
    this.h.enterCommandMode();
    for (const c of commands) expect(this.h.command(c)).toContain('OK');
    this.h.command('AT+Z');
    this.h.advance(4000);
  }
}

describe('built-in scenarios', () => {
  it('there are at least seven, each file valid, with unique ids', () => {
    expect(BUILT_IN_SCENARIOS.length).toBeGreaterThanOrEqual(7);
    expect(BUILT_IN_SCENARIOS.length).toBe(Object.keys(BUILT_IN_FILES).length);
    for (const [path, data] of Object.entries(BUILT_IN_FILES)) {
      expect(validateScenario(data), path).toMatchObject({ ok: true });
    }
    expect(new Set(BUILT_IN_SCENARIOS.map((s) => s.id)).size).toBe(BUILT_IN_SCENARIOS.length);
  });

  it('wrong baud rate: solved only by reaching command mode at the module’s 9600', () => {
    const wrong = new Exercise(scenario('wrong-baud-rate'));
    expect(() => wrong.h.enterCommandMode()).toThrow();
    wrong.h.advance(5000);
    expect(wrong.solved()).toBe(false);

    const right = new Exercise(scenario('wrong-baud-rate'));
    right.h.line = { ...HOST_LINE, baud: 9600 };
    right.h.enterCommandMode();
    expect(right.solved()).toBe(true);
  });

  it('server name that does not resolve: solved by the right name and a link that stays up', () => {
    const s = scenario('server-name-does-not-resolve');
    const wrong = new Exercise(s);
    wrong.configure(['AT+SOCKA=TCP,dtu.example-factory.cn,2318']);
    wrong.h.advance(10_000);
    expect(wrong.solved()).toBe(false);

    const right = new Exercise(s);
    right.configure(['AT+SOCKA=TCP,iot.example-factory.cn,2317']);
    expect(right.solved()).toBe(false); // connected, but not yet for 3 s
    right.h.advance(4000);
    expect(right.solved()).toBe(true);
  });

  it('no service: solved after SYSINFO said so and the radio came back', () => {
    const s = scenario('no-service');
    const ex = new Exercise(s);
    ex.h.enterCommandMode();
    expect(ex.h.command('AT+SYSINFO')).toContain('No Network');
    ex.h.advance(5000);
    expect(ex.solved()).toBe(false);
    ex.h.module.control({ type: 'set-radio', network: '4G', rssi: -70 });
    ex.h.advance(6000);
    expect(ex.solved()).toBe(true);

    const skipped = new Exercise(s);
    skipped.h.module.control({ type: 'set-radio', network: '4G', rssi: -70 });
    skipped.h.advance(6000);
    // The link is up, but nobody looked at the network state.
    expect(skipped.solved()).toBe(false);
  });

  it('packing interval too long: solved by 200 ms or less in force', () => {
    const s = scenario('packing-interval-too-long');
    const wrong = new Exercise(s);
    wrong.h.advance(4000);
    wrong.h.enterCommandMode(3000);
    expect(wrong.h.command('AT+UARTFT=1000')).toContain('OK');
    wrong.h.command('AT+Z');
    wrong.h.advance(4000);
    expect(wrong.solved()).toBe(false);

    const right = new Exercise(s);
    right.h.advance(4000);
    right.h.enterCommandMode(3000);
    expect(right.h.command('AT+UARTFT=100')).toContain('OK');
    // Stored, not yet in force.
    expect(right.solved()).toBe(false);
    right.h.command('AT+Z');
    right.h.advance(4000);
    expect(right.solved()).toBe(true);
  });

  it('heartbeat: solved by a heartbeat under the server’s 20 s, not by the factory 30 s', () => {
    const s = scenario('heartbeat-server-drops-idle');
    const wrong = new Exercise(s);
    wrong.configure(['AT+HEARTEN=ON']);
    wrong.h.advance(45_000);
    expect(wrong.trace.links.A.some((l) => l.reason === 'dropped')).toBe(true);
    expect(wrong.solved()).toBe(false);

    const right = new Exercise(s);
    right.configure(['AT+HEARTEN=ON', 'AT+HEARTTM=5']);
    right.h.advance(45_000);
    expect(right.solved()).toBe(true);
    expect(right.trace.links.A.filter((l) => l.reason === 'dropped')).toHaveLength(0);
  });

  it('password AT: solved by the module’s own password in working mode, not by usr.cn', () => {
    const s = scenario('password-at-wrong-password');
    const wrong = new Exercise(s);
    wrong.h.advance(100);
    wrong.h.type('usr.cnAT+VER\r');
    wrong.h.advance(1000);
    expect(wrong.h.server('A').receivedBytes().length).toBeGreaterThan(0);
    expect(wrong.solved()).toBe(false);
    // Asked in command mode, the version is no password AT.
    wrong.h.enterCommandMode();
    expect(wrong.h.command('AT+VER')).toContain('+VER:');
    expect(wrong.solved()).toBe(false);

    const right = new Exercise(s);
    right.h.advance(100);
    right.h.type('class42AT+VER\r');
    right.h.advance(1000);
    expect(right.solved()).toBe(true);
  });

  it('short connection closing early: solved when the slow server’s answer arrives', () => {
    const s = scenario('short-connection-closes-early');
    const send = (ex: Exercise): void => {
      ex.h.advance(200);
      ex.h.type('GET TIME');
      ex.h.advance(8000);
    };
    const asIs = new Exercise(s);
    send(asIs);
    expect(asIs.solved()).toBe(false);

    const tooShort = new Exercise(s);
    tooShort.configure(['AT+SHORATO=2']);
    send(tooShort);
    expect(tooShort.solved()).toBe(false);

    const right = new Exercise(s);
    right.configure(['AT+SHORATO=5']);
    send(right);
    expect(right.solved()).toBe(true);
  });
});
