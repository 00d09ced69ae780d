import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../src/session/state';
import type { LogEntry } from '../../src/session/traffic-log';
import { AtSession } from '../../src/session/session';
import { guardMs } from '../../src/session/timing';
import type { SimulatedModule } from '../../src/simulator/core';
import { createSimulatorPort } from '../../src/simulator/host/in-process-port';
import { FaultyPort } from './faulty-port';
import { simSetup, uart } from './sim-setup';

const text = (e: LogEntry): string => new TextDecoder().decode(e.bytes);

function kinds(states: SessionState[]): string[] {
  return states.map((s) => (s.kind === 'entering' ? `entering:${s.step}` : s.kind));
}

/** Time from the end of the byte sent before the last `+++` to its first `+` (the silence T1 of 3.1.2). */
function silenceBeforePlus(entries: LogEntry[], charMs: number): number {
  const tx = entries.filter((e) => e.dir === 'tx');
  const i = tx.findLastIndex((e) => text(e) === '+++');
  const plus = tx[i];
  const before = tx[i - 1];
  if (!plus || !before) throw new Error('no +++ after another write');
  return plus.at - (before.at + before.bytes.length * charMs);
}

const CHAR_MS_115200 = 10_000 / 115200;

/** What the module's socket A server received that was not a registration or heartbeat packet. */
function strayToServer(module: SimulatedModule): () => string {
  const data: string[] = [];
  module.onEvent((e) => {
    if (e.type === 'socket-tx' && e.tag === 'data') data.push(new TextDecoder().decode(e.bytes));
  });
  return () => data.join('');
}

