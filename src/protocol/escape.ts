/**
 * The `[XX]` escape rule of manual 3.1.6.4: inside a parameter, `=` `,` `?` CR and LF cannot be written
 * as themselves; `[` + two hex digits + `]` stands for the byte with that code (`?` → `[3F]`).
 *
 * Decisions (docs/decisions.md): decoding accepts upper- and lower-case hex digits; a `[` that does not
 * start a well-formed `[XX]` is an ordinary character. Encoding escapes the five special characters, the
 * other control characters, and a `[` only where it would otherwise be read as the start of an escape, so
 * that `unescape(escape(s)) === s` for every string. Canonical form uses upper-case hex.
 */

const ESCAPE_AT = /\[([0-9A-Fa-f]{2})\]/g;
const ENCODER = new TextEncoder();
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
const SPECIAL = new Set(['=', ',', '?', '\r', '\n']);

function hex2(code: number): string {
  return code.toString(16).toUpperCase().padStart(2, '0');
}

/** Characters that may not appear unescaped in a parameter. */
export function isForbiddenRaw(ch: string): boolean {
  return SPECIAL.has(ch);
}

/**
 * Decodes `[XX]` escapes, each to the character with that code. Right for ASCII; an escaped byte ≥ 0x80
 * is part of a UTF-8 sequence, so callers that may meet those use `unescapeBytes`.
 */
export function unescapeText(escaped: string): string {
  return escaped.replace(ESCAPE_AT, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * Decodes an escaped parameter to the exact bytes the module stores (UTF-8 for unescaped text). Built in
 * one pre-sized buffer, never by spreading into `push(...)`: a value's length is chosen by whoever wrote
 * the file, link or form field, and spreading a long one overflows the call stack.
 */
export function unescapeBytes(escaped: string): Uint8Array {
  if (!escaped.includes('[')) return ENCODER.encode(escaped);
  // UTF-8 takes at most 3 bytes per UTF-16 code unit; an escape `[XX]` (4 units) becomes 1 byte.
  const out = new Uint8Array(escaped.length * 3);
  let size = 0;
  let last = 0;
  const text = (slice: string): void => {
    size += ENCODER.encodeInto(slice, out.subarray(size)).written;
  };
  for (const m of escaped.matchAll(ESCAPE_AT)) {
    const at = m.index;
    text(escaped.slice(last, at));
    out[size++] = parseInt(m[1] ?? '0', 16);
    last = at + m[0].length;
  }
  text(escaped.slice(last));
  return out.slice(0, size);
}

/** Encodes plain text so it can stand in a parameter; the inverse of `unescapeText`. */
export function escapeText(plain: string): string {
  let out = '';
  for (let i = 0; i < plain.length; i++) {
    const ch = plain.charAt(i);
    const code = ch.charCodeAt(0);
    if (SPECIAL.has(ch) || code < 0x20 || code === 0x7f) {
      out += `[${hex2(code)}]`;
    } else if (ch === '[' && /^\[[0-9A-Fa-f]{2}\]/.test(plain.slice(i, i + 4))) {
      // A literal "[3F]" in the text must not be read back as "?".
      out += '[5B]';
    } else {
      out += ch;
    }
  }
  return out;
}

/**
 * The canonical spelling of an escaped parameter: same bytes, minimal upper-case escapes. Escaped bytes that
 * form UTF-8 text become the characters (`[E4][BD][A0]` → `你`); bytes that are not valid UTF-8 keep
 * their escapes (`[FF]`), so no byte is ever changed.
 */
export function canonicalEscaped(escaped: string): string {
  const bytes = unescapeBytes(escaped);
  try {
    return escapeText(STRICT_UTF8.decode(bytes));
  } catch {
    let out = '';
    for (const b of bytes) {
      const ch = String.fromCharCode(b);
      out += b >= 0x20 && b < 0x7f && !SPECIAL.has(ch) && ch !== '[' ? ch : `[${hex2(b)}]`;
    }
    return out;
  }
}

/** Index of the first character that must have been escaped (`, = ?` CR LF), or -1. */
export function firstUnescapedSpecial(text: string): number {
  for (let i = 0; i < text.length; i++) if (SPECIAL.has(text.charAt(i))) return i;
  return -1;
}
