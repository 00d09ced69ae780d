/**
 * Fault injection around the simulator's port: a SerialPort-shaped wrapper whose faults can be switched
 * on and off while a test runs. Everything is deterministic (seeded PRNG, virtual clock).
 */
import type { Clock } from '../../src/clock/clock';
import type {
  SerialOpenOptions,
  SerialPortInfoLike,
  SerialPortLike,
} from '../../src/serial/serial-port-like';
import type { SimulatorPort } from '../../src/simulator/host/in-process-port';

export interface Faults {
  /** Share of bytes lost, each direction (0.01 = 1 %). */
  dropRate: number;
  /** Every chunk from the module arrives this much later (order kept). */
  delayMs: number;
  /** Nothing from the module arrives. */
  mute: boolean;
  /** Noise (no CR/LF) added after every chunk that ends a reply (`OK\r\n` / `+ERR…\r\n`). */
  garbageAfterReplies: boolean;
  /**
   * Each write reaches the module 0…this many ms after it was made (seeded, order kept), while the write
   * settles at once: a busy laptop's Chromium write path, which resolves writes when the bytes are in its
   * pipe, not on the wire (measured 10–60 ms).
   */
  writeDelayMaxMs: number;
}

const NO_FAULTS: Faults = {
  dropRate: 0,
  delayMs: 0,
  mute: false,
  garbageAfterReplies: false,
  writeDelayMaxMs: 0,
};

export class FaultyPort extends EventTarget implements SerialPortLike {
  readonly faults: Faults;
  readable: ReadableStream<Uint8Array> | null = null;
  writable: WritableStream<Uint8Array> | null = null;
  /** Bytes dropped so far (both directions). */
  dropped = 0;
  private seed: number;
  private innerReader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  private innerWriter: WritableStreamDefaultWriter<Uint8Array> | undefined;
  private controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  /** When the last delayed write reaches the module (writeDelayMaxMs). */
  private lastWriteAt = -Infinity;
  /** stallOnce: the write that starts the stall, and how long it lasts. */
  private stallAfter: { readonly text: string; readonly ms: number; nth: number } | undefined;
  /** loseAnswerOnce: the write whose answer is lost; `losing` until the next write. */
  private loseAfter: string | undefined;
  private losing = false;
  /** Chunks from the module held until `heldUntil` (a stalled read path), in order. */
  private held: Uint8Array[] = [];
  private heldUntil = -Infinity;

  constructor(
    private readonly inner: SimulatorPort,
    private readonly clock: Clock,
    faults: Partial<Faults> = {},
    seed = 1,
  ) {
    super();
    this.faults = { ...NO_FAULTS, ...faults };
    this.seed = seed;
    inner.addEventListener('disconnect', () => this.lost());
  }

  async open(options: SerialOpenOptions): Promise<void> {
    await this.inner.open(options);
    const innerReadable = this.inner.readable;
    const innerWritable = this.inner.writable;
    if (!innerReadable || !innerWritable) throw new Error('inner port has no streams');
    this.innerReader = innerReadable.getReader();
    this.innerWriter = innerWritable.getWriter();
    const reader = this.innerReader;
    this.readable = new ReadableStream<Uint8Array>({
      start: (c) => {
        this.controller = c;
        void this.pump(reader, c);
      },
      cancel: async () => {
        await reader.cancel().catch(() => undefined);
      },
    });
    const writer = this.innerWriter;
    this.writable = new WritableStream<Uint8Array>({
      write: async (chunk) => {
        this.losing =
          this.loseAfter !== undefined && new TextDecoder().decode(chunk).includes(this.loseAfter);
        if (this.losing) this.loseAfter = undefined;
        if (
          this.stallAfter &&
          new TextDecoder().decode(chunk).includes(this.stallAfter.text) &&
          --this.stallAfter.nth === 0
        ) {
          this.heldUntil = this.clock.now() + this.stallAfter.ms;
          this.stallAfter = undefined;
          this.clock.setTimer(this.heldUntil - this.clock.now(), () => {
            for (const bytes of this.held.splice(0)) this.deliver(bytes);
          });
        }
        const kept = this.lose(chunk);
        if (kept.length === 0) return;
        if (this.faults.writeDelayMaxMs <= 0) {
          await writer.write(kept);
          return;
        }
        const now = this.clock.now();
        const at = Math.max(this.lastWriteAt, now + this.rand(this.faults.writeDelayMaxMs + 1));
        this.lastWriteAt = at;
        this.clock.setTimer(at - now, () => void writer.write(kept).catch(() => undefined));
      },
    });
  }

