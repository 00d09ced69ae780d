/**
 * Why a `+++` worked or not, as the module saw it (manual 3.1.2, figure 27; docs/simulator.md, "Entry
 * attempts"). The firmware tells this watch each decision it takes on a `+` in the working mode — held as a
 * possible `+++`, passed on as data, released — and the handshake that follows; the watch groups the `+` of
 * one run (consecutive `+` with no other byte between, whatever their timing: what a person typed as `+++`)
 * into one attempt and reports it as `plus-attempt` events with the real arrival times and the windows the
 * module used. It never changes what the firmware does.
 */
import type { Clock } from '../../clock/clock';
import type { EventHub } from './events';

/**
 * Why an attempt failed, or `entered`:
 * - `guard` (T1): the first `+` came too soon after the byte before it (the module needs more than UARTFT);
 * - `gap` (T2): a later `+` came UARTFT or more after the one before;
 * - `too-few`: one or two `+`, then UARTFT of silence;
 * - `extra`: a fourth `+` during the silence the module waits for after the third (T3; T4 on G786);
 * - `interrupted`: another byte between the `+` or during that silence;
 * - `no-answer` (T5): the module sent `a`, the host's `a` did not come within 3 s;
 * - `wrong-answer`: the module sent `a`, the host sent something else;
 * - `restarted`: the module restarted or lost power during the attempt;
 * - `command-mode`: the module was in command mode already; `+++` is no command there (`+ERR:1`);
 * - `entered`: `+ok`, temporary command mode.
 */
export type PlusAttemptReason =
  | 'guard'
  | 'gap'
  | 'too-few'
  | 'extra'
  | 'interrupted'
  | 'no-answer'
  | 'wrong-answer'
  | 'restarted'
  | 'command-mode'
  | 'entered';

/** `waiting`: not decided yet (the module holds the `+`, or waits for the host's `a`). */
export type PlusAttemptOutcome = 'waiting' | 'entered' | 'failed';

/** One byte on the serial line: when it started and finished arriving (clock ms). */
export interface TimedByte {
  readonly byte: number;
  readonly start: number;
  readonly end: number;
}

/** One attempt as reported by the `plus-attempt` event: times are the module's clock, ms. */
export interface PlusAttempt {
  /** Counts up per module; later events with the same id replace earlier ones (the attempt grew). */
  readonly id: number;
  /** UARTFT in force (the packing interval, manual 2.2.2). */
  readonly uartftMs: number;
  /** The firmware's `slowEntry` variant (G786/G809 timing: T4 = T6 = UARTFT). */
  readonly slowEntry: boolean;
  /** T1: the silence before the first `+` must be longer than this. */
  readonly guardMs: number;
  /** T2: each next `+` must start less than this after the one before ended. */
  readonly gapMaxMs: number;
  /** T3 (T4 on G786): the silence after the third `+` after which the module sends `a`. */
  readonly quietMs: number;
  /** T5: how long the module waits for the host's `a`. */
  readonly answerMs: number;
  /** T6: from the host's `a` to the module's `+ok` (0: at once). */
  readonly okDelayMs: number;
  /** The last byte received before the first `+` (undefined: none since the module started). */
  readonly previous?: TimedByte;
  /** The silence before the first `+`, ms (undefined: none since start). */
  readonly idleMs?: number;
  /** The `+` of the run, at most `MAX_PLUSES`; `morePluses` counts the rest. */
  readonly pluses: readonly TimedByte[];
  readonly morePluses: number;
  /** The byte that broke the run before the module answered. */
  readonly interrupt?: TimedByte;
  /** When the module sent its `a`. */
  readonly aSentAt?: number;
  /** What the host sent back after the module's `a`. */
  readonly hostAnswer?: TimedByte;
  /** When the module sent `+ok`. */
  readonly okSentAt?: number;
  readonly outcome: PlusAttemptOutcome;
  /** Why it failed (or `entered`); undefined while nothing has gone wrong yet. */
  readonly reason?: PlusAttemptReason;
  /** The time that broke the rule, ms (e.g. the silence before the first `+` for `guard`). */
  readonly measuredMs?: number;
  /** The rule's limit, ms. */
  readonly limitMs?: number;
  /** Which `+` of the run (1-based) the reason is about (`guard`, `gap`, `extra`, `too-few`: the last). */
  readonly index?: number;
  /** `+` at the start of the run the module passed on as data before the `+++` that got its `a`. */
  readonly leadingData: number;
  /** When the outcome was decided (undefined while waiting). */
  readonly decidedAt?: number;
}

