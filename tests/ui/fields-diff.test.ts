import { describe, expect, it } from 'vitest';
import { CATALOGUE, factoryDefaults, findCommand, SETTING_NAMES } from '../../src/protocol/catalogue';
import type { CommandEntry } from '../../src/protocol/types';
import { pendingChanges, shownCommand, valuesToWrite } from '../../src/ui/logic/diff';
import { checkParts, maskSecrets, splitValue } from '../../src/ui/logic/fields';

function entry(name: string): CommandEntry {
  const e = findCommand(name);
  if (!e) throw new Error(name);
  return e;
}

const ORDER = SETTING_NAMES.map(entry);

describe('setting form model', () => {
  it('splits a canonical value into one text per parameter', () => {
    expect(splitValue(entry('SOCKA'), 'TCP,test.usr.cn,2317')).toEqual(['TCP', 'test.usr.cn', '2317']);
    expect(splitValue(entry('APN'), 'CMNET,,')).toEqual(['CMNET', '', '']);
    expect(splitValue(entry('SOCKA'), 'TCP')).toEqual(['TCP', '', '']);
  });

  it('keeps extra text in the last parameter instead of losing it', () => {
    expect(splitValue(entry('WKMOD'), 'NET,HTTPD')).toEqual(['NET,HTTPD']);
  });

  it('gives the catalogue message for each bad parameter', () => {
    const r = checkParts(entry('SOCKA'), ['TCP', 'http://x.cn', '70000']);
    expect(r.canonical).toBeUndefined();
    expect(r.errors[0]).toBeUndefined();
    expect(r.errors[1]?.en).toMatch(/http:\/\//);
    expect(r.errors[2]?.en).toMatch(/1 to 65535/);
    expect(r.errors[2]?.zh).toMatch(/65535/);
  });

  it('returns the canonical value when every parameter is valid', () => {
    expect(checkParts(entry('SOCKA'), ['udp', 'Example.COM', '0080']).canonical).toBe('UDP,example.com,80');
    expect(checkParts(entry('HEARTDT'), ['abcd']).canonical).toBe('ABCD');
  });

  it('masks secret parameters only', () => {
    expect(maskSecrets(entry('APN'), 'CMNET,user,pass')).toBe('CMNET,user,••••••');
    expect(maskSecrets(entry('APN'), 'CMNET,,')).toBe('CMNET,,');
    expect(maskSecrets(entry('CMDPW'), 'usr.cn')).toBe('••••••');
    expect(maskSecrets(entry('SOCKA'), 'TCP,a.cn,1')).toBe('TCP,a.cn,1');
  });
});

describe('pending changes: edited against device values, with the AT command', () => {
  const device = { ...factoryDefaults(), SOCKA: 'TCP,test.usr.cn,2317', HEARTTM: '30' };

  it('lists changes in editor order with the exact set command', () => {
    const draft = new Map<string, readonly string[]>([
      ['HEARTTM', ['5']],
      ['SOCKA', ['TCP', 'demo.example.com', '9000']],
    ]);
    const changes = pendingChanges(ORDER, device, factoryDefaults(), draft);
    expect(changes.map((c) => c.entry.name)).toEqual(['SOCKA', 'HEARTTM']);
    expect(changes[0]).toMatchObject({
      from: 'TCP,test.usr.cn,2317',
      to: 'TCP,demo.example.com,9000',
      valid: true,
      command: 'AT+SOCKA=TCP,demo.example.com,9000',
    });
    expect(changes[1]?.command).toBe('AT+HEARTTM=5');
    expect(valuesToWrite(changes)).toEqual({ SOCKA: 'TCP,demo.example.com,9000', HEARTTM: '5' });
  });

  it('drops an edit whose canonical form equals the device value', () => {
    const draft = new Map<string, readonly string[]>([['SOCKA', ['tcp', 'TEST.usr.cn', '2317']]]);
    expect(pendingChanges(ORDER, device, factoryDefaults(), draft)).toEqual([]);
  });

  it('keeps an invalid edit with its message and without a command', () => {
    const draft = new Map<string, readonly string[]>([['HEARTTM', ['0']]]);
    const [c] = pendingChanges(ORDER, device, factoryDefaults(), draft);
    expect(c?.valid).toBe(false);
    expect(c?.command).toBeUndefined();
    expect(c?.error?.en).toMatch(/1 to 6000/);
    expect(valuesToWrite(c ? [c] : [])).toEqual({});
  });

  it('compares with factory defaults before the device was read', () => {
    const draft = new Map<string, readonly string[]>([['WKMOD', ['HTTPD']]]);
    const [c] = pendingChanges(ORDER, undefined, factoryDefaults(), draft);
    expect(c).toMatchObject({ from: undefined, to: 'HTTPD', command: 'AT+WKMOD=HTTPD' });
  });

  it('writes escaped text as escaped and hides secrets in the shown command', () => {
    const draft = new Map<string, readonly string[]>([
      ['HTPURL', ['/data.php[3F]id[3D]7']],
      ['CMDPW', ['secret1']],
    ]);
    const changes = pendingChanges(ORDER, device, factoryDefaults(), draft);
    const url = changes.find((c) => c.entry.name === 'HTPURL');
    const pw = changes.find((c) => c.entry.name === 'CMDPW');
    expect(url?.command).toBe('AT+HTPURL=/data.php[3F]id[3D]7');
    expect(pw && shownCommand(pw, false)).toBe('AT+CMDPW=••••••');
    expect(pw && shownCommand(pw, true)).toBe('AT+CMDPW=secret1');
  });

  it('can edit every stored setting of the catalogue through its parameters', () => {
    const settings = CATALOGUE.filter((e) => e.kind === 'setting');
    expect(ORDER.length).toBe(settings.length);
    for (const e of settings) {
      const parts = splitValue(e, e.default ?? '');
      expect(parts.length, e.name).toBe(e.params.length);
      expect(checkParts(e, parts).canonical, e.name).toBe(e.default);
    }
  });
});
