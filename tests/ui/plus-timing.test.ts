/**
 * The `+++` timing picture's logic (ui/plus-timing/): the module's own report placed on an axis with the
 * windows of manual 3.1.2 (figure 27) and the verdict in words; and, for a real device, the same inferred
 * from the app's traffic log — checked against what the simulated module itself reported.
 */
import { describe, expect, it } from 'vitest';
import type { PlusAttempt } from '../../src/simulator/core/plus-attempt';
import { pictureFromModule } from '../../src/ui/plus-timing/from-module';
import { picturesFromTraffic, type TrafficByteSource } from '../../src/ui/plus-timing/from-traffic';
import type { TimingPicture } from '../../src/ui/plus-timing/picture';
import { verdictText } from '../../src/ui/plus-timing/verdict-text';
import { Harness } from '../simulator/harness';
import { simSetup } from '../session/sim-setup';

const enc = new TextEncoder();

function lastAttempt(events: readonly { type: string }[]): PlusAttempt {
  const e = events.filter((x) => x.type === 'plus-attempt').at(-1) as { attempt: PlusAttempt } | undefined;
  if (!e) throw new Error('no plus-attempt event');
  return e.attempt;
}

function windowKeys(p: TimingPicture): string[] {
  return p.windows.map((w) => w.key);
}

describe('the picture of the module’s own report', () => {
  it('+++ too soon after data: the guard is red, the byte before is marked, the words give both times', () => {
    const h = new Harness();
    h.advance(500);
    h.type('x');
    h.advance(30);
    h.type('+++');
    h.advance(300);
    const p = pictureFromModule(lastAttempt(h.events));
    expect(p.source).toBe('module');
    expect(p.windows.find((w) => w.key === 't1')).toMatchObject({ from: -50, to: 0, broken: true });
    expect(p.ticks.find((t) => t.role === 'previous')).toMatchObject({ at: -30, label: 'x', bad: true });
    expect(p.from).toBeLessThanOrEqual(-50);
    expect(verdictText(p, 'en')).toContain('the first + came 30 ms after the byte before it (x)');
    expect(verdictText(p, 'en')).toContain('UARTFT = 50 ms');
    expect(verdictText(p, 'zh')).toContain('30 ms');
    expect(verdictText(p, 'zh')).toContain('UARTFT = 50 ms');
  });

  it('+++ typed slowly: the window after the first + is red and the second + is the bad byte', () => {
    const h = new Harness();
    h.advance(500);
    for (let i = 0; i < 3; i++) {
      h.type('+');
      h.advance(400);
    }
    const p = pictureFromModule(lastAttempt(h.events));
    const t2 = p.windows.filter((w) => w.key === 't2');
    expect(t2[0]).toMatchObject({ from: 0, to: 50, broken: true });
    expect(p.ticks.filter((t) => t.role === 'plus').map((t) => [t.at, t.bad])).toEqual([
      [0, false],
      [400, true],
      [800, false],
    ]);
    expect(verdictText(p, 'en')).toContain('+ number 2 came 400 ms after the one before it');
  });

  it('a good entry on G786 timing shows T4 and T6 of UARTFT, and T5 cut at the edge', () => {
    const h = new Harness({ firmware: ['g786-timing'] });
    h.advance(500);
    h.type('+++');
    h.advance(60);
    h.type('a');
    h.advance(60);
    const p = pictureFromModule(lastAttempt(h.events));
    expect(p.verdict).toMatchObject({ outcome: 'entered', reason: 'entered' });
    expect(windowKeys(p)).toEqual(['t1', 't2', 't2', 't3', 't5', 't6']);
    expect(p.windows.find((w) => w.key === 't3')).toMatchObject({ from: 0, to: 50 });
    expect(p.windows.find((w) => w.key === 't6')).toMatchObject({ from: 60, to: 110 });
    expect(p.windows.find((w) => w.key === 't5')).toMatchObject({ clipped: true, broken: false });
    expect(p.ticks.map((t) => [t.role, t.dir, t.at])).toEqual(
      expect.arrayContaining([
        ['a', 'rx', 50],
        ['host-answer', 'tx', 60],
        ['ok', 'rx', 110],
      ]),
    );
    expect(p.slowEntry).toBe(true);
    expect(verdictText(p, 'en')).toMatch(/^Entered command mode/);
  });

  it('+++ sent to a module in command mode shows its +ERR:1 and says it was in command mode already', () => {
    const h = new Harness();
    h.enterCommandMode();
    h.advance(500);
    h.type('+++');
    h.advance(100);
    const p = pictureFromModule(lastAttempt(h.events));
    expect(p.ticks.find((t) => t.role === 'error')).toMatchObject({ dir: 'rx', label: '+ERR:1', at: 25 });
    expect(windowKeys(p)).toContain('t3');
    expect(verdictText(p, 'en')).toContain('it was in command mode already');
  });

  it('no a back within 3 s: T5 drawn whole and red', () => {
    const h = new Harness();
    h.advance(500);
    h.type('+++');
    h.advance(3200);
    const p = pictureFromModule(lastAttempt(h.events));
    expect(p.windows.find((w) => w.key === 't5')).toMatchObject({
      from: 25,
      to: 3025,
      broken: true,
      clipped: false,
    });
    expect(verdictText(p, 'en')).toContain('no a came back within 3 s (T5)');
  });
});

