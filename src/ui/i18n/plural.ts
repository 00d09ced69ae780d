/**
 * Count messages: "Review 1 change" / "Review 3 changes". The form is chosen by `Intl.PluralRules` for the
 * language (`one` or `other` in English). Chinese has no plural: `Intl.PluralRules('zh-CN')` always says
 * `other`, so the Chinese text of `other` is the one shown and the Chinese `one` is only there to keep
 * every `Text` complete (the strings test checks both languages of every pair).
 *
 * A `Plural` is two `Text` pairs, so it sits in the string tables beside the others. `{n}` is the count;
 * the `one` form may leave it out ("The setting was applied.").
 */
import type { Text } from '../../protocol/types';
import { format, langTag, type Lang } from './language';

export interface Plural {
  readonly one: Text;
  readonly other: Text;
}

export const plural = (one: Text, other: Text): Plural => ({ one, other });

const rules = new Map<Lang, Intl.PluralRules>();

function rulesFor(lang: Lang): Intl.PluralRules {
  let r = rules.get(lang);
  if (!r) {
    r = new Intl.PluralRules(langTag(lang));
    rules.set(lang, r);
  }
  return r;
}

/** The form of `text` for `n`, with `{n}` and the other placeholders filled. */
export function pluralize(
  text: Plural,
  lang: Lang,
  n: number,
  values: Readonly<Record<string, string | number>> = {},
): string {
  const form = rulesFor(lang).select(n) === 'one' ? text.one : text.other;
  return format(form, lang, { n, ...values });
}

/** "A", "A and B", "A, B, and C" / "A、B和C": a list in the language's own way. */
export function listOf(items: readonly string[], lang: Lang): string {
  return new Intl.ListFormat(langTag(lang), { type: 'conjunction' }).format(items);
}
