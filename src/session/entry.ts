/**
 * Finding out whether the module is in command mode, and getting it there (manual 3.1.2, figure 27):
 *
 * 1. `AT\r` first: in command mode the module answers at once and we are done (a host that crashed
 *    earlier leaves it there). In a working mode `AT\r` is data and gets no answer — and because `+++` needs
 *    UARTFT of silence after our last byte anyway, waiting for that answer costs nothing extra.
 * 2. Guard: nothing sent for longer than UARTFT (T1), measured from when our last byte left the wire, and
 *    nothing received from the module for as long before we began (its last answer, its start message: a
 *    module that just changed mode or booted times its silence from then). Bytes that arrive after we began
 *    — the network answering our `AT\r` as data — do not postpone `+++`: the module does not count them.
 * 3. `+++` in one write (T2 < UARTFT between the bytes), then the module's `a`.
 * 4. Our `a` at once (T5 < 3 s), then `+ok` (with or without CR LF).
 *
 * A late `OK`/`ERR` seen while waiting for `a` means the module was in command mode after all (a slow
 * answer to step 1): `+++` then sits in its line buffer, and one more `AT\r` clears it.
 */
import { parseErrorLine } from '../protocol/at-error';
import type { AssembledReply } from '../protocol/reply-parser';
import { buildAction } from '../protocol/command';
import { toSessionError } from './errors';
import { exchange } from './exchange';
import type { Line } from './line';
import type { EntryStep } from './state';
import { guardMs, type SessionTimeouts } from './timing';

export type EntryResult =
  /** `+ok` came: the module is in temporary command mode. */
  | { readonly kind: 'entered' }
  /** It answered `AT`: it was in command mode already. */
  | { readonly kind: 'already' }
  /** No `a`: `+++` was taken as data, or nobody listens. `noise`: bytes came that were no answer. */
  | { readonly kind: 'silent'; readonly noise: boolean };

export interface EntryOptions {
  readonly uartft: number;
  readonly signal?: AbortSignal;
  readonly onStep?: (step: EntryStep) => void;
  /** Override of the wait for `a`, T3 included (baud search uses a shorter one). */
  readonly entryAMs?: number;
}

const AT = buildAction('');
const decoder = new TextDecoder();

/**
 * Sends `AT\r` and waits up to `waitMs` for any well-formed answer (OK, or an error answer, which also
 * proves command mode). Undefined when nothing readable came.
 */
export async function probeAt(
  line: Line,
  timeouts: SessionTimeouts,
  waitMs: number,
  signal?: AbortSignal,
): Promise<AssembledReply | undefined> {
  try {
    return await exchange(line, AT, timeouts, { timeoutMs: waitMs, ...(signal ? { signal } : {}) });
  } catch (e) {
    const error = toSessionError(e);
    if (error.code === 'timeout') return undefined;
    throw error;
  }
}

/** How long to wait for an `AT` answer: its wire time plus a little, and never less than the guard. */
export function probeWaitMs(line: Line, uartft: number): number {
  // `AT\r` out, `AT\r\n` echo + `\r\nOK\r\n` back; 20 ms for a real module to think.
  return Math.max(guardMs(uartft), line.wireMs(3 + 4 + 6) + 20);
}

export async function enterCommandMode(
  line: Line,
  timeouts: SessionTimeouts,
  options: EntryOptions,
): Promise<EntryResult> {
  const { uartft, signal } = options;
  const rxBefore = line.lastRxAt;
  options.onStep?.('detect');
  if (await probeAt(line, timeouts, probeWaitMs(line, uartft), signal)) return { kind: 'already' };

  options.onStep?.('guard');
  const guard = guardMs(uartft);
  await line.waitUntil(Math.max(line.lastTxEnd, rxBefore) + guard, signal);

  options.onStep?.('plus');
  // The module answers `a` only after T3 (< UARTFT) of silence after the third `+`.
  const first = await plusPlusPlus(line, options.entryAMs ?? timeouts.entryAMs + uartft, signal);
  if (first.kind === 'command') {
    // A slow module: give its answer to this `AT` (after the `+++` in its buffer: ERR1) full time, so it
    // cannot arrive late and be taken for the next command's answer.
    await probeAt(line, timeouts, timeouts.replyMs + line.wireMs(3 + 3 + 12), signal);
    return { kind: 'already' };
  }
  if (first.kind === 'silent') return first;

  options.onStep?.('handshake');
  // The parser is past `a` and waits for `+ok` now; setting its mode again would make it wait for an `a`.
  const ok = waitEntryOk(line, timeouts.entryOkMs + line.wireMs(1 + 5), signal);
  await line.write('a');
  const answered = await ok;
  line.setMode({ kind: 'idle' });
  return answered ? { kind: 'entered' } : { kind: 'silent', noise: true };
}

type PlusResult =
  | { readonly kind: 'a' }
  | { readonly kind: 'command' }
  | { readonly kind: 'silent'; readonly noise: boolean };

/** `+++` and the wait for `a`; a late OK/ERR among the bytes means command mode. */
async function plusPlusPlus(line: Line, waitMs: number, signal?: AbortSignal): Promise<PlusResult> {
  line.setMode({ kind: 'entry' });
  let seen = '';
  const answer = line.waitFor<PlusResult>(
    (event) => {
      if (event.type === 'entry-a') return { value: { kind: 'a' } };
      if (event.type !== 'unsolicited') return undefined;
      seen += decoder.decode(event.bytes);
      return looksLikeAnswer(seen) ? { value: { kind: 'command' } } : undefined;
    },
    waitMs + line.wireMs(3 + 1),
    '+++',
    signal,
  );
  await line.write('+++');
  try {
    return await answer;
  } catch (e) {
    const error = toSessionError(e);
    if (error.code !== 'timeout') throw error;
    line.setMode({ kind: 'idle' });
    return { kind: 'silent', noise: seen.length > 0 };
  }
}

/** True when `text` holds a whole OK or error answer line. */
function looksLikeAnswer(text: string): boolean {
  return text
    .split(/\r\n|\r|\n/)
    .some((l, i, all) => i < all.length - 1 && (l.trim() === 'OK' || parseErrorLine(l) !== undefined));
}

function waitEntryOk(line: Line, waitMs: number, signal?: AbortSignal): Promise<boolean> {
  return line
    .waitFor((event) => (event.type === 'entry-ok' ? { value: true } : undefined), waitMs, '+ok', signal)
    .catch((e: unknown) => {
      const error = toSessionError(e);
      if (error.code === 'timeout') return false;
      throw error;
    });
}

/** AT+ENTM: back to the working mode (3.1.7.6). */
export async function leaveCommandMode(
  line: Line,
  timeouts: SessionTimeouts,
  signal?: AbortSignal,
): Promise<AssembledReply> {
  return exchange(line, buildAction('ENTM'), timeouts, signal ? { signal } : {});
}
