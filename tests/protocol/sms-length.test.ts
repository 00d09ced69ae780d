import { describe, expect, it } from 'vitest';
import { isGsm7, smsLength } from '../../src/protocol/sms-length';

describe('SMS length (3.1.7.66: 70 Chinese / 160 plain characters)', () => {
  it('counts plain text as GSM-7, 160 to an SMS', () => {
    const r = smsLength('usr.cnAT+VER');
    expect(r).toMatchObject({ encoding: 'gsm7', characters: 12, units: 12, single: 160, parts: 1 });
    expect(smsLength('a'.repeat(160)).parts).toBe(1);
    expect(smsLength('a'.repeat(161)).parts).toBe(2);
    expect(smsLength('a'.repeat(306)).parts).toBe(2);
    expect(smsLength('a'.repeat(307)).parts).toBe(3);
  });

  it('counts GSM extension characters twice', () => {
    expect(isGsm7('{}[]€')).toBe(true);
    expect(smsLength('{}').units).toBe(4);
    expect(smsLength('€'.repeat(80)).parts).toBe(1);
    expect(smsLength('€'.repeat(81)).parts).toBe(2);
  });

  it('sends Chinese as UCS-2, 70 to an SMS and 67 per part', () => {
    const hello = smsLength('你好啊');
    expect(hello).toMatchObject({ encoding: 'ucs2', characters: 3, single: 70, perPart: 67, parts: 1 });
    expect(smsLength('中'.repeat(70)).parts).toBe(1);
    expect(smsLength('中'.repeat(71)).parts).toBe(2);
    expect(smsLength('中'.repeat(134)).parts).toBe(2);
    expect(smsLength('中'.repeat(135)).parts).toBe(3);
  });

  it('makes the whole message UCS-2 when one character is outside GSM-7', () => {
    expect(smsLength('a'.repeat(100) + '好').encoding).toBe('ucs2');
    expect(smsLength('a'.repeat(100) + '好').parts).toBe(2);
  });

  it('counts an emoji as two UCS-2 units and the empty text as no SMS', () => {
    expect(smsLength('😀').units).toBe(2);
    expect(smsLength('😀').characters).toBe(1);
    expect(smsLength('').parts).toBe(0);
  });
});
