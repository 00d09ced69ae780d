import { afterEach, describe, expect, it } from 'vitest';
import { exportAtScript } from '../../src/profile/at-script';
import { exportProfilesJson } from '../../src/profile/profile-file';
import { carriesSecret, setPrivateSettings, stripSecrets, withheldSecrets } from '../../src/profile/secrets';
import { decodeShareLink, encodeShareLink } from '../../src/profile/share-link';
import { exportText } from '../../src/ui/secrets/export';
import { fullProfile } from './fixtures';
import { PLAIN, linkOf, plainPayload } from './link-builder';

const AUTH = 'Authorization: Bearer s3cr3tT0ken[0D][0A]Connection: close[0D][0A]';

function withHeader() {
  const p = fullProfile();
  return { ...p, values: { ...p.values, HTPHD: AUTH } };
}

afterEach(() => setPrivateSettings([]));

describe('credentials inside free-text settings are treated like passwords', () => {
  it('an HTPHD Authorization header is withheld from a default link, and travels only with the opt-in', async () => {
    const p = withHeader();
    expect(withheldSecrets(p)).toEqual(['CMDPW', 'APN', 'CLOUD', 'HTPHD']);
    const link = await encodeShareLink(p);
    expect(link.withheld).toContain('HTPHD');
    const back = await decodeShareLink(`#${link.fragment}`);
    expect(back.ok && back.profile.values['HTPHD']).toBe(undefined);
    expect(back.ok && back.includesSecrets).toBe(false);

    const opted = await decodeShareLink(`#${(await encodeShareLink(p, { includeSecrets: true })).fragment}`);
    expect(opted.ok && opted.profile.values['HTPHD']).toBe(AUTH);
    expect(opted.ok && opted.includesSecrets).toBe(true);
  });

  it('the app’s exports (JSON file and AT script) leave it out unless the person ticks "include passwords"', () => {
    const p = withHeader();
    for (const kind of ['json', 'script'] as const) {
      const plain = exportText([p], kind);
      expect(plain.text).not.toContain('s3cr3tT0ken');
      expect(plain.text).not.toContain('k3y.Plant7');
      expect(plain.withheld).toEqual(['CMDPW', 'APN', 'CLOUD', 'HTPHD']);
      const full = exportText([p], kind, { includeSecrets: true });
      expect(full.text).toContain('s3cr3tT0ken');
      expect(full.withheld).toEqual([]);
    }
    // The file functions themselves, as the exports call them.
    expect(exportProfilesJson([p], { includeSecrets: false })).not.toContain('s3cr3tT0ken');
    expect(exportAtScript(stripSecrets(p))).not.toContain('s3cr3tT0ken');
  });

  it('registration data marked private is withheld from links and exports too', async () => {
    setPrivateSettings(['REGDT', 'nonsense']);
    const p = fullProfile();
    expect(withheldSecrets(p)).toEqual(['CMDPW', 'APN', 'REGDT', 'CLOUD']);
    const back = await decodeShareLink(`#${(await encodeShareLink(p)).fragment}`);
    expect(back.ok && back.profile.values['REGDT']).toBe(undefined);
    expect(back.ok && back.profile.values['HEARTDT']).toBe(p.values['HEARTDT']);
    expect(exportText([p], 'json').text).not.toContain(p.values['REGDT']);
  });

  it('a link made before credentials were detected (header in a "no passwords" link) still opens', async () => {
    // The link's "carries secrets" flag is checked against the catalogue passwords only.
    expect(carriesSecret('HTPHD', AUTH)).toBe(false);
    expect(carriesSecret('CMDPW', 'x')).toBe(true);
    const old = await decodeShareLink(linkOf(PLAIN, plainPayload('old', { HTPHD: AUTH })));
    expect(old.ok && old.profile.values['HTPHD']).toBe(AUTH);
    const password = await decodeShareLink(linkOf(PLAIN, plainPayload('old', { CMDPW: 'x' })));
    expect(password.ok ? 'opened' : password.error.code).toBe('undeclared-secrets');
  });
});
