/**
 * SMS length as a phone counts it (3GPP TS 23.038): text that fits the GSM 7-bit alphabet goes 160
 * characters to an SMS (153 per part when split), anything else — Chinese included — is sent as UCS-2,
 * 70 characters to an SMS (67 per part). Characters of the GSM extension table (`{ } [ ] ~ \ | ^ €` and
 * form feed) take two septets.
 */

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(Array.from(GSM_BASIC));
const EXTENSION = new Set(Array.from(GSM_EXTENSION));

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsLength {
  readonly encoding: SmsEncoding;
  /** Characters as the person sees them. */
  readonly characters: number;
  /** Units counted against the limit: septets (GSM-7) or UTF-16 code units (UCS-2). */
  readonly units: number;
  /** Units in one SMS: 160 or 70. */
  readonly single: number;
  /** Units per part of a long SMS: 153 or 67. */
  readonly perPart: number;
  /** Number of SMS the text takes (0 for empty text). */
  readonly parts: number;
}

export function isGsm7(text: string): boolean {
  for (const ch of text) if (!BASIC.has(ch) && !EXTENSION.has(ch)) return false;
  return true;
}

export function smsLength(text: string): SmsLength {
  const characters = Array.from(text).length;
  if (isGsm7(text)) {
    let units = 0;
    for (const ch of text) units += EXTENSION.has(ch) ? 2 : 1;
    return measure('gsm7', characters, units, 160, 153);
  }
  // UCS-2 counts UTF-16 code units: a character outside the BMP (emoji) takes two.
  return measure('ucs2', characters, text.length, 70, 67);
}

function measure(
  encoding: SmsEncoding,
  characters: number,
  units: number,
  single: number,
  perPart: number,
): SmsLength {
  const parts = units === 0 ? 0 : units <= single ? 1 : Math.ceil(units / perPart);
  return { encoding, characters, units, single, perPart, parts };
}
