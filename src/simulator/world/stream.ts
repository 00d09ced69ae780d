import type { Clock, Timer } from '../../clock/clock';
import type { StreamPattern } from '../core/control';

/** A stream sends what is due every this many ms: one clock timer per tick, never one per byte. */
export const STREAM_TICK_MS = 10;

/** The highest rate a stream accepts, bytes/s (above any serial line the module can run). */
export const STREAM_MAX_BYTES_PER_SECOND = 1_000_000;

/** Length of one line of the `text` pattern, CR LF included. */
export const STREAM_LINE_BYTES = 64;

const encoder = new TextEncoder();
const FILLER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Line `n` of the text pattern: `#0000042 ABCDEF…\r\n`, always `STREAM_LINE_BYTES` long. */
export function streamLine(n: number): Uint8Array {
  const head = `#${String(n % 10_000_000).padStart(7, '0')} `;
  return encoder.encode(head + FILLER.slice(0, STREAM_LINE_BYTES - head.length - 2) + '\r\n');
}

/**
 * The bytes of a pattern from position `from` (bytes since the stream started), `n` of them. The text
 * pattern is numbered lines of ASCII (no `+`, so never a `+++`); the binary one counts 00…FF.
 */
export function patternBytes(pattern: StreamPattern, from: number, n: number): Uint8Array {
  const out = new Uint8Array(n);
  if (pattern === 'binary') {
    for (let i = 0; i < n; i++) out[i] = (from + i) & 0xff;
    return out;
  }
  let at = 0;
  let line = Math.floor(from / STREAM_LINE_BYTES);
  let offset = from % STREAM_LINE_BYTES;
  while (at < n) {
    const bytes = streamLine(line);
    const take = Math.min(n - at, STREAM_LINE_BYTES - offset);
    out.set(bytes.subarray(offset, offset + take), at);
    at += take;
    line++;
    offset = 0;
  }
  return out;
}

/**
 * A virtual server's application pushing data at a set rate: every `STREAM_TICK_MS` it sends what is due
 * since the stream started (rate × time, so no drift), in one packet. When nobody is connected the tick's
 * bytes are lost, as a server with no client has nobody to send to.
 */
export class ServerStream {
  private timer: Timer | undefined;
  private startedAt = 0;
  /** Bytes generated since the start (sent or lost). */
  private produced = 0;

  constructor(
    private readonly clock: Clock,
    readonly bytesPerSecond: number,
    readonly pattern: StreamPattern,
    private readonly send: (bytes: Uint8Array) => void,
  ) {}

  start(): void {
    this.startedAt = this.clock.now();
    this.produced = 0;
    this.arm();
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }

  private arm(): void {
    this.timer = this.clock.setTimer(STREAM_TICK_MS, () => {
      this.timer = undefined;
      this.tick();
      this.arm();
    });
  }

  private tick(): void {
    const due = Math.floor(((this.clock.now() - this.startedAt) * this.bytesPerSecond) / 1000);
    const n = due - this.produced;
    if (n <= 0) return;
    const bytes = patternBytes(this.pattern, this.produced, n);
    this.produced = due;
    this.send(bytes);
  }
}
