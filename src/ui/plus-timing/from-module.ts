/**
 * The picture of a `+++` attempt from the simulator's own `plus-attempt` report: the module's arrival times
 * and windows, and its verdict. Nothing is guessed here; only placed on an axis.
 */
import type { PlusAttempt } from '../../simulator/core/plus-attempt';
import {
  axisEnd,
  byteLabel,
  type Tick,
  type TimingPicture,
  type TimingWindow,
  type Verdict,
} from './picture';

/** A byte before the first `+` further back than this many guard windows is not drawn to scale. */
const FAR_GUARDS = 4;

export function pictureFromModule(a: PlusAttempt): TimingPicture {
  const first = a.pluses[0];
  const origin = first ? first.start : (a.aSentAt ?? 0);
  const rel = (t: number): number => t - origin;
  const v = verdictOf(a);
  const c = Math.min(a.leadingData, Math.max(0, a.pluses.length - 1));
  const ticks: Tick[] = [];
  const windows: TimingWindow[] = [];

  // T1: the silence needed before the `+++` that counts (the run's first, or the one after stray `+`).
  const candidate = a.pluses[c];
  const guardEnd = candidate ? rel(candidate.start) : 0;
  windows.push({
    key: 't1',
    from: guardEnd - a.guardMs,
    to: guardEnd,
    broken: v.reason === 'guard',
    clipped: false,
  });
  let earlierGapMs: number | undefined;
  if (a.previous && a.idleMs !== undefined) {
    if (a.idleMs > a.guardMs * FAR_GUARDS && a.idleMs > 1000) earlierGapMs = a.idleMs;
    else
      ticks.push({
        at: rel(a.previous.end),
        dir: 'tx',
        role: 'previous',
        label: byteLabel(a.previous.byte),
        bad: v.reason === 'guard',
      });
  }

  a.pluses.forEach((p, i) => {
    const position = i + 1;
    const bad =
      (v.reason === 'guard' && position === 1) ||
      ((v.reason === 'gap' || v.reason === 'extra') && position === v.index);
    ticks.push({ at: rel(p.start), dir: 'tx', role: 'plus', label: '+', bad });
  });

  // T2 after the first and second `+` of the attempt that counts, up to the one that came too late.
  const t2End = v.reason === 'gap' && v.index !== undefined ? Math.min(c + 2, v.index - 1) : c + 2;
  for (let i = c; i < Math.min(a.pluses.length, t2End); i++) {
    const p = a.pluses[i];
    if (!p) continue;
    const next = a.pluses[i + 1];
    // After the last `+` only while the module still waits for the next one, or when it never came.
    if (!next && a.outcome !== 'waiting' && v.reason !== 'too-few') continue;
    windows.push({
      key: 't2',
      from: rel(p.end),
      to: rel(p.end) + a.gapMaxMs,
      broken: (v.reason === 'gap' && v.index === i + 2) || (v.reason === 'too-few' && !next),
      clipped: false,
    });
  }
  // T3 only when the module held all three (it never waited for silence after a failed start).
  const held = v.reason !== 'guard' && v.reason !== 'gap' && v.reason !== 'too-few';
  const third = held ? a.pluses[c + 2] : undefined;
  if (third) {
    windows.push({
      key: 't3',
      from: rel(third.end),
      to: rel(third.end) + a.quietMs,
      broken: v.reason === 'extra' || (v.reason === 'interrupted' && (v.index ?? 0) >= 3),
      clipped: false,
    });
  }
  if (a.interrupt)
    ticks.push({
      at: rel(a.interrupt.start),
      dir: 'tx',
      role: 'interrupt',
      label: byteLabel(a.interrupt.byte),
      bad: true,
    });
  if (a.aSentAt !== undefined) {
    ticks.push({ at: rel(a.aSentAt), dir: 'rx', role: 'a', label: 'a', bad: false });
    const t5Bad = v.reason === 'no-answer' || v.reason === 'wrong-answer';
    windows.push({
      key: 't5',
      from: rel(a.aSentAt),
      to: rel(a.aSentAt) + a.answerMs,
      broken: t5Bad,
      clipped: false,
    });
  }
  if (a.hostAnswer)
    ticks.push({
      at: rel(a.hostAnswer.start),
      dir: 'tx',
      role: 'host-answer',
      label: byteLabel(a.hostAnswer.byte),
      bad: v.reason === 'wrong-answer',
    });
  // In command mode the module answers `+++` with an error line (`+ERR:1`) when it decides.
  if (v.reason === 'command-mode' && a.decidedAt !== undefined)
    ticks.push({ at: rel(a.decidedAt), dir: 'rx', role: 'error', label: '+ERR:1', bad: true });
  if (a.okSentAt !== undefined) {
    ticks.push({ at: rel(a.okSentAt), dir: 'rx', role: 'ok', label: '+ok', bad: false });
    if (a.hostAnswer && a.okDelayMs > 0)
      windows.push({
        key: 't6',
        from: rel(a.hostAnswer.end),
        to: rel(a.okSentAt),
        broken: false,
        clipped: false,
      });
  }
  return frame({
    key: `m${a.id}`,
    source: 'module',
    origin,
    ticks,
    windows,
    uartftMs: a.uartftMs,
    uartftKnown: true,
    slowEntry: a.slowEntry,
    verdict: v,
    ...(earlierGapMs === undefined ? {} : { earlierGapMs }),
    decidedAt: a.decidedAt === undefined ? undefined : rel(a.decidedAt),
  });
}

function verdictOf(a: PlusAttempt): Verdict {
  const byte =
    a.reason === 'interrupted'
      ? a.interrupt?.byte
      : a.reason === 'wrong-answer'
        ? a.hostAnswer?.byte
        : a.reason === 'guard'
          ? a.previous?.byte
          : undefined;
  return {
    outcome: a.outcome,
    leadingData: a.leadingData,
    ...(a.reason === undefined ? {} : { reason: a.reason }),
    ...(a.measuredMs === undefined ? {} : { measuredMs: a.measuredMs }),
    ...(a.limitMs === undefined ? {} : { limitMs: a.limitMs }),
    ...(a.index === undefined ? {} : { index: a.index }),
    ...(byte === undefined ? {} : { byte }),
  };
}

type Unframed = Omit<TimingPicture, 'from' | 'to' | 'windows'> & {
  readonly windows: TimingWindow[];
  /** When the verdict was reached, ms from the origin: the axis reaches at least that far. */
  readonly decidedAt?: number | undefined;
};

/**
 * Sets the axis around what happened: from the earliest window or byte to the last byte or decision, with a
 * long window (T5's 3 s after a quick answer) cut at the right edge rather than squeezing the rest.
 */
export function frame(p: Unframed): TimingPicture {
  const { decidedAt, windows, ...rest } = p;
  const starts = [...p.ticks.map((t) => t.at), ...windows.map((w) => w.from)];
  const from = Math.min(0, ...starts);
  const ends = p.ticks.map((t) => t.at);
  for (const w of windows)
    if (w.key !== 't5' || w.broken) ends.push(w.to);
    else ends.push(w.from);
  if (decidedAt !== undefined && Number.isFinite(decidedAt)) ends.push(decidedAt);
  const to = axisEnd(Math.max(...ends), from);
  return {
    ...rest,
    from,
    to,
    windows: windows.map((w) => (w.to > to ? { ...w, to, clipped: true } : w)),
  };
}
