/**
 * Finding the module's baud rate (manual 3.1.1: the host must use the module's serial settings). At each rate
 * the port is reopened and the module gets a proper guarded `+++` (the guard counted from our last byte at
 * the previous rate: the module heard those bytes too), then, when that got no `a`, a bare CR for a module
 * in command mode that ignores `+++` or holds earlier noise in its line buffer. The first clean answer wins:
 * `a` then `+ok`, or a well-formed OK or error line. At a wrong rate the module's bytes arrive as noise,
 * which never forms such an answer.
 *
 * This is the one flow that cannot avoid sending bytes a server may receive: at a wrong rate, `+++` and CR
 * arrive at the module as other bytes, which in a working mode go to the network as noise. So the likely
 * rates go first (the caller's `prefer`: the last rate that worked on this device, a profile's), then the
 * manual's list, most common first. Data bits, stop bits and parity stay as opened (8N1 unless told).
 *
 * The quick pass waits only briefly at each rate, and at the right rate that brief wait is all there is: a
 * busy laptop that hands the module's `a` to the page 400 ms late (real-serial measured reads 180 ms late on
 * an idle machine) would make every rate fail. So when no rate answered quickly, the likely rates are tried
 * again, patiently: the answer may come as late as the module still waits for ours (T5, 3 s).
 */
import { baudNotFoundError, loopbackError } from './errors';
import { crProbe, enterCommandMode, type EntryResult } from './entry';
import type { Line } from './line';
import type { Progress } from './state';
import type { SessionTimeouts } from './timing';

/** 3.1.7.20's rates, most common first. */
export const BAUD_SEARCH_ORDER: readonly number[] = [
  115200, 9600, 57600, 38400, 19200, 230400, 4800, 2400, 1200, 600, 300,
];

/** `prefer` first (in order, each once, only rates of the manual), then the rest of BAUD_SEARCH_ORDER. */
export function searchOrder(prefer: readonly number[] = []): readonly number[] {
  return [...new Set([...prefer.filter((b) => BAUD_SEARCH_ORDER.includes(b)), ...BAUD_SEARCH_ORDER])];
}

/** Beyond UARTFT, how long `a` may take at a rate under test: the module answers after T3 ≤ UARTFT. */
const SEARCH_ANSWER_MS = 250;

/**
 * The patient pass's wait beyond UARTFT for `a`, `+ok` and the answer to a CR: the module waits up to 3 s
 * for our `a` (manual 3.1.2, T5), so an `a` that reaches the page 2 s late still leaves ours time to arrive.
 */
const PATIENT_ANSWER_MS = 2000;

/** Tried again patiently when the quick pass found nothing: the caller's likeliest rate and the two most common. */
export function patientRates(order: readonly number[]): readonly number[] {
  return [...new Set([...order.slice(0, 1), 115200, 9600])].filter((b) => order.includes(b));
}

export interface BaudSearchHost {
  /** Closes the line and opens the port again at `baud`. */
  reopen(baud: number): Promise<Line>;
  readonly timeouts: SessionTimeouts;
  readonly uartft: number;
  progress(progress: Progress): void;
}

export interface BaudFound {
  readonly baud: number;
  /** `already`: it answered as in command mode; `entered`: it answered `+++` and is now in command mode. */
  readonly how: Exclude<EntryResult['kind'], 'silent'>;
}

export async function findBaudRate(
  host: BaudSearchHost,
  signal?: AbortSignal,
  order: readonly number[] = BAUD_SEARCH_ORDER,
): Promise<BaudFound> {
  const again = patientRates(order);
  const total = order.length + again.length;
  for (const [i, baud] of order.entries()) {
    host.progress({ done: i, total, step: `${baud}` });
    const found = await tryRate(host, baud, SEARCH_ANSWER_MS, signal);
    if (found) return found;
  }
  for (const [i, baud] of again.entries()) {
    host.progress({ done: order.length + i, total, step: `${baud}` });
    const found = await tryRate(host, baud, PATIENT_ANSWER_MS, signal);
    if (found) return found;
  }
  throw baudNotFoundError(order);
}

/** A guarded `+++` at `baud`, then a bare CR; `answerMs` beyond UARTFT for each answer. */
async function tryRate(
  host: BaudSearchHost,
  baud: number,
  answerMs: number,
  signal?: AbortSignal,
): Promise<BaudFound | undefined> {
  const line = await host.reopen(baud);
  const result = await enterCommandMode(line, host.timeouts, {
    uartft: host.uartft,
    answerBaseMs: answerMs,
    okBaseMs: Math.max(answerMs, host.timeouts.entryOkMs),
    ...(signal ? { signal } : {}),
  });
  if (result.kind !== 'silent') return { baud, how: result.kind };
  if (await crProbe(line, { ...host.timeouts, replyMs: answerMs }, signal)) return { baud, how: 'already' };
  // Exactly our `+++` back and no answer to the CR: at a wrong rate a module's bytes are never exactly
  // ours, and a command-mode module that echoes answers the CR. A loopback echoes alike at every rate.
  if (result.echo) throw loopbackError();
  return undefined;
}
