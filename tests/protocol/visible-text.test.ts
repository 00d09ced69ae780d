import { describe, expect, it } from 'vitest';
import { escapeText, unescapeBytes } from '../../src/protocol/escape';
import { findCommand } from '../../src/protocol/catalogue';
import { MAX_VALUE_CHARS, validateParam, validateValue } from '../../src/protocol/validate';
import { hasHiddenCharacters, visibleText } from '../../src/protocol/visible-text';

describe('text from outside, shown as what it is', () => {
  it('direction overrides and isolates show as their code point', () => {
    expect(visibleText('abc\u202Etxt.exe')).toBe('abc[U+202E]txt.exe');
    expect(visibleText('\u2066x\u2069\u200E\u200F\u061C')).toBe('[U+2066]x[U+2069][U+200E][U+200F][U+061C]');
  });

  it('an IMEI a device sent with a hidden character shows it (the dashboard’s case)', () => {
    expect(visibleText('\u202E868123456789012')).toBe('[U+202E]868123456789012');
    expect(visibleText('8681234\u200B56789012')).toBe('8681234[U+200B]56789012');
  });

  it('control characters, broken surrogates and separators show; ordinary text, Chinese and emoji do not change', () => {
    expect(visibleText('a\u0000b\u007f\u0085\u2028')).toBe('a[U+0000]b[U+007F][U+0085][U+2028]');
    expect(visibleText('a\uD800b')).toBe('a[U+D800]b');
    expect(visibleText('line\nbreak', { lineBreaks: true })).toBe('line\nbreak');
    expect(visibleText('line\nbreak')).toBe('line[U+000A]break');
    for (const plain of ['泵站 7 号', '<b>Plant</b> & "x"', '👨‍👩‍👧 family', 'Café ❤️']) {
      expect(visibleText(plain)).toBe(plain);
      expect(hasHiddenCharacters(plain)).toBe(false);
    }
  });

  it('long text is cut at a whole character', () => {
    expect(visibleText('abcdef', { max: 3 })).toBe('abc…');
    expect(visibleText('ab😀cd', { max: 3 })).toBe('ab…');
  });
});

describe('values of any length', () => {
  it('a 2-million-character escaped value decodes without running out of stack', () => {
    const bytes = unescapeBytes(`${'x'.repeat(1_000_000)}[0D][0A]${'中'.repeat(500_000)}`);
    expect(bytes.length).toBe(1_000_000 + 2 + 1_500_000);
    expect(bytes[1_000_000]).toBe(0x0d);
    expect(escapeText('['.repeat(100_000)).length).toBe(100_000);
  });

  it('a pasted value longer than any parameter is refused at once, naming the limit', () => {
    const stmsg = findCommand('STMSG');
    if (!stmsg) throw new Error('catalogue');
    const r = validateParam(stmsg, 0, 'x'.repeat(300_000));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message.en).toBe(
      `Start-up message is too long: 300000 characters, and no parameter of this module takes more than ${MAX_VALUE_CHARS}`,
    );
    expect(!r.ok && r.error.message.zh).toMatch(/过长/);
    const whole = validateValue(stmsg, 'x'.repeat(MAX_VALUE_CHARS + 1));
    expect(whole.ok).toBe(false);
  });

  it('a message quotes at most the start of a long wrong value', () => {
    const wkmod = findCommand('WKMOD');
    if (!wkmod) throw new Error('catalogue');
    const r = validateValue(wkmod, 'Z'.repeat(4000));
    expect(!r.ok && r.error.message.en.length).toBeLessThan(200);
  });
});
