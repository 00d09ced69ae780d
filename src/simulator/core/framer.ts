import type { Clock } from '../../clock/clock';
import { Deadline, type TimerGroup } from './timers';

/**
 * UART framing of manual 2.2.2: a frame ends when the gap between two bytes is at least UARTFT ms (time
 * trigger) or when it holds UARTFL bytes (length trigger, at most 1024). Each frame becomes one packet.
 */
export const MAX_FRAME = 1024;

export class Framer {
  private parts: Uint8Array[] = [];
  private size = 0;
  private lastEnd = -Infinity;
  private readonly gap: Deadline;
  private readonly length: number;

  constructor(
    private readonly clock: Clock,
    group: TimerGroup,
    private readonly gapMs: number,
    length: number,
    /** `byGap`: the frame ended by the time trigger (the packet is over), not by the length trigger. */
    private readonly emit: (frame: Uint8Array, byGap: boolean) => void,
  ) {
    this.length = Math.max(1, Math.min(MAX_FRAME, length));
    this.gap = new Deadline(clock, group, () => this.flush(true));
  }

  /**
   * Bytes received: the first started arriving at `firstStart`, the last finished at `lastEnd` (clock times,
   * possibly in the past for bytes held back by the `+++` detector).
   */
  push(bytes: Uint8Array, firstStart: number, lastEnd: number): void {
    if (bytes.length === 0) return;
    this.endIfIdle(firstStart);
    let i = 0;
    while (i < bytes.length) {
      const room = this.length - this.size;
      const take = Math.min(room, bytes.length - i);
      if (this.size === 0 && take === this.length) {
        // A whole frame straight from the input: one copy.
        this.emit(bytes.slice(i, i + take), false);
      } else {
        this.parts.push(bytes.slice(i, i + take));
        this.size += take;
        if (this.size >= this.length) this.flush(false);
      }
      i += take;
    }
    this.lastEnd = Math.max(this.lastEnd, lastEnd);
    if (this.size > 0) {
      const at = this.lastEnd + this.gapMs;
      if (at <= this.clock.now()) this.flush(true);
      else this.gap.set(at);
    }
  }

  /** Ends the current frame when the line has been silent for the gap by time `at` (a late timer). */
  endIfIdle(at: number): void {
    if (this.size > 0 && at - this.lastEnd >= this.gapMs) this.flush(true);
  }

  /** Ends the current frame now (gap reached, or the mode changes). */
  flush(byGap = true): void {
    this.gap.clear();
    if (this.size === 0) return;
    const parts = this.parts;
    const size = this.size;
    this.parts = [];
    this.size = 0;
    if (parts.length === 1) {
      this.emit(parts[0] as Uint8Array, byGap);
      return;
    }
    const frame = new Uint8Array(size);
    let at = 0;
    for (const p of parts) {
      frame.set(p, at);
      at += p.length;
    }
    this.emit(frame, byGap);
  }

  /** Drops a partial frame without sending it. */
  discard(): void {
    this.gap.clear();
    this.parts = [];
    this.size = 0;
  }

  get buffered(): number {
    return this.size;
  }
}
