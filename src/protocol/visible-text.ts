/**
 * Text from outside — a name in a file, a value a device sent, a key in a link — shown so that it reads as
 * what it is. Characters that cannot be seen or that change how the text around them is shown are written
 * as their code point, `[U+202E]`:
 *
 * - bidirectional controls (U+061C, U+200E/F, U+202A–E, U+2066–9): `abc[U+202E]txt.exe` instead of a name
 *   that displays as `abcexe.txt`;
 * - other invisible format characters (zero-width space, word joiner, BOM, soft hyphen, tags, …);
 *   zero-width (non-)joiners U+200C/D are kept: scripts and emoji need them and they reorder nothing;
 * - control characters (C0 except, with `lineBreaks`, LF/CR/TAB; DEL; C1), line and paragraph separators;
 * - unpaired surrogates (broken UTF-16) and private-use characters.
 *
 * Pure; used by the views for anything that did not come from the app itself (the dashboard's device
 * values, import reports, problem lists). `max` cuts long text at a whole character, adding `…`.
 */

const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}]/gu;
const JOINERS = new Set([0x200c, 0x200d]);

export interface VisibleTextOptions {
  /** Keep LF, CR and TAB as they are (for multi-line text shown with `white-space: pre-wrap`). */
  readonly lineBreaks?: boolean;
  /** At most this many characters (code points) of the input are shown, then `…`. */
  readonly max?: number;
}

/** `U+202E` for a code point (4 to 6 hex digits). */
export function codePointName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function visibleText(text: string, options: VisibleTextOptions = {}): string {
  let source = text;
  let cut = false;
  if (options.max !== undefined && source.length > options.max) {
    let end = Math.max(0, options.max);
    const last = source.charCodeAt(end - 1);
    if (end > 0 && last >= 0xd800 && last <= 0xdbff) end--;
    source = source.slice(0, end);
    cut = true;
  }
  const shown = source.replace(HIDDEN, (ch) => {
    const code = ch.codePointAt(0) ?? 0;
    if (JOINERS.has(code)) return ch;
    if (options.lineBreaks && (ch === '\n' || ch === '\r' || ch === '\t')) return ch;
    return `[${codePointName(code)}]`;
  });
  return cut ? `${shown}…` : shown;
}

/** True when `visibleText` would change anything (other than cutting). */
export function hasHiddenCharacters(text: string, lineBreaks = false): boolean {
  return visibleText(text, { lineBreaks }) !== text;
}
