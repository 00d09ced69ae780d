/**
 * How profiles are shown: times in the person's language, setting labels from the catalogue, and a
 * problem's place (`values.SOCKA`) with the setting's label so a person knows which field is meant.
 */
import { findCommand } from '../../protocol/catalogue';
import type { ProfileProblem } from '../../profile/profile';
import { visibleText } from '../../protocol/visible-text';
import { langTag, pick, type Lang } from '../i18n/language';

/** A profile time (ms since 1970) as a local date and time. */
export function formatTime(ms: number, lang: Lang): string {
  return new Intl.DateTimeFormat(langTag(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** The catalogue label of a setting, else its name. */
export function settingLabel(name: string, lang: Lang): string {
  const entry = findCommand(name);
  return entry ? pick(entry.label, lang) : name;
}

/** `Socket A (AT+SOCKA)` for `values.SOCKA` or `profiles[2].values.SOCKA`; other paths as they are. */
export function pathLabel(path: string, lang: Lang): string {
  const match = /(?:^|\.)values\.([A-Za-z0-9_$]+)$/.exec(path);
  const name = match?.[1];
  if (!name) return path;
  const entry = findCommand(name);
  return entry ? `${pick(entry.label, lang)} (AT+${entry.name})` : path;
}

/**
 * One problem as a line of text: `place: message`, or the message alone. Problems quote what they found
 * (a key, a value, a name), so the line is made visible: a direction override shows as `[U+202E]`.
 */
export function problemText(problem: ProfileProblem, lang: Lang): string {
  const where = pathLabel(problem.path, lang);
  return visibleText(where ? `${where}: ${pick(problem.message, lang)}` : pick(problem.message, lang), {
    max: 500,
  });
}
