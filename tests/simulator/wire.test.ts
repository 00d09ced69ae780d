/**
 * The serial line model: wire timing (bitsPerCharacter/baud per character, manual 2.2.1 table 2), garbage
 * when the host's settings differ from the module's UART (3.1.1 item 1), and throughput.
 */
import { describe, expect, it } from 'vitest';
import type { UartSettings } from '../../src/protocol/uart';
import { bitsPerCharacter } from '../../src/protocol/uart';
import { VirtualClock } from '../../src/clock/virtual-clock';
import { BATCH_MS, SimulatedModule } from '../../src/simulator/core';
import { BOOT_AND_CONNECT_MS, bytes, Harness, HOST_LINE, OK, text } from './harness';

const at = (baud: number, rest: Partial<UartSettings> = {}): UartSettings => ({
  ...HOST_LINE,
  baud,
  ...rest,
});

describe('wire timing', () => {
  it('each character takes bitsPerCharacter/baud: 10, 11 and 12 bit-times (2.2.1)', () => {
    expect(bitsPerCharacter(at(9600))).toBe(10);
    expect(bitsPerCharacter(at(9600, { parity: 'EVEN' }))).toBe(11);
    expect(bitsPerCharacter(at(9600, { parity: 'ODD', stopBits: 2 }))).toBe(12);
  });

  it('at 9600 8N1 AT<CR> arrives after 3 ms and OK is back 6+ ms later (wire timing on)', () => {
    const h = new Harness({ wireTiming: true });
    h.line = at(115200);
    h.enterCommandMode();
    h.command('AT+UART=9600,8,1,NONE,NFC');
    h.command('AT+E=OFF');
    h.command('AT+Z');
    h.advance(3000);
    h.line = at(9600);
    h.enterCommandMode();
    h.take();
    const t0 = h.clock.now();
    h.type('AT\r');
    const charMs = 10 / 9.6;
    expect(h.module.hostWriteDoneAt - t0).toBeCloseTo(3 * charMs, 6);
    h.advance(3 * charMs + 6 * charMs - 0.01);
    expect(h.take()).toBe('');
    h.advance(BATCH_MS);
    expect(h.take()).toBe(OK);
  });

  it('transparent data runs within 2 % of the wire rate at 230400 (both directions)', () => {
    const h = new Harness({ wireTiming: true });
    h.enterCommandMode();
    h.command('AT+UART=230400,8,1,NONE,NFC');
    h.command('AT+Z');
    h.advance(3000);
    h.line = at(230400);
    h.take();
    const n = 256 * 1024;
    const data = new Uint8Array(n).map((_, i) => i & 0xff);
    const t0 = h.clock.now();
    h.write(data);
    const wireMs = (n * 10 * 1000) / 230400;
    let echoed = 0;
    let tDone = 0;
    while (h.clock.now() - t0 < wireMs * 1.2) {
      h.advance(50);
      echoed += h.takeBytes().length;
      if (echoed >= n && !tDone) tDone = h.clock.now();
    }
    expect(h.server('A').totalBytes).toBe(n);
    expect(echoed).toBe(n);
    const elapsed = tDone - t0;
    expect(Math.abs(elapsed - wireMs) / wireMs).toBeLessThan(0.02);
  });

  it('wire timing off: a write arrives at once and the answer comes in the same instant', () => {
    const h = new Harness();
    h.enterCommandMode();
    h.take();
    h.type('AT\r');
    expect(h.take()).toBe('AT\r' + OK);
  });

  it('with timing off, 16 MiB of transparent data all make the round trip serial → server → serial', () => {
    const clock = new VirtualClock();
    const module = new SimulatedModule({ clock });
    clock.advanceSync(BOOT_AND_CONNECT_MS);
    const chunk = new Uint8Array(65536).map((_, i) => (i * 13) & 0xff);
    let got = 0;
    module.onSerialOutput((b) => (got += b.length));
    const total = 16 << 20;
    for (let sent = 0; sent < total; sent += chunk.length) {
      module.hostWrite(chunk, HOST_LINE);
      clock.advanceSync(1);
    }
    clock.advanceSync(200);
    // The speed itself is measured by `npm run bench` (goal ≥ 20 MB/s), not asserted here.
    expect(got).toBe(total);
  });
});

describe('garbage on mismatched settings (3.1.1)', () => {
  it('a host at 9600 talking to a module at 115200 gets no answer, only garbage', () => {
    const h = new Harness();
    h.enterCommandMode();
    h.line = at(9600);
    h.type('AT\r'.repeat(20));
    h.advance(200);
    const out = h.take();
    expect(out).not.toContain('OK');
    h.line = HOST_LINE;
    h.type('\rAT\r');
    h.advance(50);
    expect(h.take().endsWith(OK)).toBe(true);
  });

  it("the module's output at another baud rate arrives as garbage of another length", () => {
    const h = new Harness();
    h.line = at(38400);
    h.module.control({ type: 'server-send', socket: 'A', bytes: new Uint8Array(300).fill(0x55) });
    h.advance(100);
    const got = h.takeBytes();
    expect(got.length).toBe(100);
    expect(got.some((b) => b !== 0x55)).toBe(true);
  });

  it('same baud, other parity: characters are lost or changed', () => {
    const h = new Harness();
    h.line = at(115200, { parity: 'EVEN' });
    const sent = bytes('The quick brown fox jumps over the lazy dog');
    h.module.control({ type: 'server-send', socket: 'A', bytes: sent });
    h.advance(100);
    const got = h.takeBytes();
    expect(text(got)).not.toBe(text(sent));
    expect(got.length).toBeLessThanOrEqual(sent.length);
  });

  it('garbage is deterministic for a seed and differs between seeds', () => {
    const run = (seed: number): string => {
      const h = new Harness({ seed });
      h.line = at(57600);
      h.module.control({ type: 'server-send', socket: 'A', bytes: bytes('x'.repeat(64)) });
      h.advance(100);
      return text(h.takeBytes());
    };
    expect(run(1)).toBe(run(1));
    expect(run(1)).not.toBe(run(2));
  });

  it('7 data bits on both sides: bit 7 is lost, the rest arrives (2.2.1 data bits 7)', () => {
    const h = new Harness();
    h.enterCommandMode();
    h.command('AT+UART=115200,7,1,EVEN,NFC');
    h.command('AT+Z');
    h.advance(3000);
    h.line = at(115200, { dataBits: 7, parity: 'EVEN' });
    h.take();
    h.module.control({ type: 'server-send', socket: 'A', bytes: Uint8Array.of(0xc1, 0x42) });
    h.advance(100);
    expect(Array.from(h.takeBytes())).toEqual([0x41, 0x42]);
    h.enterCommandMode();
    expect(h.command('AT+UART')).toContain('115200,7,1,EVEN,NFC');
  });
});
