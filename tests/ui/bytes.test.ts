import { describe, expect, it } from 'vitest';
import {
  asciiView,
  bytesToHex,
  bytesToTerminalText,
  fromPlainView,
  hexToBytes,
  plainView,
  textToHex,
  visibleControls,
} from '../../src/ui/logic/bytes';

describe('hex and ASCII views (REGDT/HEARTDT, 3.1.7.53)', () => {
  it('shows the manual example 7777772E7573722E636E as www.usr.cn', () => {
    const bytes = hexToBytes('7777772E7573722E636E');
    expect(bytes && asciiView(bytes)).toBe('www.usr.cn');
    expect(textToHex('www.usr.cn')).toBe('7777772E7573722E636E');
  });

  it('rejects odd or non-hex input and accepts spaces', () => {
    expect(hexToBytes('ABC')).toBeUndefined();
    expect(hexToBytes('GG')).toBeUndefined();
    expect(hexToBytes('55 aa 55')).toEqual(Uint8Array.from([0x55, 0xaa, 0x55]));
  });

  it('shows non-printable bytes as dots and formats hex with a separator', () => {
    const bytes = Uint8Array.from([0x41, 0x00, 0x0d, 0x7f, 0x80]);
    expect(asciiView(bytes)).toBe('A····');
    expect(bytesToHex(bytes, ' ')).toBe('41 00 0D 7F 80');
  });
});

describe('escaped text shown both ways (3.1.6.4)', () => {
  it('shows /1.php[3F] as /1.php? and HTPHD with CR LF as {CR}{LF}', () => {
    expect(plainView('/1.php[3F]')).toBe('/1.php?');
    expect(plainView('Connection: close[0D][0A]')).toBe('Connection: close{CR}{LF}');
  });

  it('escapes typed plain text back, {CR} {LF} standing for CR LF', () => {
    expect(fromPlainView('/1.php?a=1,2')).toBe('/1.php[3F]a[3D]1[2C]2');
    expect(fromPlainView('Connection: close{CR}{LF}')).toBe('Connection: close[0D][0A]');
    expect(fromPlainView('Connection: close{cr}{lf}')).toBe('Connection: close[0D][0A]');
  });

  it('round-trips every example of the manual', () => {
    for (const v of ['/1.php[3F]', 'Connection: close[0D][0A]', 'usr.cn', 'a[2C]b[3D]c']) {
      expect(fromPlainView(plainView(v))).toBe(v);
    }
  });

  it('makes control characters visible and keeps line breaks in terminal text', () => {
    expect(visibleControls('AT+VER\r')).toBe('AT+VER↵');
    expect(visibleControls('a\tb\x01')).toBe('a[09]b[01]');
    expect(bytesToTerminalText(new TextEncoder().encode('\r\nOK\r\n'))).toBe('\nOK\n');
  });
});
