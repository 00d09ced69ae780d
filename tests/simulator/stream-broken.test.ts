/**
 * A module that streams, spams or lies (docs/simulator.md, "Streams" and "Broken devices"): a virtual
 * server pushing data at a set rate, forwarded at the line rate with a bounded serial buffer; and the three
 * devices that do not behave like a 7S4 (`spam-ok`, `wrong-reply`, `echo-only`). VirtualClock only.
 */
import { describe, expect, it } from 'vitest';
import {
  BATCH_MS,
  patternBytes,
  SERIAL_TX_BUFFER_BYTES,
  STREAM_LINE_BYTES,
  STREAM_TICK_MS,
  streamLine,
  wrongQueryLine,
} from '../../src/simulator/core';
import type { SimEvent } from '../../src/simulator/core/control';
import { ERR, Harness, HOST_LINE, info, OK, text } from './harness';

const OK_LINE = '\r\nOK\r\n';

describe('server-stream: a virtual server pushing data', () => {
  it('the text pattern is numbered 64-byte lines without a +, continuous across chunks', () => {
    expect(text(streamLine(42))).toMatch(/^#0000042 [A-Za-z0-9]+\r\n$/);
    expect(streamLine(42).length).toBe(STREAM_LINE_BYTES);
    const whole = patternBytes('text', 0, 1000);
    const parts = [
      patternBytes('text', 0, 333),
      patternBytes('text', 333, 400),
      patternBytes('text', 733, 267),
    ];
    expect(text(Uint8Array.from(parts.flatMap((p) => [...p])))).toBe(text(whole));
    expect(text(whole)).not.toContain('+');
    expect([...patternBytes('binary', 254, 4)]).toEqual([254, 255, 0, 1]);
  });

  it('reaches the serial side at the set rate in the working mode (timing off) and stops with rate 0', () => {
    const h = new Harness();
    h.module.control({ type: 'server-stream', socket: 'A', bytesPerSecond: 2000 });
    h.advance(1000 + 100); // + network latency
    const got = h.takeBytes();
    expect(got.length).toBeGreaterThanOrEqual(1900);
    expect(got.length).toBeLessThanOrEqual(2200);
    expect(text(got.subarray(0, STREAM_LINE_BYTES))).toBe(text(streamLine(0)));
    expect(h.eventsOf('server-stream').at(-1)).toMatchObject({
      socket: 'A',
      bytesPerSecond: 2000,
      pattern: 'text',
    });
    expect(h.module.snapshot().streams?.A).toEqual({ bytesPerSecond: 2000, pattern: 'text' });

    h.module.control({ type: 'server-stream', socket: 'A', bytesPerSecond: 0 });
    h.advance(200);
    h.take();
    h.advance(1000);
    expect(h.takeBytes().length).toBe(0);
    expect(h.module.snapshot().streams?.A.bytesPerSecond).toBe(0);
  });

  it('ticks every STREAM_TICK_MS: one packet per tick, not one per byte', () => {
    const h = new Harness();
    h.module.control({ type: 'server-stream', socket: 'A', bytesPerSecond: 100_000, pattern: 'binary' });
    h.advance(1000);
    const rx = h.eventsOf('socket-rx');
    expect(rx.length).toBeLessThanOrEqual(1000 / STREAM_TICK_MS + 1);
    expect(rx.length).toBeGreaterThanOrEqual(1000 / STREAM_TICK_MS - 10);
  });

  it('with wire timing the module forwards at the line rate, batched, with a bounded buffer and counted drops', () => {
    const h = new Harness({ wireTiming: true });
    let outputs = 0;
    h.module.onSerialOutput(() => outputs++);
    // 115200 8N1 carries 11 520 bytes/s; the server pushes 50 000 bytes/s.
    h.module.control({ type: 'server-stream', socket: 'A', bytesPerSecond: 50_000, pattern: 'binary' });
    let maxBacklog = 0;
    for (let t = 0; t < 10_000; t += 100) {
      h.advance(100);
      maxBacklog = Math.max(maxBacklog, h.module.outputDoneAt - h.clock.now());
    }
    const got = h.takeBytes().length;
    const lineRate = 115200 / 10;
    expect(got).toBeGreaterThan(lineRate * 10 * 0.95);
    expect(got).toBeLessThanOrEqual(lineRate * 10 + 10);
    // What waits is at most the serial buffer (in wire time).
    expect(maxBacklog).toBeLessThanOrEqual(((SERIAL_TX_BUFFER_BYTES + 1000) * 1000) / lineRate);
    // One delivery per BATCH_MS of wire time, not one per byte.
    expect(outputs).toBeLessThanOrEqual((10_000 / BATCH_MS) * 1.2);
    const dropped = h.module.serialDropped;
    expect(dropped).toBeGreaterThan(50_000 * 10 - lineRate * 10 - SERIAL_TX_BUFFER_BYTES - 60_000);
    const drops = h.eventsOf('serial-drop');
    expect(drops.length).toBeGreaterThan(0);
    expect(drops.length).toBeLessThanOrEqual(11); // at most one a second
    h.module.control({ type: 'server-stream', socket: 'A', bytesPerSecond: 0 });
    h.advance(1500);
    expect(h.eventsOf('serial-drop').at(-1)?.dropped).toBe(h.module.serialDropped);
    expect(h.module.snapshot().serialDropped).toBe(h.module.serialDropped);
  });

  it('network data is not forwarded in command mode, and entry works while the server streams', () => {
    const h = new Harness({ wireTiming: true });
    h.module.control({ type: 'server-stream', socket: 'A', bytesPerSecond: 5000 });
    h.advance(500);
    h.take();
    // The host's +++ needs silence on the module's receive side only: its own output does not matter.
    h.type('+++');
    h.advance(60);
    expect(h.take().endsWith('a')).toBe(true);
    h.type('a');
    h.advance(10);
    expect(h.take()).toBe('+ok\r\n');
    h.advance(500);
    expect(h.take()).toBe('');
    expect(h.command('AT+VER')).toBe(info('VER', 'V1.0.6'));
    h.raw('AT+ENTM');
    h.advance(500);
    expect(h.take().length).toBeGreaterThan(1000);
  });

  it('reset-demo stops every stream; a bad socket or rate changes nothing and never throws', () => {
    const h = new Harness();
    h.module.control({ type: 'server-stream', socket: 'B', bytesPerSecond: 1000 });
    expect(() =>
      h.module.control({ type: 'server-stream', socket: 'Z' as 'A', bytesPerSecond: 1000 }),
    ).not.toThrow();
    h.module.control({ type: 'server-stream', socket: 'C', bytesPerSecond: Number.NaN });
    expect(h.module.snapshot().streams?.C.bytesPerSecond).toBe(0);
    h.module.control({ type: 'reset-demo' });
    expect(h.module.snapshot().streams?.B.bytesPerSecond).toBe(0);
  });
});

describe('broken devices (set-broken)', () => {
  function broken(behaviour: 'spam-ok' | 'wrong-reply' | 'echo-only'): Harness {
    const h = new Harness();
    h.module.control({ type: 'set-broken', behaviour });
    h.take();
    return h;
  }

  it('spam-ok answers OK to every line, to an empty line, and to a +++ framed by silence; never a, never a value', () => {
    const h = broken('spam-ok');
    expect(h.eventsOf('broken').at(-1)).toMatchObject({ behaviour: 'spam-ok' });
    h.advance(100);
    h.type('+++');
    h.advance(24);
    expect(h.take()).toBe('');
    h.advance(10);
    expect(h.take()).toBe(OK_LINE);
    h.type('a');
    h.advance(100);
    expect(h.take()).toBe('');
    expect(h.raw('AT+VER?')).toBe(OK_LINE); // the pending "a" is part of this line
    expect(h.raw('AT+SN')).toBe(OK_LINE);
    expect(h.raw('')).toBe(OK_LINE);
    expect(h.raw('hello world')).toBe(OK_LINE);
    expect(h.raw('AT+NOSUCH=1')).toBe(OK_LINE);
    // +++ inside a line, or without the silence before, is part of a line.
    h.type('x+++');
    h.advance(100);
    expect(h.take()).toBe('');
    h.type('\r\n');
    h.advance(10);
    expect(h.take()).toBe(OK_LINE);
    expect(h.module.snapshot().broken).toBe('spam-ok');
  });

  it('echo-only sends back every byte and answers nothing', () => {
    const h = broken('echo-only');
    h.advance(100);
    h.type('+++');
    h.advance(3500);
    expect(h.take()).toBe('+++');
    expect(h.raw('AT+VER')).toBe('AT+VER\r');
    h.write(Uint8Array.of(0, 0xff, 0x55));
    h.advance(10);
    expect([...h.takeBytes()]).toEqual([0, 0xff, 0x55]);
  });

  it('echo-only with wire timing: the echo comes back at the line rate', () => {
    const h = new Harness({ wireTiming: true });
    h.module.control({ type: 'set-broken', behaviour: 'echo-only' });
    h.take();
    h.type('0123456789');
    h.advance(1);
    expect(h.take()).toBe('');
    h.advance(10);
    expect(h.take()).toBe('0123456789');
  });

  it('wrong-reply enters like a 7S4 and answers each query with the next command in the catalogue', () => {
    const h = broken('wrong-reply');
    h.enterCommandMode();
    h.take();
    expect(wrongQueryLine('AT+VER?')).toBe('AT+SN');
    expect(h.command('AT+VER?')).toBe(info('SN', '01201812010000012345'));
    expect(h.command('AT+VER')).toBe(info('SN', '01201812010000012345'));
    expect(h.command('AT+SN')).toBe(info('ICCID', '89860117851012345678'));
    expect(h.command('AT+WKMOD?')).toMatch(/^\r\n\+CMDPW:/);
    // Sets, actions, ranges and errors are as a 7S4's.
    expect(h.command('AT+HEARTTM=45')).toBe(OK);
    expect(h.command('AT')).toBe(OK);
    expect(h.command('AT+NOSUCH')).toBe(ERR(2));
    expect(h.command('AT+HEARTTM=?')).toMatch(/^\r\n\+HEARTTM:/);
    expect(h.module.stored['HEARTTM']).toBe('45');
  });

  it('back to a 7S4 with null; the behaviour survives a restart; bad values mean a 7S4', () => {
    const h = broken('spam-ok');
    h.module.control({ type: 'power-cycle', offMs: 100 });
    h.boot();
    expect(h.module.broken).toBe('spam-ok');
    expect(h.raw('AT')).toBe(OK_LINE);
    h.module.control({ type: 'set-broken', behaviour: 'nonsense' as 'spam-ok' });
    expect(h.module.broken).toBeNull();
    h.module.control({ type: 'set-broken', behaviour: null });
    expect(h.eventsOf('broken').at(-1)).toMatchObject({ behaviour: null });
    h.enterCommandMode();
    expect(h.command('AT+VER')).toBe(info('VER', 'V1.0.6'));
  });

  it('events stay plain data', () => {
    const h = broken('echo-only');
    h.module.control({ type: 'server-stream', socket: 'A', bytesPerSecond: 1000 });
    const events: SimEvent[] = h.events.filter((e) => e.type === 'broken' || e.type === 'server-stream');
    expect(structuredClone(events)).toEqual(events);
    expect(HOST_LINE.baud).toBe(115200);
  });
});
