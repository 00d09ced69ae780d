import { describe, expect, it } from 'vitest';
import { qrDataUrl } from '../../src/ui/components/link-qr/qr-data-url';
import { MAX_QR_BYTES } from '../../src/profile/qr';

const PREFIX = 'data:image/svg+xml;charset=utf-8,';

describe('the QR code shown next to a share or support link', () => {
  it('is an SVG image data URL for a link that fits in a QR code', () => {
    const url = qrDataUrl('https://configurator.example/#p=1.AAAA') ?? '';
    expect(url.startsWith(PREFIX)).toBe(true);
    const svg = decodeURIComponent(url.slice(PREFIX.length));
    expect(svg.trimStart().startsWith('<svg')).toBe(true);
    expect(svg).not.toMatch(/<script/i);
  });

  it('differs for different links', () => {
    expect(qrDataUrl('https://a.example/#p=1.AAAA')).not.toBe(qrDataUrl('https://a.example/#p=1.AAAB'));
  });

  it('is left out (undefined) for a link far too long for a QR code, so the notice shows instead', () => {
    expect(qrDataUrl(`https://a.example/#p=1.${'A'.repeat(MAX_QR_BYTES * 2)}`)).toBeUndefined();
  });

  it('still fits at the largest size a QR code holds', () => {
    expect(qrDataUrl('x'.repeat(MAX_QR_BYTES))).toMatch(/^data:image\/svg\+xml/);
    expect(qrDataUrl('x'.repeat(MAX_QR_BYTES + 1))).toBeUndefined();
  });
});
