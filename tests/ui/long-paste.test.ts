import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/protocol/catalogue';
import { MAX_VALUE_CHARS } from '../../src/protocol/validate';
import { checkParts } from '../../src/ui/logic/fields';

describe('pasting a huge text into a setting field', () => {
  it('300 000 characters in the start-up message give a message naming the limit, not an error', () => {
    const stmsg = CATALOGUE.find((e) => e.name === 'STMSG');
    if (!stmsg) throw new Error('catalogue');
    const check = checkParts(stmsg, ['x'.repeat(300_000)]);
    expect(check.canonical).toBeUndefined();
    expect(check.errors[0]?.en).toMatch(/too long: 300000 characters.*more than 4096/);
  });

  it('the text the field keeps after cutting a paste is checked like any other (every parameter of every setting)', () => {
    for (const entry of CATALOGUE.filter((e) => e.kind === 'setting')) {
      const parts = entry.params.map(() => '[0D]'.repeat(MAX_VALUE_CHARS / 4));
      const check = checkParts(entry, parts);
      expect(check.canonical, entry.name).toBeUndefined();
      expect(
        check.errors.every((e) => e !== undefined && e.en.length < 400),
        entry.name,
      ).toBe(true);
    }
  });
});
