import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { iconPng } from '../../src/pwa/icon-png';
import { ICON_FILES, manifestIcons } from '../../src/pwa/vite-icons';

/** Decodes the PNGs iconPng writes (8-bit RGBA, filter 0). */
function decode(png: Buffer): { width: number; height: number; pixel: (x: number, y: number) => number[] } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const len = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  return {
    width,
    height,
    pixel: (x, y) => [...raw.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 5 + x * 4)],
  };
}

describe('app icons', () => {
  it('the 192 and 512 icons are valid PNGs of their size: blue tile, white module, transparent corners', () => {
    for (const size of [192, 512]) {
      const img = decode(iconPng(size, false));
      expect([img.width, img.height]).toEqual([size, size]);
      expect(img.pixel(0, 0)[3]).toBe(0);
      expect(img.pixel(Math.round(size * 0.1), Math.round(size / 2))).toEqual([0x0b, 0x5c, 0xad, 255]);
      expect(img.pixel(Math.round(size / 2), Math.round(size * 0.65))).toEqual([255, 255, 255, 255]);
    }
  });

  it('the maskable icon fills the whole square', () => {
    const img = decode(iconPng(512, true));
    expect(img.pixel(0, 0)).toEqual([0x0b, 0x5c, 0xad, 255]);
  });

  it('the manifest lists a 192 and a 512 icon and a maskable one', () => {
    expect(manifestIcons().map((i) => `${i.sizes} ${i.purpose}`)).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);
    expect(ICON_FILES.every((i) => !i.file.startsWith('/') && !i.file.includes('://'))).toBe(true);
  });
});

describe('content security policy', () => {
  const html = readFileSync('index.html', 'utf8');
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k ?? '', v]),
  );

  it('scripts, workers and connections come only from the app itself', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('worker-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('the page loads nothing from another origin', () => {
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
