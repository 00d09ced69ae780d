import type { Clock } from '../../clock/clock';
import { bitsPerCharacter, type UartSettings } from '../../protocol/uart';
import { Garbler } from './garble';
import type { Prng } from './prng';

/**
 * One direction of the serial line. Bytes are handed to `deliver` with the time the first of them finished
 * arriving and the time each character takes, so the receiver knows every byte's arrival time without a
 * timer per byte.
 *
 * Timing off: a write arrives at once (same instant, synchronously, in order — a write made while a delivery
 * is running is queued behind it). Timing on: each character takes bitsPerCharacter/baud seconds; the line
 * is busy until the previous write has gone, and bytes are delivered in batches of about `BATCH_MS` of wire
 * time, each batch when its last byte has arrived.
 *
 * When the sender's and the receiver's settings differ the receiver gets deterministic garbage.
 */
export type Deliver = (bytes: Uint8Array, firstEnd: number, charMs: number) => void;

/** Wire time per delivery batch with timing on; below the smallest UARTFT (50 ms) so gaps stay exact. */
export const BATCH_MS = 10;

interface Segment {
  readonly bytes: Uint8Array;
  readonly sender: UartSettings;
  /** End time of the segment's first character. */
  readonly firstEnd: number;
  readonly charMs: number;
  /** Bytes already delivered. */
  done: number;
}

export class WireDirection {
  private readonly garbler: Garbler;
  private readonly queue: Segment[] = [];
  private busyUntil = -Infinity;
  private delivering = false;
  private pendingSync: { bytes: Uint8Array; sender: UartSettings }[] = [];
  private timerArmed = false;
  private generation = 0;
  /** Bytes queued and not yet delivered (timing on), kept as a count so `backlog` costs nothing. */
  private pending = 0;

  constructor(
    private readonly clock: Clock,
    prng: Prng,
    private readonly timing: boolean,
    /** The receiver's current settings; undefined = always the sender's (nobody listening with other settings). */
    private readonly receiverLine: () => UartSettings | undefined,
    private readonly deliver: Deliver,
  ) {
    this.garbler = new Garbler(prng);
  }

  /** Time at which the last byte sent so far will have arrived. */
  get idleAt(): number {
    return Math.max(this.busyUntil, this.clock.now());
  }

  /** Bytes not yet delivered (timing on). */
  get backlog(): number {
    return this.pending;
  }

  send(bytes: Uint8Array, sender: UartSettings): void {
    if (bytes.length === 0) return;
    if (!this.timing) {
      this.pendingSync.push({ bytes, sender });
      if (this.delivering) return;
      this.delivering = true;
      try {
        while (this.pendingSync.length > 0) {
          const batch = this.pendingSync;
          this.pendingSync = [];
          for (const w of batch) {
            const now = this.clock.now();
            const out = this.convert(w.bytes, w.sender);
            if (out.length > 0) this.deliver(out, now, 0);
          }
        }
      } finally {
        this.delivering = false;
      }
      return;
    }
    const charMs = (bitsPerCharacter(sender) * 1000) / sender.baud;
    const start = Math.max(this.busyUntil, this.clock.now());
    this.queue.push({ bytes, sender, firstEnd: start + charMs, charMs, done: 0 });
    this.pending += bytes.length;
    this.busyUntil = start + charMs * bytes.length;
    this.arm();
  }

  /** Drops everything still on the line (power off). */
  clear(): void {
    this.queue.length = 0;
    this.pendingSync = [];
    this.busyUntil = -Infinity;
    this.pending = 0;
    this.generation++;
    this.timerArmed = false;
  }

  private convert(bytes: Uint8Array, sender: UartSettings): Uint8Array {
    const receiver = this.receiverLine();
    return receiver ? this.garbler.pass(bytes, sender, receiver) : bytes;
  }

  private arm(): void {
    if (this.timerArmed) return;
    const seg = this.queue[0];
    if (!seg) return;
    const perBatch = Math.max(1, Math.floor(BATCH_MS / seg.charMs));
    const upto = Math.min(seg.bytes.length, seg.done + perBatch);
    const due = seg.firstEnd + (upto - 1) * seg.charMs;
    this.timerArmed = true;
    const gen = this.generation;
    this.clock.setTimer(due - this.clock.now(), () => {
      if (gen !== this.generation) return;
      this.timerArmed = false;
      // The timer was set for this batch, so at least `upto` bytes are in, whatever float rounding says.
      this.flushDue(seg, upto);
      this.arm();
    });
  }

  private flushDue(armed: Segment, upto: number): void {
    const now = this.clock.now();
    while (this.queue.length > 0) {
      const seg = this.queue[0] as Segment;
      // Every byte whose end time has passed (a late timer may find more than one batch).
      let arrived = Math.min(seg.bytes.length, Math.floor((now - seg.firstEnd) / seg.charMs + 1e-6) + 1);
      if (seg === armed) arrived = Math.max(arrived, upto);
      if (arrived <= seg.done) return;
      const from = seg.done;
      seg.done = arrived;
      this.pending -= arrived - from;
      const chunk = seg.bytes.subarray(from, arrived);
      const firstEnd = seg.firstEnd + from * seg.charMs;
      const out = this.convert(chunk, seg.sender);
      if (seg.done >= seg.bytes.length) this.queue.shift();
      if (out.length > 0) {
        // Garbage may hold another number of characters in the same wire time.
        const span = chunk.length * seg.charMs;
        const charMs = out.length === chunk.length ? seg.charMs : span / out.length;
        this.deliver(out, firstEnd - seg.charMs + charMs, charMs);
      }
      if (seg.done < seg.bytes.length) return;
    }
  }
}
