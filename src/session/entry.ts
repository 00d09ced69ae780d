/**
 * Finding out whether the module is in command mode, and getting it there (manual 3.1.2, figure 27), without
 * ever sending a byte the customer's server could receive (module-behaviour.md, "Entering and leaving
 * command mode", item 6). In a working mode every byte that is not a well-guarded `+++` goes to the server,
 * so the state is detected with the guarded `+++` itself:
 *
 * 1. Guard: nothing sent for longer than UARTFT (T1) plus a margin, measured from when our last byte left the
 *    wire, and nothing received from the module for as long before we began (a module that just changed mode
 *    or booted times its silence from then). Bytes that arrive after we began — the network answering as data
 *    — do not postpone `+++`: the module does not count them.
 * 2. `+++` in one write (T2 < UARTFT between the bytes).
 *    - Working mode: the module answers `a` after T3 (< UARTFT on the 7S4; exactly UARTFT on G786/G809
 *      firmware, so the wait scales with UARTFT).
 *    - Command mode (a host that crashed earlier left it there): `+++` is not an AT command and the module
 *      answers `+ERR:1` — or, on some firmware, nothing until a CR.
 * 3. After `a`, our `a` at once (T5 < 3 s), then `+ok` (with or without CR LF; UARTFT late on G786 firmware).
 *
 * Silence after `+++` is either a command-mode module that waits for a CR, or a working-mode module whose
 * UARTFT is longer than our guard (then `+++` went to the server as data). The caller tells them apart:
 * a longer guard first, a bare CR (`crProbe`) only when a working mode is ruled out.
 */
import { parseErrorLine } from '../protocol/at-error';
import type { AssembledReply } from '../protocol/reply-parser';
import { buildAction } from '../protocol/command';
import { lineBusyError, toSessionError } from './errors';
import { exchange } from './exchange';
import type { Line } from './line';
import type { EntryStep } from './state';
import { GUARD_MARGIN_MS, guardMs, UNANSWERED_WRITE_MS, type SessionTimeouts } from './timing';

export type EntryResult =
  /** `+ok` came: the module is in temporary command mode. */
  | { readonly kind: 'entered' }
  /** It answered `+++` (or a CR) with an error line: it was in command mode already. */
  | { readonly kind: 'already' }
  /**
   * No `a`: `+++` was taken as data, or nobody listens. `noise`: bytes came that were no answer; `echo`:
   * what came was exactly our `+++` (a loopback, a terminal with echo — or a command-mode module with echo
   * on that waits for a CR).
   */
  | { readonly kind: 'silent'; readonly noise: boolean; readonly echo?: boolean };

export interface EntryOptions {
  /** The guard is timed from this UARTFT (the known value, or a rung of the ladder). */
  readonly uartft: number;
  readonly signal?: AbortSignal;
  readonly onStep?: (step: EntryStep) => void;
  /**
   * The wait for `a` beyond UARTFT (default `timeouts.entryAMs`). Shorter when the module is believed in
   * command mode, where it answers `+++` with an error at once, or during a baud search.
   */
  readonly answerBaseMs?: number;
  /** The wait for `+ok` beyond UARTFT (default `timeouts.entryOkMs`); longer on a patient baud search. */
  readonly okBaseMs?: number;
  /**
   * After `+++` got no `a` in time, keep listening until the module must have given up waiting for ours
   * (T5) — see `lateA`. Off where `+++` is a probe of a rate or a restart, where nothing follows at once.
   */
  readonly awaitLateA?: boolean;
}

const decoder = new TextDecoder();

/** Silence around the module's `a` that tells it from an `a` in streamed data (plus 4 characters' time). */
const A_QUIET_MS = 15;

/** Bytes received this recently before `+++` mean the server is streaming to the serial side. */
const STREAMING_WITHIN_MS = 200;

/** What a module may still have queued for the serial side when `+++` arrives (simulator: 10 KB). */
const MODULE_SERIAL_BUFFER = 10 * 1024;

/** How long the module waits for the host's `a` after its own (manual 3.1.2, T5 < 3 s). */
const T5_MS = 3000;
const LOWER_A = 0x61;

/**
 * Where the module's silence starts, as far as we can prove: our last byte left the wire (plus the time an
 * unanswered write may still spend in the browser's write path), or the module's last byte to us.
 */
