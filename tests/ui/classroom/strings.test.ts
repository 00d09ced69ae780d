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
import { placeholders, textPairs } from '../text-pairs';

const chinese = /[\u3400-\u9fff]/;

function leaves(check: Check): Check[] {
  if (check.kind === 'all' || check.kind === 'any') return [check, ...check.of.flatMap(leaves)];
  if (check.kind === 'not') return [check, ...leaves(check.check)];
  return [check];
}

describe('classroom words', () => {
  it('every string has both languages and the same placeholders', () => {
    const all = textPairs({ CLASSROOM_TEXT, CHECK_TEXT });
    expect(all.length).toBeGreaterThan(60);
    for (const [path, text] of all) {
      expect(text.en.trim(), path).not.toBe('');
      expect(chinese.test(text.en), path).toBe(false);
      expect(placeholders(text.zh), path).toEqual(placeholders(text.en));
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
