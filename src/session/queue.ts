/**
 * One command in flight: work is chained on a promise ("lock"); each job starts when the previous one has
 * settled, and a job that fails does not break the chain for the next. A job whose signal is already
 * aborted when its turn comes is skipped with the abort reason.
 */
export class SingleFlight {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;
  private running = false;

  /** Jobs queued or running. */
  get pending(): number {
    return this.waiting + (this.running ? 1 : 0);
  }

  get busy(): boolean {
    return this.running;
  }

  run<T>(job: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    this.waiting++;
    const result = this.tail.then(async () => {
      this.waiting--;
      signal?.throwIfAborted();
      this.running = true;
      try {
        return await job();
      } finally {
        this.running = false;
      }
    });
    // The chain continues whatever this job does.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
