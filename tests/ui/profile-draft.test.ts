import { describe, expect, it } from 'vitest';
import { SETTING_NAMES } from '../../src/protocol/catalogue';
import { newProfile } from '../../src/profile/profile';
import {
  draftFromProfile,
  draftToProfile,
  draftValues,
  editSetting,
  excludeSetting,
  includeAll,
  includeSetting,
  settingChanged,
} from '../../src/ui/logic/profile-draft';

const NOW = Date.UTC(2026, 2, 14, 9, 30);

describe('the profile editor model', () => {
  it('starts empty for a new profile and saves a valid one', () => {
    let d = draftFromProfile(undefined);
    expect(d.included.size).toBe(0);
    d = { ...d, name: 'Pump station 7', notes: 'Meter at 9600 8E1' };
    d = includeSetting(d, 'SOCKA');
    expect(d.included.get('SOCKA')).toEqual(['TCP', 'test.usr.cn', '2317']);
    d = editSetting(d, 'SOCKA', ['TCP', 'demo.usr.cn', '2318']);
    const r = draftToProfile(d, undefined, NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.profile).toMatchObject({
      name: 'Pump station 7',
      notes: 'Meter at 9600 8E1',
      values: { SOCKA: 'TCP,demo.usr.cn,2318' },
      created: NOW,
      updated: NOW,
    });
  });

  it('reports each invalid setting with the catalogue message and a missing name', () => {
    let d = includeSetting(draftFromProfile(undefined), 'HEARTTM');
    d = editSetting(d, 'HEARTTM', ['0']);
    expect(draftValues(d).invalid.map((i) => i.name)).toEqual(['HEARTTM']);
    const r = draftToProfile(d, undefined, NOW);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]?.path).toBe('values.HEARTTM');
    expect(r.problems[0]?.message.en).toMatch(/6000/);
    expect(r.problems.some((p) => p.path === 'name')).toBe(true);
  });

  it('edits an existing profile, keeping created and source device', () => {
    const base = {
      ...newProfile('A', NOW - 1000, { WKMOD: 'NET', E: 'ON' }),
      sourceDevice: '868123456789012',
    };
    let d = draftFromProfile(base);
    const original = d;
    d = excludeSetting(d, 'E');
    d = editSetting(d, 'WKMOD', ['HTTPD']);
    expect(settingChanged(d, original, 'WKMOD')).toBe(true);
    expect(settingChanged(d, original, 'E')).toBe(true);
    expect(settingChanged(d, original, 'SOCKA')).toBe(false);
    const r = draftToProfile({ ...d, name: 'B' }, base, NOW);
    expect(r.ok && r.profile).toMatchObject({
      name: 'B',
      values: { WKMOD: 'HTTPD' },
      created: NOW - 1000,
      sourceDevice: '868123456789012',
    });
  });

  it('includes every setting from device values, else factory defaults, in editor order', () => {
    const d = includeAll(draftFromProfile(undefined), { SOCKA: 'UDP,1.2.3.4,99' });
    expect(d.included.size).toBe(SETTING_NAMES.length);
    const { values, invalid } = draftValues(d);
    expect(invalid).toEqual([]);
    expect(Object.keys(values)).toEqual([...SETTING_NAMES]);
    expect(values.SOCKA).toBe('UDP,1.2.3.4,99');
    expect(values.WKMOD).toBe('NET');
  });

  it('keeps markup in a name as text', () => {
    const d = { ...draftFromProfile(undefined), name: '<script>alert(1)</script>' };
    const r = draftToProfile(d, undefined, NOW);
    expect(r.ok && r.profile.name).toBe('<script>alert(1)</script>');
  });

  it('ignores unknown settings and edits of settings not included', () => {
    const d = draftFromProfile(undefined);
    expect(includeSetting(d, 'FOO')).toBe(d);
    expect(editSetting(d, 'E', ['OFF'])).toBe(d);
    expect(excludeSetting(d, 'E')).toBe(d);
  });
});
