/**
 * Coalesces many calls into one per animation frame: a stream may deliver a thousand chunks a second, the
 * screen needs one redraw per frame. `schedule()` is O(1) and idempotent until `flush` runs. With
 * `minIntervalMs`, flushes that follow each other closely are spaced out (a log that changes continuously
 * redraws ~10 times a second; a single change after a quiet spell still shows in the next frame).
 * Where there are no animation frames (Node tests, a worker) a 16 ms timer stands in; the scheduler and
 * the clock can be injected.
 */
export type FrameScheduler = (run: () => void) => { cancel(): void };

export const animationFrame: FrameScheduler = (run) => {
  if (typeof requestAnimationFrame === 'function') {
    const id = requestAnimationFrame(() => run());
    return { cancel: () => cancelAnimationFrame(id) };
  }
  const id = setTimeout(run, 16);
  return { cancel: () => clearTimeout(id) };
};

export interface FrameBatcherOptions {
  readonly scheduler?: FrameScheduler;
  /** Least time between two flushes, ms (default 0: every frame). */
  readonly minIntervalMs?: number;
  /** Waits `ms` (default setTimeout). */
  readonly delay?: (ms: number, run: () => void) => { cancel(): void };
  readonly now?: () => number;
}

const defaultDelay = (ms: number, run: () => void): { cancel(): void } => {
  const id = setTimeout(run, ms);
  return { cancel: () => clearTimeout(id) };
};

export class FrameBatcher {
  private timer: { cancel(): void } | undefined;
  private frame: { cancel(): void } | undefined;
  private last = -Infinity;
  private readonly scheduler: FrameScheduler;
  private readonly minInterval: number;
  private readonly delay: (ms: number, run: () => void) => { cancel(): void };
  private readonly now: () => number;

  constructor(
    private readonly flush: () => void,
    options: FrameBatcherOptions = {},
  ) {
    this.scheduler = options.scheduler ?? animationFrame;
    this.minInterval = options.minIntervalMs ?? 0;
    this.delay = options.delay ?? defaultDelay;
    this.now = options.now ?? (() => performance.now());
  }

  get scheduled(): boolean {
    return this.timer !== undefined || this.frame !== undefined;
  }

  schedule(): void {
    if (this.scheduled) return;
    const wait = this.last + this.minInterval - this.now();
    if (wait > 1) {
      this.timer = this.delay(wait, () => {
        this.timer = undefined;
        this.frame = this.scheduler(() => this.run());
      });
      return;
    }
    this.frame = this.scheduler(() => this.run());
  }

  cancel(): void {
    this.timer?.cancel();
    this.frame?.cancel();
    this.timer = undefined;
    this.frame = undefined;
  }

  private run(): void {
    this.frame = undefined;
    this.last = this.now();
    this.flush();
  }
}