  async close(): Promise<void> {
    if (!this.readable || !this.writable) throw new Error('already closed');
    if (this.readable.locked || this.writable.locked) throw new TypeError('streams locked');
    await this.readable.cancel().catch(() => undefined);
    this.innerReader?.releaseLock();
    this.innerWriter?.releaseLock();
    this.readable = null;
    this.writable = null;
    await this.inner.close();
  }

  getInfo(): SerialPortInfoLike {
    return this.inner.getInfo();
  }

  /**
   * Once, after a write containing `text`: everything the module sends reaches the page `ms` late, whole and
   * in order — a browser on a busy laptop whose reader stalled (measured through Chromium's real serial
   * stack: an answer handed to the page 2.3 s after the module sent it). `nth`: after the nth such write.
   */
  stallOnce(text: string, ms: number, nth = 1): void {
    this.stallAfter = { text, ms, nth };
  }

  /** Once: everything the module sends after a write containing `text`, until the next write, is lost. */
  loseAnswerOnce(text: string): void {
    this.loseAfter = text;
  }

  /** Pulls the cable of the underlying simulator port. */
  unplug(): void {
    this.inner.unplug();
  }

  /** Bytes from "the module" that it never sent: unsolicited data in the middle of things. */
  inject(data: string | Uint8Array): void {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    this.deliver(bytes);
  }

  private async pump(
    reader: ReadableStreamDefaultReader<Uint8Array>,
    c: ReadableStreamDefaultController<Uint8Array>,
  ): Promise<void> {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        if (!value || this.faults.mute || this.losing) continue;
        const kept = this.lose(value);
        if (kept.length > 0) this.deliver(kept);
        if (this.faults.garbageAfterReplies && /(OK|\+ERR:\d+)\r\n$/.test(new TextDecoder().decode(value))) {
          this.deliver(this.noise(5 + this.rand(20)));
        }
      }
    } catch (e) {
      try {
        c.error(e);
      } catch {
        // already errored
      }
    }
  }

  private deliver(bytes: Uint8Array): void {
    if (this.clock.now() < this.heldUntil) {
      this.held.push(bytes);
      return;
    }
    const push = (): void => {
      try {
        this.controller?.enqueue(bytes);
      } catch {
        // cancelled
      }
    };
    if (this.faults.delayMs > 0) this.clock.setTimer(this.faults.delayMs, push);
    else push();
  }

  private lost(): void {
    this.readable = null;
    this.writable = null;
    this.dispatchEvent(new Event('disconnect'));
  }

  private lose(bytes: Uint8Array): Uint8Array {
    if (this.faults.dropRate <= 0) return bytes;
    const out: number[] = [];
    for (const b of bytes) {
      if (this.rand(1_000_000) < this.faults.dropRate * 1_000_000) this.dropped++;
      else out.push(b);
    }
    return Uint8Array.from(out);
  }

  /** Line noise: any byte but CR and LF. */
  private noise(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      let b = this.rand(256);
      if (b === 0x0d || b === 0x0a) b = 0xff;
      out[i] = b;
    }
    return out;
  }

  private rand(n: number): number {
    // xorshift32: deterministic per seed.
    let x = this.seed;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.seed = x >>> 0;
    return this.seed % n;
  }
}
