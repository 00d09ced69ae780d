import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/protocol/catalogue';
import {
  PRIVATE_MARKABLE,
  SECRET_MASK,
  isSecretValue,
  redactAtLine,
  redactSecrets,
  secretParts,
} from '../../src/protocol/secrets';
import { validateValue } from '../../src/protocol/validate';

const kinds = (name: string, value: string, marked?: ReadonlySet<string>) =>
  secretParts(name, value, marked).map((p) => `${p.index}:${p.kind}`);

describe('secretParts: the one decision of what is secret', () => {
  it('the catalogue passwords are secret when not empty (3.1.7.8, 3.1.7.24, 3.1.7.55)', () => {
    expect(kinds('CMDPW', 'usr.cn')).toEqual(['0:password']);
    expect(kinds('APN', 'CMNET,user,pw')).toEqual(['2:password']);
    expect(kinds('APN', 'CMIOT,,')).toEqual([]);
    expect(kinds('CLOUD', '12345678901234567890,ABCDEFGH')).toEqual(['1:password']);
    expect(kinds('CLOUD', ',')).toEqual([]);
    expect(kinds('cmdpw', 'usr.cn')).toEqual(['0:password']);
  });

  it('an HTTP header with Authorization, Cookie, an API key or a token is a credential (3.1.7.63)', () => {
    for (const header of [
      'Authorization: Basic dXNlcjpwYXNz[0D][0A]',
      'Connection: close[0D][0A]authorization: Bearer abc[0D][0A]',
      'Cookie: sid[3D]42[0D][0A]',
      'X-Api-Key: 0123456789[0D][0A]',
      'X-Auth-Token: abc[0D][0A]',
      'Access-Token: abc[0D][0A]',
      'X-Custom: Bearer abc.def[0D][0A]',
    ]) {
      expect(kinds('HTPHD', header), header).toEqual(['0:credential']);
    }
    for (const header of [
      'Connection: close[0D][0A]',
      'Content-Type: application/json[0D][0A]',
      'Accept: */*[0D][0A]User-Agent: DTU[0D][0A]',
      'Authorization:[0D][0A]',
    ]) {
      expect(kinds('HTPHD', header), header).toEqual([]);
    }
  });

  it('a URL with user:password@ or a token in its query is a credential (3.1.7.61)', () => {
    expect(kinds('HTPURL', '/1.php[3F]token[3D]abc')).toEqual(['0:credential']);
    expect(kinds('HTPURL', '/a[3F]x[3D]1&api_key[3D]k')).toEqual(['0:credential']);
    expect(kinds('HTPURL', '//user:pa55@host/x')).toEqual(['0:credential']);
    expect(kinds('STMSG', 'http://admin:secret@10.0.0.1/')).toEqual(['0:credential']);
    expect(kinds('HTPURL', '/1.php[3F]')).toEqual([]);
    expect(kinds('HTPURL', '/api/v2/telemetry.php[3F]site[3D]ps07')).toEqual([]);
    expect(kinds('HTPURL', '/tokens/list')).toEqual([]);
  });

  it('registration and heartbeat data are private only when the person marks them', () => {
    expect(PRIVATE_MARKABLE).toEqual(['REGDT', 'HEARTDT']);
    expect(kinds('REGDT', '7777772E7573722E636E')).toEqual([]);
    expect(kinds('REGDT', '7777772E7573722E636E', new Set(['REGDT']))).toEqual(['0:private']);
    expect(kinds('HEARTDT', '77', new Set(['REGDT']))).toEqual([]);
    // Only the markable settings can be marked.
    expect(kinds('SOCKA', 'TCP,a.cn,1', new Set(['SOCKA']))).toEqual([]);
  });

  it('hosts, numbers, enums and unknown commands are never secret', () => {
    expect(isSecretValue('SOCKA', 'TCP,test.usr.cn,2317')).toBe(false);
    expect(isSecretValue('UART', '115200,8,1,NONE,NFC')).toBe(false);
    expect(isSecretValue('FOO', 'Authorization: x')).toBe(false);
  });

  it('only the catalogue passwords are flagged secret in the catalogue, and every flag is on a text', () => {
    const flagged = CATALOGUE.filter((e) => e.kind === 'setting' && e.secret).map((e) => e.name);
    expect(flagged).toEqual(['CMDPW', 'APN', 'CLOUD']);
  });
});

describe('redactSecrets', () => {
  it('replaces each secret part by the mask, leaves the rest, and the mask is never a valid value', () => {
    expect(redactSecrets('APN', 'CMNET,user,pw')).toBe(`CMNET,user,${SECRET_MASK}`);
    expect(redactSecrets('APN', 'CMNET,user,')).toBe('CMNET,user,');
    expect(redactSecrets('HTPHD', 'Cookie: a[3D]b[0D][0A]')).toBe(SECRET_MASK);
    expect(redactSecrets('SOCKA', 'TCP,a.cn,1')).toBe('TCP,a.cn,1');
    expect(redactSecrets('CMDPW', SECRET_MASK)).toBe(SECRET_MASK);
    for (const name of ['CMDPW', 'HTPHD', 'HTPURL']) {
      const entry = CATALOGUE.find((e) => e.name === name);
      expect(entry && validateValue(entry, SECRET_MASK).ok).toBe(false);
    }
  });
});

describe('redactAtLine (for logs sent to support)', () => {
  it('withholds set values, reply values and the password-AT prefix, and nothing else', () => {
    expect(redactAtLine('AT+CMDPW=k3y!pw\r\n')).toBe(`AT+CMDPW=${SECRET_MASK}\r\n`);
    expect(redactAtLine('+CMDPW:usr.cn')).toBe(`+CMDPW:${SECRET_MASK}`);
    expect(redactAtLine('+APN: CMNET,u,pw')).toBe(`+APN: CMNET,u,${SECRET_MASK}`);
    expect(redactAtLine('usr.cnAT+VER\r')).toBe(`${SECRET_MASK}AT+VER\r`);
    expect(redactAtLine('usr.cnAT+WKMOD=NET')).toBe(`${SECRET_MASK}AT+WKMOD=NET`);
    expect(redactAtLine('AT+HTPHD=Cookie: a[3D]b[0D][0A]')).toBe(`AT+HTPHD=${SECRET_MASK}`);
    expect(redactAtLine('AT+SOCKA=TCP,a.cn,1')).toBe('AT+SOCKA=TCP,a.cn,1');
    expect(redactAtLine('+SOCKA:TCP,a.cn,1')).toBe('+SOCKA:TCP,a.cn,1');
    expect(redactAtLine('AT+VER')).toBe('AT+VER');
    expect(redactAtLine('OK')).toBe('OK');
  });
});
