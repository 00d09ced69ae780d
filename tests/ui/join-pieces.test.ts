import { describe, expect, it } from 'vitest';
import { LogRing } from '../../src/session/log-ring';
import type { ByteLogEntry } from '../../src/ui/components/byte-log/byte-log';
import { JOIN_GAP_MS, JOIN_MAX_BYTES, joinPieces } from '../../src/ui/stream-log/join-pieces';

const text = (b: Uint8Array): string => new TextDecoder().decode(b);
let id = 0;
const piece = (at: number, dir: ByteLogEntry['dir'], s: string): ByteLogEntry => ({
  id: id++,
  at,
  dir,
  bytes: new TextEncoder().encode(s),
});

/** What the terminal does with each piece. */
function show(pieces: readonly ByteLogEntry[]): string[] {
  const ring = new LogRing<ByteLogEntry>({ maxEntries: 100 });
  let lastAt = -Infinity;
  for (const p of pieces) {
    const joined = joinPieces(ring.last, p, lastAt);
    if (joined) ring.replaceLast(joined);
    else ring.push(p);
    lastAt = p.at;
  }
  return ring.toArray().map((e) => `${e.dir}:${text(e.bytes)}`);
}

describe('terminal rows: one reply, one row', () => {
  it('a reply the line delivered in pieces (9600 baud, 10 ms reads) is one row, not split mid-word', () => {
    const rows = show([
      piece(0, 'tx', 'AT+HEARTTM?\r'),
      piece(20, 'rx', '\r\n+HEART'),
      piece(30, 'rx', 'TM:45\r\n'),
      piece(40, 'rx', '\r\nOK\r\n'),
    ]);
    expect(rows).toEqual(['tx:AT+HEARTTM?\r', 'rx:\r\n+HEARTTM:45\r\n', 'rx:\r\nOK\r\n']);
  });

  it('keys typed one by one in raw mode make one row per command; CR LF split over reads stays together', () => {
    const typed = [...'AT\rAT+VER\r'].map((k, i) => piece(i * 30, 'tx', k));
    expect(show(typed)).toEqual(['tx:AT\r', 'tx:AT+VER\r']);
    expect(show([piece(0, 'rx', '+VER:V1\r'), piece(5, 'rx', '\nOK\r\n')])).toEqual(['rx:+VER:V1\r\nOK\r\n']);
  });

  it('a finished line, the other direction, a pause or a note starts a new row', () => {
    const rows = show([
      piece(0, 'rx', 'abc'),
      piece(10, 'tx', 'x'),
      piece(20, 'rx', 'def'),
      piece(20 + JOIN_GAP_MS + 1, 'rx', 'ghi'),
      piece(200, 'note', 'entered command mode'),
      piece(201, 'note', 'again'),
    ]);
    expect(rows).toEqual(['rx:abc', 'tx:x', 'rx:def', 'rx:ghi', 'note:entered command mode', 'note:again']);
  });

  it('a stream without line ends still comes in rows of bounded size', () => {
    const rows = show(Array.from({ length: 40 }, (_, i) => piece(i, 'rx', 'x'.repeat(100))));
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows) expect(r.length - 'rx:'.length).toBeLessThanOrEqual(JOIN_MAX_BYTES);
    expect(rows.join('').replace(/rx:/g, '').length).toBe(4000);
  });

  it('the ring counts the joined row by its size (its byte limit still holds)', () => {
    const ring = new LogRing<ByteLogEntry>({ maxEntries: 10, maxBytes: 1000 });
    ring.push(piece(0, 'rx', 'ab'));
    ring.replaceLast(piece(1, 'rx', 'abcdef'));
    expect(ring.size).toBe(6);
    expect(ring.length).toBe(1);
  });
});
