/**
 * A traffic log with its secrets withheld: a support bundle sent without the opt-in, the terminal's
 * "Download log". Each direction's
 * bytes are read as one stream and cut into lines (after CR, after LF, CR LF kept together), because the
 * serial line delivers a line in pieces (a reply in several reads; raw mode sends a command one key at a
 * time). Every line that `redactAtLine` changes (a password or credential in `AT+NAME=…` or `+NAME:…`, the
 * password-AT prefix) is replaced by its redacted text; the entries that held parts of it become one entry,
 * at the time of the first. Entries with nothing secret stay exactly as they were.
 */
import { concatBytes } from './bytes';
import { redactAtLine } from './secrets';

/** One entry of a traffic log: `tx` host → module, `rx` module → host; other directions are left alone. */
export interface RawLogEntry {
  readonly dir: string;
  readonly bytes: Uint8Array;
}

export interface RedactedLog<E extends RawLogEntry> {
  readonly entries: E[];
  /** Lines whose secrets were withheld. */
  readonly lines: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/** A redacted line: where it lies in the direction's stream and what replaces it. */
interface Cut {
  readonly start: number;
  readonly end: number;
  readonly bytes: Uint8Array;
}

/** Lines of a stream as [start, end) ranges: a line ends after LF, or after a CR not followed by LF. */
function lineRanges(stream: Uint8Array): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < stream.length; i++) {
    const b = stream[i];
    if (b === 0x0a || (b === 0x0d && stream[i + 1] !== 0x0a)) {
      out.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < stream.length) out.push([start, stream.length]);
  return out;
}

function cutsOf(stream: Uint8Array, markedPrivate: ReadonlySet<string> | undefined): Cut[] {
  const cuts: Cut[] = [];
  for (const [start, end] of lineRanges(stream)) {
    let text: string;
    try {
      text = utf8.decode(stream.subarray(start, end));
    } catch {
      continue; // not text (binary data in the working mode): no AT line to redact
    }
    const redacted = redactAtLine(text, markedPrivate);
    if (redacted !== text) cuts.push({ start, end, bytes: encoder.encode(redacted) });
  }
  return cuts;
}

/** The entries with every secret-holding line redacted; an entry keeps its other fields (time, number). */
export function redactLog<E extends RawLogEntry>(
  entries: readonly E[],
  markedPrivate?: ReadonlySet<string>,
): RedactedLog<E> {
  // Replacements by index into `entries`: the first entry of a group gets the bytes, the others go.
  const replaced = new Map<number, Uint8Array | null>();
  let lines = 0;
  for (const dir of ['tx', 'rx'] as const) {
    const indexes: number[] = [];
    const offsets: number[] = [];
    let length = 0;
    entries.forEach((e, i) => {
      if (e.dir !== dir) return;
      indexes.push(i);
      offsets.push(length);
      length += e.bytes.length;
    });
    const stream = concatBytes(indexes.map((i) => entries[i]?.bytes ?? new Uint8Array()));
    const cuts = cutsOf(stream, markedPrivate);
    lines += cuts.length;
    let k = 0;
    let c = 0;
    while (c < cuts.length) {
      // The entries (k…m) that hold the bytes of this cut and of every cut that overlaps them.
      const first = cuts[c] as Cut;
      while (k + 1 < indexes.length && (offsets[k + 1] ?? 0) <= first.start) k++;
      let m = k;
      let groupEnd = first.end;
      let last = c;
      for (;;) {
        while (m + 1 < indexes.length && (offsets[m + 1] ?? 0) < groupEnd) m++;
        const entryEnd = (offsets[m] ?? 0) + (entries[indexes[m] ?? 0]?.bytes.length ?? 0);
        const next = cuts[last + 1];
        if (next && next.start < entryEnd) {
          last++;
          groupEnd = Math.max(groupEnd, next.end);
          continue;
        }
        groupEnd = entryEnd;
        break;
      }
      const groupStart = offsets[k] ?? 0;
      const parts: Uint8Array[] = [];
      let at = groupStart;
      for (let j = c; j <= last; j++) {
        const cut = cuts[j] as Cut;
        parts.push(stream.subarray(at, cut.start), cut.bytes);
        at = cut.end;
      }
      parts.push(stream.subarray(at, groupEnd));
      replaced.set(indexes[k] ?? 0, concatBytes(parts));
      for (let j = k + 1; j <= m; j++) replaced.set(indexes[j] ?? 0, null);
      c = last + 1;
      k = m + 1;
    }
  }
  const out: E[] = [];
  entries.forEach((e, i) => {
    const r = replaced.get(i);
    if (r === null) return;
    out.push(r === undefined ? e : { ...e, bytes: r });
  });
  return { entries: out, lines };
}
