/**
 * base64url without padding (RFC 4648 §5), strict on input: only `A–Z a–z 0–9 - _`, no length that
 * cannot occur (≡ 1 mod 4), and no stray bits in the last character, so every byte string has exactly one
 * spelling and a mangled link is caught here rather than deeper down.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    const chars = i + 1 >= bytes.length ? 2 : i + 2 >= bytes.length ? 3 : 4;
    for (let k = 0; k < chars; k++) out += ALPHABET.charAt((n >> (18 - 6 * k)) & 63);
  }
  return out;
}

export type Base64Result =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | {
      readonly ok: false;
      readonly reason: 'character' | 'length' | 'padding-bits';
      readonly at: number;
      readonly char?: string;
    };

export function fromBase64Url(text: string): Base64Result {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const v = VALUE.get(ch);
    if (v === undefined) return { ok: false, reason: 'character', at: i, char: ch };
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  if (text.length % 4 === 1) return { ok: false, reason: 'length', at: text.length };
  if ((acc & ((1 << bits) - 1)) !== 0) return { ok: false, reason: 'padding-bits', at: text.length - 1 };
  return { ok: true, bytes: out.subarray(0, o) };
}
