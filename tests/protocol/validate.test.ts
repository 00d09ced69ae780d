import { describe, expect, it } from 'vitest';
import { findCommand } from '../../src/protocol/catalogue';
import type { CommandEntry } from '../../src/protocol/types';
import { splitParams, validateParam, validateValue } from '../../src/protocol/validate';

const entry = (name: string): CommandEntry => {
  const e = findCommand(name);
  if (!e) throw new Error(`no ${name}`);
  return e;
};
const value = (name: string, text: string): string => {
  const r = validateValue(entry(name), text);
  if (!r.ok) throw new Error(r.error.message.en);
  return r.value;
};
const error = (name: string, text: string): string => {
  const r = validateValue(entry(name), text);
  if (r.ok) throw new Error(`accepted ${name}=${text}`);
  return r.error.message.en;
};

describe('splitParams (3.1.6.4: specials inside parameters are escaped)', () => {
  it('splits on every raw comma and keeps empty parameters', () => {
    expect(splitParams('TCP,test.usr.cn,2317')).toEqual(['TCP', 'test.usr.cn', '2317']);
    expect(splitParams('CMNET,,')).toEqual(['CMNET', '', '']);
    expect(splitParams('')).toEqual(['']);
    expect(splitParams('a[2C]b')).toEqual(['a[2C]b']);
  });
});

describe('canonical values', () => {
  it('enum words are upper-cased as listed (3.1.6: case-insensitive)', () => {
    expect(value('WKMOD', 'httpd')).toBe('HTTPD');
    expect(value('SOCKA', 'udp,test.usr.cn,2317')).toBe('UDP,test.usr.cn,2317');
    expect(value('UART', '9600,7,2,even,nfc')).toBe('9600,7,2,EVEN,NFC');
  });

  it('whole numbers lose leading zeros', () => {
    expect(value('UARTFT', '0050')).toBe('50');
    expect(value('SOCKA', 'TCP,test.usr.cn,080')).toBe('TCP,test.usr.cn,80');
  });

  it('hex is upper-cased (3.1.7.53)', () => {
    expect(value('REGDT', '7777772e7573722e636e')).toBe('7777772E7573722E636E');
  });

  it('host names are lower-cased, IPv4 kept (3.1.7.25)', () => {
    expect(value('HTPSV', 'Test.USR.cn,80')).toBe('test.usr.cn,80');
    expect(value('SOCKB', 'TCP,192.168.0.1,502')).toBe('TCP,192.168.0.1,502');
  });

  it('escaped text gets minimal upper-case escapes (3.1.6.4)', () => {
    expect(value('HTPURL', '/1.php[3f]')).toBe('/1.php[3F]');
    expect(value('HTPURL', '/[41]b')).toBe('/Ab');
    expect(value('HTPHD', 'A: b[0d][0a]')).toBe('A: b[0D][0A]');
    expect(value('STMSG', 'a[09]b')).toBe('a[09]b');
  });

  it('SMS text given as escaped UTF-8 bytes becomes the characters (3.1.7.66)', () => {
    expect(value('SMSEND', '8613854123456,[E4][BD][A0]好')).toBe('8613854123456,你好');
    expect(value('SMSEND', '8613854123456,a[2C]b[3F]')).toBe('8613854123456,a[2C]b[3F]');
  });

  it('CLOUD may be empty in both fields, its factory state (table 7)', () => {
    expect(value('CLOUD', ',')).toBe(',');
    expect(value('CLOUD', '12345678901234567890,')).toBe('12345678901234567890,');
  });

  it('APN user and password may be empty (3.1.7.24)', () => {
    expect(value('APN', 'CMIOT,,')).toBe('CMIOT,,');
  });
});

