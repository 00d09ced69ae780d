/**
 * Replaying a customer's logged exchange against the simulator (docs/support.md, "Replay"). The simulator
 * has the customer's module on its cable (stored settings and identity: `replayModule`); each logged write
 * of the host is sent again with the logged pacing, and what the simulator answers until the next write is
 * compared with what the customer's module answered (compare.ts).
 *
 * Pacing: the host's writes are reactions, so a write waits for the simulator's answer to the one before
 * (as many bytes as the module sent, or `quietMs` of silence after its last byte, or at most the logged
 * reply time plus `graceMs` when it says nothing), then the logged silence before it (the `+++` guard needs
 * it), and goes out no sooner after the previous write than it did in the log (a restart's wait). Pauses
 * longer than `maxGapMs` are shortened to it (a restart or a boot has happened by then). Stepping runs one
 * exchange (with the host's `a` of a `+++` entry bound to it) and waits for its answer; a person's pause
 * between steps is silence on the line, as a slow host's.
 *
 * Pure: the target is any serial line (the simulator core in Node, the worker's control API in the app)
 * and time comes from the injected clock.
 */
import { sleep, type Clock } from '../../clock/clock';
import type { UartSettings } from '../../protocol/uart';
import { verdictOf, type Verdict } from './compare';
import { endsWithCr, replayScript, type ReplayExchange } from './exchanges';
import type { SupportBundle } from './format';

export interface ReplayTarget {
  /** Bytes the host writes, on the host's line. */
  write(bytes: Uint8Array, line: UartSettings): void;
  /** Every byte the module sends to the host; returns the unsubscribe function. */
  onOutput(listener: (bytes: Uint8Array) => void): () => void;
}

export interface ReplayOptions {
  readonly clock: Clock;
  /** Longest pause replayed, ms (default 20 000: longer than a full boot). */
  readonly maxGapMs?: number;
  /** How long past the logged reply time a silent simulator is waited for, ms (default 1 000). */
  readonly graceMs?: number;
  /** Silence after the simulator's last byte that ends a reply shorter than the logged one, ms (150). */
  readonly quietMs?: number;
}

export interface ExchangeResult {
  readonly exchange: ReplayExchange;
  readonly verdict: Verdict;
  /** What the simulator sent after this write until the next one (or the end of the step). */
  readonly actual: Uint8Array;
}

export const DEFAULT_MAX_GAP_MS = 20_000;
export const DEFAULT_GRACE_MS = 1000;
export const DEFAULT_QUIET_MS = 150;

/** What the simulator needs to be the customer's module: its settings before the session, its identity. */
export function replayModule(bundle: SupportBundle): {
  readonly stored: Readonly<Record<string, string>>;
  readonly identity: {
    readonly version?: string;
    readonly sn?: string;
    readonly imei?: string;
    readonly iccid?: string;
  };
} {
  const id = bundle.identity;
  return {
    stored: { ...bundle.before },
    identity: id ? { version: id.version, sn: id.sn, imei: id.imei, iccid: id.iccid } : {},
  };
}

