/**
 * A file's bytes as text. Files come from Windows editors (UTF-16 with a byte-order mark), from Chinese
 * serial terminals (SSCOM and others save logs in GB18030/GBK) and from everything else (UTF-8, with or
 * without a BOM). The encoding is found from the BOM, from the zero bytes UTF-16 has, or by trying strict
 * UTF-8 and then GB18030; only when neither fits are damaged characters replaced (U+FFFD).
 */

export interface DecodedText {
  readonly text: string;
  /** `utf-8`, `utf-16le`, `utf-16be`, `gb18030`, or `utf-8 (damaged characters replaced)`. */
  readonly encoding: string;
}

function decoder(label: string, fatal: boolean): TextDecoder | undefined {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return undefined; // a platform without that encoding
  }
}

function tryDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    return decoder(label, true)?.decode(bytes);
  } catch {
    return undefined;
  }
}

/** UTF-16 without a BOM: most ASCII text has a zero in every other byte. */
function utf16Guess(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const half = n / 2;
  if (oddZeros > half * 0.4 && evenZeros < half * 0.05) return 'utf-16le';
  if (evenZeros > half * 0.4 && oddZeros < half * 0.05) return 'utf-16be';
  return undefined;
}

export function decodeFileBytes(bytes: Uint8Array): DecodedText {
  const b0 = bytes[0];
  const b1 = bytes[1];
  const b2 = bytes[2];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const text = tryDecode('utf-8', bytes);
    if (text !== undefined) return { text, encoding: 'utf-8' };
  }
  const utf16 =
    b0 === 0xff && b1 === 0xfe ? 'utf-16le' : b0 === 0xfe && b1 === 0xff ? 'utf-16be' : utf16Guess(bytes);
  if (utf16) {
    const text = decoder(utf16, false)?.decode(bytes);
    if (text !== undefined) return { text, encoding: utf16 };
  }
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const gb = tryDecode('gb18030', bytes);
  if (gb !== undefined) return { text: gb, encoding: 'gb18030' };
  return {
    text: new TextDecoder('utf-8').decode(bytes),
    encoding: 'utf-8 (damaged characters replaced)',
  };
}
