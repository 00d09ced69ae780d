/**
 * "Send to a module in the field": every string in both languages with the same placeholders, and the
 * payloads shown with the command password and other secrets masked unless the person asks.
 */
import { describe, expect, it } from 'vitest';
import { shownPayload } from '../../src/ui/remote/payload-text';
import { FIELD } from '../../src/ui/remote/field-strings';
import { REMOTE } from '../../src/ui/remote/strings';
import { placeholders, textPairs } from './text-pairs';

describe('remote strings', () => {
  const pairs = textPairs({ REMOTE, FIELD });

  it('are complete in English and Chinese with the same placeholders', () => {
    expect(pairs.length).toBeGreaterThan(50);
    for (const [path, text] of pairs) {
      expect(text.en.trim(), path).not.toBe('');
      expect(text.zh.trim(), path).not.toBe('');
      expect(placeholders(text.zh), path).toEqual(placeholders(text.en));
    }
  });
});

describe('payloads on screen', () => {
  it('the password prefix is masked unless revealed; CR is written {CR} for network lines', () => {
    expect(shownPayload('usr.cn', 'AT+HEARTTM=90', false)).toBe('••••••AT+HEARTTM=90');
    expect(shownPayload('usr.cn', 'AT+HEARTTM=90', true)).toBe('usr.cnAT+HEARTTM=90');
    expect(shownPayload('usr.cn', 'AT+Z', false, true)).toBe('••••••AT+Z{CR}');
  });

  it('a new command password and an APN password in a payload are masked too', () => {
    expect(shownPayload('usr.cn', 'AT+CMDPW=s3cret', false)).toBe('••••••AT+CMDPW=••••••');
    expect(shownPayload('usr.cn', 'AT+APN=iot.example,user,pa55', false)).not.toContain('pa55');
    expect(shownPayload('usr.cn', 'AT+APN=iot.example,user,pa55', true)).toContain('pa55');
  });
});
