import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../src/profile/link/base64url';
import { BitReader, BitWriter } from '../../src/profile/link/bits';
import { crc32 } from '../../src/profile/link/crc32';
import { deflateRaw, inflateRaw } from '../../src/profile/link/deflate';
import { codedBits, readCodedBytes, writeCodedBytes } from '../../src/profile/link/text-code';

const utf8 = new TextEncoder();

describe('link codec parts', () => {
  it('CRC-32 matches the standard check value', () => {
    expect(crc32(utf8.encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('base64url round-trips every length and has exactly one spelling per byte string', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      const text = toBase64Url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      const back = fromBase64Url(text);
      expect(back.ok && [...back.bytes]).toEqual([...bytes]);
    }
    expect(fromBase64Url('AB').ok).toBe(false); // stray bits in the last character
    expect(fromBase64Url('AAAAA').ok).toBe(false); // a length no byte string has
    expect(fromBase64Url('AA+A').ok).toBe(false);
  });

  it('the bit stream round-trips fields, varints up to 2^53 and texts', () => {
    const w = new BitWriter()
      .bits(5, 3)
      .varint(0)
      .varint(127)
      .varint(128)
      .varint(Number.MAX_SAFE_INTEGER)
      .bits(1, 1)
      .align()
      .byte(0xab);
    const r = new BitReader(w.result());
    expect([r.bits(3), r.varint(), r.varint(), r.varint(), r.varint(), r.bits(1)]).toEqual([
      5,
      0,
      127,
      128,
      Number.MAX_SAFE_INTEGER,
      1,
    ]);
    r.align();
    expect(r.byte()).toBe(0xab);
    expect(r.atEnd()).toBe(true);
  });

  it('the static text code round-trips every byte value and shrinks ordinary text', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const w = new BitWriter();
    writeCodedBytes(w, all);
    expect([...readCodedBytes(new BitReader(w.result()), 256)]).toEqual([...all]);
    for (const text of [
      'iot.acme-energy.cn',
      'Content-Type: application/json\r\n',
      'Pump station 7',
      '泵站 7 号',
    ]) {
      const bytes = utf8.encode(text);
      const tw = new BitWriter();
      writeCodedBytes(tw, bytes);
      expect([...readCodedBytes(new BitReader(tw.result()), bytes.length)], text).toEqual([...bytes]);
    }
    const ascii = utf8.encode('iot.acme-energy.cn/api/v2/telemetry.php meter on com');
    expect(codedBits(ascii) / ascii.length).toBeLessThan(5.5);
  });

  it('inflating stops at the limit and reports damaged data', async () => {
    const zeros = await deflateRaw(new Uint8Array(1 << 20));
    expect(await inflateRaw(zeros, 1000)).toEqual({ ok: false, reason: 'too-large' });
    expect(await inflateRaw(Uint8Array.from([0xff, 0xff, 0xff]), 1000)).toEqual({
      ok: false,
      reason: 'damaged',
    });
    const small = await inflateRaw(await deflateRaw(utf8.encode('hello')), 1000);
    expect(small.ok && new TextDecoder().decode(small.bytes)).toBe('hello');
  });
});