describe('entering and leaving command mode (manual 3.1.2)', () => {
  it('entry on a quiet line sends only +++ and a: no AT probe reaches the server', async () => {
    const { clock, module, session } = await simSetup();
    const stray = strayToServer(module);
    const states: SessionState[] = [];
    session.subscribe((s) => states.push(s));
    await clock.run(session.enterCommandMode());
    expect(module.mode).toBe('command');
    expect(session.state).toEqual({ kind: 'command-mode' });
    expect(kinds(states)).toEqual([
      'working-mode',
      'entering:guard',
      'entering:plus',
      'entering:handshake',
      'command-mode',
    ]);
    const tx = session.log
      .entries()
      .filter((e) => e.dir === 'tx')
      .map(text);
    expect(tx).toEqual(['+++', 'a']);
    await clock.advance(5000);
    expect(stray()).toBe('');
  });

  it('entry waits UARTFT plus the margin after our last byte before +++ (3.1.2 T1)', async () => {
    const { clock, module, session } = await simSetup({ session: { uartft: 50 } });
    await clock.run(session.enterCommandMode());
    await clock.run(session.leaveCommandMode());
    const start = clock.now();
    await clock.run(session.enterCommandMode());
    expect(module.mode).toBe('command');
    expect(silenceBeforePlus(session.log.entries(), CHAR_MS_115200)).toBeGreaterThanOrEqual(guardMs(50) - 1);
    // The guard (counted from AT+ENTM) + T3 (25) + a handful of characters: nothing wasted beyond the guard.
    expect(clock.now() - start).toBeLessThan(guardMs(50) + 25 + 5);
  });

  it('entry at UARTFT 2000 waits more than 2 s of silence when the device UARTFT is known (3.1.2 T1)', async () => {
    const { clock, module, session } = await simSetup({
      settings: { UARTFT: '2000' },
      session: { uartft: 2000 },
    });
    await clock.run(session.enterCommandMode());
    await clock.run(session.leaveCommandMode());
    const start = clock.now();
    await clock.run(session.enterCommandMode());
    expect(module.mode).toBe('command');
    expect(silenceBeforePlus(session.log.entries(), CHAR_MS_115200)).toBeGreaterThan(2000);
    // One `+++` per entry: guard (2000 + margin) + T3 1000 + the handshake.
    expect(session.log.entries().filter((e) => text(e) === '+++')).toHaveLength(2);
    expect(clock.now() - start).toBeLessThan(guardMs(2000) + 1000 + 5);
  });

  it('the first +++ succeeds when a busy laptop delays every write by up to 60 ms', async () => {
    for (let seed = 1; seed <= 25; seed++) {
      const ports: FaultyPort[] = [];
      const { clock, module, session } = await simSetup({
        session: { uartft: 50 },
        wrap: (p, c) => {
          const f = new FaultyPort(p, c, { writeDelayMaxMs: 60 }, seed);
          ports.push(f);
          return f;
        },
      });
      const toServer = strayToServer(module);
      for (let round = 0; round < 4; round++) {
        // The person's own data just before: nothing answers it, so only our clock says when it left.
        await clock.run(session.writeData(new TextEncoder().encode(`data${round}`)));
        await clock.run(session.enterCommandMode());
        expect(module.mode).toBe('command');
        await clock.run(session.leaveCommandMode());
      }
      // One `+++` per entry: never a second attempt, never `+++` as data.
      expect(session.log.entries().filter((e) => e.dir === 'tx' && text(e) === '+++')).toHaveLength(4);
      await clock.advance(3000);
      expect(toServer()).toBe('data0data1data2data3');
    }
  });

  it('after data nothing answered, +++ waits until it can have left even a very busy browser (350 ms)', async () => {
    for (let seed = 1; seed <= 10; seed++) {
      const { clock, module, session } = await simSetup({
        session: { uartft: 50 },
        wrap: (p, c) => new FaultyPort(p, c, { writeDelayMaxMs: 350 }, seed),
      });
      const toServer = strayToServer(module);
      for (let round = 0; round < 3; round++) {
        await clock.run(session.writeData(new TextEncoder().encode(`data${round}`)));
        await clock.run(session.enterCommandMode());
        await clock.run(session.leaveCommandMode());
      }
      expect(session.log.entries().filter((e) => e.dir === 'tx' && text(e) === '+++')).toHaveLength(3);
      await clock.advance(3000);
      expect(toServer()).toBe('data0data1data2');
    }
  });

  it('Disconnect right after typed data still lets the data leave before the port closes', async () => {
    const { clock, module, session } = await simSetup({
      session: { uartft: 50 },
      wrap: (p, c) => new FaultyPort(p, c, { writeDelayMaxMs: 300 }, 3),
    });
    const toServer = strayToServer(module);
    await clock.run(session.writeData(new TextEncoder().encode('last-words')));
    await clock.run(session.close());
    await clock.advance(3000);
    expect(toServer()).toBe('last-words');
  });

  it('entry works while the server streams data full of "a"s to the serial side', async () => {
    const { clock, module, session } = await simSetup({ session: { uartft: 50 } });
    const toServer = strayToServer(module);
    // The server pushes a 40-byte chunk every 4 ms (10 KB/s at 115200), many ending in "a".
    const chunk = new TextEncoder().encode('banana-data-from-the-server-alpha-beta-a');
    let streaming = true;
    const push = (): void => {
      if (!streaming) return;
      module.serverSend('A', chunk);
      clock.setTimer(4, push);
    };
    push();
    for (let round = 0; round < 3; round++) {
      await clock.run(session.enterCommandMode());
      expect(module.mode).toBe('command');
      const read = await clock.run(session.readAll({ names: ['WKMOD'] }));
      expect(read.values).toEqual({ WKMOD: 'NET' });
      await clock.run(session.leaveCommandMode());
      await clock.advance(200);
    }
    streaming = false;
    expect(session.log.entries().filter((e) => e.dir === 'tx' && text(e) === '+++')).toHaveLength(3);
    await clock.advance(3000);
    expect(toServer()).toBe('');
  });

  it('entry works at 115200 while the server pushes twice what the line can carry (the queue drains in time)', async () => {
    const { clock, module, session } = await simSetup({ session: { uartft: 50 } });
    const toServer = strayToServer(module);
    module.control({ type: 'server-stream', socket: 'A', bytesPerSecond: 23_040 });
    await clock.advance(20_000);
    const id = await clock.run(session.identify());
    expect(id.version).toBe(module.identity.version);
    module.control({ type: 'server-stream', socket: 'A', bytesPerSecond: 0 });
    await clock.advance(3000);
    expect(toServer()).toBe('');
  });

  it('at 9600 under a stream the line cannot carry, +++ is not sent (it would reach the server) and the app says why', async () => {
    const line = '9600,8,1,NONE,NFC';
    const { clock, module, session } = await simSetup({
      settings: { UART: line },
      hostUart: uart(line),
      session: { uartft: 50 },
    });
    const toServer = strayToServer(module);
    module.control({ type: 'server-stream', socket: 'A', bytesPerSecond: 1920 });
    await clock.advance(20_000);
    const error = await clock.run(session.identify().catch((e: unknown) => e));
    expect(error).toMatchObject({ code: 'line-busy' });
    expect(session.log.entries().filter((e) => e.dir === 'tx')).toHaveLength(0);
    // The server pauses; once the module's queue has drained, entry works.
    module.control({ type: 'server-stream', socket: 'A', bytesPerSecond: 0 });
    await clock.advance(15_000);
    expect((await clock.run(session.identify())).version).toBe(module.identity.version);
    await clock.advance(3000);
    expect(toServer()).toBe('');
  });

  it('an unknown UARTFT gets the long first guard, so UARTFT 500 and 1000 never turn +++ into data', async () => {
    for (const uartft of ['500', '1000']) {
      const { clock, module, session } = await simSetup({ settings: { UARTFT: uartft } });
      const stray = strayToServer(module);
      await clock.run(session.enterCommandMode());
      await clock.run(session.leaveCommandMode());
      await clock.run(session.enterCommandMode());
      expect(module.mode).toBe('command');
      expect(session.log.entries().filter((e) => e.dir === 'tx' && text(e) === '+++')).toHaveLength(2);
      await clock.advance(5000);
      expect(stray()).toBe('');
    }
  });

  it('a UARTFT longer than every guard tried first is still found through the ladder', async () => {
    const { clock, module, session } = await simSetup({ settings: { UARTFT: '2000' } });
    await clock.run(session.enterCommandMode());
    await clock.run(session.leaveCommandMode());
    await clock.run(session.enterCommandMode());
    expect(module.mode).toBe('command');
    // 1000 (unknown device) was too short once; what worked is remembered for the next entry.
    expect(session.uartft).toBeGreaterThan(2000);
  });

  it('a module already in command mode answers +++ with an error: no AT is sent to find out', async () => {
    const { clock, module, session } = await simSetup();
    await clock.run(session.enterCommandMode());
    // A second session on a new port object, as after a reload of the page (which takes a while).
    await clock.run(session.close());
    await clock.advance(1500);
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
    ).toEqual(['+++']);
    const read = await clock.run(again.readAll({ names: ['WKMOD'] }));
    expect(read.values).toEqual({ WKMOD: 'NET' });
  });

  it('firmware that keeps quiet about +++ in command mode is found with a CR once a working mode is ruled out', async () => {
    const { clock, module, session } = await simSetup({ firmware: ['silent-plus'], session: { uartft: 50 } });
    await clock.run(session.enterCommandMode());
    await clock.run(session.close());
    const again = new AtSession({ clock, uartft: 50 });
    await clock.run(again.open(createSimulatorPort(module)));
    await clock.run(again.enterCommandMode());
    expect(again.state).toEqual({ kind: 'command-mode' });
    const read = await clock.run(again.readAll({ names: ['WKMOD', 'UARTFT'] }));
    expect(read.values).toEqual({ WKMOD: 'NET', UARTFT: '50' });
  });

  it('detect tells command mode from working mode with the guarded +++ alone', async () => {
    const { clock, session } = await simSetup();
    expect(await clock.run(session.detect())).toBe('working');
    expect(await clock.run(session.detect())).toBe('command');
    const tx = session.log
      .entries()
      .filter((e) => e.dir === 'tx')
      .map(text);
    expect(tx.every((t) => t === '+++' || t === 'a')).toBe(true);
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

  it('AT+ENTM is not sent when command mode is not known: it would be data for the server', async () => {
    const { clock, session } = await simSetup();
    await expect(clock.run(session.leaveCommandMode())).rejects.toMatchObject({ code: 'invalid-state' });
    expect(session.log.entries().filter((e) => e.dir === 'tx')).toHaveLength(0);
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

  it('password AT longer than UARTFL is refused before sending: the module would forward it as data', async () => {
    const { clock, module, session } = await simSetup({
      settings: { UARTFL: '12' },
      session: { uartft: 50 },
    });
    const stray = strayToServer(module);
    const read = await clock.run(session.readAll({ names: ['UARTFL'] }));
    expect(read.values).toEqual({ UARTFL: '12' });
    await clock.run(session.leaveCommandMode());
    session.setAccess({ kind: 'password', password: 'usr.cn' });
    const sentBefore = session.log.entries().filter((e) => e.dir === 'tx').length;
    // `usr.cnAT+VER?\r` is 14 bytes: two frames of 12 and 2 for the module.
    const error = await clock.run(session.identify().catch((e: unknown) => e));
    expect(error).toMatchObject({ code: 'frame-too-long' });
    expect(String((error as { text: { en: string } }).text.en)).toContain('12 bytes');
    expect(session.log.entries().filter((e) => e.dir === 'tx')).toHaveLength(sentBefore);
    await clock.advance(3000);
    expect(stray()).toBe('');
  });

  it('password AT with a wrong password gets no answer and says so', async () => {
    const { clock, session } = await simSetup();
    session.setAccess({ kind: 'password', password: 'wrong' });
    await expect(clock.run(session.identify())).rejects.toMatchObject({ code: 'timeout' });
    expect(session.state).toMatchObject({ kind: 'failed', connected: true, error: { code: 'timeout' } });
  });
});
