/**
 * What the trainer's panel shows and the faults it injects (issue 12, docs/simulator.md "Faults" and
 * "Events for a log"): who wrote what on the serial line, where the module's writes end, the SMS answer after
 * its question, line noise, a module whose UART runs at a rate the host does not know, a slow server.
 */
import { describe, expect, it } from 'vitest';
import { Prng } from '../../src/simulator/core/prng';
import { addLineNoise, lineNoiseRate, MAX_LINE_NOISE } from '../../src/simulator/core/line-noise';
import { VirtualClock } from '../../src/clock/virtual-clock';
import {
  checkSavedState,
  pristineState,
  restoreFaults,
  restoreWorld,
  sameState,
  savedStateOf,
} from '../../src/simulator/host/saved-state';
import { VirtualWorld } from '../../src/simulator/world/world';
import { bytes, Harness, HOST_LINE, OK, text } from './harness';

describe('serial events for a log', () => {
  it('each host write is one serial-in event with the bytes as written', () => {
    const h = new Harness();
    h.enterCommandMode();
    h.type('AT+VER\r');
    h.advance(50);
    const writes = h.eventsOf('serial-in').map((e) => text(e.bytes));
    expect(writes.slice(-3)).toEqual(['+++', 'a', 'AT+VER\r']);
  });

  it('with wire timing a packet reaches the host in pieces, and only the last piece ends the write', () => {
    const h = new Harness({ wireTiming: true });
    const packet = 'hello from the server, a long line of words that must not be split mid-word\r\n';
    h.events.length = 0;
    h.module.control({ type: 'set-wrong-baud', baud: 9600 });
    h.line = { ...HOST_LINE, baud: 9600 };
    h.module.control({ type: 'server-send', socket: 'A', bytes: bytes(packet) });
    h.advance(1000);
    const chunks = h.eventsOf('serial-out');
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.map((c) => text(c.bytes)).join('')).toBe(packet);
    expect(chunks.map((c) => c.end)).toEqual([...chunks.slice(1).map(() => false), true]);
  });

  it('an SMS answered at once (SMS AT) comes after its question in the events', () => {
    const h = new Harness();
    h.module.control({ type: 'phone-send', text: 'usr.cnAT+VER' });
    h.advance(5000);
    const order = h.events.filter((e) => e.type === 'sms-in' || e.type === 'sms-out').map((e) => e.type);
    expect(order).toEqual(['sms-in', 'sms-out']);
  });
});

describe('line noise', () => {
  it('a rate is clamped to 0–0.5 and anything but a number is a clean line', () => {
    expect(lineNoiseRate(0.1)).toBe(0.1);
    expect(lineNoiseRate(3)).toBe(MAX_LINE_NOISE);
    expect(lineNoiseRate(-1)).toBe(0);
    expect(lineNoiseRate(Number.NaN)).toBe(0);
    expect(lineNoiseRate('0.2')).toBe(0);
  });

  it('hits about the given share of bytes: a flipped bit or a lost byte, never more', () => {
    const input = new Uint8Array(10_000).fill(0x41);
    const out = addLineNoise(input, 0.2, new Prng(1));
    const lost = input.length - out.length;
    const flipped = [...out].filter((b) => b !== 0x41);
    expect(lost + flipped.length).toBeGreaterThan(1700);
    expect(lost + flipped.length).toBeLessThan(2300);
    expect(lost).toBeGreaterThan(0);
    for (const b of flipped) expect([1, 2, 4, 8, 16, 32, 64, 128]).toContain(b ^ 0x41);
  });

  it('garbles the answers the host reads until it is turned off, and says so in a faults event', () => {
    const h = new Harness();
    h.enterCommandMode();
    h.module.control({ type: 'set-line-noise', rate: 0.3 });
    expect(h.eventsOf('faults').at(-1)?.faults.lineNoise).toBe(0.3);
    const noisy = Array.from({ length: 5 }, () => h.raw('AT+VER'));
    expect(noisy.filter((r) => r === 'AT+VER\r\r\n+VER:V1.0.6\r\n\r\nOK\r\n').length).toBeLessThan(5);
    h.module.control({ type: 'set-line-noise', rate: 0 });
    expect(h.module.snapshot().faults?.lineNoise).toBe(0);
    expect(h.command('AT')).toBe(OK);
  });
});

