/**
 * Files as people really send them — edited by hand, passed through chat apps, cut from terminal programs —
 * through the one import pipeline: what is good is taken, everything else is listed with a reason a
 * person can act on, and no programming error ever becomes a reason.
 */
import { describe, expect, it } from 'vitest';
import { exportAtScript, exportProfilesJson } from '../../src/profile';
import {
  FILE_KINDS,
  MAX_FILE_BYTES,
  MAX_FILE_PROFILES,
  MAX_LINE_CHARS,
  UNEXPECTED,
  importBytes,
  importText,
  type FileKindReader,
  type ImportResult,
  type LeftOut,
} from '../../src/profile/import';
import { newProfile } from '../../src/profile/profile';
import { fullProfile, smallProfile } from './fixtures';

const NOW = Date.UTC(2026, 2, 14);
const ctx = (fileName = 'file.txt') => ({ fileName, now: NOW });
const names = (r: ImportResult): string[] => r.profiles.map((p) => p.profile.name);
const reasons = (e: LeftOut | undefined): string[] => (e?.reasons ?? []).map((p) => p.message.en);
const allReasons = (r: ImportResult): string => r.leftOut.flatMap(reasons).join('\n');
const file = (profiles: unknown[]): string =>
  JSON.stringify({ format: 'usr-7s4-profiles', version: 1, profiles }, null, 2);

