import { describe, expect, it } from 'vitest';
import { SUPPORT } from '../../src/ui/support/strings';
import { SUPPORT_NAV } from '../../src/ui/support/nav';

interface Pair {
  readonly path: string;
  readonly en: string;
  readonly zh: string;
}

function pairs(node: unknown, path: string, out: Pair[]): Pair[] {
  if (typeof node !== 'object' || node === null) return out;
  const o = node as Record<string, unknown>;
  if (typeof o.en === 'string' && typeof o.zh === 'string') {
    out.push({ path, en: o.en, zh: o.zh });
    return out;
  }
  for (const [k, v] of Object.entries(o)) pairs(v, `${path}.${k}`, out);
  return out;
}

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('the support view speaks both languages', () => {
  const all = pairs({ SUPPORT, SUPPORT_NAV }, '', []);

  it('every text has English and Chinese with the same placeholders', () => {
    expect(all.length).toBeGreaterThan(80);
    for (const p of all) {
      expect(p.en.trim(), p.path).not.toBe('');
      expect(p.zh.trim(), p.path).not.toBe('');
      expect(placeholders(p.zh), p.path).toEqual(placeholders(p.en));
    }
  });

  it('the Chinese is Chinese: no English sentence in it', () => {
    for (const p of all)
      expect(/[a-z]{4,} [a-z]{3,}/i.test(p.zh.replace(/\{\w+\}/g, '')), `${p.path}: ${p.zh}`).toBe(false);
  });
});
