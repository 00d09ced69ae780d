/** The terminal's traffic log on screen; the download is the session's own export (JSON lines). */
import { bytesToHex, bytesToTerminalText } from './bytes';

export interface LogEntry {
  readonly at: number;
  readonly dir: 'tx' | 'rx' | 'note';
  readonly bytes: Uint8Array;
}

export type LogView = 'text' | 'hex';

/** `   12.345` seconds, right-aligned, for the left column. */
export function formatTime(ms: number): string {
  return (ms / 1000).toFixed(3).padStart(9, ' ');
}

/** One entry's bytes in the chosen view; notes are always text. */
export function entryText(entry: LogEntry, view: LogView): string {
  return view === 'hex' && entry.dir !== 'note'
    ? bytesToHex(entry.bytes, ' ')
    : bytesToTerminalText(entry.bytes);
}

/** `dtu-log-20240131-154502.jsonl` for a date. */
export function logFileName(date: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `dtu-log-${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}.jsonl`;
}