/** No reason is a programming error's message. */
function noProgrammingErrors(r: ImportResult): void {
  for (const e of r.leftOut) {
    expect(e.detail).toBeUndefined();
    for (const p of e.reasons) {
      expect(p.message.en).not.toMatch(
        /TypeError|RangeError|call stack|Cannot convert|undefined|\[object|NaN/,
      );
      expect(p.message.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  }
}

describe('a profile file with a field of the wrong type', () => {
  it.each([
    ['an object', '{}', 'an object'],
    ['a list', '[1]', 'a list'],
    ['text', '"1"', '"1"'],
    ['null', 'null', 'null'],
    ['true', 'true', 'true'],
  ])('a "version" that is %s is named in the reason, not a programming error', (_what, json, shown) => {
    const r = importText(`{"format":"usr-7s4-profiles","version":${json},"profiles":[]}`, ctx());
    expect(r.refused).toBe(true);
    expect(reasons(r.leftOut[0])[0]).toBe(
      `Unsupported profile file version: ${shown} (this app reads version 1)`,
    );
    noProgrammingErrors(r);
  });

  it('a "format" or "profiles" of the wrong type says what was expected', () => {
    const format = importText('{"format":{"a":1},"version":1,"profiles":[]}', ctx());
    expect(reasons(format.leftOut[0])[0]).toMatch(/not a profile file/);
    const list = importText('{"format":"usr-7s4-profiles","version":1,"profiles":{"a":1}}', ctx());
    expect(reasons(list.leftOut[0])[0]).toBe('"profiles" must be a list (got an object)');
    noProgrammingErrors(format);
    noProgrammingErrors(list);
  });

  it('a profile with fields of the wrong type is left out with each field named; the others are taken', () => {
    const bad = { ...smallProfile('typed'), name: { x: 1 }, created: [1], values: { WKMOD: { v: 1 } } };
    const r = importText(file([smallProfile('good'), bad]), ctx());
    expect(names(r)).toEqual(['good']);
    expect(r.leftOut).toHaveLength(1);
    expect(r.leftOut[0]?.item).toEqual({ type: 'profile', index: 1 });
    expect(reasons(r.leftOut[0])).toEqual([
      'The name must be text',
      'profiles[1].created must be a time in milliseconds since 1970 (a whole number)',
      'The value of AT+WKMOD must be text (got object)',
    ]);
    noProgrammingErrors(r);
  });
});

describe('very long values', () => {
  it('three good profiles and one with a 300 000-character value: the three are taken, the fourth is named with the limit', () => {
    const text = exportProfilesJson([
      smallProfile('one'),
      smallProfile('two'),
      smallProfile('three'),
      smallProfile('long', { STMSG: 'x'.repeat(300_000) }),
    ]);
    const r = importText(text, ctx('four.json'));
    expect(names(r)).toEqual(['one', 'two', 'three']);
    expect(r.leftOut).toHaveLength(1);
    expect(r.leftOut[0]?.item).toEqual({ type: 'profile', index: 3, name: 'long' });
    expect(r.leftOut[0]?.reasons[0]?.path).toBe('profiles[3].values.STMSG');
    expect(reasons(r.leftOut[0])[0]).toBe(
      'AT+STMSG: The value is too long: 300000 characters, and no parameter of this module takes more than 4096',
    );
    noProgrammingErrors(r);
  });

  it('every kind of setting takes a 2-million-character value without running out of stack', () => {
    for (const setting of ['STMSG', 'HTPURL', 'HTPHD', 'CMDPW', 'SOCKA', 'REGDT', 'WKMOD']) {
      const r = importText(file([smallProfile(setting, { [setting]: 'y'.repeat(2_000_000) })]), ctx());
      expect(r.leftOut[0]?.reasons[0]?.path, setting).toBe(`profiles[0].values.${setting}`);
      noProgrammingErrors(r);
    }
  });

  it('an AT script with one very long line takes the other lines and lists the long one with the limit', () => {
    const text = `AT+WKMOD=NET\r\nAT+STMSG=${'y'.repeat(300_000)}\r\nAT+E=OFF\r\n`;
    const r = importText(text, ctx('site.txt'));
    expect(r.profiles[0]?.profile.values).toEqual({ E: 'OFF', WKMOD: 'NET' });
    expect(r.leftOut).toHaveLength(1);
    expect(r.leftOut[0]?.item).toEqual({ type: 'line', line: 2 });
    expect(reasons(r.leftOut[0])[0]).toBe(
      `The line is 300009 characters long; lines longer than ${MAX_LINE_CHARS} characters are not read (no setting of this module is that long): AT+STMSG not taken`,
    );
  });

  it('a long line of data in a log (not a setting) is passed over silently', () => {
    const r = importText(`AT+WKMOD=NET\r\n${'~'.repeat(100_000)}\r\nOK\r\n`, ctx());
    expect(r.profiles[0]?.profile.values).toEqual({ WKMOD: 'NET' });
    expect(r.leftOut).toEqual([]);
  });
});

describe('terminal logs of the common serial programs', () => {
  const settings = (r: ImportResult) => r.profiles[0]?.profile.values;

  it('a log whose first line starts with a bracketed timestamp is read as a log, not refused as JSON', () => {
    const log = [
      '[10:41:07.123] AT+VER',
      '[10:41:07.180] +VER:V1.0.5',
      '[10:41:07.181] OK',
      '[10:41:08.000] AT+WKMOD=NET',
      '[10:41:08.050] OK',
    ].join('\r\n');
    const r = importText(log, ctx('session.log'));
    expect(r.kind).toBe('terminal-log');
    expect(settings(r)).toEqual({ WKMOD: 'NET' });
    expect(r.leftOut).toEqual([]);
  });

  it.each([
    ['[TX]/[RX] markers', '[2024-01-31 10:00:00.001][TX] AT+UARTFT=100\n[2024-01-31 10:00:00.020][RX] OK\n'],
    ['>> and << markers', '>> AT+UARTFT=100\r\n<< OK\r\n'],
    ['TX:/RX: prefixes', 'TX: AT+UARTFT=100\rRX: OK\r'],
    ['unbracketed times', '10:00:00.001 -> AT+UARTFT=100\n10:00:00.020 <- OK\n'],
    [
      'Docklight',
      '31/01/2024 10:00:00.001 [TX] - AT+UARTFT=100<CR><LF>\n31/01/2024 10:00:00.020 [RX] - <CR><LF>OK<CR><LF>\n',
    ],
    ['SSCOM', '[10:00:00.001]发→◇AT+UARTFT=100\r\n[10:00:00.020]收←◆OK\r\n'],
    ['mixed line ends', 'AT+E=OFF\r\nOK\nAT+UARTFT=100\rOK\r\n\n\r'],
  ])('%s', (_what, log) => {
    const r = importText(log, ctx());
    expect(settings(r)?.UARTFT).toBe('100');
    expect(r.leftOut).toEqual([]);
  });

  it('the echo of a command the module refused is not taken, and the refusal is listed', () => {
    const r = importText(
      '[TX] AT+WKMOD=HTTPD\r\n[RX] AT+WKMOD=HTTPD\r\n[RX] +ERR:5\r\n[TX] AT+E=OFF\r\n',
      ctx(),
    );
    expect(settings(r)).toEqual({ E: 'OFF' });
    expect(reasons(r.leftOut[0])).toEqual(['AT+WKMOD was refused by the module (+ERR:5): not taken']);
  });

  it('a log saved by a Chinese serial terminal (GB18030) reads with its markers', () => {
    const gbk = Uint8Array.from([
      ...new TextEncoder().encode('[10:00:00.001]'),
      0xb7,
      0xa2,
      0xa1,
      0xfa,
      0xa1,
      0xf3, // 发→◇ in GB18030
      ...new TextEncoder().encode('AT+UARTFT=100\r\n'),
    ]);
    const r = importBytes(gbk, ctx());
    expect(r.encoding).toBe('gb18030');
    expect(settings(r)).toEqual({ UARTFT: '100' });
  });

  it('the app’s own traffic log (the support file) is read as the session it records', () => {
    const enc = (s: string) =>
      Array.from(new TextEncoder().encode(s), (b) => b.toString(16).padStart(2, '0'))
        .join('')
        .toUpperCase();
    const lines = [
      JSON.stringify({
        format: 'usr-7s4-traffic',
        version: 1,
        dropped: { entries: 0, bytes: 0 },
        entries: 5,
      }),
      JSON.stringify({ seq: 0, t: 1, dir: 'tx', hex: enc('AT+WKMO'), text: 'AT+WKMO' }),
      JSON.stringify({ seq: 1, t: 2, dir: 'tx', hex: enc('D=NET\r'), text: 'D=NET\\r' }),
      JSON.stringify({ seq: 2, t: 3, dir: 'rx', hex: enc('AT+WKMOD=NET\r\n\r\nOK\r\n'), text: '' }),
      JSON.stringify({ seq: 3, t: 4, dir: 'note', hex: '', text: 'entered command mode' }),
      'this line was damaged',
      JSON.stringify({ seq: 4, t: 5, dir: 'tx', text: 'AT+HEARTTM=0\\r' }),
      JSON.stringify({ seq: 5, t: 6, dir: 'rx', text: '\\r\\n+ERR:4\\r\\n' }),
    ];
    const r = importText(lines.join('\n'), ctx('dtu-log-20260314.jsonl'));
    expect(r.kind).toBe('traffic-log');
    expect(r.profiles[0]?.profile).toMatchObject({ name: 'dtu-log-20260314', values: { WKMOD: 'NET' } });
    expect(r.leftOut.map((e) => e.item)).toEqual([
      { type: 'line', line: 6 },
      { type: 'line', line: 7 },
    ]);
    expect(reasons(r.leftOut[0])[0]).toMatch(/Not an entry of the traffic log/);
  });
});

describe('profile files changed by hand or on the way', () => {
  const three = () => exportProfilesJson([smallProfile('a'), smallProfile('b'), smallProfile('c')]);

  it('a file cut off part-way gives the profiles complete before the cut, and says it was cut', () => {
    const text = three();
    const cut = text.slice(0, text.indexOf('"name": "c"'));
    const r = importText(cut, ctx());
    expect(names(r)).toEqual(['a', 'b']);
    expect(reasons(r.leftOut.at(-1))[0]).toMatch(
      /^The file ends too early, at line \d+: it looks cut off\. The 2 profile\(s\) complete before that point were read/,
    );
  });

  it('a syntax error inside one profile keeps the profiles before it and says where reading stopped', () => {
    const text = three().replace('"name": "b"', '"name": "b" "oops"');
    const r = importText(text, ctx());
    expect(names(r)).toEqual(['a']);
    expect(reasons(r.leftOut.at(-1))[0]).toMatch(
      /^Not valid JSON at line \d+, column \d+: expected "," or "}"/,
    );
  });

  it('a key given twice inside one profile leaves out that profile only, naming the key and the line', () => {
    const text = three().replace('"name": "b",', '"name": "b",\n      "name": "B",');
    const r = importText(text, ctx());
    expect(names(r)).toEqual(['a', 'c']);
    expect(r.leftOut[0]?.item).toEqual({ type: 'profile', index: 1, name: 'b' });
    expect(reasons(r.leftOut[0])[0]).toMatch(/line \d+, column \d+: the key "name" appears twice/);
  });

  it('a key given twice at the top of the file refuses the file: which format is meant is unclear', () => {
    const r = importText('{"format":"usr-7s4-profiles","format":"x","version":1,"profiles":[]}', ctx());
    expect(r.refused).toBe(true);
    expect(reasons(r.leftOut[0])[0]).toMatch(/the key "format" appears twice/);
  });

  it('nesting deeper than a profile file ever has leaves out that profile only', () => {
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const text = file([smallProfile('a'), smallProfile('deep')]).replace('"notes": ""', `"notes": ${deep}`);
    const r = importText(text, ctx());
    expect(names(r)).toEqual(['deep']);
    expect(r.leftOut[0]?.item).toMatchObject({ type: 'profile', index: 0 });
    expect(reasons(r.leftOut[0])).toContain('The notes must be text');
    expect(allReasons(r)).toMatch(/nested more than 32 levels deep/);
  });

  it('millions of nested brackets cost one byte each, and the damage is explained', () => {
    const head = '{"format":"usr-7s4-profiles","version":1,"profiles":[';
    const r = importText(`${head}${'['.repeat(5_000_000)}`, ctx());
    expect(r.refused).toBe(false);
    expect(reasons(r.leftOut[0])[0]).toMatch(/^The file ends too early, at line 1/);
  });

  it('a byte-order mark, a UTF-16 file from Windows and CR-only line ends all read', () => {
    const text = three();
    expect(names(importText(`\uFEFF${text}`, ctx()))).toEqual(['a', 'b', 'c']);
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i);
    const r = importBytes(utf16, ctx());
    expect(r.encoding).toBe('utf-16le');
    expect(names(r)).toEqual(['a', 'b', 'c']);
    expect(names(importText(text.replace(/\n/g, '\r'), ctx()))).toEqual(['a', 'b', 'c']);
  });

  it('the usual hand-editing mistakes are named', () => {
    const curly = importText('{“format”: 1}', ctx());
    expect(reasons(curly.leftOut[0])[0]).toMatch(/curly quotes/);
    const comma = importText('{"format":"usr-7s4-profiles","version":1,"profiles":[],}', ctx());
    expect(reasons(comma.leftOut[0])[0]).toMatch(/remove the last comma/);
  });

  it('an unknown top-level field is ignored and listed; the profiles are taken', () => {
    const r = importText('{"format":"usr-7s4-profiles","version":1,"profiles":[],"exportedBy":"Li"}', ctx());
    expect(r.refused).toBe(false);
    expect(r.leftOut[0]?.item).toEqual({ type: 'field', key: 'exportedBy' });
  });

  it('a name with a direction override is refused, and the name is kept as the file has it for the report', () => {
    const r = importText(file([smallProfile('abc\u202Etxt.exe')]), ctx());
    expect(r.leftOut[0]?.item).toEqual({ type: 'profile', index: 0, name: 'abc\u202Etxt.exe' });
    expect(reasons(r.leftOut[0])[0]).toMatch(/text-direction override/);
  });

  it(`more than ${MAX_FILE_PROFILES} profiles: the first ${MAX_FILE_PROFILES} are read, the rest listed as one item`, () => {
    const tiny = { formatVersion: 1, name: 'p', notes: '', values: {}, created: 0, updated: 0 };
    const r = importText(file(Array.from({ length: MAX_FILE_PROFILES + 5 }, () => tiny)), ctx());
    expect(r.profiles).toHaveLength(MAX_FILE_PROFILES);
    expect(r.leftOut).toHaveLength(1);
    expect(r.leftOut[0]?.item).toEqual({
      type: 'profiles',
      from: MAX_FILE_PROFILES,
      to: MAX_FILE_PROFILES + 4,
    });
    expect(reasons(r.leftOut[0])[0]).toMatch(/at most 10000 profiles/);
  });
});

describe('what is not a profile file at all', () => {
  it.each([
    ['empty', '', /empty/],
    ['blank', ' \r\n\t ', /empty/],
    ['binary', 'PK\u0003\u0004\u0000\u0000garbage', /not a text file/],
    ['another JSON', '{"hello": "world"}', /not a profile file/],
    ['a JSON list', '[{"a":1}]', /not a profile file/],
    ['plain prose', 'Dear support, the module does not work.', /No settings found/],
  ])('%s is refused with a reason', (_what, text, reason) => {
    const r = importText(text, ctx());
    expect(r.refused).toBe(true);
    expect(reasons(r.leftOut[0])[0]).toMatch(reason);
  });

  it('a file over the size limit is refused unread, naming the limit', () => {
    const r = importText('x'.repeat(MAX_FILE_BYTES + 1), ctx());
    expect(reasons(r.leftOut[0])[0]).toMatch(/files up to 20 MB are read/);
  });
});

describe('AT scripts', () => {
  it('a script without a header is named after the file; export → import is exact', () => {
    const r = importText('AT+WKMOD=HTTPD\r\nAT+FOO=1\r\n', ctx('Site 4.txt'));
    expect(r.kind).toBe('at-script');
    expect(r.profiles[0]?.profile).toMatchObject({ name: 'Site 4', values: { WKMOD: 'HTTPD' } });
    expect(r.leftOut[0]?.item).toEqual({ type: 'line', line: 2 });
    const p = fullProfile();
    expect(importText(exportAtScript(p), ctx()).profiles[0]?.profile).toEqual(p);
  });

  it('a header name with a direction override is listed and replaced by the file name; the settings are taken', () => {
    const script = exportAtScript(newProfile('ok', NOW, { WKMOD: 'NET' })).replace(
      '# name: "ok"',
      '# name: "abc\\u202Etxt"',
    );
    const r = importText(script, ctx('Pump.txt'));
    expect(r.profiles[0]?.profile).toMatchObject({ name: 'Pump', values: { WKMOD: 'NET' } });
    expect(reasons(r.leftOut[0])[0]).toMatch(/^The header's name is not used: .*text-direction override/);
  });

  it('a file name with control or direction characters still gives a valid name', () => {
    const r = importText('AT+WKMOD=NET', ctx('\u202Eevil\u0007.txt'));
    expect(r.profiles[0]?.profile.name).toBe('evil');
  });

  it('more notes than a report keeps are counted, not dropped silently', () => {
    const lines = Array.from({ length: 10_050 }, () => 'AT+FOO=1').join('\n');
    const r = importText(`${lines}\nAT+WKMOD=NET`, ctx());
    expect(r.leftOut.length + r.moreLeftOut).toBe(10_050);
    expect(r.moreLeftOut).toBe(50);
  });
});

describe('an unexpected fault', () => {
  it('becomes an "unexpected problem" entry with a copyable detail, never a reason that quotes it', () => {
    const broken: FileKindReader = {
      kind: 'at-script',
      sniff: () => true,
      read: () => {
        throw new TypeError('Cannot read properties of undefined');
      },
    };
    const r = importText('AT+WKMOD=NET', ctx(), undefined, { kinds: [broken] });
    expect(r.refused).toBe(true);
    expect(r.leftOut[0]?.reasons[0]?.message).toEqual(UNEXPECTED);
    expect(r.leftOut[0]?.detail).toMatch(/^TypeError: Cannot read properties of undefined/);
  });

  it('the default kinds are tried in order, support bundles and JSON logs before JSON files before text', () => {
    expect(FILE_KINDS.map((k) => k.kind)).toEqual([
      'support-bundle',
      'traffic-log',
      'profiles-json',
      'at-script',
    ]);
  });
});
