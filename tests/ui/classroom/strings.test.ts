/**
 * Every word of the classroom in both languages: the view's strings, the built-in scenarios' texts, and
 * how each check of each scenario reads ("Socket A is connected for 3 s" / "Socket A 已连接达 3 秒").
 */
import { describe, expect, it } from 'vitest';
import type { Text } from '../../../src/protocol/types';
import { BUILT_IN_SCENARIOS } from '../../../src/ui/classroom/builtin';
import { describeCheck } from '../../../src/ui/classroom/describe-check';
import type { Check } from '../../../src/ui/classroom/scenario';
import { CHECK_TEXT, CLASSROOM_TEXT } from '../../../src/ui/classroom/strings';

const chinese = /[\u3400-\u9fff]/;

function pairs(node: unknown, path: string, out: [string, Text][] = []): [string, Text][] {
  if (node && typeof node === 'object' && 'en' in node && 'zh' in node) out.push([path, node as Text]);
  else for (const [k, v] of Object.entries(node as object)) pairs(v, `${path}.${k}`, out);
  return out;
}

function leaves(check: Check): Check[] {
  if (check.kind === 'all' || check.kind === 'any') return [check, ...check.of.flatMap(leaves)];
  if (check.kind === 'not') return [check, ...leaves(check.check)];
  return [check];
}

describe('classroom words', () => {
  it('every string has both languages and the same placeholders', () => {
    const all = [...pairs(CLASSROOM_TEXT, 'CLASSROOM_TEXT'), ...pairs(CHECK_TEXT, 'CHECK_TEXT')];
    expect(all.length).toBeGreaterThan(60);
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [path, text] of all) {
      expect(text.en.trim(), path).not.toBe('');
      expect(chinese.test(text.en), path).toBe(false);
      expect(names(text.zh), path).toEqual(names(text.en));
    }
  });

  it('each built-in scenario is written in English and in Chinese', () => {
    for (const s of BUILT_IN_SCENARIOS) {
      for (const [path, text] of [
        ['title', s.title],
        ['brief', s.brief],
        ...s.hints.map((h, i) => [`hint ${i}`, h]),
      ] as [string, Text][]) {
        expect(chinese.test(text.en), `${s.id} ${path}`).toBe(false);
        expect(chinese.test(text.zh), `${s.id} ${path}`).toBe(true);
      }
    }
  });

  it('every check of every scenario reads as a sentence in both languages, nothing left unfilled', () => {
    for (const s of BUILT_IN_SCENARIOS) {
      for (const c of leaves(s.check)) {
        const d = describeCheck(c);
        expect(d.en, s.id).not.toMatch(/\{\w+\}|undefined/);
        expect(d.zh, s.id).not.toMatch(/\{\w+\}|undefined/);
        expect(chinese.test(d.en), s.id).toBe(false);
        expect(chinese.test(d.zh), `${s.id}: ${d.zh}`).toBe(true);
      }
    }
    expect(describeCheck({ kind: 'link', socket: 'A', state: 'connected', forSeconds: 3 })).toEqual({
      en: 'Socket A is connected for 3 s',
      zh: 'Socket A 已连接达 3 秒',
    });
    expect(describeCheck({ kind: 'setting', name: 'HEARTTM', max: 19 }).en).toBe(
      'Heartbeat interval (HEARTTM) is 19 or less (in force)',
    );
  });
});