/** `+` kept per attempt (a longer run is counted). */
export const MAX_PLUSES = 8;

/** What the module did with a `+`. */
export type PlusDecision = 'held' | 'candidate' | 'data';

/** Why the module released the `+` it held (they became data). */
export type ReleaseCause = 'gap' | 'extra' | 'interrupted' | 'too-few';

interface Draft {
  id: number;
  uartftMs: number;
  slowEntry: boolean;
  quietMs: number;
  previous: TimedByte | undefined;
  idleMs: number | undefined;
  pluses: TimedByte[];
  morePluses: number;
  interrupt: TimedByte | undefined;
  aSentAt: number | undefined;
  hostAnswer: TimedByte | undefined;
  okSentAt: number | undefined;
  outcome: PlusAttemptOutcome;
  reason: PlusAttemptReason | undefined;
  measuredMs: number | undefined;
  limitMs: number | undefined;
  index: number | undefined;
  leadingData: number;
  decidedAt: number | undefined;
  /** Index in the run of the `+` that started the module's current `+++` candidate. */
  candidateAt: number | undefined;
  /** The module has held some `+` of it: it counts as an attempt even with fewer than three. */
  considered: boolean;
  /** The run is over (another byte, or the handshake ended): later `+` start a new attempt. */
  closed: boolean;
}

/** The entry windows in force, read from the firmware at each use. */
export interface EntryWindows {
  readonly uartftMs: number;
  readonly slowEntry: boolean;
  /** T3 / T4. */
  readonly quietMs: number;
}

export const ENTRY_ANSWER_MS = 3000;

export class PlusAttemptWatch {
  private draft: Draft | undefined;
  /** A `+++` in command mode (answered `+ERR:1`), apart from the working mode's attempt. */
  private command: Draft | undefined;
  private nextId = 1;

  constructor(
    private readonly clock: Clock,
    private readonly hub: EventHub,
    private readonly windows: () => EntryWindows,
  ) {}

  /** A run is open: the firmware reports the next non-`+` byte (it ends the run). */
  get open(): boolean {
    return this.draft !== undefined && !this.draft.closed;
  }

  /**
   * A `+` arrived in the working mode after `gap` ms of silence (0 inside a burst), following `previous`
   * (undefined when nothing came since start), and the module `decision` on it.
   */
  plus(start: number, end: number, gap: number, previous: number | undefined, decision: PlusDecision): void {
    let d = this.draft;
    // A `+` the module takes as a new start after a failed `+++` begins a new attempt (a person trying
    // again); after a failed `+` or `++` it belongs to the same one (a person typing slowly).
    const again = decision === 'candidate' && d?.outcome === 'failed' && d.pluses.length + d.morePluses >= 3;
    if (!d || d.closed || again) d = this.begin(start, gap, previous);
    if (d.pluses.length < MAX_PLUSES) d.pluses.push({ byte: 0x2b, start, end });
    else d.morePluses++;
    const position = d.pluses.length + d.morePluses;
    if (decision === 'candidate') {
      d.candidateAt = position - 1;
      d.considered = true;
    }
    if (position === 1) {
      // T1: not a candidate at all; the `+` goes to the network as data.
      if (decision === 'data') this.fail(d, 'guard', gap, d.uartftMs, 1);
    } else if (decision !== 'held') {
      // A later `+` the module did not add to the `+` before it: it came too late (T2). This also replaces
      // a provisional `too-few` (the run had gone silent, then this `+` came).
      this.fail(d, 'gap', gap, d.uartftMs, position);
    }
    this.publish(d);
  }

