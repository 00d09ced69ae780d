/**
 * The simulated module kept between runs of its host (simulator/host/saved-state.ts, the worker's `init`
 * and `state` messages): a module started from a saved state has its stored settings (running, as after a
 * power cycle), user defaults, identity, firmware variant, servers' behaviours and radio; "reset the demo"
 * brings it back to the pristine state.
 */
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/clock/virtual-clock';
import { factoryDefaults } from '../../src/protocol/catalogue';
import { SimulatedModule } from '../../src/simulator/core';
import {
  checkSavedState,
  pristineState,
  restoreFaults,
  restoreWorld,
  sameState,
  savedStateOf,
  type ModuleSavedState,
} from '../../src/simulator/host/saved-state';
import { VirtualWorld } from '../../src/simulator/world/world';
import { Harness, OK } from './harness';

/** A module the way the worker starts one from a saved state. */
function started(saved: ModuleSavedState): Harness {
  const clock = new VirtualClock();
  const world = new VirtualWorld({ clock });
  restoreWorld(world, saved);
  return new Harness({ world, firmware: saved.firmware, flash: saved, startRunning: true, boot: false });
}

describe('saved simulator state', () => {
  it('a new module is pristine; a set makes it differ', () => {
    const h = new Harness();
    expect(sameState(savedStateOf(h.module), pristineState())).toBe(true);
    h.enterCommandMode();
    expect(h.command('AT+HEARTTM=77')).toBe(OK);
    const state = savedStateOf(h.module);
    expect(state.stored['HEARTTM']).toBe('77');
    expect(sameState(state, pristineState())).toBe(false);
  });

  it('a module started from it has the settings stored and running, and the world as it was', () => {
    const h = new Harness();
    h.enterCommandMode();
    h.command('AT+HEARTTM=77');
    h.command('AT+CFGTF');
    h.command('AT+SOCKASL=SHORT');
    h.module.control({ type: 'set-server-behaviour', socket: 'B', behaviour: 'refuse' });
    h.module.control({ type: 'set-radio', network: '3G', rssi: -90 });
    h.module.control({ type: 'set-firmware', selection: ['no-ok-queries'] });
    // Through postMessage / IndexedDB and back.
    const saved = checkSavedState(JSON.parse(JSON.stringify(savedStateOf(h.module))));
    expect(saved).toBeDefined();
    if (!saved) return;

    const again = started(saved);
    expect(again.module.stored['HEARTTM']).toBe('77');
    expect(again.module.stored['SOCKASL']).toBe('SHORT');
    expect(again.module.running['SOCKASL']).toBe('SHORT');
    expect(again.module.world.servers.B.behaviour).toBe('refuse');
    expect(again.module.world.radio.current).toEqual({ network: '3G', rssi: -90 });
    expect(again.module.firmwareSelection).toEqual(['no-ok-queries']);
    expect(sameState(savedStateOf(again.module), saved)).toBe(true);
    again.enterCommandMode();
    // That firmware answers queries without OK.
    expect(again.command('AT+HEARTTM')).toContain('+HEARTTM:77');
    // User defaults came along: AT+RELD brings back what CFGTF saved.
    again.command('AT+HEARTTM=5');
    again.command('AT+RELD');
    again.advance(60_000);
    expect(again.module.stored['HEARTTM']).toBe('77');
    expect(again.module.stored['SOCKASL']).toBe('LONG');
  });

  it('"reset the demo" brings a restored module back to the pristine state', () => {
    const saved: ModuleSavedState = {
      ...pristineState(),
      stored: { ...factoryDefaults(), HEARTTM: '77' },
      behaviours: { A: 'silent', B: 'echo', C: 'echo', D: 'echo' },
      radio: { network: '2G', rssi: -100 },
    };
    const h = started(saved);
    h.module.control({ type: 'reset-demo' });
    expect(sameState(savedStateOf(h.module), pristineState())).toBe(true);
  });

  it('checks what it reads back: not a state, bad values and unknown names', () => {
    expect(checkSavedState(null)).toBeUndefined();
    expect(checkSavedState({ stored: 'x' })).toBeUndefined();
    const checked = checkSavedState({
      stored: { HEARTTM: 'soon', UARTFT: '200', VER: 'V9', constructor: 'x' },
      identity: { version: 'V1.0.9', sn: '\u202e1', imei: 7 },
      firmware: 'slow',
      behaviours: { A: 'silent', Z: 'refuse' },
      radio: { network: '4G', rssi: Number.NaN },
    });
    expect(checked?.stored['HEARTTM']).toBe('30');
    expect(checked?.stored['UARTFT']).toBe('200');
    expect(checked?.stored['VER']).toBeUndefined();
    expect(checked?.identity.version).toBe('V1.0.9');
    expect(checked?.identity.sn).toBe(pristineState().identity.sn);
    expect(checked?.identity.imei).toBe(pristineState().identity.imei);
    expect(checked?.firmware).toEqual([]);
    expect(checked?.behaviours).toEqual({ A: 'silent', B: 'echo', C: 'echo', D: 'echo' });
    expect(checked?.radio).toEqual(pristineState().radio);
  });

  it("keeps a scenario's world: host names that do not resolve and servers that close idle links", () => {
    const h = new Harness();
    h.module.control({ type: 'set-unknown-hosts', hosts: ['DTU.Example-Factory.cn'] });
    h.module.control({ type: 'set-server-timing', socket: 'B', idleCloseSeconds: 30, echoDelayMs: 2500 });
    const state = savedStateOf(h.module);
    // The page is told: the state differs from the demo's start, and from before each change.
    expect(sameState(state, pristineState())).toBe(false);
    expect(sameState(state, { ...state, unknownHosts: [] })).toBe(false);
    expect(sameState(state, { ...state, serverIdleCloseSeconds: { A: 0, B: 0, C: 0, D: 0 } })).toBe(false);

    const saved = checkSavedState(JSON.parse(JSON.stringify(state)));
    expect(saved).toBeDefined();
    if (!saved) return;
    const clock = new VirtualClock();
    const world = new VirtualWorld({ clock });
    restoreWorld(world, saved);
    const again = new SimulatedModule({
      clock,
      world,
      firmware: saved.firmware,
      flash: saved,
      startRunning: true,
    });
    restoreFaults(again, saved);
    expect(again.world.dns.resolves('dtu.example-factory.cn')).toBe(false);
    expect(again.world.dns.resolves('iot.example-factory.cn')).toBe(true);
    expect(again.world.servers.B.idleCloseMs).toBe(30_000);
    expect(again.world.servers.B.echoDelayMs).toBe(2500);
    expect(again.world.servers.A.idleCloseMs).toBe(0);
    expect(sameState(savedStateOf(again), saved)).toBe(true);
  });

  it('drops a corrupted unknown-host list or idle time and keeps the rest of the state', () => {
    const checked = checkSavedState({
      stored: { HEARTTM: '77' },
      unknownHosts: ['ok.example', 42, '', 'bad host', 'OK.example', 'x'.repeat(300)],
      serverIdleCloseSeconds: { A: -5, B: 'soon', C: 1e12, D: 12.7 },
    });
    expect(checked?.stored['HEARTTM']).toBe('77');
    expect(checked?.unknownHosts).toEqual(['ok.example']);
    expect(checked?.serverIdleCloseSeconds).toEqual({ A: 0, B: 0, C: 86_400, D: 12 });
    const notAList = checkSavedState({ stored: {}, unknownHosts: 'dtu.example', serverIdleCloseSeconds: [] });
    expect(notAList?.unknownHosts).toEqual([]);
    expect(notAList?.serverIdleCloseSeconds).toEqual({ A: 0, B: 0, C: 0, D: 0 });
    expect(sameState(notAList as ModuleSavedState, pristineState())).toBe(true);
  });

  it('a plain new module (no saved state) is as before', () => {
    const m = new SimulatedModule({ clock: new VirtualClock(), startRunning: true });
    expect(sameState(savedStateOf(m), pristineState())).toBe(true);
  });
});
