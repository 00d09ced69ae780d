import { describe, expect, it } from 'vitest';
import { validateProfile } from '../../src/profile/validate-profile';
import { parseStrictJson } from '../../src/profile/strict-json';
import { MAX_NAME_LENGTH, MAX_NOTES_LENGTH } from '../../src/profile/profile';
import { fullProfile, smallProfile } from './fixtures';

const problemsOf = (input: unknown): string[] => {
  const r = validateProfile(input);
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message.en}`);
};

describe('validateProfile', () => {
  it('accepts a profile with every catalogue setting and returns it unchanged', () => {
    const p = fullProfile();
    const r = validateProfile(p);
    expect(r.ok && r.profile).toEqual(p);
  });

  it('returns values in canonical form and catalogue order', () => {
    const r = validateProfile(smallProfile('x', { SOCKA: 'tcp,IOT.Example.com,5000', E: 'off' }));
    expect(r.ok && r.profile.values).toEqual({ E: 'OFF', WKMOD: 'NET', SOCKA: 'TCP,iot.example.com,5000' });
    expect(r.ok && Object.keys(r.profile.values)).toEqual(['E', 'WKMOD', 'SOCKA']);
  });

  it('names an unknown command', () => {
    expect(problemsOf(smallProfile('x', { FOO: '1' }))).toEqual([
      'values.FOO: AT+FOO is not a command of this module',
    ]);
  });

  it('refuses read-only information, actions and write-only commands as settings', () => {
    const problems = problemsOf(
      smallProfile('x', { VER: 'V1', Z: '', SMSEND: '10086,hi', CLOUDID: '12345678901234567890' }),
    );
    expect(problems).toEqual([
      'values.VER: AT+VER is read-only information, not a setting',
      'values.Z: AT+Z runs an action; it is not a setting',
      'values.SMSEND: AT+SMSEND sends or starts something; it cannot be part of a profile',
      'values.CLOUDID: AT+CLOUDID is an old alias: profiles store AT+CLOUD',
    ]);
  });

  it('reports an out-of-range value with the catalogue validation message in both languages', () => {
    const r = validateProfile(smallProfile('x', { UARTFT: '5' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]?.path).toBe('values.UARTFT');
    expect(r.problems[0]?.message.en).toMatch(/^AT\+UARTFT: .*50 to 60000/);
    expect(r.problems[0]?.message.zh).toMatch(/AT\+UARTFT：/);
  });

  it('reports the same setting given twice in different case as duplicated', () => {
    expect(problemsOf(smallProfile('x', { wkmod: 'HTTPD' }))).toEqual([
      'values.wkmod: AT+WKMOD is given twice',
    ]);
  });

  it('refuses prototype keys by name at every level', () => {
    const parsed = parseStrictJson(
      '{"formatVersion":1,"name":"a","notes":"","created":0,"updated":0,"__proto__":{"x":1},"values":{"__proto__":"ON","constructor":"x"}}',
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(problemsOf(parsed.value)).toEqual([
      '__proto__: Unknown field "__proto__" in a profile',
      'values.__proto__: "__proto__" is not allowed as a setting name',
      'values.constructor: "constructor" is not allowed as a setting name',
    ]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('refuses wrong types with a message naming the field', () => {
    const bad = { ...smallProfile('x'), name: 5, notes: null, created: '2020', values: { WKMOD: 1 } };
    expect(problemsOf(bad)).toEqual([
      'name: The name must be text',
      'notes: The notes must be text',
      'created: created must be a time in milliseconds since 1970 (a whole number)',
      'values.WKMOD: The value of AT+WKMOD must be text (got number)',
    ]);
  });

  it('refuses too-long names and notes', () => {
    const long = {
      ...smallProfile('n'.repeat(MAX_NAME_LENGTH + 1)),
      notes: 'x'.repeat(MAX_NOTES_LENGTH + 1),
    };
    expect(problemsOf(long)).toEqual([
      `name: The name is too long: at most ${MAX_NAME_LENGTH} characters (got ${MAX_NAME_LENGTH + 1})`,
      `notes: The notes are too long: at most ${MAX_NOTES_LENGTH} characters (got ${MAX_NOTES_LENGTH + 1})`,
    ]);
  });

  it('keeps HTML in names and notes as plain text', () => {
    const name = '<img src=x onerror=alert(1)> & <b>Plant</b>';
    const notes = '<script>alert("x")</script>\nline two';
    const r = validateProfile({ ...smallProfile(name), notes });
    expect(r.ok && r.profile.name).toBe(name);
    expect(r.ok && r.profile.notes).toBe(notes);
  });

  it('refuses control characters, line breaks in a name and direction overrides', () => {
    expect(problemsOf(smallProfile('a\u0000b'))[0]).toMatch(/control character U\+0000/);
    expect(problemsOf(smallProfile('a\nb'))[0]).toMatch(/a name is one line/);
    expect(problemsOf(smallProfile('abc\u202Etxt.exe'))[0]).toMatch(/text-direction override/);
    expect(problemsOf(smallProfile('a\uD800b'))[0]).toMatch(/unpaired surrogate/);
  });

  it('refuses a profile from a newer format with advice to update', () => {
    expect(problemsOf({ ...smallProfile('x'), formatVersion: 2 })).toEqual([
      'formatVersion: This profile was made by a newer version of the app (format 2); update the app to open it',
    ]);
  });

  it('refuses unknown fields, non-objects and an updated time before the created time', () => {
    expect(problemsOf({ ...smallProfile('x'), extra: 1 })).toEqual([
      'extra: Unknown field "extra" in a profile',
    ]);
    expect(problemsOf([])).toEqual([': This is not a profile (expected an object)']);
    expect(problemsOf({ ...smallProfile('x'), created: 10, updated: 5 })).toEqual([
      'updated: The profile was changed before it was created (updated < created)',
    ]);
  });
});

describe('parseStrictJson', () => {
  it('reports a duplicated key with its line and column', () => {
    const r = parseStrictJson('{\n  "values": {"SOCKA": "a",\n  "SOCKA": "b"}\n}');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message.en).toBe('Not valid JSON at line 3, column 3: the key "SOCKA" appears twice');
  });

  it('reads what JSON.parse reads', () => {
    const text = '{"a":[1,-2.5e3,true,false,null,"\\u00e9\\n\\"x\\""],"b":{}}';
    const r = parseStrictJson(text);
    expect(r.ok && JSON.stringify(r.value)).toBe(JSON.stringify(JSON.parse(text)));
  });

  it('refuses trailing text, deep nesting and unterminated strings', () => {
    expect(parseStrictJson('{} x').ok).toBe(false);
    expect(parseStrictJson('['.repeat(40) + ']'.repeat(40)).ok).toBe(false);
    expect(parseStrictJson('"abc').ok).toBe(false);
  });
});