  /** A byte other than `+` arrived in the working mode while a run was open: the run is over. */
  other(byte: number, start: number, end: number): void {
    const d = this.draft;
    if (!d || d.closed) return;
    d.closed = true;
    if (d.outcome === 'waiting') d.interrupt = { byte, start, end };
    this.publish(d);
  }

  /** The module released the `+` it held: they are data now (`gap`: the silence before the byte that did it). */
  released(cause: ReleaseCause, gap?: number): void {
    const d = this.draft;
    if (!d) return;
    const last = d.pluses[d.pluses.length - 1];
    const held = d.pluses.length + d.morePluses - (d.candidateAt ?? 0);
    d.candidateAt = undefined;
    switch (cause) {
      case 'gap':
        // The current `+` came too late; the module may take it as the start of a new `+++` (then it
        // reports `candidate` for it next and the same rule is recorded there).
        break;
      case 'extra':
        // The fourth `+` is reported next (`plus`); it is the one that broke the rule.
        this.fail(d, 'extra', gap, this.windows().quietMs, d.pluses.length + d.morePluses + 1);
        break;
      case 'interrupted': {
        const after = d.interrupt && last ? d.interrupt.start - last.end : undefined;
        this.fail(d, 'interrupted', after, held >= 3 ? this.windows().quietMs : d.uartftMs, held);
        break;
      }
      case 'too-few':
        this.fail(d, 'too-few', undefined, d.uartftMs, held);
        break;
    }
    this.publish(d);
  }

  /** The `+++` stood alone: the module sends `a` now and waits for the host's (T5). */
  answered(): void {
    const d = this.draft;
    if (!d) return;
    const w = this.windows();
    d.uartftMs = w.uartftMs;
    d.slowEntry = w.slowEntry;
    d.quietMs = w.quietMs;
    d.aSentAt = this.clock.now();
    d.leadingData = d.candidateAt ?? 0;
    d.outcome = 'waiting';
    d.reason = undefined;
    d.measuredMs = undefined;
    d.limitMs = undefined;
    d.index = undefined;
    d.decidedAt = undefined;
    d.closed = true;
    this.publish(d);
  }

  /** The host's first byte after the module's `a`. */
  hostByte(byte: number, start: number, end: number): void {
    const d = this.draft;
    if (!d || d.aSentAt === undefined || d.hostAnswer) return;
    d.hostAnswer = { byte, start, end };
  }

  /** `+ok` went out: temporary command mode. */
  entered(): void {
    const d = this.draft;
    if (!d || d.aSentAt === undefined || d.outcome !== 'waiting') return;
    d.okSentAt = this.clock.now();
    this.decide(d, 'entered', 'entered');
    d.measuredMs = d.hostAnswer ? d.hostAnswer.start - d.aSentAt : undefined;
    d.limitMs = ENTRY_ANSWER_MS;
    this.publish(d);
    this.draft = undefined;
  }

  /** The handshake failed: no `a` within T5, or another byte came. */
  aborted(cause: 'no-answer' | 'wrong-answer'): void {
    const d = this.draft;
    if (!d || d.aSentAt === undefined || d.outcome !== 'waiting') return;
    this.decide(d, 'failed', cause);
    d.limitMs = ENTRY_ANSWER_MS;
    d.measuredMs = d.hostAnswer ? d.hostAnswer.start - d.aSentAt : this.clock.now() - d.aSentAt;
    this.publish(d);
    this.draft = undefined;
  }

  /**
   * A `+` in command mode that may be a `+++` (`count` 1–3: the firmware's own count; 1 starts anew). The
   * firmware answers such a `+++` with `+ERR:1` (`commandMode`).
   */
  commandPlus(start: number, end: number, gap: number, previous: number | undefined, count: number): void {
    if (count === 1) this.command = this.create(start, gap, previous);
    const d = this.command;
    if (!d || d.pluses.length >= 3) return;
    d.pluses.push({ byte: 0x2b, start, end });
  }