describe('limits, at their edges', () => {
  const accepts: readonly (readonly [string, string])[] = [
    ['UARTFT', '50'],
    ['UARTFT', '60000'],
    ['UARTFL', '1'],
    ['UARTFL', '1024'],
    ['RSTIM', '0'],
    ['RSTIM', '60'],
    ['RSTIM', '65535'],
    ['HEARTTM', '6000'],
    ['HTPTO', '600'],
    ['SHORATO', '100'],
    ['SOCKATO', '1'],
    ['CMDPW', '0123456789'],
    ['STMSG', 'x'.repeat(20)],
    ['REGDT', '00'],
    ['REGDT', 'AB'.repeat(80)],
    ['HEARTDT', 'AB'.repeat(40)],
    ['SOCKA', 'TCP,65.65.65.65,65535'],
    ['SOCKA', `TCP,${'a'.repeat(60)}.com,1`],
    ['SOCKA', `TCP,${'a'.repeat(63)},1`],
    ['SOCKA', 'TCP,0.0.0.0,1'],
    ['SOCKA', 'TCP,255.255.255.255,1'],
    ['SOCKA', 'TCP,localhost,1'],
    ['SOCKA', 'TCP,a-b.x1.cn,1'],
    ['HTPURL', `/${'a'.repeat(99)}`],
    ['HTPHD', 'Accept: */*[0D][0A]Connection: close[0D][0A]'],
    ['HTPHD', '[0D][0A]'],
    ['SMSEND', `123,${'你'.repeat(106)}`],
    ['SMSEND', `${'1'.repeat(20)},${'a'.repeat(320)}`],
    ['SMSEND', '8613854123456,line 1[0D][0A]line 2'],
    ['APN', `${'a'.repeat(62)},${'u'.repeat(62)},${'p'.repeat(62)}`],
    ['UPDATE', 'k'.repeat(64)],
  ];
  it.each(accepts)('%s accepts %s', (name, text) => {
    expect(validateValue(entry(name), text).ok).toBe(true);
  });

  it('a Chinese SMS of 107 characters is 321 bytes, one over the decided 320 (3.1.7.66)', () => {
    expect(error('SMSEND', `8613854123456,${'你'.repeat(107)}`)).toMatch(
      /1 to 320 bytes of UTF-8 \(got 321; a Chinese/,
    );
  });
});

describe('validateParam (one form field)', () => {
  it('checks the field at its index and returns its canonical text', () => {
    expect(validateParam(entry('SOCKA'), 2, '0080')).toEqual({ ok: true, value: '80' });
    expect(validateParam(entry('SOCKA'), 1, 'Test.Usr.CN')).toEqual({ ok: true, value: 'test.usr.cn' });
  });

  it('says "," must be written as [2C] inside text, which validateValue would see as a separator', () => {
    const r = validateParam(entry('STMSG'), 0, 'hello, world');
    expect(r).toMatchObject({ ok: false, error: { param: 0 } });
    if (!r.ok) expect(r.error.message.en).toBe('Start-up message: "," must be written as [2C] inside text');
  });

  it('names a raw line break in a form field by its escape', () => {
    const r = validateParam(entry('HTPHD'), 0, 'A: b\r\n');
    if (!r.ok) expect(r.error.message.en).toMatch(/CR must be written as \[0D\]/);
    expect(r.ok).toBe(false);
  });

  it('reports the index of the failing parameter, -1 for a wrong count', () => {
    const bad = validateValue(entry('UART'), '115200,8,3,NONE,NFC');
    expect(bad).toMatchObject({ ok: false, error: { param: 2 } });
    expect(validateValue(entry('UART'), '115200')).toMatchObject({ ok: false, error: { param: -1 } });
    expect(validateParam(entry('WKMOD'), 1, 'NET')).toMatchObject({ ok: false, error: { param: -1 } });
  });

  it('refuses parameters for commands that take none', () => {
    expect(error('VER', '1')).toBe('AT+VER takes no parameters');
  });
});

describe('messages name the parameter, in both languages', () => {
  it('English and Chinese carry the label and the offending value', () => {
    const r = validateValue(entry('SOCKA'), 'TCP,test.usr.cn,0');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message.en).toBe('Port must be a whole number from 1 to 65535 (got 0)');
    expect(r.error.message.zh).toBe('端口必须是 1~65535 之间的整数（收到 0）');
  });

  it('lists the choices of an enum (3.1.7.25)', () => {
    expect(error('SOCKA', 'TCPX,test.usr.cn,2317')).toBe(
      'Unknown value "TCPX" for Protocol: choose TCP or UDP',
    );
  });

  it('counts hex digits (3.1.7.53)', () => {
    expect(error('REGDT', '7777772')).toBe(
      'Registration data must have an even number of hex digits: 7 given',
    );
  });

  it('requires the closing [0D][0A] of an HTTP header (3.1.7.63)', () => {
    expect(error('HTPHD', 'Connection: close')).toBe('HTTP header must end with [0D][0A]');
  });

  it('gives the unit of times (3.1.7.21)', () => {
    expect(error('UARTFT', '49')).toBe(
      'Packing interval must be a whole number from 50 to 60000 ms (got 49)',
    );
  });
});
