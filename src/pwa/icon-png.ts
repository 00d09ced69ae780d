/**
 * The app icons as PNG files, drawn in code (no image files to keep in sync, no network): the design of
 * public/icon.svg — a blue tile, a white module with three LEDs, an antenna — at any size. `maskable`
 * fills the whole square (the platform cuts its own shape); its drawing stays inside the central 80 %
 * safe zone. 4×4 supersampling smooths the edges. Runs in Node (vite config), never in the app.
 */
import { crc32, deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];
type Shape = (x: number, y: number) => boolean;

const BLUE: Rgba = [0x0b, 0x5c, 0xad, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const GREEN: Rgba = [0x2e, 0xcc, 0x71, 255];
const YELLOW: Rgba = [0xf1, 0xc4, 0x0f, 255];
const RED: Rgba = [0xe7, 0x4c, 0x3c, 255];

/** Rounded rectangle on the 64-unit grid of icon.svg. */
function roundRect(x0: number, y0: number, w: number, h: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || y < y0 || x > x0 + w || y > y0 + h) return false;
    const cx = Math.min(Math.max(x, x0 + r), x0 + w - r);
    const cy = Math.min(Math.max(y, y0 + r), y0 + h - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

/** A stroke of width `w` from (x1,y1) to (x2,y2) with round caps. */
function stroke(x1: number, y1: number, x2: number, y2: number, w: number): Shape {
  return (x, y) => {
    const dx = x2 - x1;
    const dy = y2 - y1;
    const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)));
    return (x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2 <= (w / 2) ** 2;
  };
}

function layers(maskable: boolean): [Shape, Rgba][] {
  return [
    [maskable ? () => true : roundRect(0, 0, 64, 64, 12), BLUE],
    [roundRect(14, 20, 36, 28, 4), WHITE],
    [roundRect(20, 27, 6, 6, 0), GREEN],
    [roundRect(29, 27, 6, 6, 0), YELLOW],
    [roundRect(38, 27, 6, 6, 0), RED],
    [stroke(32, 8, 32, 20, 3), WHITE],
    [stroke(24, 12, 32, 8, 3), WHITE],
    [stroke(32, 8, 40, 12, 3), WHITE],
  ];
}

function pixel(x: number, y: number, size: number, shapes: [Shape, Rgba][]): Rgba {
  const acc = [0, 0, 0, 0];
  const n = 4;
  for (let sy = 0; sy < n; sy++) {
    for (let sx = 0; sx < n; sx++) {
      const u = ((x + (sx + 0.5) / n) / size) * 64;
      const v = ((y + (sy + 0.5) / n) / size) * 64;
      let color: Rgba = [0, 0, 0, 0];
      for (const [inside, c] of shapes) if (inside(u, v)) color = c;
      for (let k = 0; k < 4; k++)
        acc[k] = (acc[k] ?? 0) + (k < 3 ? (color[k] ?? 0) * (color[3] / 255) : color[3]);
    }
  }
  const alpha = (acc[3] ?? 0) / (n * n);
  const rgb = [0, 1, 2].map((k) => (alpha === 0 ? 0 : Math.round((acc[k] ?? 0) / (n * n) / (alpha / 255))));
  return [rgb[0] ?? 0, rgb[1] ?? 0, rgb[2] ?? 0, Math.round(alpha)];
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGBA PNG of the icon, `size` pixels square. */
export function iconPng(size: number, maskable: boolean): Buffer {
  const shapes = layers(maskable);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y, size, shapes);
      raw.set([r, g, b, a], row + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
