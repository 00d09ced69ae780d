/**
 * The one typed control API (architecture.md "Simulator control"): commands drive the world, events report
 * it, everything is plain data that survives postMessage (structured clone). LEDs and pins: manual 2.3.7.
 */
import { describe, expect, it } from 'vitest';
import type { SimCommand, SimEvent } from '../../src/simulator/core';
import { DEFAULT_TIMINGS } from '../../src/simulator/core';
import { bytes, Harness, HOST_LINE, OK, text } from './harness';

describe('control API', () => {
  it('every event survives structuredClone unchanged (postMessage)', () => {
    const h = new Harness();
    h.type('data');
    h.advance(200);
    h.module.control({ type: 'get-snapshot' });
    h.module.control({ type: 'phone-send', text: 'usr.cnAT' });
    h.advance(5000);
    const types = new Set(h.events.map((e) => e.type));
    for (const t of [
      'serial-out',
      'socket-tx',
      'socket-rx',
      'link',
      'leds',
      'mode',
      'restart',
      'radio',
      'snapshot',
      'sms-in',
      'sms-out',
    ]) {
      expect(types.has(t as SimEvent['type']), t).toBe(true);
    }
    for (const e of h.events) expect(structuredClone(e)).toEqual(e);
  });

  it('serial-write and serial-line commands drive the serial side like hostWrite', () => {
    const h = new Harness();
    h.enterCommandMode();
    h.take();
    const cmd: SimCommand = { type: 'serial-write', bytes: bytes('AT\r'), line: HOST_LINE };
    h.module.control(structuredClone(cmd));
    expect(h.take()).toBe('AT\r' + OK);
    const slow = { ...HOST_LINE, baud: 9600 };
    h.module.control({ type: 'serial-line', line: slow });
    h.module.control({ type: 'serial-write', bytes: bytes('AT\r'.repeat(10)), line: slow });
    h.advance(100);
    expect(h.take()).not.toContain('OK');
  });

  it('snapshot shows mode, links, LEDs, radio, UART, stored and running settings', () => {
    const h = new Harness();
    const s = h.module.snapshot();
    expect(s.mode).toBe('net');
    expect(s.links).toEqual({ A: 'connected', B: 'disabled', C: 'disabled', D: 'disabled' });
    expect(s.leds).toEqual({ pwr: true, work: true, net: 4, linkA: true, linkB: false });
    expect(s.radio).toEqual({ network: '4G', rssi: -71 });
    expect(s.uart).toMatchObject({ baud: 115200 });
    expect(s.stored['WKMOD']).toBe('NET');
    expect(s.running['SOCKA']).toBe('TCP,test.usr.cn,2317');
    expect(structuredClone(s)).toEqual(s);
  });

  it('server-send to a socket without a connection is dropped', () => {
    const h = new Harness();
    h.module.control({ type: 'server-send', socket: 'C', bytes: bytes('nobody') });
    h.advance(100);
    expect(h.take()).toBe('');
  });

  it('silent server: records but does not echo', () => {
    const h = new Harness();
    h.module.control({ type: 'set-server-behaviour', socket: 'A', behaviour: 'silent' });
    h.type('quiet');
    h.advance(200);
    expect(h.take()).toBe('');
    expect(text(h.server('A').receivedBytes())).toBe('quiet');
    expect(h.server('A').received[0]?.at).toBeGreaterThan(0);
  });

  it('mode events follow entry, command mode and ENTM', () => {
    const h = new Harness();
    h.enterCommandMode();
    h.command('AT+ENTM');
    const modes = h.eventsOf('mode').map((e) => e.mode);
    expect(modes.slice(-3)).toEqual(['entering', 'command', 'net']);
  });

  it('unsubscribing stops events', () => {
    const h = new Harness();
    const seen: SimEvent[] = [];
    const off = h.module.onEvent((e) => seen.push(e));
    h.type('a');
    h.advance(200);
    off();
    const n = seen.length;
    h.type('b');
    h.advance(200);
    expect(seen.length).toBe(n);
  });
});

describe('LEDs and LINK pins (2.3.7)', () => {
  it('PWR on when powered, WORK after boot, NET blinks 2/3/4 per second on 2G/3G/4G, off without network', () => {
    const h = new Harness({ boot: false });
    expect(h.module.leds).toEqual({ pwr: true, work: false, net: 0, linkA: false, linkB: false });
    h.advance(DEFAULT_TIMINGS.bootMs);
    expect(h.module.leds.work).toBe(true);
    expect(h.module.leds.net).toBe(0);
    h.advance(4000);
    expect(h.module.leds.net).toBe(4);
    h.module.control({ type: 'set-radio', network: '2G', rssi: -80 });
    expect(h.module.leds.net).toBe(2);
    h.module.control({ type: 'set-radio', network: '3G', rssi: -80 });
    expect(h.module.leds.net).toBe(3);
    h.module.control({ type: 'set-radio', network: 'none', rssi: -80 });
    expect(h.module.leds.net).toBe(0);
    h.module.control({ type: 'set-power', on: false });
    expect(h.module.leds).toEqual({ pwr: false, work: false, net: 0, linkA: false, linkB: false });
  });

  it('LINKA/LINKB are high while A/B are connected', () => {
    const h = new Harness();
    h.enterCommandMode();
    h.command('AT+SOCKBEN=ON');
    h.command('AT+Z');
    h.advance(4000);
    expect(h.module.leds).toMatchObject({ linkA: true, linkB: true });
    h.module.control({ type: 'drop-link', socket: 'B' });
    expect(h.module.leds).toMatchObject({ linkA: true, linkB: false });
    expect(h.eventsOf('leds').at(-1)?.leds.linkB).toBe(false);
  });
});
