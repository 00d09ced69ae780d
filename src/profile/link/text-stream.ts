/**
 * How texts and byte strings are written in the payload, in either link form:
 * - `bytes`: byte-aligned raw UTF-8, so DEFLATE (applied afterwards) can find repeated host names;
 * - `packed`: each text in the static code of text-code.ts when that is shorter than its raw bytes (Latin
 *   text), else raw (Chinese text: the code is tuned for ASCII), with one bit saying which; not deflated.
 * Both write the length in bytes first, so limits are checked before anything is decoded.
 */
import type { Text } from '../../protocol/types';
import { payloadError, type BitReader, type BitWriter } from './bits';
import { codedBits, readCodedBytes, writeCodedBytes } from './text-code';

export type TextForm = 'bytes' | 'packed';

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function writeText(w: BitWriter, form: TextForm, text: string): void {
  writeBlock(w, form, utf8.encode(text), true);
}

/** Length + bytes; `isText` chooses the text code in the packed form (binary data stays 8-bit). */
export function writeBlock(w: BitWriter, form: TextForm, bytes: Uint8Array, isText = false): void {
  if (form === 'bytes') w.align();
  w.varint(bytes.length);
  if (form === 'packed' && isText) {
    const coded = codedBits(bytes) < bytes.length * 8;
    w.bits(coded ? 1 : 0, 1);
    if (coded) writeCodedBytes(w, bytes);
    else w.bytes(bytes);
  } else {
    w.bytes(bytes);
  }
}

export function readBlock(r: BitReader, form: TextForm, max: number, what: Text, isText = false): Uint8Array {
  if (form === 'bytes') r.align();
  const n = r.varint();
  if (n > max)
    payloadError(
      `${what.en} is too long (${n} bytes, at most ${max})`,
      `${what.zh}过长（${n} 字节，最多 ${max}）`,
    );
  return form === 'packed' && isText && r.bit() === 1 ? readCodedBytes(r, n) : r.bytes(n);
}

export function readText(r: BitReader, form: TextForm, max: number, what: Text): string {
  return utf8Text(readBlock(r, form, max, what, true), what);
}

export function utf8Text(bytes: Uint8Array, what: Text): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return payloadError(`${what.en} is not valid UTF-8 text`, `${what.zh}不是有效的 UTF-8 文本`);
  }
}
