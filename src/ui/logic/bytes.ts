/** Byte views the UI shows: hex strings, an ASCII view of bytes, visible CR/LF in plain text. */
import { escapeText, unescapeText } from '../../protocol/escape';
import { deviceLineText } from '../device-text/device-text';

/** `7777772E` → bytes; undefined when not an even run of hex digits (spaces allowed). */
export function hexToBytes(hex: string): Uint8Array | undefined {
  const clean = hex.replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) return undefined;
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Bytes → `7777772E`, or with `sep` between bytes (`77 77 77 2E`). */
export function bytesToHex(bytes: Uint8Array, sep = ''): string {
  return Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(sep);
}

/** Printable ASCII as itself, everything else as `·` (one character per byte). */
export function asciiView(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '·')).join('');
}

/** Text typed in an ASCII view → hex of its UTF-8 bytes. */
export function textToHex(text: string): string {
  return bytesToHex(new TextEncoder().encode(text));
}

/**
 * Text for a terminal line: control characters made visible — a CR that does not end a line as `↵`, others
 * as `[XX]` (the manual's escape notation), bidi overrides and other invisible characters as `[U+XXXX]`
 * (device-text/) — except that CR LF (or a lone LF) still breaks the line.
 */
export function visibleControls(text: string): string {
  return deviceLineText(text);
}

/** Bytes as terminal text: UTF-8 where it decodes, line breaks kept, other control characters visible. */
export function bytesToTerminalText(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return text
    .split(/\r?\n/)
    .map((line) => visibleControls(line))
    .join('\n');
}

/**
 * An escaped parameter (`/1.php[3F]`) as readable plain text, with CR and LF written `{CR}` `{LF}` as in
 * the manual's command formats (3.1.6.1).
 */
export function plainView(escaped: string): string {
  return unescapeText(escaped).replace(/\r/g, '{CR}').replace(/\n/g, '{LF}');
}

/** The inverse of `plainView`: typed plain text (`{CR}` `{LF}` for CR LF) → escaped parameter text. */
export function fromPlainView(plain: string): string {
  return escapeText(plain.replace(/\{CR\}/gi, '\r').replace(/\{LF\}/gi, '\n'));
}
