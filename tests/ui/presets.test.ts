import { describe, expect, it } from 'vitest';
import { validateProfile, withheldSecrets } from '../../src/profile';
import { decodeShareLink, encodeShareLink } from '../../src/profile/share-link';
import { factoryDefaults } from '../../src/protocol/catalogue';
import { PRESETS, presetProfile } from '../../src/ui/presets/presets';

/** The built-in presets (ui/presets/): the manual's examples, valid, without passwords, openable as links. */
describe('preset library', () => {
  it('has the manual’s TCP client, HTTPD client and USR Cloud configurations', () => {
    expect(PRESETS.map((p) => p.id)).toEqual(['tcp-client', 'httpd-client', 'usr-cloud']);
    const [tcp, httpd, cloud] = PRESETS;
    // 2.1.1 + 2.3.1 + 2.3.2
    expect(tcp?.values).toMatchObject({
      WKMOD: 'NET',
      SOCKAEN: 'ON',
      SOCKA: 'TCP,test.usr.cn,2317',
      SOCKASL: 'LONG',
      REGEN: 'ON',
      REGTP: 'USER',
      REGDT: '7777772E7573722E636E',
      REGSND: 'LINK',
      HEARTEN: 'ON',
      HEARTTM: '30',
    });
    // 2.1.2, in the catalogue's escaped form
    expect(httpd?.values).toEqual({
      WKMOD: 'HTTPD',
      HTPTP: 'GET',
      HTPURL: '/1.php[3F]',
      HTPSV: 'test.usr.cn,80',
      HTPHD: 'Connection: close[0D][0A]',
      HTPTO: '10',
      HTPFLT: 'ON',
    });
    // 2.3.3 as stored: CLOUDEN=ON → REGEN=ON + REGTP=CLOUD; CLOUDID/CLOUDPA → CLOUD (no password)
    expect(cloud?.values).toMatchObject({ REGEN: 'ON', REGTP: 'CLOUD', CLOUD: '01234567890123456789,' });
  });

  it('each is a valid profile in both languages, carries no secret, and survives a share link', async () => {
    for (const preset of PRESETS) {
      for (const lang of ['en', 'zh'] as const) {
        const profile = presetProfile(preset, lang);
        const checked = validateProfile(profile);
        expect(checked.ok, `${preset.id} ${lang}`).toBe(true);
        expect(withheldSecrets(profile)).toEqual([]);
        const link = await encodeShareLink(profile);
        expect(link.withheld).toEqual([]);
        const back = await decodeShareLink(link.fragment);
        expect(back.ok && back.profile).toEqual(checked.ok && checked.profile);
      }
      // Not only factory values: each changes something on a device as shipped.
      expect(Object.entries(preset.values).some(([n, v]) => factoryDefaults()[n] !== v)).toBe(true);
    }
  });
});
