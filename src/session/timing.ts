/**
 * The session's time budgets, all in ms. Device-side timing (UARTFT, restart durations) comes from the
 * module; these are how long the host is willing to wait. Wire time at the open baud rate is added where
 * bytes have to travel, so 300 baud gets the time it needs.
 */
export interface SessionTimeouts {
  /** Reply to a command, beyond the wire time of the command and its answer. */
  readonly replyMs: number;
  /** Characters of answer budgeted as wire time on top of `replyMs` (a long query answer with echo). */
  readonly replyChars: number;
  /** The `a` after `+++` (the module answers at once when the guard was kept). */
  readonly entryAMs: number;
  /** `+ok` after the host's `a`. */
  readonly entryOkMs: number;
  /**
   * Silence after a query's `+NAME:value` line that ends the answer when no OK follows (firmware that
   * answers queries without OK). An OK normally follows in the same burst, so this costs nothing there.
   */
  readonly queryQuietMs: number;
  /** Silence that lets a late answer drain after a timeout before the next command. */
  readonly resyncQuietMs: number;
  /** Longest wait for that silence. */
  readonly resyncMaxMs: number;
  /**
   * After a command's first timeout on a line that has lost nothing: how long its answer may still come
   * before it is judged lost. A browser on a busy laptop can hand the module's bytes to the page seconds
   * late (real-serial: 2.3 s); resending at once would write a set again and again while its OK is on the
   * way, and a query's tries would all run out inside one stall.
   */
  readonly lateAnswerMs: number;
  /** AT+Z: until the module answers again. */
  readonly appRestartMs: number;
  /** AT+REBOOT, RELD, CLEAR: until the module answers again. */
  readonly rebootMs: number;
  /** Repeats of an idempotent command (queries, sets) after a timeout or an unreadable answer. */
  readonly retries: number;
  /** The same once the line has lost or garbled bytes (channel.ts, `suspect`). */
  readonly suspectRetries: number;
}

export const DEFAULT_TIMEOUTS: SessionTimeouts = {
  replyMs: 1000,
  replyChars: 160,
  queryQuietMs: 60,
  entryAMs: 1000,
  entryOkMs: 1000,
  resyncQuietMs: 100,
  resyncMaxMs: 2000,
  lateAnswerMs: 4000,
  appRestartMs: 20_000,
  rebootMs: 60_000,
  retries: 2,
  suspectRetries: 6,
};

/** Factory UARTFT (manual 2.2.2.1): the guard before `+++` until the device's own value is known. */
export const DEFAULT_UARTFT = 50;

/**
 * The guard for a module whose UARTFT is not known yet (nothing remembered for this device, no profile):
 * long enough that the common values (50 factory, 100, 200, 500, 1000) never turn our first `+++` into data
 * for the customer's server. Costs up to a second before entry on a first connect; the ladder
 * (ENTRY_GUARD_LADDER) goes on to 5000 ms when even that gets no `a`.
 */
export const UNKNOWN_UARTFT_GUARD = 1000;

/** Longer guards tried, in order, when `+++` gets no `a` (the module's UARTFT is longer than we thought). */
export const ENTRY_GUARD_LADDER: readonly number[] = [1000, 5000];

/**
 * Least margin over UARTFT before `+++`. The module measures the gap from the end of our last byte to the
 * start of the first `+`, and bytes do not leave when we write them: on a loaded laptop Chromium's write
 * path delays them by 10–60 ms (measured through the real Web Serial stack, worst on the first write after
 * idle), USB adapters hold them up to their latency timer (FTDI: 16 ms), the simulator's worker a message
 * hop. If our previous bytes are held up 60 ms longer than `+++`, the gap shrinks by 60 ms and `+++` becomes
 * data. 75 ms covers that with room; 10 % of UARTFT when that is more.
 */
export const GUARD_MARGIN_MS = 75;

/**
 * Extra silence after bytes the module never answered (the person's data, raw terminal bytes, a `+++` that got
 * no `a`): no answer proves they have left the browser. Measured through Chromium's real Web Serial stack
 * (docs/real-serial.md): written bytes reached the tty up to 166 ms after the write settled on a loaded
 * machine, 358 ms with several browsers running on 2 cores. Answered commands need none: the answer proves
 * the module has them.
 */
export const UNANSWERED_WRITE_MS = 400;

export function guardMs(uartft: number): number {
  return uartft + Math.max(GUARD_MARGIN_MS, uartft * 0.1);
}
