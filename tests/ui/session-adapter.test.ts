import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/clock/virtual-clock';
import { webSerialFromGlobals } from '../../src/serial/web-serial';
import { SimulatedModule } from '../../src/simulator/core';
import { createSimulatorPort, type SimulatorPort } from '../../src/simulator/host/in-process-port';
import { noDeviceMemory } from '../../src/ui/device-memory/device-memory';
import type { UiSessionState } from '../../src/ui/services/session-service';
import { applyPhase, outcomeOf, SessionAdapter } from '../../src/ui/services/session-adapter';

/** The UI's session adapter on the simulator core, on a virtual clock. */
function setup() {
  const clock = new VirtualClock();
  const module = new SimulatedModule({ clock, poweredOn: false, wireTiming: true, seed: 3 });
  module.powerOn();
  clock.advanceSync(module.timings.bootMs + 5000);
  let port: SimulatorPort | undefined;
  const adapter = new SessionAdapter(
    {
      simulatorPort: async () => {
        port = createSimulatorPort(module);
        return port;
      },
      webSerial: webSerialFromGlobals({}),
    },
    { clock, memory: noDeviceMemory },
  );
  const states: UiSessionState['kind'][] = [];
  const operations: string[] = [];
  adapter.subscribe((s) => {
    states.push(s.kind);
    if (s.kind === 'busy') operations.push(s.operation);
  });
  return { clock, module, adapter, states, operations, port: () => port };
}

describe('session adapter (UI ↔ src/session)', () => {
  it('connects to the simulator in command mode, through opening and entering', async () => {
    const { clock, adapter, states } = setup();
    const line = { baud: 115200, dataBits: 8, stopBits: 1, parity: 'NONE' } as const;
    await clock.run(adapter.connect({ transport: 'simulator', line }));
    expect(adapter.state.kind).toBe('command');
    expect(states).toContain('opening');
    expect(states).toContain('entering');
    expect(adapter.traffic().some((e) => e.dir === 'tx')).toBe(true);
  });

  it('connects with auto-detect as one detect operation', async () => {
    const { clock, adapter, states, operations } = setup();
    await clock.run(adapter.connect({ transport: 'simulator', line: 'auto' }));
    expect(adapter.state.kind).toBe('command');
    expect(states).toContain('opening');
    expect(operations).toContain('detect');
    expect(states).not.toContain('failed');
  });

  it('reads identity, status and every setting, shaped for the views', async () => {
    const { clock, module, adapter } = setup();
    await clock.run(adapter.connect({ transport: 'simulator', line: 'auto' }));
    const id = await clock.run(adapter.identify());
    expect(id.imei).toBe(module.identity.imei);
    const status = await clock.run(adapter.readStatus());
    expect(status.sysinfo).toMatch(/^\d,/);
    expect(status.links.A).toMatch(/ON|OFF/);
    expect(status.settings['SOCKA']).toBe('TCP,test.usr.cn,2317');
    const all = await clock.run(adapter.readAll());
    expect(all['WKMOD']).toBe('NET');
  });

  it('applies values with a result per setting and phases in order', async () => {
    const { clock, adapter } = setup();
    await clock.run(adapter.connect({ transport: 'simulator', line: 'auto' }));
    const phases: string[] = [];
    const report = await clock.run(
      adapter.apply({ SOCKA: 'TCP,demo.usr.cn,2318', HEARTTM: '5', WKMOD: 'NET' }, (p) => {
        if (phases.at(-1) !== p.phase) phases.push(p.phase);
      }),
    );
    expect(report.results.map((r) => [r.name, r.outcome])).toEqual([
      ['SOCKA', 'applied'],
      ['HEARTTM', 'applied'],
      ['WKMOD', 'unchanged'],
    ]);
    expect(report.restarted).toBe(true);
    expect(report.snapshot['SOCKA']).toBe('TCP,test.usr.cn,2317');
    expect(report.confirmed['HEARTTM']).toBe('5');
    expect(phases).toEqual(['snapshot', 'write', 'restart', 'confirm', 'done']);
    expect(adapter.state.kind).toBe('command');
  });

  it('sends a raw line, also as password AT, and reports the module error', async () => {
    const { clock, adapter } = setup();
    await clock.run(adapter.connect({ transport: 'simulator', line: 'auto' }));
    const ver = await clock.run(adapter.sendRaw('AT+VER'));
    expect(ver.ok).toBe(true);
    expect(ver.lines[0]).toMatch(/^\+VER:/);
    const bad = await clock.run(adapter.sendRaw('AT+NOSUCH'));
    expect(bad.ok).toBe(false);
    expect(bad.error?.meaning.en).toMatch(/not found/i);
  });

  it('turns a pulled cable into a failed state with the disconnect help', async () => {
    const { clock, adapter, port } = setup();
    await clock.run(adapter.connect({ transport: 'simulator', line: 'auto' }));
    port()?.unplug();
    await clock.run(Promise.resolve());
    clock.advanceSync(100);
    const s = adapter.state;
    expect(s.kind).toBe('failed');
    if (s.kind === 'failed') expect(s.problem.kind).toBe('disconnected');
    adapter.dismissFailure();
    await clock.run(Promise.resolve());
    expect(adapter.state.kind).toBe('disconnected');
  });

  it('reports a missing Web Serial as the unsupported-browser problem', async () => {
    const { adapter } = setup();
    await expect(adapter.connect({ transport: 'serial', line: 'auto' })).rejects.toThrow();
    const s = adapter.state;
    expect(s.kind).toBe('failed');
    if (s.kind === 'failed') expect(s.problem.kind).toMatch(/unsupported|insecure-context/);
  });
});

describe('apply outcomes in the four words of the UI', () => {
  const base = { name: 'HEARTTM', from: '30', to: '5' };
  it('maps every session status', () => {
    expect(outcomeOf({ ...base, status: 'applied' }).outcome).toBe('applied');
    expect(outcomeOf({ ...base, status: 'unchanged' }).outcome).toBe('unchanged');
    expect(outcomeOf({ ...base, status: 'unconfirmed' }).outcome).toBe('not-reached');
    expect(outcomeOf({ ...base, status: 'not-reached' }).outcome).toBe('not-reached');
    expect(outcomeOf({ ...base, status: 'verify-mismatch' }).outcome).toBe('rejected');
    expect(outcomeOf({ ...base, status: 'invalid' }).outcome).toBe('rejected');
  });

  it('names the phase from the session step', () => {
    expect(applyPhase('AT+SOCKA?', 0, 10, false)).toBe('snapshot');
    expect(applyPhase('AT+SOCKA=…', 4, 10, false)).toBe('write');
    expect(applyPhase('AT+Z', 6, 10, false)).toBe('restart');
    expect(applyPhase('AT+SOCKA?', 8, 10, true)).toBe('confirm');
    expect(applyPhase('', 10, 10, true)).toBe('done');
  });
});
