/**
 * The two languages of the product, picked per person: from the browser at first, then remembered.
 *
 * Decision (docs/ui.md): the command catalogue already carries `Text {en, zh}` pairs, so the UI's own
 * strings are `Text` pairs too (strings.ts) and a string is picked with `pick(text, lang)`. No i18n library.
 */
import type { Text } from '../../protocol/types';

export type Lang = 'en' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'zh'];

/** The BCP 47 tag for `<html lang>` and for `Intl` formatting. */
export function langTag(lang: Lang): 'en' | 'zh-CN' {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

/** The key under which the choice is remembered in localStorage. */
export const LANGUAGE_STORAGE_KEY = 'dtu.language';

/** Reads a stored or typed language name: `zh`, `zh-CN`, `zh-Hans-CN` → zh; `en`, `en-GB` → en. */
export function parseLang(value: string | null | undefined): Lang | undefined {
  if (!value) return undefined;
  const lower = value.trim().toLowerCase();
  if (lower === 'zh' || lower.startsWith('zh-')) return 'zh';
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return undefined;
}

/**
 * The language to start with: the remembered choice, else the first browser language we speak
 * (`navigator.languages` order), else English.
 */
export function initialLang(stored: string | null | undefined, browser: readonly string[]): Lang {
  const remembered = parseLang(stored);
  if (remembered) return remembered;
  for (const tag of browser) {
    const lang = parseLang(tag);
    if (lang) return lang;
  }
  return 'en';
}

/** A string in the chosen language. */
export function pick(text: Text, lang: Lang): string {
  return lang === 'zh' ? text.zh : text.en;
}

/**
 * A string with `{name}` placeholders filled in: `format(t('{n} changes', '{n} 项修改'), 'en', {n: 3})`.
 * Unknown placeholders are left as they are, so a missing value shows instead of vanishing.
 */
export function format(text: Text, lang: Lang, values: Readonly<Record<string, string | number>>): string {
  return pick(text, lang).replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
