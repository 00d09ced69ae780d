import { describe, expect, it } from 'vitest';
import { carriesSecret, stripSecrets, withheldSecrets } from '../../src/profile/secrets';
import { MAX_QR_BYTES, qrSvg } from '../../src/profile/qr';
import { encodeShareLink } from '../../src/profile/share-link';
import { fullProfile, smallProfile } from './fixtures';

describe('secrets', () => {
  it('the command password, an APN password and a cloud password are secrets; empty ones are not', () => {
    expect(carriesSecret('CMDPW', 'usr.cn')).toBe(true);
    expect(carriesSecret('APN', 'CMNET,user,pw')).toBe(true);
    expect(carriesSecret('APN', 'CMNET,user,')).toBe(false);
    expect(carriesSecret('CLOUD', '12345678901234567890,ABCDEFGH')).toBe(true);
    expect(carriesSecret('CLOUD', '12345678901234567890,')).toBe(false);
    expect(carriesSecret('SOCKA', 'TCP,a.b,1')).toBe(false);
  });

  it('stripping removes whole settings (so a device keeps its own password) and nothing else', () => {
    const p = fullProfile();
    expect(withheldSecrets(p)).toEqual(['CMDPW', 'APN', 'CLOUD']);
    const stripped = stripSecrets(p);
    expect(Object.keys(stripped.values)).toHaveLength(Object.keys(p.values).length - 3);
    expect({ ...stripped, values: {} }).toEqual({ ...p, values: {} });
  });
});

describe('QR codes', () => {
  it('a full profile link becomes an SVG with no script and no external reference', async () => {
    const link = await encodeShareLink(fullProfile());
    const svg = qrSvg(`https://configurator.example/#${link.fragment}`);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toMatch(/viewBox="0 0 \d+ \d+"/);
    expect(svg).not.toMatch(/<script|href=|on\w+=/i);
  });

  it('different links give different codes', () => {
    expect(qrSvg('https://a.example/#p=1.AAAA')).not.toBe(qrSvg('https://a.example/#p=1.AAAB'));
  });

  it('text beyond what a QR code holds is refused with a clear error', () => {
    expect(() => qrSvg('x'.repeat(MAX_QR_BYTES + 1))).toThrow(/too long for a QR code/);
    expect(qrSvg('x'.repeat(MAX_QR_BYTES)).length).toBeGreaterThan(1000);
    expect(smallProfile('x').name).toBe('x');
  });
});
