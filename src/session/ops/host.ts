/**
 * What an operation needs from the session: commands with meaning, restarts with the wait for the module
 * to come back, and progress. The session implements it over whatever line is current (a restart may
 * reopen the port at a new baud rate), so operations stay plain async functions.
 */
import type { Progress } from '../state';

/** `app`: AT+Z (fast, 3.1.7.3); `reboot`: AT+REBOOT (slow, 3.1.7.4); RELD and CLEAR reboot too. */
export type RestartKind = 'app' | 'reboot';

export interface OperationHost {
  query(name: string, signal?: AbortSignal): Promise<string>;
  /** `once`: never repeated after a timeout (a set with a side effect, AT+SMSEND). */
  set(name: string, value: string, signal?: AbortSignal, once?: boolean): Promise<void>;
  action(name: string, signal?: AbortSignal): Promise<void>;
  /**
   * Sends `command` (Z, REBOOT, RELD, CLEAR), then waits until the module answers again and brings it back
   * to the session's access mode (command mode again, or working mode for password AT). `settings` are the
   * values the module will run with after the restart, as far as they change how to talk to it (UART,
   * UARTFT, CMDPW); `unknown` when they cannot be known (RELD restores user defaults nobody has read).
   */
  restart(
    command: 'Z' | 'REBOOT' | 'RELD' | 'CLEAR',
    settings: Readonly<Record<string, string>> | 'unknown',
    signal?: AbortSignal,
  ): Promise<void>;
  /** The line has lost or garbled bytes: queries are being confirmed by a second answer. */
  lineSuspect(): boolean;
  progress(progress: Progress): void;
  now(): number;
  /** Waits `ms` on the session's clock (the device's own timing: polling a link that comes up). */
  wait(ms: number, signal?: AbortSignal): Promise<void>;
}
