/**
 * Fuzz: random and mutated input on every side of the module (serial in every mode, network, SMS, world
 * controls), deterministic from a seed. Nothing may throw, and afterwards the module must still answer `AT`
 * (manual 3.1.7.1) once the host uses its current settings. Iterations: FUZZ_ITERATIONS (default 100000).
 */
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/clock/virtual-clock';
import { CATALOGUE } from '../../src/protocol/catalogue';
import type { UartSettings } from '../../src/protocol/uart';
import { encodeRfc2217 } from '../../src/protocol/rfc2217';
import { encodeHostFrame } from '../../src/protocol/sdp';
import { Prng, SimulatedModule, SOCKET_IDS } from '../../src/simulator/core';

const ITERATIONS = Number(process.env['FUZZ_ITERATIONS'] ?? 100_000);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20240607);

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

/** Valid lines to mutate: every form of every catalogue command, plus password AT and +++. */
function corpus(): string[] {
  const lines: string[] = ['AT', '+++', 'usr.cnAT+VER', 'usr.cnAT+Z', 'AT+ENTM', 'AT+E=OFF', 'AT+E=ON'];
  for (const e of CATALOGUE) {
    const cmd = e.name === '' ? 'AT' : `AT+${e.name}`;
    lines.push(cmd, `${cmd}?`, `${cmd}=?`);
    if (e.default !== undefined) lines.push(`${cmd}=${e.default}`);
  }
  lines.push(
    'AT+SMSEND=8613854123456,hello',
    'AT+UPDATE=key',
    'AT+UART=9600,8,1,NONE,NFC',
    'AT+UART=115200,7,2,EVEN,NFC',
    'AT+UARTFT=200',
    'AT+UARTFL=1',
    'AT+WKMOD=HTTPD',
    'AT+SOCKASL=SHORT',
    'AT+SDPEN=ON',
    'AT+RFCEN=ON',
    'AT+SOCKIND=ON',
    'AT+HEARTSND=COM',
    'AT+HEARTTM=1',
    'AT+REGEN=ON',
    'AT+REGSND=DATA',
    'AT+CLOUDEN=ON',
    'AT+SOCKBEN=ON',
  );
  return lines;
}

const SPECIALS = [0x0d, 0x0a, 0x2b, 0x3d, 0x3f, 0x2c, 0x5b, 0x5d, 0x00, 0xff, 0x20, 0x41, 0x54];

function mutate(p: Prng, line: string): Uint8Array {
  const b = Array.from(ascii(line));
  const n = p.int(4);
  for (let k = 0; k < n; k++) {
    const at = p.int(b.length + 1);
    switch (p.int(7)) {
      case 0:
        if (b.length) b[Math.min(at, b.length - 1)] = p.byte();
        break;
      case 1:
        b.splice(at, 0, p.pick(SPECIALS));
        break;
      case 2:
        b.splice(at, 1);
        break;
      case 3:
        b.splice(at, 0, ...b.slice(0, p.int(b.length + 1)));
        break;
      case 4:
        b.length = Math.min(b.length, at);
        break;
      case 5:
        for (let i = 0; i < b.length; i++) if (p.int(2)) b[i] = (b[i] as number) ^ 0x20;
        break;
      default:
        b.splice(at, 0, p.byte());
    }
  }
  const end = p.int(10);
  if (end < 6) b.push(0x0d);
  else if (end < 8) b.push(0x0d, 0x0a);
  else if (end < 9) b.push(0x0a);
  return Uint8Array.from(b);
}

function randomBytes(p: Prng, max: number): Uint8Array {
  const out = new Uint8Array(p.int(max + 1));
  for (let i = 0; i < out.length; i++) out[i] = p.byte();
  return out;
}

const LINES: readonly UartSettings[] = [
  { baud: 9600, dataBits: 8, stopBits: 1, parity: 'NONE' },
  { baud: 115200, dataBits: 8, stopBits: 1, parity: 'EVEN' },
  { baud: 230400, dataBits: 7, stopBits: 2, parity: 'ODD' },
];

