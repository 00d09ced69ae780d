import { describe, expect, it } from 'vitest';
import { exportProfilesJson, importProfilesJson, profileFileName } from '../../src/profile/profile-file';
import { defaultsProfile, fullProfile, smallProfile } from './fixtures';

describe('profile JSON files', () => {
  it('export then import of all profiles gives back exactly the same profiles', () => {
    const profiles = [
      fullProfile(),
      defaultsProfile(),
      { ...smallProfile('<b>HTML</b> "quoted"'), notes: 'two\nlines\t✓ 中文' },
    ];
    const r = importProfilesJson(exportProfilesJson(profiles));
    expect(r.ok && r.profiles).toEqual(profiles);
    expect(r.ok && r.rejected).toEqual([]);
  });

  it('a file of one profile round-trips too, and a bare profile object is accepted', () => {
    const one = fullProfile();
    const r = importProfilesJson(exportProfilesJson([one]));
    expect(r.ok && r.profiles).toEqual([one]);
    const bare = importProfilesJson(JSON.stringify(one));
    expect(bare.ok && bare.profiles).toEqual([one]);
  });

  it('the file names its format and version', () => {
    const file = JSON.parse(exportProfilesJson([smallProfile('a')])) as Record<string, unknown>;
    expect(file.format).toBe('usr-7s4-profiles');
    expect(file.version).toBe(1);
  });

  it('secrets stay in a file unless the person leaves them out', () => {
    const withSecrets = importProfilesJson(exportProfilesJson([fullProfile()]));
    expect(withSecrets.ok && withSecrets.profiles[0]?.values.CMDPW).toBe('k3y.Plant7');
    const without = importProfilesJson(exportProfilesJson([fullProfile()], { includeSecrets: false }));
    const values = without.ok ? without.profiles[0]?.values : undefined;
    expect(values?.CMDPW).toBeUndefined();
    expect(values?.APN).toBeUndefined();
    expect(values?.CLOUD).toBeUndefined();
    expect(values?.SOCKA).toBe('TCP,iot.acme-energy.cn,5020');
  });

  it('one invalid profile is reported with its name and reasons, and the others are imported', () => {
    const text = exportProfilesJson([
      smallProfile('good one'),
      smallProfile('bad one', { UARTFT: '1' }),
      smallProfile('good two'),
    ]);
    const r = importProfilesJson(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.profiles.map((p) => p.name)).toEqual(['good one', 'good two']);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]?.index).toBe(1);
    expect(r.rejected[0]?.name).toBe('bad one');
    expect(r.rejected[0]?.problems[0]?.path).toBe('profiles[1].values.UARTFT');
  });

  it('a duplicated key in a hand-edited profile is an error, not a silent choice: that profile is left out', () => {
    const text = exportProfilesJson([smallProfile('a'), smallProfile('b')]).replace(
      '"WKMOD": "NET",',
      '"WKMOD": "NET",\n"WKMOD": "HTTPD",',
    );
    const r = importProfilesJson(text);
    expect(r.ok && r.profiles.map((p) => p.name)).toEqual(['b']);
    expect(r.ok && r.rejected[0]?.problems[0]?.message.en).toMatch(/the key "WKMOD" appears twice/);
  });

  it('an unknown top-level field is ignored and said, not a reason to refuse the profiles', () => {
    const r = importProfilesJson('{"format":"usr-7s4-profiles","version":1,"profiles":[],"x":1}');
    expect(r.ok && r.notes.map((n) => n.message.en)).toEqual([
      'Unknown field "x" in a profile file: ignored',
    ]);
  });

  it.each([
    ['not JSON', 'hello', /Not valid JSON/],
    ['another format', '{"format":"other","version":1,"profiles":[]}', /not a profile file/],
    [
      'a newer file version',
      '{"format":"usr-7s4-profiles","version":2,"profiles":[]}',
      /newer version of the app/,
    ],
    ['profiles not a list', '{"format":"usr-7s4-profiles","version":1,"profiles":{}}', /must be a list/],
  ])('a file that is %s is refused with a clear message', (_what, text, message) => {
    const r = importProfilesJson(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0]?.message.en).toMatch(message);
  });

  it('a file name is made safe for every system', () => {
    expect(profileFileName('a/b:c*?"<>|d', 'json')).toBe('usr-7s4-a_b_c_d.json');
    expect(profileFileName('   ', 'txt')).toBe('usr-7s4-profile.txt');
  });
});
