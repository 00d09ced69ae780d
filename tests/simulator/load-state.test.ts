/**
 * `load-state` (a classroom exercise's start) and `set-server-timing` (a server that drops idle links, a
 * slow server): control.ts. Heartbeat 2.3.2, short connections 3.1.7.33/3.1.7.45.
 */
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/simulator/core';
import { checkStartState } from '../../src/simulator/core/start-state';
import { bytes, Harness } from './harness';

function loaded(h: Harness): SimEvent[] {
  return h.events.filter((e) => e.type === 'state-loaded');
}

describe('load-state', () => {
  it('starts at once from the given settings, world and firmware, already attached', () => {
    const h = new Harness();
    h.module.control({
      type: 'load-state',
      state: {
        settings: { HEARTTM: '45', SOCKA: 'TCP,iot.example.cn,9000', BAUD: '9600' },
      },
    });
    // BAUD is no setting of the 7S4: the whole state is refused, nothing changed.
    expect(loaded(h).at(-1)).toMatchObject({ error: 'settings.BAUD: not a setting of the 7S4' });
    expect(h.module.stored['HEARTTM']).toBe('30');

    h.module.control({
      type: 'load-state',
      state: {
        settings: { HEARTTM: '45', SOCKA: 'TCP,iot.example.cn,9000', UART: '9600,8,1,NONE,NFC' },
        firmware: ['plus-ok'],
        unknownHosts: ['iot.example.cn'],
        behaviours: { B: 'refuse' },
      },
    });
    expect(loaded(h).at(-1)).not.toHaveProperty('error');
    const snap = h.module.snapshot();
    expect(snap.mode).toBe('net');
    expect(snap.running['HEARTTM']).toBe('45');
    expect(snap.uart.baud).toBe(9600);
    expect(snap.firmware).toEqual(['plus-ok']);
    expect(snap.behaviours.B).toBe('refuse');
    expect(h.module.attached).toBe(true);
    h.advance(1000);
    // The name does not resolve: socket A waits, with the reason.
    const why = h.events.filter((e) => e.type === 'link' && e.socket === 'A').at(-1);
    expect(why).toMatchObject({ state: 'waiting', reason: 'dns' });
  });

  it('with no service the module runs but does not attach until the radio comes back', () => {
    const h = new Harness();
    h.module.control({ type: 'load-state', state: { radio: { network: 'none', rssi: -113 } } });
    h.advance(10_000);
    expect(h.module.attached).toBe(false);
    expect(h.module.linkState('A')).toBe('no-network');
    h.module.control({ type: 'set-radio', network: '4G', rssi: -70 });
    h.advance(6000);
    expect(h.module.linkState('A')).toBe('connected');
  });

  it('names the bad part of a start state', () => {
    expect(checkStartState({ settings: { HEARTTM: '0' } })).toMatchObject({
      ok: false,
      error: expect.stringContaining('settings.HEARTTM'),
    });
    expect(checkStartState({ firmware: ['no-such-firmware'] })).toMatchObject({ ok: false });
    expect(checkStartState({ radio: { network: '5G', rssi: -70 } })).toMatchObject({ ok: false });
    expect(checkStartState({ behaviours: { E: 'echo' } })).toMatchObject({
      ok: false,
      error: 'behaviours: no socket "E"',
    });
    expect(checkStartState({ serverTiming: { A: { idleCloseSeconds: -1 } } })).toMatchObject({ ok: false });
    expect(checkStartState({ settings: { uartft: '200' } })).toEqual({
      ok: true,
      state: expect.objectContaining({ settings: { UARTFT: '200' } }),
    });
  });
});

describe('set-server-timing', () => {
  it('a server that closes idle links drops a module without heartbeat, not one with it', () => {
    const quiet = new Harness();
    quiet.module.control({
      type: 'load-state',
      state: { settings: { HEARTEN: 'OFF' }, serverTiming: { A: { idleCloseSeconds: 20 } } },
    });
    quiet.advance(25_000);
    const drops = quiet.events.filter((e) => e.type === 'link' && e.socket === 'A' && e.reason === 'dropped');
    expect(drops.length).toBe(1);
    expect(drops[0]?.at).toBeGreaterThanOrEqual(20_000);

    const beating = new Harness();
    beating.module.control({
      type: 'load-state',
      state: { settings: { HEARTTM: '10' }, serverTiming: { A: { idleCloseSeconds: 20 } } },
    });
    beating.advance(60_000);
    expect(beating.events.some((e) => e.type === 'link' && e.reason === 'dropped')).toBe(false);
    expect(beating.module.linkState('A')).toBe('connected');
  });

  it("a short connection closed before the slow server's answer loses it; a longer timeout gets it", () => {
    const run = (shortTimeout: string): SimEvent[] => {
      const h = new Harness();
      h.module.control({
        type: 'load-state',
        state: {
          settings: { SOCKASL: 'SHORT', SHORATO: shortTimeout },
          serverTiming: { A: { echoDelayMs: 3000 } },
        },
      });
      h.advance(100);
      h.write(bytes('reading 42'));
      h.advance(10_000);
      return h.events.filter((e) => e.type === 'socket-rx' && e.socket === 'A' && e.tag === 'data');
    };
    expect(run('1')).toHaveLength(0);
    expect(run('5')).toHaveLength(1);
  });

  it('reset-demo forgets the timing', () => {
    const h = new Harness();
    h.module.control({ type: 'set-server-timing', socket: 'A', idleCloseSeconds: 5, echoDelayMs: 100 });
    expect(h.server('A').idleCloseMs).toBe(5000);
    h.module.control({ type: 'reset-demo' });
    expect(h.server('A').idleCloseMs).toBe(0);
    expect(h.server('A').echoDelayMs).toBe(0);
    h.module.control({
      type: 'set-server-timing',
      socket: 'A',
      idleCloseSeconds: Number.NaN,
      echoDelayMs: -3,
    });
    expect(h.server('A').idleCloseMs).toBe(0);
  });
});
