import type { Clock, Timer } from './clock';

interface Pending {
  readonly at: number;
  readonly seq: number;
  readonly fn: () => void;
  cancelled: boolean;
}

/**
 * A clock that moves only when told, for deterministic tests and for running the simulator faster than
 * real time. Timers due at the same instant fire in the order they were set.
 */
export class VirtualClock implements Clock {
  private current = 0;
  private seq = 0;
  private queue: Pending[] = [];

  now(): number {
    return this.current;
  }

  setTimer(ms: number, fn: () => void): Timer {
    const entry: Pending = { at: this.current + Math.max(0, ms), seq: this.seq++, fn, cancelled: false };
    this.insert(entry);
    return {
      cancel: () => {
        entry.cancelled = true;
      },
    };
  }

  /** Number of timers still waiting. */
  get pending(): number {
    return this.queue.filter((t) => !t.cancelled).length;
  }

  /** When the next live timer is due, or undefined. */
  nextDue(): number | undefined {
    return this.queue.find((t) => !t.cancelled)?.at;
  }

  /** Moves time forward by `ms`, firing every timer due on the way (synchronous code only). */
  advanceSync(ms: number): void {
    const end = this.current + ms;
    for (;;) {
      const next = this.takeDue(end);
      if (!next) break;
      this.current = next.at;
      next.fn();
    }
    this.current = end;
  }

  /**
   * Moves time forward by `ms`, firing due timers and letting promise chains run between them, so async
   * code (the session) sees time pass as it would in real life.
   */
  async advance(ms: number): Promise<void> {
    const end = this.current + ms;
    await flush();
    for (;;) {
      const next = this.takeDue(end);
      if (!next) break;
      this.current = next.at;
      next.fn();
      await flush();
    }
    this.current = end;
    await flush();
  }

  /**
   * Runs async work to completion while driving the clock: advances to each next timer until `promise`
   * settles. Fails if the work waits on nothing (a hang) or runs past `limitMs` of virtual time.
   */
  async run<T>(promise: Promise<T>, limitMs = 600_000): Promise<T> {
    let settled = false;
    const tracked = promise.finally(() => {
      settled = true;
    });
    tracked.catch(() => undefined);
    const start = this.current;
    await flush();
    while (!settled) {
      const due = this.nextDue();
      if (due === undefined) {
        await flush();
        if (settled) break;
        throw new Error('VirtualClock.run: the operation waits with no timer pending (it would hang)');
      }
      if (due - start > limitMs) throw new Error(`VirtualClock.run: still running after ${limitMs} ms`);
      await this.advance(due - this.current);
    }
    return tracked;
  }

  private takeDue(end: number): Pending | undefined {
    while (this.queue.length > 0) {
      const head = this.queue[0];
      if (head === undefined || head.at > end) return undefined;
      this.queue.shift();
      if (!head.cancelled) return head;
    }
    return undefined;
  }

  private insert(entry: Pending): void {
    // Binary search keeps (at, seq) order; timers set later at the same instant go after.
    let lo = 0;
    let hi = this.queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const m = this.queue[mid];
      if (m !== undefined && (m.at < entry.at || (m.at === entry.at && m.seq < entry.seq))) lo = mid + 1;
      else hi = mid;
    }
    this.queue.splice(lo, 0, entry);
  }
}

function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