function runFuzz(iterations: number, wireTiming: boolean): void {
  const p = new Prng(SEED);
  const clock = new VirtualClock();
  // Far from time 0, float times round: timers must still make progress (no 0 ms re-arm loops).
  if (wireTiming) clock.advanceSync(987_654_321.37);
  // Short restarts so the fuzz spends its inputs on a listening module.
  const module = new SimulatedModule({
    clock,
    seed: SEED,
    wireTiming,
    timings: { bootMs: 400, appRestartMs: 150, updateMs: 200 },
  });
  const lines = corpus();
  let out = 0;
  module.onSerialOutput((b) => (out += b.length));
  const seen = { command: 0, restarts: 0, httpd: 0 };
  module.onEvent((e) => {
    if (e.type === 'mode' && e.mode === 'command') seen.command++;
    if (e.type === 'mode' && e.mode === 'httpd') seen.httpd++;
    if (e.type === 'restart' && e.phase === 'done') seen.restarts++;
  });
  clock.advanceSync(5000);
  const hostLine = (): UartSettings => (p.int(10) === 0 ? p.pick(LINES) : module.uart);
  const write = (bytes: Uint8Array): void => module.hostWrite(bytes, hostLine());

  for (let i = 0; i < iterations; i++) {
    const r = p.int(100);
    if (r < 40) {
      // A mutated command, sometimes split over writes.
      const bytes = mutate(p, p.pick(lines));
      if (p.int(4) === 0 && bytes.length > 1) {
        const cut = 1 + p.int(bytes.length - 1);
        write(bytes.subarray(0, cut));
        clock.advanceSync(p.int(80));
        write(bytes.subarray(cut));
      } else write(bytes);
    } else if (r < 55) {
      write(randomBytes(p, 48));
    } else if (r < 65) {
      // The entry sequence, with random timing around the edges.
      clock.advanceSync(p.int(120));
      write(ascii('+++'.slice(0, 1 + p.int(3))));
      clock.advanceSync(p.int(120));
      if (p.int(3)) write(ascii('+++'));
      clock.advanceSync(p.int(200));
      write(ascii(p.int(4) ? 'a' : 'b'));
    } else if (r < 72) {
      const socket = p.pick(SOCKET_IDS);
      const kind = p.int(4);
      const bytes =
        kind === 0
          ? mutate(p, `usr.cn${p.pick(lines)}`)
          : kind === 1
            ? encodeRfc2217({
                baud: p.pick([9600, 115200, 1234]),
                dataBits: p.pick([5, 7, 8] as const),
                stopBits: 1,
                parity: 'NONE',
              })
            : randomBytes(p, 64);
      module.control({ type: 'server-send', socket, bytes });
    } else if (r < 75) {
      const data = randomBytes(p, 16);
      write(data.length ? encodeHostFrame(p.pick(SOCKET_IDS), data) : data);
    } else if (r < 77) {
      module.control({
        type: 'phone-send',
        text: p.int(2) ? `usr.cn${p.pick(lines)}` : String.fromCharCode(...randomBytes(p, 20)),
      });
    } else if (r < 79) {
      const socket = p.pick(SOCKET_IDS);
      const c = p.int(4);
      if (c === 0) module.control({ type: 'drop-link', socket });
      else
        module.control({
          type: 'set-server-behaviour',
          socket,
          behaviour: p.pick(['echo', 'silent', 'refuse'] as const),
        });
    } else if (r < 80) {
      const c = p.int(20);
      if (c === 0) module.control({ type: 'power-cycle', offMs: p.int(500) });
      else if (c === 1) module.control({ type: 'press-reload', ms: p.int(20_000) });
      else if (c < 6)
        module.control({
          type: 'set-radio',
          network: p.pick(['none', '2G', '3G', '4G'] as const),
          rssi: -140 + p.int(120),
        });
      else if (c < 8)
        module.control({
          type: 'set-http-response',
          response: { status: 200, body: randomBytes(p, 30), delayMs: p.int(3000) },
        });
      else module.control({ type: 'get-snapshot' });
    }
    clock.advanceSync(p.int(10) === 0 ? p.int(4000) : p.int(60));
  }

  // Recovery as a robust host would do it: power and network on, its settings = the module's UART.
  module.control({ type: 'set-power', on: true });
  module.control({ type: 'set-radio', network: '4G', rssi: -70 });
  clock.advanceSync(10_000);
  expect(module.ready).toBe(true);
  const replies: number[] = [];
  const off = module.onSerialOutput((b) => replies.push(...b));
  const uartft = Number(module.running['UARTFT'] ?? 50);
  if (module.mode !== 'command') {
    clock.advanceSync(uartft + 10);
    module.hostWrite(ascii('+++'), module.uart);
    clock.advanceSync(uartft + 10);
    module.hostWrite(ascii('a'), module.uart);
    clock.advanceSync(10);
  }
  expect(module.mode).toBe('command');
  module.hostWrite(ascii('\r'), module.uart);
  clock.advanceSync(10);
  replies.length = 0;
  module.hostWrite(ascii('AT\r'), module.uart);
  clock.advanceSync(10);
  off();
  expect(String.fromCharCode(...replies).endsWith('\r\nOK\r\n')).toBe(true);
  expect(out).toBeGreaterThan(0);
  // The fuzz reached the interesting states, not just a deaf or garbled module.
  if (iterations >= 10_000) {
    expect(seen.command).toBeGreaterThan(iterations / 1000);
    expect(seen.restarts).toBeGreaterThan(iterations / 10_000);
  }
}

describe('fuzz', () => {
  it(
    `${ITERATIONS} random and mutated inputs never throw or wedge; AT still answers OK afterwards (3.1.7.1, table 15)`,
    () => runFuzz(ITERATIONS, false),
    Math.max(60_000, ITERATIONS * 0.1),
  );

  it(
    `${Math.ceil(ITERATIONS / 10)} inputs with wire timing on (batched delivery, 2.2.1) never throw or wedge`,
    () => runFuzz(Math.ceil(ITERATIONS / 10), true),
    Math.max(60_000, ITERATIONS * 0.1),
  );
});
