import { describe, expect, it } from 'vitest';
import { exportAtScript, importAtScript } from '../../src/profile/at-script';
import { defaultsProfile, fullProfile, smallProfile, T0 } from './fixtures';

const NOW = T0 + 1000;

describe('AT script export', () => {
  it('writes one AT+NAME=value line per setting after # header lines, with CRLF', () => {
    const text = exportAtScript(smallProfile('Plant 3'));
    const lines = text.split('\r\n');
    expect(lines.filter((l) => l.startsWith('AT+'))).toEqual([
      'AT+WKMOD=NET',
      'AT+SOCKA=TCP,iot.example.com,5000',
    ]);
    expect(lines.filter((l) => l !== '' && !l.startsWith('AT+')).every((l) => l.startsWith('#'))).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('without comments the script is AT lines only, for terminals that stop at the first error', () => {
    expect(exportAtScript(smallProfile('x'), { comments: false })).toBe(
      'AT+WKMOD=NET\r\nAT+SOCKA=TCP,iot.example.com,5000\r\n',
    );
  });
});

describe('AT script import', () => {
  it.each([
    ['a full profile', fullProfile()],
    ['factory defaults', defaultsProfile()],
    [
      'a name and notes with quotes, HTML, line breaks and Chinese',
      { ...smallProfile('"<b>泵站</b>"'), notes: 'a\nb # c\r\n' },
    ],
  ])('export then import of %s is exact', (_what, profile) => {
    const r = importAtScript(exportAtScript(profile), { now: NOW });
    expect(r.ok && r.profile).toEqual(profile);
    expect(r.ok && r.notes).toEqual([]);
  });

  it('a script without header takes its name from the caller and its times from the clock', () => {
    const r = importAtScript('AT+WKMOD=HTTPD\nAT+HTPTO=30\n', { now: NOW, name: 'from file.txt' });
    expect(r.ok && r.profile).toEqual({
      formatVersion: 1,
      name: 'from file.txt',
      notes: '',
      values: { WKMOD: 'HTTPD', HTPTO: '30' },
      created: NOW,
      updated: NOW,
    });
  });

  it('a captured terminal log yields settings from set echoes and from query replies', () => {
    const log = [
      '[10:31:02.120]发→◇+++',
      '[10:31:02.180]收←◆a',
      'a',
      '+ok',
      'AT+E?',
      '+E:ON',
      'OK',
      'AT+SOCKA?',
      '+SOCKA: TCP,test.usr.cn,2317',
      '',
      'OK',
      'AT+IMEI?',
      '+IMEI:868123456789012',
      'OK',
      'AT+VER?',
      '+VER:V1.0.5',
      'OK',
      '[10:31:05.001]收←◆AT+UARTFT=100',
      '[10:31:05.010]收←◆OK',
      'usr.cnAT+HEARTTM=60',
      'OK',
      'AT+Z',
      'OK',
    ].join('\r\n');
    const r = importAtScript(log, { now: NOW });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.profile.values).toEqual({
      E: 'ON',
      UARTFT: '100',
      SOCKA: 'TCP,test.usr.cn,2317',
      HEARTTM: '60',
    });
    expect(r.profile.sourceDevice).toBe('868123456789012');
    expect(r.notes).toEqual([]);
  });

  it('a set the module refused is not taken, and the person is told', () => {
    const r = importAtScript(
      'AT+UARTFT=100\r\nOK\r\nAT+UARTFL=2000\r\n+ERR:4\r\nAT+WKMOD=HTTPD\r\n+ERR:5\r\n',
      { now: NOW },
    );
    expect(r.ok && r.profile.values).toEqual({ UARTFT: '100' });
    // UARTFL=2000 is out of range (refused by validation already); WKMOD=HTTPD was refused by the module.
    expect(r.ok && r.notes.map((n) => n.line)).toEqual([3, 5]);
    const r2 = importAtScript('AT+WKMOD=HTTPD\r\n+ERR:5\r\nAT+E=OFF\r\n', { now: NOW });
    expect(r2.ok && r2.profile.values).toEqual({ E: 'OFF' });
    expect(r2.ok && r2.notes[0]?.message.en).toBe('AT+WKMOD was refused by the module (+ERR:5): not taken');
  });

  it('later lines win, and a changed value is pointed out', () => {
    const r = importAtScript('AT+WKMOD=NET\nAT+WKMOD=HTTPD\nAT+E=OFF\nAT+E=OFF\n', { now: NOW });
    expect(r.ok && r.profile.values).toEqual({ E: 'OFF', WKMOD: 'HTTPD' });
    expect(r.ok && r.notes.map((n) => n.message.en)).toEqual([
      'AT+WKMOD appears more than once with different values; the later one (line 2) is used',
    ]);
  });

  it('unknown commands, non-settings and invalid values are reported by line and skipped', () => {
    const r = importAtScript('AT+FOO=1\nAT+SMSEND=10086,hi\nAT+UARTFT=5\nAT+WKMOD=NET\n', { now: NOW });
    expect(r.ok && r.profile.values).toEqual({ WKMOD: 'NET' });
    expect(r.ok && r.notes.map((n) => n.line)).toEqual([1, 2, 3]);
    expect(r.ok && r.notes[0]?.message.en).toMatch(/Unknown command AT\+FOO/);
  });

  it('text with no settings at all is refused', () => {
    const r = importAtScript('hello\nOK\n', { now: NOW });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0]?.message.en).toMatch(/No settings found/);
  });

  it('query replies of read-only information never become settings', () => {
    const r = importAtScript('+CSQ:27,99\n+SOCKALK:ON\n+WKMOD:NET\n', { now: NOW });
    expect(r.ok && r.profile.values).toEqual({ WKMOD: 'NET' });
  });
});
