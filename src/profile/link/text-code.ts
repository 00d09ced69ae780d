/**
 * A fixed (static) Huffman code for the bytes of UTF-8 text, used by the "packed" link form: names,
 * notes, host names, URLs and headers are mostly lower-case letters, digits and a little punctuation, so
 * a code that spends ~4–6 bits on those and more on the rest shrinks them by about 30 %, where DEFLATE
 * gains little on a few hundred bytes. Every byte value has a code (the code is complete), so any UTF-8
 * text can be written. The table is part of link format 1: changing a weight changes the format.
 */
import { payloadError, type BitReader, type BitWriter } from './bits';

function weights(): number[] {
  const w = Array.from({ length: 256 }, (_, b): number => (b >= 0x80 ? 1 : b >= 0x20 && b < 0x7f ? 20 : 6));
  const common: Record<string, number> = {
    ' ': 1200,
    e: 1000,
    t: 800,
    a: 760,
    o: 720,
    i: 700,
    n: 680,
    s: 640,
    r: 600,
    l: 400,
    c: 400,
    '.': 400,
    h: 360,
    d: 320,
    u: 280,
    m: 280,
    p: 280,
    g: 200,
    '-': 200,
    '/': 200,
    f: 160,
    y: 160,
    w: 160,
    b: 160,
    v: 120,
    k: 100,
    ':': 100,
    ',': 100,
    '\n': 120,
    '\r': 80,
    x: 60,
    _: 60,
    j: 40,
    q: 40,
    z: 40,
  };
  for (const [ch, weight] of Object.entries(common)) w[ch.charCodeAt(0)] = weight;
  for (const d of '0123456789') w[d.charCodeAt(0)] = 200;
  for (const u of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') w[u.charCodeAt(0)] = 80;
  return w;
}

/** Code length per byte value, from a deterministic Huffman construction (ties broken by symbol). */
function codeLengths(): number[] {
  type Node = { weight: number; order: number; symbols: number[] };
  let nodes: Node[] = weights().map((weight, b) => ({ weight, order: b, symbols: [b] }));
  const lengths = new Array<number>(256).fill(0);
  while (nodes.length > 1) {
    nodes.sort((a, b) => a.weight - b.weight || a.order - b.order);
    const [x, y, ...rest] = nodes;
    if (!x || !y) break;
    for (const s of [...x.symbols, ...y.symbols]) lengths[s] = (lengths[s] ?? 0) + 1;
    nodes = [
      ...rest,
      {
        weight: x.weight + y.weight,
        order: Math.min(x.order, y.order),
        symbols: [...x.symbols, ...y.symbols],
      },
    ];
  }
  return lengths;
}

interface Code {
  /** Per byte value: the code bits, most significant first, and their count. */
  readonly codes: readonly { readonly bits: number; readonly length: number }[];
  /** For decoding: symbols in canonical order, and how many codes have each length. */
  readonly sorted: readonly number[];
  readonly counts: readonly number[];
}

let built: Code | undefined;

/** Canonical code (as DEFLATE builds its own): codes of one length are consecutive, in symbol order. */
function code(): Code {
  if (built) return built;
  const lengths = codeLengths();
  const max = lengths.reduce((a, b) => Math.max(a, b), 0);
  const counts = new Array<number>(max + 1).fill(0);
  for (const l of lengths) counts[l] = (counts[l] ?? 0) + 1;
  const sorted = [...lengths.keys()].sort((a, b) => (lengths[a] ?? 0) - (lengths[b] ?? 0) || a - b);
  const codes = new Array<{ bits: number; length: number }>(256);
  let next = 0;
  let length = 0;
  for (const s of sorted) {
    const l = lengths[s] ?? 0;
    next <<= l - length;
    length = l;
    codes[s] = { bits: next, length: l };
    next++;
  }
  built = { codes, sorted, counts };
  return built;
}

export function writeCodedBytes(w: BitWriter, bytes: Uint8Array): void {
  const { codes } = code();
  for (const b of bytes) {
    const c = codes[b];
    if (!c) continue;
    for (let k = c.length - 1; k >= 0; k--) w.bits((c.bits >>> k) & 1, 1);
  }
}

export function readCodedBytes(r: BitReader, n: number): Uint8Array {
  const { sorted, counts } = code();
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let value = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; ; len++) {
      if (len >= counts.length) payloadError('the link text is damaged', '链接中的文本已损坏');
      value = (value << 1) | r.bit();
      const count = counts[len] ?? 0;
      if (value - first < count) {
        out[i] = sorted[index + value - first] ?? 0;
        break;
      }
      index += count;
      first = (first + count) << 1;
    }
  }
  return out;
}

/** Bits the code spends on `bytes` (for tests and for choosing the shorter form). */
export function codedBits(bytes: Uint8Array): number {
  const { codes } = code();
  let n = 0;
  for (const b of bytes) n += codes[b]?.length ?? 0;
  return n;
}
