import type { Clock, Timer } from '../../clock/clock';

/**
 * Times are float milliseconds; `now + (at - now)` need not equal `at` exactly. A timer that finds itself
 * this close to its deadline counts as on time (otherwise it would re-arm for ~0 ms forever).
 */
export const EPSILON_MS = 1e-6;

/**
 * Timers that belong to one "life" of the module: a restart or power-off cancels them all at once, so no
 * callback of the previous life runs in the next one.
 */
export class TimerGroup {
  private readonly live = new Set<Timer>();

  constructor(private readonly clock: Clock) {}

  /** Calls `fn` after `ms` (clamped at 0). */
  after(ms: number, fn: () => void): Timer {
    const entry: { timer?: Timer } = {};
    const timer = this.clock.setTimer(Math.max(0, ms), () => {
      if (entry.timer) this.live.delete(entry.timer);
      fn();
    });
    entry.timer = timer;
    this.live.add(timer);
    return {
      cancel: () => {
        timer.cancel();
        this.live.delete(timer);
      },
    };
  }

  /** Calls `fn` at the absolute clock time `at` (at once, after the current task, if that is past). */
  at(at: number, fn: () => void): Timer {
    return this.after(at - this.clock.now(), fn);
  }

  cancelAll(): void {
    for (const t of this.live) t.cancel();
    this.live.clear();
  }
}

/**
 * A deadline that moves often (frame gap, idle timeouts) without setting a clock timer per move: one timer
 * is kept, and when it fires early it re-arms for the current deadline. Moving the deadline earlier than the
 * pending timer re-arms at once.
 */
export class Deadline {
  private deadline: number | undefined;
  private timer: Timer | undefined;
  private timerAt = Infinity;

  constructor(
    private readonly clock: Clock,
    private readonly group: TimerGroup,
    private readonly fire: () => void,
  ) {}

  /** Fires at absolute time `at`, replacing any earlier setting. */
  set(at: number): void {
    this.deadline = at;
    if (this.timer && this.timerAt <= at) return;
    this.timer?.cancel();
    this.arm(at);
  }

  clear(): void {
    this.deadline = undefined;
  }

  get pending(): boolean {
    return this.deadline !== undefined;
  }

  get at(): number | undefined {
    return this.deadline;
  }

  private arm(at: number): void {
    this.timerAt = at;
    this.timer = this.group.at(at, () => {
      this.timer = undefined;
      this.timerAt = Infinity;
      const d = this.deadline;
      if (d === undefined) return;
      if (this.clock.now() < d - EPSILON_MS) {
        this.arm(d);
        return;
      }
      this.deadline = undefined;
      this.fire();
    });
  }

  /** Forgets the timer (the group cancelled it). */
  reset(): void {
    this.deadline = undefined;
    this.timer = undefined;
    this.timerAt = Infinity;
  }
}

/**
 * Items that become due in time order (network latency): one clock timer for the head of the queue, not one
 * per item, so a burst of packets costs one timer.
 */
export class DelayLine<T> {
  private readonly items: { at: number; item: T }[] = [];
  private head = 0;
  private timer: Timer | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly group: TimerGroup,
    private readonly deliver: (item: T) => void,
  ) {}

  push(item: T, at: number): void {
    // Delivery order is push order: an item never overtakes an earlier one.
    const last = this.items[this.items.length - 1];
    const due = last && last.at > at ? last.at : at;
    this.items.push({ at: due, item });
    if (!this.timer) this.arm();
  }

  clear(): void {
    this.items.length = 0;
    this.head = 0;
    this.timer?.cancel();
    this.timer = undefined;
  }

  get size(): number {
    return this.items.length - this.head;
  }

  private arm(): void {
    const next = this.items[this.head];
    if (!next) return;
    this.timer = this.group.at(next.at, () => {
      this.timer = undefined;
      const now = this.clock.now();
      while (this.head < this.items.length) {
        const e = this.items[this.head];
        if (!e || e.at > now + EPSILON_MS) break;
        this.head++;
        this.deliver(e.item);
      }
      if (this.head > 1024 && this.head * 2 > this.items.length) {
        this.items.splice(0, this.head);
        this.head = 0;
      }
      if (this.head >= this.items.length) {
        this.items.length = 0;
        this.head = 0;
      } else if (!this.timer) this.arm();
    });
  }
}
