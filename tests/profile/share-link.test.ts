import { describe, expect, it } from 'vitest';
import { SETTING_NAMES, factoryDefaults, findCommand } from '../../src/protocol/catalogue';
import { decodeShareLink, encodeShareLink, shareUrl } from '../../src/profile/share-link';
import { decodePayload, encodePayload } from '../../src/profile/link/payload';
import { LINK_V1_SETTINGS } from '../../src/profile/link/setting-table';
import { validateProfile } from '../../src/profile/validate-profile';
import type { Profile } from '../../src/profile/profile';
import { FULL_VALUES, defaultsProfile, fullProfile, smallProfile, T0 } from './fixtures';

const only = (name: string, value: string): Profile => ({
  ...smallProfile(`only ${name}`),
  values: { [name]: value },
});

async function roundTrip(p: Profile, includeSecrets = true): Promise<Profile> {
  const link = await encodeShareLink(p, { includeSecrets });
  const r = await decodeShareLink(link.fragment);
  if (!r.ok) throw new Error(r.error.message.en);
  return r.profile;
}

/** Valid values at the edges of each parameter type, so every typed path of the codec is exercised. */
const EDGE_VALUES: Readonly<Record<string, readonly string[]>> = {
  STMSG: ['a', 'x[2C]y[3D]z[3F]', '[5B]3F] literal', '12345678901234567890'],
  RSTIM: ['0', '60', '65535'],
  UART: ['300,7,2,ODD,NFC', '230400,8,1,NONE,NFC'],
  UARTFT: ['50', '60000'],
  UARTFL: ['1', '1024'],
  APN: ['a,,', 'CMNET,user,pass[2C]word'],
  SOCKA: ['UDP,0.0.0.0,1', 'TCP,255.255.255.255,65535', 'TCP,a.b,80', `TCP,${'a'.repeat(60)}.cn,80`],
  REGDT: ['00', 'FF'.repeat(80)],
  HEARTDT: ['00', 'AB'.repeat(40)],
  CLOUD: [',', '12345678901234567890,ABCDEFGH', '12345678901234567890,'],
  HTPURL: ['/', `/${'p'.repeat(99)}`],
  HTPHD: ['[0D][0A]', 'A: 1[0D][0A]B: 2[0D][0A]'],
  HEARTTM: ['1', '6000'],
  HTPSV: ['1.2.3.4,1', 'example.com,65535'],
};

