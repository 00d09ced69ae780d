import { describe, expect, it } from 'vitest';
import { ENTER, rawBytes } from '../../src/ui/raw-mode/raw-bytes';

const hex = (b: Uint8Array): string => [...b].map((x) => x.toString(16).padStart(2, '0')).join(' ');

describe('raw mode sends what is typed, as typed', () => {
  it('sends characters as they are, with no line end added', () => {
    expect(hex(rawBytes('+++'))).toBe('2b 2b 2b');
    expect(hex(rawBytes('a'))).toBe('61');
    expect(hex(rawBytes('中'))).toBe('e4 b8 ad');
  });

  it('Enter and line breaks in pasted text send CR', () => {
    expect(hex(ENTER)).toBe('0d');
    expect(hex(rawBytes('AT\r\nAT\nAT\r'))).toBe('41 54 0d 41 54 0d 41 54 0d');
  });
});
