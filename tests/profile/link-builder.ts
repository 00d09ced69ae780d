/**
 * Test helpers that build links bit by bit, with a correct checksum, so hostile content reaches the
 * layers behind the checksum (inflate, payload structure, validation). Payloads are in the `bytes` form.
 */
import { toBase64Url } from '../../src/profile/link/base64url';
import { BitWriter } from '../../src/profile/link/bits';
import { crc32 } from '../../src/profile/link/crc32';
import { deflateRaw } from '../../src/profile/link/deflate';
import { LINK_V1_SETTINGS } from '../../src/profile/link/setting-table';
import { writeText } from '../../src/profile/link/text-stream';

export const DEFLATED = 1;
export const SECRETS = 2;
export const NOTES = 1 << 2;
export const PLAIN = 2 << 2;
export const PACKED = 16;

/** `p=<version>.` + base64url(flags · data · CRC-32). */
export function linkOf(flags: number, data: Uint8Array, version = '1'): string {
  const body = new Uint8Array(1 + data.length + 4);
  body[0] = flags;
  body.set(data, 1);
  new DataView(body.buffer).setUint32(1 + data.length, crc32(body.subarray(0, 1 + data.length)));
  return `p=${version}.${toBase64Url(body)}`;
}

export async function deflatedLinkOf(flags: number, data: Uint8Array): Promise<string> {
  return linkOf(flags | DEFLATED, await deflateRaw(data));
}

export const indexOf = (name: string): number => {
  const i = LINK_V1_SETTINGS.indexOf(name);
  if (i < 0) throw new Error(`no ${name}`);
  return i;
};

/** A writer that has written a name (and notes), an update time and a bitmap of `present` settings. */
export function head(name: string, present: readonly string[] = [], notes?: string): BitWriter {
  const w = new BitWriter();
  writeText(w, 'bytes', name);
  if (notes !== undefined) writeText(w, 'bytes', notes);
  const indexes = present.map(indexOf);
  const count = Math.max(0, ...indexes.map((i) => i + 1));
  w.varint(1_700_000_000).varint(count);
  for (let i = 0; i < count; i++) w.bits(indexes.includes(i) ? 1 : 0, 1);
  return w;
}

export const text = (w: BitWriter, s: string): BitWriter => {
  writeText(w, 'bytes', s);
  return w;
};

/** A payload holding the given settings as plain-text values (flag PLAIN): any text, valid or not. */
export function plainPayload(name: string, values: Record<string, string>): Uint8Array {
  const names = Object.keys(values).sort((a, b) => indexOf(a) - indexOf(b));
  const w = head(name, names);
  const count = Math.max(0, ...names.map((n) => indexOf(n) + 1));
  for (let i = 0; i < count; i++) w.bits(names.some((n) => indexOf(n) === i) ? 1 : 0, 1);
  for (const n of names) text(w, values[n] ?? '');
  return w.result();
}

/** A payload of a name and optional notes, no settings. */
export function emptyPayload(name: string, notes?: string): Uint8Array {
  return head(name, [], notes).result();
}
