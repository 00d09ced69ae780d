import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../src/session/state';
import type { LogEntry } from '../../src/session/traffic-log';
import { AtSession } from '../../src/session/session';
import { guardMs } from '../../src/session/timing';
import { createSimulatorPort } from '../../src/simulator/host/in-process-port';
import { FaultyPort } from './faulty-port';
import { simSetup } from './sim-setup';

const text = (e: LogEntry): string => new TextDecoder().decode(e.bytes);

function kinds(states: SessionState[]): string[] {
  return states.map((s) => (s.kind === 'entering' ? `entering:${s.step}` : s.kind));
}

/** Time from the end of the byte sent before `+++` to the first `+` (the silence T1 of 3.1.2). */
function silenceBeforePlus(entries: LogEntry[], charMs: number): number {
  const tx = entries.filter((e) => e.dir === 'tx');
  const i = tx.findIndex((e) => text(e) === '+++');
  const plus = tx[i];
  const before = tx[i - 1];
  if (!plus || !before) throw new Error('no +++ after another write');
  return plus.at - (before.at + before.bytes.length * charMs);
}

const CHAR_MS_115200 = 10_000 / 115200;

describe('entering and leaving command mode (manual 3.1.2)', () => {
  it('entry waits UARTFT of silence before +++ (3.1.2 T1) at the factory UARTFT 50', async () => {
    const { clock, module, session } = await simSetup();
    const states: SessionState[] = [];
    session.subscribe((s) => states.push(s));
    const start = clock.now();
    await clock.run(session.enterCommandMode());
    expect(module.mode).toBe('command');
    expect(session.state).toEqual({ kind: 'command-mode' });
    expect(kinds(states)).toEqual([
      'working-mode',
      'entering:detect',
      'entering:guard',
      'entering:plus',
      'entering:handshake',
      'command-mode',
    ]);
    expect(silenceBeforePlus(session.log.entries(), CHAR_MS_115200)).toBeGreaterThan(50);
    // Guard (50 + margin) + T3 (25) + a handful of characters: nothing wasted beyond the guard.
    expect(clock.now() - start).toBeLessThan(guardMs(50) + 25 + 5);
  });

  it('entry at UARTFT 2000 waits more than 2 s of silence when the device UARTFT is known (3.1.2 T1)', async () => {
    const { clock, module, session } = await simSetup({
      settings: { UARTFT: '2000' },
      session: { uartft: 2000 },
    });
    const start = clock.now();
    await clock.run(session.enterCommandMode());
    expect(module.mode).toBe('command');
    expect(silenceBeforePlus(session.log.entries(), CHAR_MS_115200)).toBeGreaterThan(2000);
    // One `+++` only: guard (2000 + margin) + T3 1000 + the handshake.
    expect(session.log.entries().filter((e) => text(e) === '+++')).toHaveLength(1);
    expect(clock.now() - start).toBeLessThan(guardMs(2000) + 1000 + 5);
  });

  it('entry at UARTFT 2000 still succeeds when the session assumed 50: it retries with longer guards', async () => {
    const { clock, module, session } = await simSetup({ settings: { UARTFT: '2000' } });
    await clock.run(session.enterCommandMode());
    expect(module.mode).toBe('command');
    expect(session.log.entries().filter((e) => e.dir === 'tx' && text(e) === '+++').length).toBeGreaterThan(
      1,
    );
    // What worked is remembered for the next entry.
    expect(session.uartft).toBeGreaterThan(2000);
  });

  it('entry when the module is already in command mode sends no +++ (a host that crashed earlier)', async () => {
    const { clock, module, session } = await simSetup();
    await clock.run(session.enterCommandMode());
    // A second session on the same port, as after a reload of the page.
    await clock.run(session.close());
    const again = new AtSession({ clock });
    await clock.run(again.open(createSimulatorPort(module)));
    expect(again.state).toEqual({ kind: 'working-mode', confirmed: false });
    await clock.run(again.enterCommandMode());
    expect(again.state).toEqual({ kind: 'command-mode' });
    expect(
      again.log
        .entries()
        .filter((e) => e.dir === 'tx')
        .map(text),
    ).toEqual(['AT\r']);
  });

  it('a slow module already in command mode: its late OK during +++ is recognised, nothing is mixed up', async () => {
    const ports: FaultyPort[] = [];
    const { clock, module, session } = await simSetup({
      wrap: (p, c) => {
        const f = new FaultyPort(p, c);
        ports.push(f);
        return f;
      },
    });
    const faulty = ports[0];
    if (!faulty) throw new Error('no port');
    await clock.run(session.enterCommandMode());
    await clock.run(session.close());
    faulty.faults.delayMs = 80; // longer than the AT probe's wait (the guard, 55 ms)
    const again = new AtSession({ clock });
    await clock.run(again.open(faulty));
    await clock.run(again.enterCommandMode());
    expect(again.state).toEqual({ kind: 'command-mode' });
    expect(module.mode).toBe('command');
    // The probe timed out, `+++` went out, the late OK told the truth.
    expect(again.log.entries().some((e) => e.dir === 'tx' && text(e) === '+++')).toBe(true);
    const read = await clock.run(again.readAll({ names: ['WKMOD', 'UARTFT'] }));
    expect(read.values).toEqual({ WKMOD: 'NET', UARTFT: '50' });
  });

  it('detect tells command mode from working mode with AT alone', async () => {
    const { clock, session } = await simSetup();
    expect(await clock.run(session.detect())).toBe('working');
    await clock.run(session.enterCommandMode());
    expect(await clock.run(session.detect())).toBe('command');
  });

  it('AT+ENTM returns to the working mode (3.1.7.6) and the state says so', async () => {
    const { clock, module, session } = await simSetup();
    await clock.run(session.enterCommandMode());
    await clock.run(session.leaveCommandMode());
    expect(module.mode).toBe('net');
    expect(session.state).toEqual({ kind: 'working-mode', confirmed: true });
    // And back in: the guard now counts from the ENTM answer.
    await clock.run(session.enterCommandMode());
    expect(module.mode).toBe('command');
  });

  it('reads the same settings with echo on and with echo off (3.1.6.3)', async () => {
    const on = await simSetup();
    const off = await simSetup({ settings: { E: 'OFF' } });
    const a = await on.clock.run(on.session.readAll());
    const b = await off.clock.run(off.session.readAll());
    expect(a.error).toBeUndefined();
    expect(b.error).toBeUndefined();
    expect({ ...a.values, E: 'x' }).toEqual({ ...b.values, E: 'x' });
    expect(a.values['E']).toBe('ON');
    expect(b.values['E']).toBe('OFF');
    const echoed = (s: typeof on) =>
      s.session.log.entries().some((e) => e.dir === 'rx' && text(e).startsWith('AT+WKMOD?'));
    expect(echoed(on)).toBe(true);
    expect(echoed(off)).toBe(false);
  });

  it('password AT reads and writes in the working mode without +++ (3.1.3)', async () => {
    const { clock, module, session } = await simSetup();
    session.setAccess({ kind: 'password', password: 'usr.cn' });
    const id = await clock.run(session.identify());
    expect(id.version).toBe(module.identity.version);
    expect(module.mode).toBe('net');
    const tx = session.log
      .entries()
      .filter((e) => e.dir === 'tx')
      .map(text);
    expect(tx).not.toContain('+++');
    expect(tx[0]).toBe('usr.cnAT+VER?\r');
    const result = await clock.run(session.apply({ HEARTTM: '45' }));
    expect(result.ok).toBe(true);
    expect(result.restarted).toBe(true);
    expect(module.stored['HEARTTM']).toBe('45');
    expect(module.running['HEARTTM']).toBe('45');
    expect(module.mode).toBe('net');
    expect(session.state).toMatchObject({ kind: 'working-mode', confirmed: true });
  });

  it('password AT with a wrong password gets no answer and says so', async () => {
    const { clock, session } = await simSetup();
    session.setAccess({ kind: 'password', password: 'wrong' });
    await expect(clock.run(session.identify())).rejects.toMatchObject({ code: 'timeout' });
    expect(session.state).toMatchObject({ kind: 'failed', connected: true, error: { code: 'timeout' } });
  });
});
