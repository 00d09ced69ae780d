/**
 * An apply's progress for the bar: one fraction (planning, keeping the current values, writing — most of
 * the time —, the restart, then reading each value back) and the step in words.
 */
import { format, type Lang } from '../i18n/language';
import { S } from '../i18n/strings';
import type { ApplyProgress } from '../services/session-service';

export function applyFraction(p: ApplyProgress): number {
  const step = p.total === 0 ? 1 : Math.min(1, p.done / p.total);
  switch (p.phase) {
    case 'plan':
      return 0;
    case 'snapshot':
      return 0.05;
    case 'write':
      return 0.1 + 0.5 * step;
    case 'restart':
      return 0.65;
    case 'confirm':
      return 0.75 + 0.25 * step;
    case 'done':
      return 1;
  }
}

/** The step in words, in the person's language. */
export function applyProgressLabel(p: ApplyProgress, lang: Lang): string {
  const values = { name: p.name ?? '', done: Math.min(p.done + 1, p.total), total: p.total };
  return format(S.changes.phase[p.phase], lang, values);
}
