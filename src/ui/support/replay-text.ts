/**
 * Bytes of an exchange on one line, so two answers can be compared by eye: UTF-8 text (the `••••••` of a
 * withheld secret, Chinese) as itself, CR LF TAB as `\r` `\n` `\t`, other control bytes and undecodable
 * ones as `\xNN`, hidden and direction-changing characters as `[U+XXXX]` (values from a device are data).
 */
import { visibleText } from '../../protocol/visible-text';

export function exchangeText(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b === 0x0d) out += '\\r';
    else if (b === 0x0a) out += '\\n';
    else if (b === 0x09) out += '\\t';
    else if (b < 0x20 || b === 0x7f) out += `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
    else if (b < 0x80) out += String.fromCharCode(b);
    else {
      // A multi-byte UTF-8 character, or a stray byte shown as \xNN.
      const n = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      let ch: string | undefined;
      try {
        ch = n > 1 ? decoder.decode(bytes.subarray(i, i + n)) : undefined;
      } catch {
        ch = undefined;
      }
      if (ch === undefined) out += `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
      else {
        out += ch;
        i += n;
        continue;
      }
    }
    i++;
  }
  return visibleText(out);
}
