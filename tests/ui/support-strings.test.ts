import { describe, expect, it } from 'vitest';
import { SUPPORT } from '../../src/ui/support/strings';
import { SUPPORT_NAV } from '../../src/ui/support/nav';
import { placeholders, textPairs } from './text-pairs';

describe('the support view speaks both languages', () => {
  const all = textPairs({ SUPPORT, SUPPORT_NAV });

  it('every text has English and Chinese with the same placeholders', () => {
    expect(all.length).toBeGreaterThan(80);
    for (const [path, text] of all) {
      expect(text.en.trim(), path).not.toBe('');
      expect(text.zh.trim(), path).not.toBe('');
      expect(placeholders(text.zh), path).toEqual(placeholders(text.en));
    }
  });

  it('the Chinese is Chinese: no English sentence in it', () => {
    for (const [path, text] of all)
      expect(/[a-z]{4,} [a-z]{3,}/i.test(text.zh.replace(/\{\w+\}/g, '')), `${path}: ${text.zh}`).toBe(false);
  });
});
