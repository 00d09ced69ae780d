/** Test helper: every `{ en, zh }` text under some string tables, for the "both languages" checks. */
import type { Text } from '../../src/protocol/types';

export type TextPair = [path: string, text: Text];

/** The texts under each root, named by their path (`REMOTE.payloadState.sent`); other values are passed over. */
export function textPairs(roots: Readonly<Record<string, unknown>>): TextPair[] {
  const out: TextPair[] = [];
  const walk = (path: string, node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const o = node as Record<string, unknown>;
    if (typeof o['en'] === 'string' && typeof o['zh'] === 'string') {
      out.push([path, { en: o['en'], zh: o['zh'] }]);
      return;
    }
    for (const [k, v] of Object.entries(o)) walk(`${path}.${k}`, v);
  };
  for (const [name, root] of Object.entries(roots)) walk(name, root);
  return out;
}

/** The `{name}` placeholders of a text, sorted: both languages must fill the same ones. */
export function placeholders(s: string): string[] {
  return [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}
