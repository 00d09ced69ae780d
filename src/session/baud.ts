/**
 * Finding the module's baud rate (manual 3.1.1: the host must use the module's serial settings). The
 * manual's list (3.1.7.20) is tried most common first; at each rate the port is reopened and the module is
 * asked the usual way — `AT` (command mode), then `+++` (working mode). The first clean answer wins: a
 * well-formed OK or error line, or a lone `a` followed by `+ok`. At a wrong rate the module's bytes arrive
 * as noise, which never forms such an answer. Data bits, stop bits and parity stay as opened (8N1 unless
 * told otherwise).
 */
import { baudNotFoundError } from './errors';
import { enterCommandMode, type EntryResult } from './entry';
import type { Line } from './line';
import type { Progress } from './state';
import type { SessionTimeouts } from './timing';

/** 3.1.7.20's rates, most common first. */
export const BAUD_SEARCH_ORDER: readonly number[] = [
  115200, 9600, 57600, 38400, 19200, 230400, 4800, 2400, 1200, 600, 300,
];

export interface BaudSearchHost {
  /** Closes the line and opens the port again at `baud`. */
  reopen(baud: number): Promise<Line>;
  readonly timeouts: SessionTimeouts;
  readonly uartft: number;
  progress(progress: Progress): void;
}

export interface BaudFound {
  readonly baud: number;
  /** `already`: it answered AT (command mode); `entered`: it answered `+++` and is now in command mode. */
  readonly how: Exclude<EntryResult['kind'], 'silent'>;
}

export async function findBaudRate(
  host: BaudSearchHost,
  signal?: AbortSignal,
  order: readonly number[] = BAUD_SEARCH_ORDER,
): Promise<BaudFound> {
  for (const [i, baud] of order.entries()) {
    host.progress({ done: i, total: order.length, step: `${baud}` });
    const line = await host.reopen(baud);
    const result = await enterCommandMode(line, host.timeouts, {
      uartft: host.uartft,
      // The module answers `a` UARTFT/2 after `+++` (T3); no need for the full patience of a normal entry.
      entryAMs: host.uartft / 2 + 200,
      ...(signal ? { signal } : {}),
    });
    if (result.kind !== 'silent') return { baud, how: result.kind };
  }
  throw baudNotFoundError(order);
}