describe('share links: round trips', () => {
  it('the link table holds every catalogue setting, and only settings', () => {
    expect([...LINK_V1_SETTINGS].sort()).toEqual([...SETTING_NAMES].sort());
  });

  it.each(SETTING_NAMES.map((n) => [n]))(
    '%s round-trips at its default, a changed value and its edge values',
    async (name) => {
      const values = [factoryDefaults()[name] ?? '', FULL_VALUES[name] ?? '', ...(EDGE_VALUES[name] ?? [])];
      for (const value of values) {
        const p = only(name, value);
        expect(validateProfile(p).ok, `${name}=${value} is valid`).toBe(true);
        expect((await roundTrip(p)).values).toEqual({ [name]: value });
      }
    },
  );

  it('a full profile with secrets round-trips exactly (created becomes updated, to the second)', async () => {
    const p = fullProfile();
    const back = await roundTrip(p);
    const updated = Math.floor(p.updated / 1000) * 1000;
    const { sourceDevice: _device, ...rest } = p;
    expect(back).toEqual({ ...rest, created: updated, updated });
  });

  it('factory defaults round-trip', async () => {
    expect((await roundTrip(defaultsProfile())).values).toEqual(defaultsProfile().values);
  });

  it('both payload forms round-trip every value of a full profile', () => {
    for (const form of ['bytes', 'packed'] as const) {
      const payload = encodePayload(fullProfile(), form);
      expect(decodePayload(payload.flags, form, payload.bytes).values, form).toEqual(fullProfile().values);
    }
  });

  it('a full non-secret profile fits in 400 characters after #', async () => {
    const link = await encodeShareLink(fullProfile());
    expect(link.fragment.length).toBeLessThanOrEqual(400);
    expect(link.fragment.startsWith('p=1.')).toBe(true);
  });

  it('secrets are left out unless the person opts in, and the link says which were withheld', async () => {
    const link = await encodeShareLink(fullProfile());
    expect(link.withheld).toEqual(['CMDPW', 'APN', 'CLOUD']);
    const r = await decodeShareLink(link.fragment);
    expect(r.ok && r.includesSecrets).toBe(false);
    expect(r.ok && Object.keys(r.profile.values)).not.toContain('CMDPW');
    const withSecrets = await encodeShareLink(fullProfile(), { includeSecrets: true });
    expect(withSecrets.withheld).toEqual([]);
    const r2 = await decodeShareLink(withSecrets.fragment);
    expect(r2.ok && r2.includesSecrets).toBe(true);
    expect(r2.ok && r2.profile.values.CMDPW).toBe('k3y.Plant7');
  });

  it('an APN without a password and an empty cloud login are not secrets and travel', async () => {
    const p = { ...smallProfile('apn'), values: { APN: 'CMIOT,,', CLOUD: ',' } };
    const link = await encodeShareLink(p);
    expect(link.withheld).toEqual([]);
    expect((await roundTrip(p, false)).values).toEqual({ APN: 'CMIOT,,', CLOUD: ',' });
  });

  it('names and notes with HTML, script and __proto__ come back as the same plain text', async () => {
    const p = {
      ...smallProfile('<img src=x onerror=alert(1)>__proto__'),
      notes: '<script>alert(document.cookie)</script>\n{"__proto__":{"polluted":1}}',
    };
    const back = await roundTrip(p);
    expect(back.name).toBe(p.name);
    expect(back.notes).toBe(p.notes);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a Chinese name and notes round-trip, and the profile still fits in 400 characters', async () => {
    const p = {
      ...fullProfile(),
      name: '7号泵站 Modbus 网关',
      notes: '仪表接在 COM 口，9600 8E1。物联网卡。修改服务器前请联系运维。',
    };
    const link = await encodeShareLink(p);
    expect(link.fragment.length).toBeLessThanOrEqual(400);
    const r = await decodeShareLink(link.fragment);
    expect(r.ok && [r.profile.name, r.profile.notes]).toEqual([p.name, p.notes]);
  });

  it('a link is read from a full URL, from #p=… and from a percent-encoded copy', async () => {
    const link = await encodeShareLink(smallProfile('url'));
    const url = shareUrl('https://example.org/app/?x=1#old', link);
    expect(url).toBe(`https://example.org/app/?x=1#${link.fragment}`);
    for (const input of [
      url,
      `#${link.fragment}`,
      link.fragment,
      url.replace('p=1.', 'p%3D1.'),
      `  ${url}\n`,
    ]) {
      expect((await decodeShareLink(input)).ok, input).toBe(true);
    }
  });

  it('a link as chat apps pass it on — percent-encoded, broken over lines, in angle brackets, with the full stop after it — still opens', async () => {
    const link = await encodeShareLink(fullProfile());
    const url = shareUrl('https://example.org/app/', link);
    const mid = Math.floor(url.length / 2);
    for (const input of [
      url.replace('#p=1.', '#p%3D1.'),
      url.replace('#p=1.', '%23p%3D1.'),
      encodeURIComponent(encodeURIComponent(url)),
      `${url.slice(0, mid)}\n${url.slice(mid, mid + 40)}\r\n  ${url.slice(mid + 40)}`,
      `${url.slice(0, mid)}\u200B${url.slice(mid)}`,
      `<${url}>`,
      `Here is the profile: ${url}.`,
      `(${url})`,
      `“${url}”`,
    ]) {
      const r = await decodeShareLink(input);
      expect(r.ok, JSON.stringify(input)).toBe(true);
      expect(r.ok && r.profile.name).toBe(fullProfile().name);
    }
  });

  it('leniency never makes a damaged link read: a changed character is still refused', async () => {
    const link = await encodeShareLink(smallProfile('x'));
    const broken =
      link.fragment.slice(0, -3) + (link.fragment.endsWith('A') ? 'B' : 'A') + link.fragment.slice(-2);
    expect((await decodeShareLink(`<${broken}>.`)).ok).toBe(false);
  });

  it('a value that only the plain-text form holds exactly still round-trips (typed form is skipped)', () => {
    const p = { ...smallProfile('plain'), values: { SOCKA: 'tcp,IOT.example.com,5000', WKMOD: 'net' } };
    for (const form of ['bytes', 'packed'] as const) {
      const payload = encodePayload(p, form);
      const back = decodePayload(payload.flags, form, payload.bytes);
      expect(back.values).toEqual(p.values);
    }
  });

  it('links carry every setting explicitly: a changed factory default cannot change what a link means', async () => {
    const link = await encodeShareLink(defaultsProfile(), { includeSecrets: true });
    const r = await decodeShareLink(link.fragment);
    expect(r.ok && Object.keys(r.profile.values)).toEqual(SETTING_NAMES);
    expect(r.ok && r.profile.values).toEqual(factoryDefaults());
    expect(findCommand('SOCKA')?.default).toBe('TCP,test.usr.cn,2317');
  });

  it('encoding refuses an invalid profile', async () => {
    await expect(encodeShareLink({ ...smallProfile('x'), values: { UARTFT: '1' } })).rejects.toThrow(
      /invalid profile/,
    );
    expect(T0).toBeGreaterThan(0);
  });
});
