/**
 * Raw mode's bytes: what the person typed, as UTF-8, sent at once. Only Enter adds a line end, and sends
 * CR alone (the module's line end for AT commands); a line break inside pasted text is sent as CR too.
 */
const encoder = new TextEncoder();

/** The CR that Enter sends. */
export const ENTER: Uint8Array = Uint8Array.of(0x0d);

/** Typed or pasted text as the bytes to send (CR LF, LF and CR each become one CR). */
export function rawBytes(text: string): Uint8Array {
  return encoder.encode(text.replace(/\r\n|\n|\r/g, '\r'));
}
