/**
 * How progress moves (stored in IndexedDB, storage/classroom.ts): started → solved, hints counted per
 * attempt, the time from the start of the attempt that solved it (the best one kept). Pure.
 */
import type { ScenarioProgressRecord } from '../../storage/schema';

export type ProgressState = 'not-started' | 'in-progress' | 'solved';

export function progressState(p: ScenarioProgressRecord | undefined): ProgressState {
  if (!p) return 'not-started';
  return p.state === 'solved' ? 'solved' : 'in-progress';
}

/** A new attempt: solved stays solved (with its best time), hints start again. */
export function started(
  prev: ScenarioProgressRecord | undefined,
  id: string,
  now: number,
): ScenarioProgressRecord {
  return {
    ...(prev ?? { state: 'started' as const, startedAt: now }),
    id,
    lastStartedAt: now,
    hintsShown: 0,
    attempts: (prev?.attempts ?? 0) + 1,
  };
}

/** One more hint shown (never more than there are). */
export function hintShown(prev: ScenarioProgressRecord, total: number): ScenarioProgressRecord {
  return { ...prev, hintsShown: Math.min(total, prev.hintsShown + 1) };
}

/** The check passed at `now`: the time of this attempt, or the earlier one when it was shorter. */
export function solved(prev: ScenarioProgressRecord, now: number): ScenarioProgressRecord {
  const seconds = Math.max(0, Math.round((now - prev.lastStartedAt) / 1000));
  const best = prev.seconds !== undefined && prev.seconds <= seconds;
  return {
    ...prev,
    state: 'solved',
    solvedAt: best ? (prev.solvedAt ?? now) : now,
    seconds: best ? prev.seconds : seconds,
  };
}

/** "0:42", "12:05", "1:02:09". */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
