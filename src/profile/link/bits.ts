/**
 * The bit stream a link payload is written in (least significant bit of each byte first): fixed-width
 * fields (enum choices, bitmaps), unsigned LEB128 varints in 8-bit groups (up to 2^53, for times),
 * raw bytes, and texts. `align()` pads with zero bits to the next byte boundary, so that texts in the
 * "bytes" mode sit on byte boundaries where DEFLATE can find their repeats. The reader never reads past
 * the end and throws `PayloadError` with a message a person can read.
 */
import type { Text } from '../../protocol/types';

export class PayloadError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

export function payloadError(en: string, zh: string): never {
  throw new PayloadError({ en, zh });
}

export class BitWriter {
  private readonly out: number[] = [];
  private used = 0;

  bits(value: number, width: number): this {
    for (let k = 0; k < width; k++) {
      if ((this.used & 7) === 0) this.out.push(0);
      const last = this.out.length - 1;
      this.out[last] = (this.out[last] ?? 0) | (((value >>> k) & 1) << (this.used & 7));
      this.used++;
    }
    return this;
  }

  byte(b: number): this {
    return this.bits(b & 0xff, 8);
  }

  bytes(bs: Uint8Array): this {
    for (const b of bs) this.byte(b);
    return this;
  }

  varint(n: number): this {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`varint out of range: ${n}`);
    let v = n;
    while (v >= 0x80) {
      this.byte((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    return this.byte(v);
  }

  align(): this {
    while ((this.used & 7) !== 0) this.bits(0, 1);
    return this;
  }

  result(): Uint8Array {
    return Uint8Array.from(this.out);
  }
}

const TRUNCATED: Text = { en: 'the link data ends too early', zh: '链接数据提前结束' };

export class BitReader {
  private at = 0;
  constructor(private readonly src: Uint8Array) {}

  bit(): number {
    const byte = this.src[this.at >> 3];
    if (byte === undefined) throw new PayloadError(TRUNCATED);
    const b = (byte >> (this.at & 7)) & 1;
    this.at++;
    return b;
  }

  bits(width: number): number {
    let v = 0;
    for (let k = 0; k < width; k++) v |= this.bit() << k;
    return v >>> 0;
  }

  byte(): number {
    return this.bits(8);
  }

  bytes(n: number): Uint8Array {
    if (this.at + n * 8 > this.src.length * 8) throw new PayloadError(TRUNCATED);
    return Uint8Array.from({ length: n }, () => this.byte());
  }

  varint(): number {
    let n = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      const b = this.byte();
      n += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) {
        if (i > 0 && b === 0)
          payloadError('a number in the link is not written in its shortest form', '链接中的数字编码不规范');
        if (Number.isSafeInteger(n)) return n;
        break;
      }
      scale *= 0x80;
    }
    return payloadError('a number in the link is too large', '链接中的数字过大');
  }

  /** Skips zero padding to the next byte boundary; padding that is not zero is an error. */
  align(): void {
    while ((this.at & 7) !== 0) {
      if (this.bit() !== 0) payloadError('the link has stray bits in its padding', '链接的填充位不为零');
    }
  }

  /** True when only zero padding of the last byte is left. */
  atEnd(): boolean {
    if (this.at + 8 <= this.src.length * 8) return false;
    for (let k = this.at; k < this.src.length * 8; k++)
      if (((this.src[k >> 3] ?? 0) >> (k & 7)) & 1) return false;
    return true;
  }
}
