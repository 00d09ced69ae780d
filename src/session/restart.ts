/**
 * A restart and the wait for the module to come back (manual 3.1.7.3–4, 3.1.7.13–14): send AT+Z / REBOOT /
 * RELD / CLEAR, take on what the module will run with (reopen at a new UART, new UARTFT and password), wait
 * until it is back, and bring it back to the session's access mode. When what it restarts with is unknown
 * (RELD) and it does not answer at the old rate, the baud rate is searched.
 *
 * "Back" is proven, never assumed: a visible start message (`\r\n<STMSG>\r\n`; a lone CR LF that some
 * firmware sends after OK is not one), or an answered probe. Firmware with no start message at all is found
 * by probing every few seconds with what cannot reach a server: a guarded `+++` (a restarting module is deaf
 * and drops it; a running one answers `a`), or in password access the password `AT` (answered, not
 * forwarded).
 */
import { sleep, type Clock } from '../clock/clock';
import { buildAction } from '../protocol/command';
import { unescapeText } from '../protocol/escape';
import { parseUartValue, sameLineSettings } from '../protocol/uart';
import type { Connection } from './connection';
import { notAnsweringError, restartTimeoutError, toSessionError } from './errors';
import type { SessionTimeouts } from './timing';

export type RestartCommand = 'Z' | 'REBOOT' | 'RELD' | 'CLEAR';

/** No start message by then: probe (a real AT+Z takes 2–5 s; the simulator's 2.5 s). */
const FIRST_PROBE_MS = 4000;
/** Between probes while the module stays silent. */
const PROBE_EVERY_MS = 3000;
/** How long a probe waits for its answer beyond the line's timing. */
const PROBE_ANSWER_MS = 300;

export interface RestartHost {
  readonly clock: Clock;
  readonly timeouts: SessionTimeouts;
  readonly connection: Connection;
  /** Password AT (true) or command mode (false). */
  passwordAccess(): boolean;
  /** The UARTFT the session times `+++` and password commands from. */
  uartft(): number;
  /** The module will run with these: the session uses them from now on. */
  adopt(settings: { readonly uartft?: number; readonly password?: string }): void;
  /** The module's mode is unknown (restarting) / it showed it is in its working mode. */
  modeUnknown(): void;
  modeWorking(): void;
  /** Command mode, with the guard ladder (session.ts). */
  enter(signal?: AbortSignal): Promise<void>;
  /** One guarded `+++` with the known UARTFT (no ladder, no CR): true when the module is in command mode now. */
  tryEnter(answerBaseMs: number, signal?: AbortSignal): Promise<boolean>;
  searchBaud(signal?: AbortSignal): Promise<void>;
}

export async function restartAndReturn(
  host: RestartHost,
  command: RestartCommand,
  settings: Readonly<Record<string, string>> | 'unknown',
  signal?: AbortSignal,
): Promise<void> {
  const { clock, timeouts, connection } = host;
  const limit = command === 'Z' ? timeouts.appRestartMs : timeouts.rebootMs;
  await sendRestart(host, command, signal);
  host.modeUnknown();
  const deadline = clock.now() + limit;

  if (settings !== 'unknown') {
    const uartft = Number(settings['UARTFT']);
    host.adopt({
      ...(Number.isFinite(uartft) && uartft > 0 ? { uartft } : {}),
      ...(settings['CMDPW'] !== undefined ? { password: unescapeText(settings['CMDPW']) } : {}),
    });
    const uart = settings['UART'] === undefined ? undefined : parseUartValue(settings['UART']);
    if (uart && !sameLineSettings(uart, connection.uart)) await connection.reopen(uart);
  }

  const back = await waitUntilBack(host, deadline, signal);
  if (back === 'entered') return;
  if (back === 'start-message') host.modeWorking();
  for (;;) {
    try {
      if (!host.passwordAccess()) await host.enter(signal);
      else if (back === 'timeout' && !(await answersAt(host, timeouts.replyMs, signal)))
        throw notAnsweringError(host.uartft());
      return;
    } catch (e) {
      const error = toSessionError(e);
      if (error.code !== 'not-answering' && error.code !== 'garbled') throw error;
      if (settings === 'unknown') {
        await host.searchBaud(signal);
        return;
      }
      if (clock.now() >= deadline) throw restartTimeoutError(limit);
      await sleep(clock, Math.min(1000, deadline - clock.now()), signal);
    }
  }
}

type Back = 'start-message' | 'entered' | 'answered' | 'timeout';

/**
 * Until the module shows it is back: its start message, or (firmware without one) an answer to a probe
 * that no server can receive. `entered`: the probe's `+++` put it in command mode already.
 */
async function waitUntilBack(host: RestartHost, deadline: number, signal?: AbortSignal): Promise<Back> {
  const { clock, connection } = host;
  const line = connection.line;
  let started = false;
  const off = line.events.on('unsolicited', (bytes) => {
    if (/\S/.test(decoder.decode(bytes))) started = true;
  });
  try {
    line.setMode({ kind: 'idle' });
    let probeAt = clock.now() + FIRST_PROBE_MS;
    while (!started) {
      const now = clock.now();
      if (now >= deadline) return 'timeout';
      const until = Math.min(deadline, probeAt);
      await waitForText(host, until - now, () => started, signal);
      if (started) break;
      if (clock.now() < probeAt) continue;
      probeAt = clock.now() + PROBE_EVERY_MS;
      if (host.passwordAccess()) {
        if (await answersAt(host, PROBE_ANSWER_MS + host.uartft(), signal)) return 'answered';
      } else if (await host.tryEnter(PROBE_ANSWER_MS, signal)) {
        return started ? 'start-message' : 'entered';
      }
    }
    return 'start-message';
  } finally {
    off();
  }
}

/** Waits up to `ms` for visible unsolicited text (the start message); `seen` tells whether it came. */
async function waitForText(
  host: RestartHost,
  ms: number,
  seen: () => boolean,
  signal?: AbortSignal,
): Promise<void> {
  if (ms <= 0 || seen()) return;
  try {
    await host.connection.line.waitFor(
      (event) => (event.type === 'unsolicited' && seen() ? { value: true } : undefined),
      ms,
      'restart',
      signal,
    );
  } catch (e) {
    const error = toSessionError(e);
    if (error.code !== 'timeout') throw error;
  }
}

const decoder = new TextDecoder();

/**
 * Sends the restart command. When its answer is lost, the module may be restarting (deaf) or may never
 * have seen the command (still answering `AT`): only then is it sent again.
 */
async function sendRestart(host: RestartHost, command: RestartCommand, signal?: AbortSignal): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await host.connection.channel.action(command, signal ? { signal } : {});
      return;
    } catch (e) {
      const error = toSessionError(e);
      if (error.code !== 'timeout' || attempt >= 3) throw error;
    }
    // Only a module still in command mode answers `AT` at once; a restarting one is deaf (nothing leaks).
    if (!(await answersAt(host, PROBE_ANSWER_MS + host.uartft(), signal))) return;
  }
}

/** `AT` the way the access mode sends it (with the password in password AT): any answer within `waitMs`. */
async function answersAt(host: RestartHost, waitMs: number, signal?: AbortSignal): Promise<boolean> {
  try {
    await host.connection.channel.send(buildAction(''), { timeoutMs: waitMs, ...(signal ? { signal } : {}) });
    return true;
  } catch (e) {
    const error = toSessionError(e);
    if (error.code === 'timeout') return false;
    throw error;
  }
}