function append(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export class Replay {
  readonly exchanges: readonly ReplayExchange[];
  private readonly clock: Clock;
  private readonly maxGapMs: number;
  private readonly graceMs: number;
  private readonly quietMs: number;
  /** Wakes a wait early when the simulator sends something. */
  private wake: (() => void) | undefined;
  private readonly done: ExchangeResult[] = [];
  /** Index of the exchange whose reply window is open (its write went out last), or -1. */
  private open = -1;
  private openActual: Uint8Array = new Uint8Array(0);
  private lastWriteAt: number;
  private lastOutputAt: number;
  private readonly off: () => void;
  private listeners: (() => void)[] = [];
  private running = false;

  constructor(
    entries: SupportBundle['log']['entries'],
    private readonly target: ReplayTarget,
    options: ReplayOptions,
  ) {
    this.exchanges = replayScript(entries).exchanges;
    this.clock = options.clock;
    this.maxGapMs = options.maxGapMs ?? DEFAULT_MAX_GAP_MS;
    this.graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
    this.quietMs = options.quietMs ?? DEFAULT_QUIET_MS;
    this.lastWriteAt = this.clock.now();
    this.lastOutputAt = -Infinity;
    this.off = target.onOutput((bytes) => {
      this.lastOutputAt = this.clock.now();
      if (this.open >= 0) {
        // The LF of a reply whose CR came before this write belongs to that reply (exchanges.ts).
        const last = this.done[this.done.length - 1];
        if (this.openActual.length === 0 && bytes[0] === 0x0a && last && endsWithCr(last.actual)) {
          const actual = append(last.actual, bytes.subarray(0, 1));
          this.done[this.done.length - 1] = { ...last, actual, verdict: verdictOf(last.exchange, actual) };
          bytes = bytes.subarray(1);
        }
        this.openActual = append(this.openActual, bytes);
        this.changed();
      }
      this.wake?.();
    });
  }

  /** Results so far, in log order: the last one may still be taking the simulator's bytes. */
  get results(): readonly ExchangeResult[] {
    const open = this.exchanges[this.open];
    return open && this.done.length === this.open
      ? [...this.done, { exchange: open, verdict: verdictOf(open, this.openActual), actual: this.openActual }]
      : this.done;
  }

  /** Exchanges replayed (their write went out, or was skipped as withheld). */
  get position(): number {
    return this.open + 1;
  }

  get finished(): boolean {
    return this.position >= this.exchanges.length && !this.running;
  }

  /** Called after every change of `results`; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** Replays the next exchange (and the one bound to it) and waits for its reply window. */
  async next(signal?: AbortSignal): Promise<void> {
    if (this.running || this.position >= this.exchanges.length) return;
    this.running = true;
    try {
      do {
        await this.write(this.position, signal);
      } while (this.exchanges[this.position]?.bound === true);
      await this.awaitReply(signal);
    } finally {
      this.running = false;
      this.changed();
    }
  }

  /** Replays every exchange left with the logged pacing, then waits for the last reply window. */
  async runToEnd(signal?: AbortSignal): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.position < this.exchanges.length) await this.write(this.position, signal);
      await this.awaitReply(signal);
      this.closeOpen();
    } finally {
      this.running = false;
      this.changed();
    }
  }

  /** Stops listening to the target. */
  dispose(): void {
    this.off();
  }

  private async write(index: number, signal: AbortSignal | undefined): Promise<void> {
    const ex = this.exchanges[index];
    if (!ex) return;
    await this.awaitReply(signal);
    const cap = (ms: number): number => Math.min(ms, this.maxGapMs);
    // Re-evaluated after every wait: a byte from the module meanwhile moves the earliest moment on.
    for (;;) {
      const at = Math.max(this.lastWriteAt + cap(ex.sinceWriteMs), this.lastOutputAt + cap(ex.gapMs));
      if (this.clock.now() >= at) break;
      await this.waitUntil(at, signal);
    }
    this.closeOpen();
    this.open = index;
    this.openActual = new Uint8Array(0);
    this.lastWriteAt = this.clock.now();
    // A redacted write (secrets withheld) is not sent: it would put `••••••` on the line.
    if (!ex.withheld) this.target.write(ex.sent, ex.line);
    this.changed();
  }

  /** Until the simulator has answered the open exchange (see the pacing above). */
  private async awaitReply(signal: AbortSignal | undefined): Promise<void> {
    const ex = this.exchanges[this.open];
    if (!ex || ex.withheld) return;
    const limit = this.lastWriteAt + ex.replySpanMs + this.graceMs;
    for (;;) {
      const got = this.openActual.length;
      if (got >= ex.expected.length) return;
      const now = this.clock.now();
      if (now >= limit) return;
      const quietEnd = got > 0 ? this.lastOutputAt + this.quietMs : Infinity;
      if (now >= quietEnd) return;
      await this.waitUntil(Math.min(limit, quietEnd), signal, true);
    }
  }

  /** Sleeps until `at`, or (`early`) until the simulator sends something. */
  private async waitUntil(at: number, signal: AbortSignal | undefined, early = false): Promise<void> {
    const ms = at - this.clock.now();
    if (ms <= 0) return;
    if (!early) {
      await sleep(this.clock, ms, signal);
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const done = (): void => {
        timer.cancel();
        this.wake = undefined;
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = (): void => {
        timer.cancel();
        this.wake = undefined;
        reject(signal?.reason as Error);
      };
      const timer = this.clock.setTimer(ms, done);
      this.wake = done;
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private closeOpen(): void {
    const ex = this.exchanges[this.open];
    if (!ex || this.done.length > this.open) return;
    this.done.push({ exchange: ex, verdict: verdictOf(ex, this.openActual), actual: this.openActual });
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}
