import { describe, expect, it } from 'vitest';
import { listOf, plural, pluralize } from '../../src/ui/i18n/plural';
import { P } from '../../src/ui/i18n/profile-strings';
import { S } from '../../src/ui/i18n/strings';
import { LINK_PROOF } from '../../src/ui/link-proof/strings';
import { RISKY } from '../../src/ui/risky-changes/strings';
import { SERVER_PREVIEW } from '../../src/ui/server-preview/strings';
import { placeholders, textPairs } from './text-pairs';

describe('count messages through Intl.PluralRules', () => {
  it('English takes the one form for 1 and the other form otherwise', () => {
    expect(pluralize(S.settings.reviewChanges, 'en', 1)).toBe('Review 1 change');
    expect(pluralize(S.settings.reviewChanges, 'en', 3)).toBe('Review 3 changes');
    expect(pluralize(S.settings.reviewChanges, 'en', 0)).toBe('Review 0 changes');
    expect(pluralize(S.changes.allApplied, 'en', 1)).toBe('The setting was applied.');
    expect(pluralize(S.changes.allApplied, 'en', 3)).toBe('All 3 settings were applied.');
    expect(pluralize(S.changes.apply, 'en', 1)).toBe('Write 1 change to the module');
    expect(pluralize(P.apply.confirm, 'en', 1)).toBe('Write 1 setting to the device');
    expect(pluralize(P.apply.unchanged, 'en', 2)).toContain('2 settings of the profile already match');
    expect(pluralize(S.changes.someFailed, 'en', 1, { total: 3 })).toMatch(
      /^1 of 3 settings was not applied/,
    );
    expect(pluralize(S.changes.someFailed, 'en', 2, { total: 3 })).toMatch(
      /^2 of 3 settings were not applied/,
    );
  });

  it('Chinese has no plural: the other form always, with the count', () => {
    expect(pluralize(S.settings.reviewChanges, 'zh', 1)).toBe('检查 1 项修改');
    expect(pluralize(S.changes.allApplied, 'zh', 1)).toBe('1 项参数已生效。');
    expect(pluralize(S.changes.allApplied, 'zh', 4)).toBe('4 项参数已生效。');
    expect(pluralize(LINK_PROOF.up, 'zh', 1, { list: 'A' })).toBe('Socket A 已连接。');
  });

  it('fills other placeholders too', () => {
    const p = plural({ en: '{who} has 1 item', zh: '{who}' }, { en: '{who} has {n} items', zh: '{who}' });
    expect(pluralize(p, 'en', 2, { who: 'A' })).toBe('A has 2 items');
  });

  it('lists in the language’s way', () => {
    expect(listOf(['A'], 'en')).toBe('A');
    expect(listOf(['A', 'B'], 'en')).toBe('A and B');
    expect(listOf(['A', 'B', 'C'], 'en')).toBe('A, B, and C');
    expect(listOf(['A', 'B'], 'zh')).toMatch(/^A.B$/);
  });
});

/** The feature strings: both languages, the same placeholders. */
describe('link proof, server preview and risky-change strings', () => {
  const pairs = textPairs({ LINK_PROOF, SERVER_PREVIEW, RISKY });

  it('are complete in both languages with the same placeholders', () => {
    expect(pairs.length).toBeGreaterThan(60);
    for (const [path, text] of pairs) {
      expect(text.en.trim(), path).not.toBe('');
      expect(text.zh.trim(), path).not.toBe('');
      expect(placeholders(text.zh), path).toEqual(placeholders(text.en));
    }
  });
});