  /** The module answered a `+++` in command mode with an error: it was in command mode already. */
  commandMode(): void {
    const d = this.command;
    this.command = undefined;
    if (!d || d.pluses.length < 3) return;
    d.quietMs = this.windows().quietMs;
    d.considered = true;
    d.closed = true;
    this.decide(d, 'failed', 'command-mode');
    this.publish(d);
  }

  /** The firmware's life ended (restart, power off) with an attempt undecided. */
  stopped(): void {
    const d = this.draft;
    this.draft = undefined;
    this.command = undefined;
    if (!d || d.outcome !== 'waiting' || !this.visible(d)) return;
    this.decide(d, 'failed', 'restarted');
    this.publish(d);
  }

  private begin(start: number, gap: number, previous: number | undefined): Draft {
    const d = this.create(start, gap, previous);
    this.draft = d;
    return d;
  }

  private create(start: number, gap: number, previous: number | undefined): Draft {
    const w = this.windows();
    const known = Number.isFinite(gap);
    const d: Draft = {
      id: this.nextId++,
      uartftMs: w.uartftMs,
      slowEntry: w.slowEntry,
      quietMs: w.quietMs,
      previous:
        known && previous !== undefined
          ? { byte: previous, start: start - gap, end: start - gap }
          : undefined,
      idleMs: known ? gap : undefined,
      pluses: [],
      morePluses: 0,
      interrupt: undefined,
      aSentAt: undefined,
      hostAnswer: undefined,
      okSentAt: undefined,
      outcome: 'waiting',
      reason: undefined,
      measuredMs: undefined,
      limitMs: undefined,
      index: undefined,
      leadingData: 0,
      decidedAt: undefined,
      candidateAt: undefined,
      considered: false,
      closed: false,
    };
    return d;
  }

  /** The first rule broken decides (a later, provisional `too-few` is replaced in `plus`). */
  private fail(
    d: Draft,
    reason: PlusAttemptReason,
    measured: number | undefined,
    limit: number,
    index: number,
  ): void {
    if (d.reason !== undefined && !(d.reason === 'too-few' && reason === 'gap')) return;
    this.decide(d, 'failed', reason);
    d.measuredMs = measured !== undefined && Number.isFinite(measured) ? measured : undefined;
    d.limitMs = limit;
    d.index = index;
  }

  private decide(d: Draft, outcome: PlusAttemptOutcome, reason: PlusAttemptReason): void {
    d.outcome = outcome;
    d.reason = reason;
    d.decidedAt = this.clock.now();
  }

  /**
   * Only runs that look like an entry are reported: the module held a `+` of them, or three `+` came in a
   * row (a `+++` sent too soon). A lone `+` inside data (`AT+VER` typed in the working mode) is not one.
   */
  private visible(d: Draft): boolean {
    return d.considered || d.pluses.length + d.morePluses >= 3;
  }

  private publish(d: Draft): void {
    if (!this.hub.active || !this.visible(d)) return;
    this.hub.emit({ type: 'plus-attempt', at: this.clock.now(), attempt: snapshotOf(d) });
  }
}

function snapshotOf(d: Draft): PlusAttempt {
  const opt = <K extends string, V>(key: K, value: V | undefined) =>
    (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;
  return {
    id: d.id,
    uartftMs: d.uartftMs,
    slowEntry: d.slowEntry,
    guardMs: d.uartftMs,
    gapMaxMs: d.uartftMs,
    quietMs: d.quietMs,
    answerMs: ENTRY_ANSWER_MS,
    okDelayMs: d.slowEntry ? d.uartftMs : 0,
    ...opt('previous', d.previous),
    ...opt('idleMs', d.idleMs),
    pluses: d.pluses.slice(),
    morePluses: d.morePluses,
    ...opt('interrupt', d.interrupt),
    ...opt('aSentAt', d.aSentAt),
    ...opt('hostAnswer', d.hostAnswer),
    ...opt('okSentAt', d.okSentAt),
    outcome: d.outcome,
    ...opt('reason', d.reason),
    ...opt('measuredMs', d.measuredMs),
    ...opt('limitMs', d.limitMs),
    ...opt('index', d.index),
    leadingData: d.leadingData,
    ...opt('decidedAt', d.decidedAt),
  };
}