describe('on a real device: inferred from the app’s traffic log', () => {
  it('the session’s own entry is inferred as entered, as the module reported it', async () => {
    const { clock, module, session } = await simSetup();
    const events: { type: string }[] = [];
    module.onEvent((e) => events.push(e));
    await clock.run(session.detect());
    const inferred = picturesFromTraffic(session.log.entries(), {
      uartftMs: 50,
      uartftKnown: true,
      now: clock.now(),
    });
    expect(inferred.at(-1)?.verdict).toMatchObject({ outcome: 'entered', reason: 'entered' });
    expect(inferred.at(-1)?.source).toBe('inferred');
    expect(lastAttempt(events)).toMatchObject({ outcome: 'entered' });
  });

  it('raw +++ right after data and raw +++ typed slowly are inferred with the module’s reasons', async () => {
    const { clock, module, session } = await simSetup();
    const events: { type: string }[] = [];
    module.onEvent((e) => events.push(e));
    const write = (text: string) => clock.run(session.writeRaw(enc.encode(text)));
    await clock.advance(500);
    await write('x');
    await clock.advance(20);
    await write('+++');
    await clock.advance(2000);
    const options = () => ({ uartftMs: 50, uartftKnown: true, now: clock.now() });
    expect(picturesFromTraffic(session.log.entries(), options()).at(-1)?.verdict).toMatchObject({
      reason: 'guard',
      index: 1,
    });
    expect(lastAttempt(events)).toMatchObject({ reason: 'guard' });

    for (let i = 0; i < 3; i++) {
      await write('+');
      await clock.advance(300);
    }
    await clock.advance(2000);
    const slow = picturesFromTraffic(session.log.entries(), options()).at(-1) as TimingPicture;
    expect(slow.verdict).toMatchObject({ reason: 'gap', index: 2 });
    expect(slow.verdict.measuredMs).toBeCloseTo(300, -1);
    expect(lastAttempt(events)).toMatchObject({ reason: 'gap', index: 2 });
    expect(verdictText(slow, 'en')).toContain('+ number 2 came');
  });

  const tx = (at: number, text: string): TrafficByteSource => ({ at, dir: 'tx', bytes: enc.encode(text) });
  const rx = (at: number, text: string): TrafficByteSource => ({ at, dir: 'rx', bytes: enc.encode(text) });

  it('+++ with good timing and no a: waiting at first, then "no a" with the likely causes', () => {
    const log = [tx(0, 'x'), tx(2000, '+++')];
    const early = picturesFromTraffic(log, { uartftMs: 50, uartftKnown: false, now: 2100 });
    expect(early[0]?.verdict.outcome).toBe('waiting');
    const late = picturesFromTraffic(log, { uartftMs: 50, uartftKnown: false, now: 4000 });
    expect(late[0]?.verdict).toMatchObject({ outcome: 'failed', reason: 'no-a' });
    expect(late[0]?.uartftKnown).toBe(false);
    expect(late[0]?.earlierGapMs).toBe(2000);
    expect(verdictText(late[0] as TimingPicture, 'en')).toContain('UARTFT is longer');
  });

  it('an error line after +++ means the module was in command mode already', () => {
    const log = [tx(0, '+++'), rx(5, '\r\n+ERR:1\r\n')];
    const p = picturesFromTraffic(log, { uartftMs: 50, uartftKnown: true, now: 3000 });
    expect(p[0]?.verdict.reason).toBe('command-mode');
  });

  it('a + inside a command is no attempt', () => {
    const log = [tx(0, 'usr.cnAT+VER\r'), rx(5, '\r\n+VER:V1.0\r\n')];
    expect(picturesFromTraffic(log, { uartftMs: 50, uartftKnown: true, now: 3000 })).toEqual([]);
  });
});
