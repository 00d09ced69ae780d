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
  /** Silence that lets a late answer drain after a timeout before the next command. */
  readonly resyncQuietMs: number;
  /** Longest wait for that silence. */
  readonly resyncMaxMs: number;
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
  entryAMs: 1000,
  entryOkMs: 1000,
  resyncQuietMs: 100,
  resyncMaxMs: 2000,
  appRestartMs: 20_000,
  rebootMs: 60_000,
  retries: 2,
  suspectRetries: 6,
};

/** Factory UARTFT (manual 2.2.2.1): the guard before `+++` until the device's own value is known. */
export const DEFAULT_UARTFT = 50;

/**
 * Margin added to the UARTFT guard: the module measures the gap from the end of our last byte to the
 * start of the first `+`, and bytes do not leave when we write them: USB-serial adapters hold them up to
 * their latency timer (FTDI: 16 ms by default) and the simulator's worker gets them a message hop later.
 * If `AT\r` is held up longer than `+++`, the gap the module sees shrinks by the difference and `+++`
 * becomes data. 10 % (at least 10 ms) covers that jitter and stays within the entry-time budget.
 */
export function guardMs(uartft: number): number {
  return uartft + Math.max(10, uartft * 0.1);
}
