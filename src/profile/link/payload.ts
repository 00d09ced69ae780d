/**
 * The profile inside a link, as a bit stream (link format 1), in one of two forms that differ only in
 * how texts are written (text-stream.ts): `bytes` (byte-aligned, then DEFLATE) or `packed` (static text
 * code, not deflated). The encoder tries both and the link keeps the shorter.
 *
 *   (flags     kept in the link's own flags byte, outside the payload: see share-link.ts)
 *   name       text
 *   notes      (NOTES flag) text
 *   updated    varint, whole seconds since 1970 (the receiver's copy is created at that time)
 *   count      varint, how many positions of LINK_V1_SETTINGS follow
 *   present    count bits: bit i = setting i is in the profile
 *   plain      (PLAIN flag) count bits: bit i = value i is plain text rather than typed
 *   values     one per present setting, in table order (value-codec.ts); plain ones as text
 *   padding    zero bits to the end of the last byte
 *
 * Every setting the profile holds is carried with its value — never "the factory default" by reference —
 * so a link means the same thing after the catalogue's guessed defaults are corrected.
 * Not carried: `created` (a received profile starts its life when it was last changed) and
 * `sourceDevice` (the sender's device IMEI/SN says nothing about the configuration and is not the
 * receiver's business). Decoding returns a plain object for `validateProfile`; it checks structure only.
 */
import { findCommand } from '../../protocol/catalogue';
import type { Text } from '../../protocol/types';
import { MAX_NAME_LENGTH, MAX_NOTES_LENGTH, PROFILE_FORMAT_VERSION, type Profile } from '../profile';
import { BitReader, BitWriter, payloadError } from './bits';
import { LINK_V1_SETTINGS } from './setting-table';
import { readText, writeText, type TextForm } from './text-stream';
import { decodeValue, encodeValue } from './value-codec';

/** Payload flags; share-link.ts stores them in its flags byte. */
export const NOTES = 1;
export const PLAIN = 2;
export const PAYLOAD_FLAGS = NOTES | PLAIN;

const INDEX: ReadonlyMap<string, number> = new Map(LINK_V1_SETTINGS.map((n, i) => [n, i]));
const NAME: Text = { en: 'the name', zh: '名称' };
const NOTES_TEXT: Text = { en: 'the notes', zh: '备注' };
const VALUE: Text = { en: 'a value in the link', zh: '链接中的参数值' };

export interface Payload {
  readonly flags: number;
  readonly bytes: Uint8Array;
}

/**
 * The profile as payload bits in the given form; `created` and `sourceDevice` are left out and `updated`
 * is rounded down to the second (see above).
 */
export function encodePayload(profile: Profile, form: TextForm): Payload {
  for (const name of Object.keys(profile.values)) {
    if (!INDEX.has(name)) throw new RangeError(`AT+${name} has no place in link format 1`);
  }
  const count = Math.max(0, ...Object.keys(profile.values).map((n) => (INDEX.get(n) ?? -1) + 1));
  const plain: boolean[] = [];
  const present: boolean[] = [];
  for (let i = 0; i < count; i++) {
    const name = LINK_V1_SETTINGS[i] ?? '';
    const value = profile.values[name];
    const entry = findCommand(name);
    present.push(value !== undefined);
    plain.push(false);
    if (value === undefined || !entry) continue;
    // Values are written after the bitmaps; a trial writer decides typed or plain per value.
    plain[i] = !encodeValue(entry, value, new BitWriter(), form);
  }
  const anyPlain = plain.some(Boolean);
  const flags = (profile.notes ? NOTES : 0) | (anyPlain ? PLAIN : 0);
  const w = new BitWriter();
  writeText(w, form, profile.name);
  if (profile.notes) writeText(w, form, profile.notes);
  w.varint(Math.floor(profile.updated / 1000)).varint(count);
  for (const p of present) w.bits(p ? 1 : 0, 1);
  if (anyPlain) for (const p of plain) w.bits(p ? 1 : 0, 1);
  for (let i = 0; i < count; i++) {
    const name = LINK_V1_SETTINGS[i] ?? '';
    const value = profile.values[name];
    const entry = findCommand(name);
    if (value === undefined || !entry) continue;
    if (plain[i] || !encodeValue(entry, value, w, form)) writeText(w, form, value);
  }
  return { flags, bytes: w.result() };
}

/** A profile-shaped plain object (still to be validated), or throws `PayloadError`. */
export function decodePayload(flags: number, form: TextForm, bytes: Uint8Array): Record<string, unknown> {
  const r = new BitReader(bytes);
  // UTF-8 takes at most 3 bytes per UTF-16 code unit: longer bytes cannot pass the character limits.
  const name = readText(r, form, MAX_NAME_LENGTH * 3, NAME);
  const notes = flags & NOTES ? readText(r, form, MAX_NOTES_LENGTH * 3, NOTES_TEXT) : '';
  if (flags & NOTES && notes === '')
    payloadError('the link marks notes that are empty', '链接标记了备注却为空');
  const seconds = r.varint();
  if (seconds > 8.64e12) payloadError('the time in the link is out of range', '链接中的时间超出范围');
  const count = r.varint();
  if (count > LINK_V1_SETTINGS.length) {
    payloadError(
      `the link holds settings this version of the app does not know (${count} positions, ${LINK_V1_SETTINGS.length} known)`,
      `链接包含本版本应用未知的参数（${count} 个位置，已知 ${LINK_V1_SETTINGS.length} 个）`,
    );
  }
  const present = Array.from({ length: count }, () => r.bit() === 1);
  const plain = flags & PLAIN ? Array.from({ length: count }, () => r.bit() === 1) : present.map(() => false);
  if (flags & PLAIN && !plain.some(Boolean))
    payloadError('the link marks text values but has none', '链接标记了文本值却没有');
  const values: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    if (!present[i]) {
      if (plain[i])
        payloadError(
          'the link marks a value as text for a setting it does not hold',
          '链接为不存在的参数标记了文本值',
        );
      continue;
    }
    const setting = LINK_V1_SETTINGS[i] ?? '';
    const entry = findCommand(setting);
    if (!entry)
      payloadError(
        `the link holds AT+${setting}, which this version of the app does not know`,
        `链接包含本版本应用未知的 AT+${setting}`,
      );
    values[setting] = plain[i] ? readText(r, form, 2048, VALUE) : decodeValue(entry, r, form);
  }
  if (!r.atEnd()) payloadError('the link has extra data after the profile', '链接在配置档案之后还有多余数据');
  const updated = seconds * 1000;
  return { formatVersion: PROFILE_FORMAT_VERSION, name, notes, values, created: updated, updated };
}
