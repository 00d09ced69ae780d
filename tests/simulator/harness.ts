/**
 * Test helper: drives a SimulatedModule with a VirtualClock, the way a host on the serial port would.
 * Never sleeps on the wall clock: time moves only with `advance`.
 */
import { VirtualClock } from '../../src/clock/virtual-clock';
import { concatBytes } from '../../src/protocol/bytes';
import type { UartSettings } from '../../src/protocol/uart';
import { SimulatedModule, type SimulatedModuleOptions } from '../../src/simulator/core';
import type { SimEvent, SocketId } from '../../src/simulator/core/control';
import { DEFAULT_TIMINGS } from '../../src/simulator/core/timings';

export const HOST_LINE: UartSettings = { baud: 115200, dataBits: 8, stopBits: 1, parity: 'NONE' };

const latin1 = new TextDecoder('latin1');
const utf8 = new TextEncoder();

/** Bytes of a string: code points < 256 as one byte each (so `\xff` is byte 0xFF); others as UTF-8. */
export function bytes(text: string): Uint8Array {
  if ([...text].every((c) => c.charCodeAt(0) < 256)) return Uint8Array.from(text, (c) => c.charCodeAt(0));
  return utf8.encode(text);
}

export function text(data: Uint8Array): string {
  return latin1.decode(data);
}

/** Time the module needs from power-up to connected sockets with the default 4G radio. */
export const BOOT_AND_CONNECT_MS = DEFAULT_TIMINGS.bootMs + 3500 + 1000;

export interface HarnessOptions extends Partial<Omit<SimulatedModuleOptions, 'clock'>> {
  /** Run the boot (and network attach) before returning (default true). */
  readonly boot?: boolean;
}

export class Harness {
  readonly clock = new VirtualClock();
  readonly module: SimulatedModule;
  private hostLine: UartSettings = HOST_LINE;
  readonly events: SimEvent[] = [];
  private out: Uint8Array[] = [];

  constructor(options: HarnessOptions = {}) {
    const { boot = true, ...rest } = options;
    this.module = new SimulatedModule({ clock: this.clock, ...rest });
    this.module.onSerialOutput((b) => this.out.push(b));
    this.module.onEvent((e) => this.events.push(e));
    this.module.setHostLine(this.hostLine);
    if (boot) this.boot();
  }

  /** The host's port settings; setting them "reopens" the port (the module garbles on a mismatch). */
  get line(): UartSettings {
    return this.hostLine;
  }

  set line(line: UartSettings) {
    this.hostLine = line;
    this.module.setHostLine(line);
  }

  get world() {
    return this.module.world;
  }

  server(socket: SocketId) {
    return this.module.world.servers[socket];
  }

  /** Through power-up, start message, network attach and the first connections; output is discarded. */
  boot(): void {
    this.advance(BOOT_AND_CONNECT_MS);
    this.take();
  }

  advance(ms: number): void {
    this.clock.advanceSync(ms);
  }

  write(data: Uint8Array | string): void {
    this.module.hostWrite(typeof data === 'string' ? bytes(data) : data, this.line);
  }

  /** Writes text (no terminator added). */
  type(textToSend: string): void {
    this.write(textToSend);
  }

  /** Everything received since the last `take`, as a latin1 string. */
  take(): string {
    return text(this.takeBytes());
  }

  /** Everything received since the last `take`, as bytes. */
  takeBytes(): Uint8Array {
    const parts = this.out;
    this.out = [];
    return concatBytes(parts);
  }

  /** Silence longer than UARTFT, then `+++`, the module's `a`, our `a`, and `+ok`. Throws when it fails. */
  enterCommandMode(uartft = Number(this.module.running['UARTFT'] ?? 50)): void {
    this.advance(uartft + 10);
    this.take();
    this.type('+++');
    this.advance(uartft + 10);
    const a = this.take();
    if (a !== 'a') throw new Error(`expected "a" after +++, got ${JSON.stringify(a)}`);
    this.type('a');
    this.advance(10);
    const ok = this.take();
    if (!ok.startsWith('+ok')) throw new Error(`expected "+ok", got ${JSON.stringify(ok)}`);
  }

  /**
   * Sends `line` + CR in command mode and returns what came back within `waitMs` (echo included when echo is
   * on). Use `reply` for the answer without the echo.
   */
  raw(line: string, waitMs = 50): string {
    this.take();
    this.type(`${line}\r`);
    this.advance(waitMs);
    return this.take();
  }

  /** The answer to one command, without its echo. */
  command(line: string, waitMs = 50): string {
    const all = this.raw(line, waitMs);
    const echo = text(bytes(`${line}\r`));
    return all.startsWith(echo) ? all.slice(echo.length) : all;
  }

  /** The events of one type seen so far. */
  eventsOf<T extends SimEvent['type']>(type: T): Extract<SimEvent, { type: T }>[] {
    return this.events.filter((e): e is Extract<SimEvent, { type: T }> => e.type === type);
  }
}

/** `\r\n+NAME:value\r\n\r\nOK\r\n` */
export function info(name: string, value: string): string {
  return `\r\n+${name}:${value}\r\n\r\nOK\r\n`;
}

export const OK = '\r\nOK\r\n';
export const ERR = (n: number): string => `\r\n+ERR:${n}\r\n`;
