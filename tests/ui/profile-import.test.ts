import { describe, expect, it } from 'vitest';
import { exportAtScript, exportProfilesJson } from '../../src/profile';
import { newProfile } from '../../src/profile/profile';
import { baseName, importProfileFile, looksLikeJson } from '../../src/ui/logic/profile-import';

const NOW = Date.UTC(2026, 2, 14);
const good = { ...newProfile('Pump 7', NOW, { WKMOD: 'NET', SOCKA: 'TCP,a.cn,1' }), notes: 'x' };

describe('importing a file', () => {
  it('tells JSON from scripts by content', () => {
    expect(looksLikeJson('\uFEFF  {"format":1}')).toBe(true);
    expect(looksLikeJson('AT+WKMOD=NET')).toBe(false);
    expect(baseName('C:\\files\\Pump station.txt')).toBe('Pump station');
    expect(baseName('/tmp/.hidden')).toBe('.hidden');
  });

  it('reads a JSON file of several profiles', () => {
    const r = importProfileFile('all.json', exportProfilesJson([good, { ...good, name: 'Other' }]), NOW);
    expect(r).toMatchObject({ kind: 'json', refused: false, notes: [] });
    expect(r.profiles.map((p) => p.name)).toEqual(['Pump 7', 'Other']);
  });

  it('names each profile left out of a JSON file and why', () => {
    const file = JSON.parse(exportProfilesJson([good, good])) as { profiles: Record<string, unknown>[] };
    const second = file.profiles[1];
    if (!second) throw new Error('fixture');
    second.values = { HEARTTM: '0' };
    const r = importProfileFile('two.json', JSON.stringify(file), NOW);
    expect(r.profiles).toHaveLength(1);
    expect(r.notes[0]?.item?.en).toBe('Profile 2 "Pump 7"');
    expect(r.notes[0]?.path).toBe('profiles[1].values.HEARTTM');
    expect(r.notes[0]?.message.en).toMatch(/6000/);
  });

  it('refuses a file that is not ours, with the reason', () => {
    const r = importProfileFile('x.json', '{"hello": 1}', NOW);
    expect(r.refused).toBe(true);
    expect(r.notes[0]?.message.en).toMatch(/not a profile file/);
    const dup = importProfileFile('x.json', '{"format":"usr-7s4-profiles","format":"x"}', NOW);
    expect(dup.refused).toBe(true);
    expect(dup.notes[0]?.message.en).toMatch(/line 1/i);
  });

  it('reads an AT script, naming it after the file when it has no header', () => {
    const r = importProfileFile('Site 4.txt', 'AT+WKMOD=HTTPD\r\nAT+FOO=1\r\n', NOW);
    expect(r.kind).toBe('script');
    expect(r.profiles[0]).toMatchObject({ name: 'Site 4', values: { WKMOD: 'HTTPD' } });
    expect(r.notes[0]?.item?.en).toBe('Line 2');
  });

  it('round-trips an exported script', () => {
    const r = importProfileFile('whatever.txt', exportAtScript(good), NOW);
    expect(r.profiles[0]).toEqual(good);
  });

  it('refuses text with no setting at all', () => {
    const r = importProfileFile('notes.txt', 'hello world', NOW);
    expect(r.refused).toBe(true);
    expect(r.notes.length).toBeGreaterThan(0);
  });
});
