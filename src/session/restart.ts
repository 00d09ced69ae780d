/**
 * A restart and the wait for the module to come back (manual 3.1.7.3–4, 3.1.7.13–14): send AT+Z / REBOOT /
 * RELD / CLEAR, take on what the module will run with (reopen at a new UART, new UARTFT and password), wait
 * for its first byte — it is deaf while restarting, then prints its start message — and bring it back to
 * the session's access mode. When what it restarts with is unknown (RELD) and it does not answer at the old
 * rate, the baud rate is searched.
 */
import { sleep, type Clock } from '../clock/clock';
import { buildAction } from '../protocol/command';
import { unescapeText } from '../protocol/escape';
import { parseUartValue, sameLineSettings } from '../protocol/uart';
import type { Connection } from './connection';
import { probeWaitMs } from './entry';
import { notAnsweringError, restartTimeoutError, toSessionError } from './errors';
import type { SessionTimeouts } from './timing';

export type RestartCommand = 'Z' | 'REBOOT' | 'RELD' | 'CLEAR';

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

  const back = await waitForStart(host, deadline, signal);
  if (back) host.modeWorking();
  for (;;) {
    try {
      if (!host.passwordAccess()) await host.enter(signal);
      else if (!back && !(await answersAt(host, timeouts.replyMs, signal)))
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
    if (!(await answersAt(host, probeWaitMs(host.connection.line, host.uartft()), signal))) return;
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

/** True at the first byte from the module (its start message), false at the deadline. */
async function waitForStart(host: RestartHost, deadline: number, signal?: AbortSignal): Promise<boolean> {
  const line = host.connection.line;
  line.setMode({ kind: 'idle' });
  try {
    await line.waitFor(
      (event) => (event.type === 'unsolicited' ? { value: true } : undefined),
      Math.max(0, deadline - host.clock.now()),
      'restart',
      signal,
    );
    return true;
  } catch (e) {
    const error = toSessionError(e);
    if (error.code === 'timeout') return false;
    throw error;
  }
}
