/**
 * The log's bytes as text in a support bundle: exact (every byte string has one spelling and comes back
 * unchanged) and readable in an editor — printable ASCII as itself, `\\` for a backslash, `\r` `\n` `\t`,
 * every other byte as `\xNN` (upper-case hex). So `AT+VER\r` is written `AT+VER\r`, and a Chinese SMS or
 * binary data is still exact, byte by byte.
 */

export function bytesToBundleText(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    if (b === 0x5c) out += '\\\\';
    else if (b === 0x0d) out += '\\r';
    else if (b === 0x0a) out += '\\n';
    else if (b === 0x09) out += '\\t';
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Back to bytes; undefined when the text is not in this form (a character outside it, a broken escape). */
export function bundleTextToBytes(text: string): Uint8Array | undefined {
  const out = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x5c) {
      if (c < 0x20 || c >= 0x7f) return undefined;
      out[n++] = c;
      continue;
    }
    const e = text.charAt(i + 1);
    if (e === '\\') out[n++] = 0x5c;
    else if (e === 'r') out[n++] = 0x0d;
    else if (e === 'n') out[n++] = 0x0a;
    else if (e === 't') out[n++] = 0x09;
    else if (e === 'x' && /^[0-9A-F]{2}$/.test(text.slice(i + 2, i + 4))) {
      out[n++] = parseInt(text.slice(i + 2, i + 4), 16);
      i += 2;
    } else return undefined;
    i++;
  }
  return out.slice(0, n);
}