describe('wrong baud on the cable', () => {
  it('the module runs at another rate than stored: the host at 115200 gets no answer, at 9600 it does', () => {
    const h = new Harness();
    h.enterCommandMode();
    h.module.control({ type: 'set-wrong-baud', baud: 9600 });
    expect(h.eventsOf('uart').at(-1)).toMatchObject({ reason: 'fault', uart: { baud: 9600 } });
    expect(h.module.snapshot().faults?.wrongBaud).toBe(9600);
    expect(h.command('AT', 200)).not.toContain('OK');
    h.line = { ...HOST_LINE, baud: 9600 };
    h.advance(3000);
    h.take();
    // The stored rate is what AT+UART? still says: the app cannot learn the real one by asking.
    expect(h.command('AT+UART?', 300)).toContain('+UART:115200');
  });

  it('stays over a power cycle and ends with null', () => {
    const h = new Harness();
    h.module.control({ type: 'set-wrong-baud', baud: 9600 });
    h.module.control({ type: 'power-cycle' });
    h.advance(30_000);
    expect(h.module.uart.baud).toBe(9600);
    h.module.control({ type: 'set-wrong-baud', baud: null });
    expect(h.module.uart.baud).toBe(115200);
    expect(h.eventsOf('faults').at(-1)?.faults.wrongBaud).toBeNull();
  });

  it('a rate that is not a positive whole number changes nothing', () => {
    const h = new Harness();
    h.module.control({ type: 'set-wrong-baud', baud: -5 });
    expect(h.module.uart.baud).toBe(115200);
    expect(h.module.snapshot().faults?.wrongBaud).toBeNull();
  });
});

describe('slow server', () => {
  it('the faults picture shows each server echo delay (set-server-timing)', () => {
    const h = new Harness();
    h.module.control({ type: 'set-server-timing', socket: 'A', idleCloseSeconds: 0, echoDelayMs: 3000 });
    expect(h.module.snapshot().faults?.serverDelayMs).toEqual({ A: 3000, B: 0, C: 0, D: 0 });
  });
});

describe('a prepared exercise survives a reload (saved state)', () => {
  it('keeps line noise, the wrong baud rate and slow servers, and a module started from it has them', () => {
    const h = new Harness();
    h.module.control({ type: 'set-line-noise', rate: 0.05 });
    h.module.control({ type: 'set-wrong-baud', baud: 9600 });
    h.module.control({ type: 'set-server-timing', socket: 'B', idleCloseSeconds: 0, echoDelayMs: 3000 });
    // Through storage: JSON and the gate for what is read back.
    const saved = checkSavedState(JSON.parse(JSON.stringify(savedStateOf(h.module))));
    if (!saved) throw new Error('not a saved state');
    expect(sameState(saved, pristineState())).toBe(false);
    const clock = new VirtualClock();
    const world = new VirtualWorld({ clock });
    restoreWorld(world, saved);
    const again = new Harness({ world, flash: saved, startRunning: true, boot: false });
    restoreFaults(again.module, saved);
    expect(again.module.faults).toEqual({
      serverDelayMs: { A: 0, B: 3000, C: 0, D: 0 },
      lineNoise: 0.05,
      wrongBaud: 9600,
    });
    expect(again.module.uart.baud).toBe(9600);
  });

  it('reads bad faults back as off', () => {
    const bad = {
      ...pristineState(),
      faults: { lineNoise: 'loud', wrongBaud: -1, serverDelayMs: { A: 'x', B: 1e12 } },
    };
    expect(checkSavedState(bad)?.faults).toEqual({
      serverDelayMs: { A: 0, B: 600_000, C: 0, D: 0 },
      lineNoise: 0,
      wrongBaud: null,
    });
  });
});