export function silenceFrom(line: Line): number {
  const tx = line.lastTxEnd + (line.unansweredTail ? UNANSWERED_WRITE_MS : 0);
  return Math.max(tx, line.lastRxAt);
}

/** How long the module may take to answer `+++` with `a`, or our `a` with `+ok`: T3/T4/T6 ≤ UARTFT. */
export function entryAnswerMs(line: Line, base: number, uartft: number, chars: number): number {
  return base + uartft + line.wireMs(chars);
}

export async function enterCommandMode(
  line: Line,
  timeouts: SessionTimeouts,
  options: EntryOptions,
): Promise<EntryResult> {
  const { uartft, signal } = options;
  options.onStep?.('guard');
  await line.waitUntil(silenceFrom(line) + guardMs(uartft), signal);

  options.onStep?.('plus');
  // While the server streams to the serial side, the module's `a` queues behind what it still has to send
  // (a serial buffer of up to 10 KB). On a saturated line that queue may be full: when draining it takes
  // longer than the 3 s (T5) the module waits for our `a`, +++ cannot succeed and would go to the server.
  const streaming = line.clock.now() - line.lastRxAt < STREAMING_WITHIN_MS;
  const saturated = line.rxBytesWithin(1000) >= 0.9 * (1000 / line.charMs);
  const fullDrain = line.wireMs(MODULE_SERIAL_BUFFER);
  if (saturated && fullDrain > T5_MS - uartft) throw lineBusyError(line.uart.baud);
  const drain = streaming ? Math.min(fullDrain, T5_MS) : 0;
  const aMs = entryAnswerMs(line, options.answerBaseMs ?? timeouts.entryAMs, uartft, 3 + 1) + drain;
  const plusAt = line.clock.now();
  let first = await plusPlusPlus(line, aMs, signal);
  // Bytes that came after `+++` (an echo, noise) show the read path is not held up: no `a` is on its way.
  if (first.kind === 'silent' && !first.noise && options.awaitLateA)
    first = await lateA(line, first, plusAt, uartft, signal);
  if (first.kind === 'command') return { kind: 'already' };
  if (first.kind === 'silent') return first;

  options.onStep?.('handshake');
  // The parser is past `a` and waits for `+ok` now; setting its mode again would make it wait for an `a`.
  // The module answers our `a` at once, so `+ok` can only be late (a stalled browser), not skipped: it gets
  // lateAnswerMs on top. Giving up early would send a CR probe or the next rate's bytes to a module that is
  // in command mode already, and a baud search would move away from the right rate.
  const ok = waitEntryOk(
    line,
    entryAnswerMs(line, options.okBaseMs ?? timeouts.entryOkMs, uartft, 1 + 5) + timeouts.lateAnswerMs,
    signal,
  );
  await line.write('a');
  const answered = await ok;
  line.setMode({ kind: 'idle' });
  return answered ? { kind: 'entered' } : { kind: 'silent', noise: true };
}

/**
 * A bare CR, for a module that is known not to be in a working mode it could forward it from (a longer
 * guard got no `a` either, or the session knew it in command mode): a command-mode module answers with an
 * error line (the `+++` it was holding, or an empty line) or OK. Undefined when nothing readable came.
 */
export async function crProbe(
  line: Line,
  timeouts: SessionTimeouts,
  signal?: AbortSignal,
): Promise<AssembledReply | undefined> {
  try {
    // The CR ends the line at once, also on firmware that frames its input by UARTFT: no UARTFT to wait.
    return await exchange(line, '', timeouts, {
      timeoutMs: timeouts.replyMs + line.wireMs(1 + 12),
      ...(signal ? { signal } : {}),
    });
  } catch (e) {
    const error = toSessionError(e);
    if (error.code === 'timeout') return undefined;
    throw error;
  }
}

type PlusResult =
  | { readonly kind: 'a' }
  | { readonly kind: 'command' }
  | { readonly kind: 'silent'; readonly noise: boolean; readonly echo: boolean };

/**
 * `+++` and the wait for `a`; an OK/error line among the bytes means command mode.
 *
 * While the server streams data to the serial side, an `a` can end a chunk of that data. The module's own
 * `a` is followed by silence (it forwards nothing while switching, and waits up to 3 s for ours), so an `a`
 * that came right after other bytes is taken only once the line has stayed quiet for a moment; more bytes
 * mean it was data, and the wait goes on. An `a` on a quiet line is taken at once.
 */
