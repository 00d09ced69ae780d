/**
 * Pure analysis of what the real-serial suite records: the software DTU's trace at the TCP end
 * (src/simulator/node/trace.ts) and the page's own traffic log (the terminal's "Export log", JSON lines
 * of src/session/traffic-log.ts). No I/O here: unit-tested in analysis.test.ts.
 */

export type TraceEntry =
  | { t: number; dir: 'in'; hex: string; n: number; mode: string; uartft: number }
  | { t: number; dir: 'out'; hex: string; n: number }
  | { t: number; dir: 'server'; socket: string; tag: string; hex: string; n: number }
  | { t: number; dir: 'line'; line: string | null; source: string }
  | { t: number; dir: 'client'; event: string; peer: string }
  | { t: number; dir: 'mode'; mode: string }
  | { t: number; dir: 'mark'; label: string };

export function parseTrace(text: string): TraceEntry[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as TraceEntry);
}

/** The entries from the `index`-th client connection (0 = first) until it ended. */
export function clientSegment(trace: readonly TraceEntry[], index: number): TraceEntry[] {
  let seen = -1;
  let inside = false;
  const out: TraceEntry[] = [];
  for (const e of trace) {
    if (e.dir === 'client' && e.event === 'connect') {
      seen++;
      inside = seen === index;
      if (inside) out.push(e);
      continue;
    }
    if (inside) out.push(e);
    if (inside && e.dir === 'client' && e.event === 'disconnect') break;
  }
  return out;
}

