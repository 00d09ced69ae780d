/**
 * One reply, one row: the serial line hands a reply over in pieces (a USB adapter's reads, the simulator's
 * wire at 9600 delivers ~10 characters every 10 ms), so `+HEARTTM:45` can come as `+HEART` and `TM:45`.
 * A terminal row that stops mid-word misleads a person reading it; pieces that continue an unfinished line
 * in the same direction, soon after it, are joined.
 */
import type { ByteLogEntry } from '../components/byte-log/byte-log';

/** Pieces further apart than this are separate rows: the module paused, the next thing is new. */
export const JOIN_GAP_MS = 100;
/** A row stops growing here (a stream without line ends still scrolls, in rows of this size). */
export const JOIN_MAX_BYTES = 1024;

const LF = 0x0a;
const CR = 0x0d;

/**
 * The row `next` continues `last` into, or undefined when it starts a row of its own. `lastPieceAt`: when
 * the newest piece of `last` came (a row's own time is its first byte's).
 */
export function joinPieces(
  last: ByteLogEntry | undefined,
  next: ByteLogEntry,
  lastPieceAt: number,
): ByteLogEntry | undefined {
  if (!last || last.dir !== next.dir || next.dir === 'note' || last.tag !== next.tag) return undefined;
  // A line ends after LF, or after a CR not followed by LF (a command the host sent: `AT+VER\r`).
  const end = last.bytes[last.bytes.length - 1];
  if (end === LF || (end === CR && next.bytes[0] !== LF)) return undefined;
  if (next.at - lastPieceAt > JOIN_GAP_MS) return undefined;
  if (last.bytes.length + next.bytes.length > JOIN_MAX_BYTES) return undefined;
  const bytes = new Uint8Array(last.bytes.length + next.bytes.length);
  bytes.set(last.bytes);
  bytes.set(next.bytes, last.bytes.length);
  // A new id: the log re-renders and re-measures the row. The time stays the row's first byte.
  return { ...last, id: next.id, bytes };
}
