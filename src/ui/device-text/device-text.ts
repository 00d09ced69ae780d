/**
 * Values from the device are data, never markup: the views put them in the page as text (Lit text bindings
 * and `.value` properties; the UI has no `unsafeHTML`, `innerHTML` or `insertAdjacentHTML`). Text can still
 * mislead where it is shown: a bidi override (U+202E) turns what follows around, zero-width characters hide,
 * control characters vanish. `deviceText` makes those visible, so what a person reads is what the device
 * sent: C0 controls in the manual's `[XX]` notation, the others as `[U+XXXX]`.
 */

/**
 * C0 and C1 controls, DEL, the Arabic letter mark, zero-width space/joiners and LRM/RLM, the bidi
 * embeddings, overrides and isolates, word joiner and invisible operators, the BOM.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

function codeOf(ch: string): string {
  const code = ch.charCodeAt(0);
  const hex = code.toString(16).toUpperCase();
  return code < 0x20 || code === 0x7f ? `[${hex.padStart(2, '0')}]` : `[U+${hex.padStart(4, '0')}]`;
}

/** A value from the device as it may be shown: every hidden or direction-changing character made visible. */
export function deviceText(value: string): string {
  return value.replace(HIDDEN, codeOf);
}

/** True when the value holds characters `deviceText` shows as codes. */
export function hasHiddenCharacters(value: string): boolean {
  HIDDEN.lastIndex = 0;
  const found = HIDDEN.test(value);
  HIDDEN.lastIndex = 0;
  return found;
}

/** For text that keeps its line breaks (the terminal): like `deviceText`, CR shown as `↵`, LF kept. */
export function deviceLineText(line: string): string {
  return line.replace(HIDDEN, (ch) => (ch === '\r' ? '↵' : codeOf(ch)));
}