export function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** `AT+VER\r` → `AT+VER\r` with control bytes as \r, \n, \xNN. */
export function printable(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) {
    if (b === 0x0d) s += '\\r';
    else if (b === 0x0a) s += '\\n';
    else if (b >= 0x20 && b < 0x7f) s += String.fromCharCode(b);
    else s += `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return s;
}

/** One line per entry, times relative to `t0`: `  +1234.567 ms  in    AT+VER\r  (mode command)`. */
export function formatTrace(entries: readonly TraceEntry[], t0 = entries[0]?.t ?? 0): string {
  return entries
    .map((e) => {
      const at = `+${(e.t - t0).toFixed(3).padStart(10)} ms`;
      switch (e.dir) {
        case 'in':
          return `${at}  host→module ${JSON.stringify(printable(hexToBytes(e.hex)))} [${e.hex}] (mode ${e.mode}, UARTFT ${e.uartft})`;
        case 'out':
          return `${at}  module→host ${JSON.stringify(printable(hexToBytes(e.hex)))} [${e.hex}]`;
        case 'server':
          return `${at}  module→server ${e.socket} (${e.tag}) ${JSON.stringify(printable(hexToBytes(e.hex)))}`;
        case 'line':
          return `${at}  host line ${e.line ?? 'closed'} (${e.source})`;
        case 'client':
          return `${at}  client ${e.event} ${e.peer}`;
        case 'mode':
          return `${at}  module mode ${e.mode}`;
        case 'mark':
          return `${at}  --- ${e.label}`;
      }
      return `${at}  ${JSON.stringify(e)}`;
    })
    .join('\n');
}

export interface PlusGap {
  /** Arrival of the `+++` chunk at the TCP end (epoch ms). */
  readonly t: number;
  /** Time since the previous chunk from the host arrived, ms (Infinity: the first bytes of the client). */
  readonly gap: number;
  /** The module's running UARTFT when `+++` arrived. */
  readonly uartft: number;
  readonly mode: string;
  /** The module answered `a` (working mode: entry began). */
  readonly answeredA: boolean;
}

const PLUS = '2b2b2b';

/**
 * Every `+++` the host sent, with the silence before it as measured at the TCP end. A `+++` written as
 * one write arrives as one chunk; `split` lists chunks that hold `+` together with other bytes (a `+++`
 * glued to data, or split over chunks), which a guard check cannot judge.
 */
export function plusGaps(segment: readonly TraceEntry[]): { gaps: PlusGap[]; split: TraceEntry[] } {
  const gaps: PlusGap[] = [];
  const split: TraceEntry[] = [];
  let previousIn: number | undefined;
  segment.forEach((e, i) => {
    if (e.dir !== 'in') return;
    if (e.hex === PLUS) {
      const next = segment.slice(i + 1).find((x) => x.dir === 'out' || x.dir === 'in');
      gaps.push({
        t: e.t,
        gap: previousIn === undefined ? Infinity : e.t - previousIn,
        uartft: e.uartft,
        mode: e.mode,
        answeredA: next?.dir === 'out' && next.hex.startsWith('61'),
      });
    } else if (e.hex.includes(PLUS) || e.hex === '2b' || e.hex === '2b2b') {
      split.push(e);
    }
    previousIn = e.t;
  });
  return { gaps, split };
}

/** Packets the module forwarded to a server as serial data: bytes from the host that reached the network. */
export function strayServerData(segment: readonly TraceEntry[]): TraceEntry[] {
  return segment.filter((e) => e.dir === 'server' && e.tag === 'data');
}

export interface PageLogEntry {
  readonly seq: number;
  /** Page clock (performance.now()) ms. */
  readonly t: number;
  readonly dir: 'tx' | 'rx' | 'note';
  readonly hex: string;
  readonly text: string;
}

export function parsePageLog(text: string): PageLogEntry[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((o) => typeof o['seq'] === 'number')
    .map((o) => o as unknown as PageLogEntry);
}

/** Bytes in order with the time each arrived (the time of its chunk). */
function byteTimes(chunks: readonly { t: number; hex: string }[]): { bytes: Uint8Array; times: number[] } {
  const parts = chunks.map((c) => hexToBytes(c.hex));
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  const times: number[] = [];
  let o = 0;
  parts.forEach((p, i) => {
    bytes.set(p, o);
    o += p.length;
    for (let k = 0; k < p.length; k++) times.push(chunks[i]?.t ?? NaN);
  });
  return { bytes, times };
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  if (needle.length === 0) return from;
  outer: for (let i = from; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

export interface Delay {
  /** Page time of the write call / the read, epoch ms. */
  readonly pageT: number;
  /** Arrival at the TCP end / departure from it, epoch ms. */
  readonly tcpT: number;
  /** ms. */
  readonly delay: number;
  readonly n: number;
  /** The bytes of the page's entry. */
  readonly hex: string;
}

/**
 * How long the page's writes took to reach the TCP end: each `tx` entry of the page log (its write call,
 * page clock + `timeOrigin`) against the arrival of its first byte in the trace. The page's bytes are found
 * as one run in the host→module byte stream of the trace (a pty loses nothing). Undefined when they are
 * not there (a log from another connection).
 */
export function writeDelays(
  page: readonly PageLogEntry[],
  timeOrigin: number,
  segment: readonly TraceEntry[],
): Delay[] | undefined {
  return delays(
    page.filter((e) => e.dir === 'tx'),
    timeOrigin,
    segment.filter((e): e is Extract<TraceEntry, { dir: 'in' }> => e.dir === 'in'),
    (pageT, tcpT) => tcpT - pageT,
  );
}

/** How long the module's bytes took from the TCP end to the page's reader (`rx` entries). */
export function readDelays(
  page: readonly PageLogEntry[],
  timeOrigin: number,
  segment: readonly TraceEntry[],
): Delay[] | undefined {
  return delays(
    page.filter((e) => e.dir === 'rx'),
    timeOrigin,
    segment.filter((e): e is Extract<TraceEntry, { dir: 'out' }> => e.dir === 'out'),
    (pageT, tcpT) => pageT - tcpT,
  );
}

function delays(
  pageEntries: readonly PageLogEntry[],
  timeOrigin: number,
  tcpChunks: readonly { t: number; hex: string }[],
  delayOf: (pageT: number, tcpT: number) => number,
): Delay[] | undefined {
  if (pageEntries.length === 0) return [];
  const tcp = byteTimes(tcpChunks);
  const pageBytes = byteTimes(pageEntries.map((e) => ({ t: e.t + timeOrigin, hex: e.hex })));
  // Where the page's stream starts in the TCP stream: the last match whose timing makes sense (the same
  // bytes, e.g. "+++", may have been sent before by another client of the same connection).
  let start = -1;
  for (let i = indexOf(tcp.bytes, pageBytes.bytes); i >= 0; i = indexOf(tcp.bytes, pageBytes.bytes, i + 1)) {
    const d = delayOf(pageBytes.times[0] ?? NaN, tcp.times[i] ?? NaN);
    if (d > -50 && d < 5000) start = i;
  }
  if (start < 0) return undefined;
  const out: Delay[] = [];
  let offset = start;
  for (const e of pageEntries) {
    const n = e.hex.length / 2;
    const pageT = e.t + timeOrigin;
    const tcpT = tcp.times[offset] ?? NaN;
    out.push({ pageT, tcpT, delay: delayOf(pageT, tcpT), n, hex: e.hex.toLowerCase() });
    offset += n;
  }
  return out;
}

export interface GapShrink {
  /** Page time of the `+++` write, epoch ms. */
  readonly pageT: number;
  /** Between the write calls of the previous write and `+++` in the page, ms. */
  readonly pageGap: number;
  /** Between their first bytes at the TCP end, ms. */
  readonly tcpGap: number;
  /** pageGap − tcpGap: how much of the silence the page waited the write path took away (negative: added). */
  readonly shrink: number;
}

/** For each `+++` write (from `writeDelays`): the silence the page kept against what the module saw. */
export function gapShrinks(writes: readonly Delay[]): GapShrink[] {
  const out: GapShrink[] = [];
  writes.forEach((w, i) => {
    const prev = writes[i - 1];
    if (w.hex !== PLUS || !prev) return;
    const pageGap = w.pageT - prev.pageT;
    const tcpGap = w.tcpT - prev.tcpT;
    out.push({ pageT: w.pageT, pageGap, tcpGap, shrink: pageGap - tcpGap });
  });
  return out;
}

export interface Summary {
  readonly count: number;
  readonly min: number;
  readonly median: number;
  readonly p90: number;
  readonly max: number;
  readonly mean: number;
}

export function summarise(values: readonly number[]): Summary {
  const v = [...values].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  const at = (q: number): number =>
    v[Math.min(v.length - 1, Math.max(0, Math.ceil(q * v.length) - 1))] ?? NaN;
  const round = (x: number): number => Math.round(x * 10) / 10;
  return {
    count: v.length,
    min: round(v[0] ?? NaN),
    median: round(at(0.5)),
    p90: round(at(0.9)),
    max: round(v[v.length - 1] ?? NaN),
    mean: round(v.reduce((a, b) => a + b, 0) / (v.length || 1)),
  };
}

export function summaryText(s: Summary, unit = 'ms'): string {
  return `n=${s.count} min ${s.min} median ${s.median} p90 ${s.p90} max ${s.max} mean ${s.mean} ${unit}`;
}