async function plusPlusPlus(line: Line, waitMs: number, signal?: AbortSignal): Promise<PlusResult> {
  line.setMode({ kind: 'entry' });
  let seen = '';
  let lastDataAt = -Infinity;
  let candidate = false;
  const quietBefore = A_QUIET_MS + line.wireMs(4);
  const answer = line.waitFor<PlusResult>(
    (event) => {
      const now = line.clock.now();
      if (event.type === 'entry-a') {
        if (now - lastDataAt >= quietBefore) {
          line.confirmReceipt();
          return { value: { kind: 'a' } };
        }
        candidate = true;
        return undefined;
      }
      if (event.type !== 'unsolicited') return undefined;
      lastDataAt = now;
      seen += decoder.decode(event.bytes, { stream: true });
      if (candidate && event.bytes[event.bytes.length - 1] !== LOWER_A) {
        // More bytes after the `a`: it was the server's data. Wait for the module's own.
        candidate = false;
        line.setMode({ kind: 'entry' });
      }
      // Still a candidate when these bytes end in `a` too (the module's `a` right behind the data): the
      // parser waits for `+ok` already, and the silence decides.
      if (!looksLikeAnswer(seen.slice(-256))) return undefined;
      line.confirmReceipt();
      return { value: { kind: 'command' } };
    },
    waitMs,
    '+++',
    signal,
    {
      ms: A_QUIET_MS + line.wireMs(4),
      ready: () => candidate,
      value: () => {
        line.confirmReceipt();
        return { kind: 'a' };
      },
    },
  );
  await line.write('+++');
  try {
    return await answer;
  } catch (e) {
    const error = toSessionError(e);
    if (error.code !== 'timeout') throw error;
    line.setMode({ kind: 'idle' });
    return { kind: 'silent', noise: seen.trim().length > 0, echo: seen === '+++' };
  }
}

/**
 * `+++` got no `a` within its wait. A browser stalled on a busy laptop may be holding the module's `a`: the
 * module then waits T5 (3 s, counted from its `a`, which it sends at most UARTFT after `+++`) for ours, and
 * takes any other byte — the next rung's `+++`, a CR probe — as data for the server. So nothing is sent
 * until that time has passed. An `a` that turns up early enough for ours to arrive in time (our write may
 * spend UNANSWERED_WRITE_MS in the browser) is answered; a later one is let go, and the module is back in its
 * working mode when the wait ends.
 */
async function lateA(
  line: Line,
  silent: PlusResult & { kind: 'silent' },
  plusAt: number,
  uartft: number,
  signal?: AbortSignal,
): Promise<PlusResult> {
  const answerBy = plusAt + T5_MS - UNANSWERED_WRITE_MS;
  const givenUpBy = plusAt + uartft + T5_MS + GUARD_MARGIN_MS;
  line.setMode({ kind: 'entry' });
  try {
    const inTime = await line.waitFor(
      (event) => (event.type === 'entry-a' ? { value: line.clock.now() <= answerBy } : undefined),
      givenUpBy - line.clock.now(),
      '+++',
      signal,
    );
    if (inTime) {
      line.confirmReceipt();
      return { kind: 'a' };
    }
    await line.waitUntil(givenUpBy, signal);
    line.setMode({ kind: 'idle' });
    return silent;
  } catch (e) {
    const error = toSessionError(e);
    if (error.code !== 'timeout') throw error;
    line.setMode({ kind: 'idle' });
    return silent;
  }
}

/** True when `text` holds a whole OK or error answer line. */
function looksLikeAnswer(text: string): boolean {
  return text
    .split(/\r\n|\r|\n/)
    .some(
      (l, i, all) => i < all.length - 1 && (/^\+?OK$/i.test(l.trim()) || parseErrorLine(l) !== undefined),
    );
}

function waitEntryOk(line: Line, waitMs: number, signal?: AbortSignal): Promise<boolean> {
  return line
    .waitFor(
      (event) => {
        if (event.type !== 'entry-ok') return undefined;
        line.confirmReceipt();
        return { value: true };
      },
      waitMs,
      '+ok',
      signal,
    )
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
  // Never sent twice: once the module has left command mode, a second AT+ENTM would reach the server as
  // data. So its OK gets the time a stalled browser may take to hand it over (lateAnswerMs) at once.
  return exchange(line, buildAction('ENTM'), timeouts, {
    extraMs: timeouts.lateAnswerMs,
    ...(signal ? { signal } : {}),
  });
}
