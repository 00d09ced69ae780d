import { describe, expect, it } from 'vitest';
import {
  canonicalEscaped,
  escapeText,
  firstUnescapedSpecial,
  unescapeBytes,
  unescapeText,
} from '../../src/protocol/escape';

describe('[XX] escape rule (3.1.6.4)', () => {
  it.each([
    ['=', '[3D]'],
    [',', '[2C]'],
    ['?', '[3F]'],
    ['\r', '[0D]'],
    ['\n', '[0A]'],
  ])('escapes %j as %s, as the manual’s table of common escapes says', (plain, escaped) => {
    expect(escapeText(plain)).toBe(escaped);
    expect(unescapeText(escaped)).toBe(plain);
  });

  it('writes the manual’s HTPURL example /1.php? as /1.php[3F] (3.1.7.61)', () => {
    expect(escapeText('/1.php?')).toBe('/1.php[3F]');
    expect(unescapeText('/1.php[3F]')).toBe('/1.php?');
  });

  it('writes the manual’s HTPHD example with CR LF as [0D][0A] (3.1.7.63)', () => {
    expect(escapeText('Connection: close\r\n')).toBe('Connection: close[0D][0A]');
  });

  it('reads lower-case hex escapes and canonicalises them to upper case', () => {
    expect(unescapeText('a[3f]b')).toBe('a?b');
    expect(canonicalEscaped('a[3f]b[2c]')).toBe('a[3F]b[2C]');
  });

  it('keeps a [ that does not start an escape as an ordinary character', () => {
    expect(unescapeText('[x] [3] [ab')).toBe('[x] [3] [ab');
    expect(escapeText('[x]')).toBe('[x]');
  });

  it('escapes a literal "[3F]" in text so it is not read back as "?"', () => {
    const plain = 'see [3F] here';
    expect(escapeText(plain)).toBe('see [5B]3F] here');
    expect(unescapeText(escapeText(plain))).toBe(plain);
  });

  it('round-trips every ASCII character and Chinese text', () => {
    let all = '';
    for (let c = 0; c < 128; c++) all += String.fromCharCode(c);
    all += '你好啊，世界';
    expect(unescapeText(escapeText(all))).toBe(all);
  });

  it('decodes to the exact bytes the module stores: UTF-8 text and escaped bytes', () => {
    expect([...unescapeBytes('你[0D][0A]')]).toEqual([0xe4, 0xbd, 0xa0, 0x0d, 0x0a]);
    expect([...unescapeBytes('[FF]')]).toEqual([0xff]);
  });

  it('finds the first special character that should have been escaped', () => {
    expect(firstUnescapedSpecial('/1.php?a')).toBe(6);
    expect(firstUnescapedSpecial('/1.php[3F]a')).toBe(-1);
  });
});

describe('canonical escaped form', () => {
  it('turns escaped UTF-8 bytes into the characters and keeps invalid bytes escaped', () => {
    expect(canonicalEscaped('[E4][BD][A0]好')).toBe('你好');
    expect(canonicalEscaped('a[ff]b')).toBe('a[FF]b');
    expect([...unescapeBytes(canonicalEscaped('x[C3][28]'))]).toEqual([0x78, 0xc3, 0x28]);
  });
});
