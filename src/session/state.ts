/**
 * The one state a view renders (architecture.md, "Session state"). Every state says what the module is
 * doing as far as the session knows, and `failed` says what went wrong and what to do.
 */
import type { Text } from '../protocol/types';
import type { SessionError } from './errors';

/** How operations reach the module: command mode (`+++`), or password AT in the working mode (3.1.3). */
export type Access = { readonly kind: 'command' } | { readonly kind: 'password'; readonly password: string };

export type OperationName =
  | 'detect'
  | 'find-baud'
  | 'identify'
  | 'read-all'
  | 'apply'
  | 'prove-links'
  | 'restart'
  | 'manage'
  | 'sms'
  | 'raw';

export interface Progress {
  /** Steps done and the total (commands, settings, bauds tried). */
  readonly done: number;
  readonly total: number;
  /** What is under way, e.g. `AT+SOCKA?`, `restart`, `9600`. */
  readonly step: string;
}

export type SessionState =
  | { readonly kind: 'disconnected' }
  | { readonly kind: 'opening' }
  /**
   * The port is open and the module is (believed to be) in its working mode. `confirmed` is false until the
   * module has shown it (no answer to `AT`, or after AT+ENTM/restart): right after opening, nothing is known.
   */
  | {
      readonly kind: 'working-mode';
      readonly confirmed: boolean;
      /**
       * The module restarted on its own while connected (its start message came: power cycle, RSTIM, a
       * reset by the network): it is in its working mode again and the next operation re-enters.
       */
      readonly restarted?: boolean;
    }
  | { readonly kind: 'entering'; readonly step: EntryStep }
  | { readonly kind: 'command-mode' }
  | {
      readonly kind: 'busy';
      readonly operation: OperationName;
      readonly progress: Progress;
      /** Where the module is while the operation runs. */
      readonly mode: 'command' | 'working';
    }
  | {
      readonly kind: 'failed';
      readonly error: SessionError;
      readonly advice: Text;
      /** The port is still open (retry possible) or gone (reconnect needed). */
      readonly connected: boolean;
    };

/**
 * Steps of entering command mode (manual 3.1.2, figure 27): the silence before `+++`, `+++` and the wait for
 * `a` (or an error answer: command mode already), our `a` and the wait for `+ok`.
 */
export type EntryStep = 'guard' | 'plus' | 'handshake';

export type SessionStateKind = SessionState['kind'];

/**
 * What the session learned about the device's settings, as it happened (issue "What the screen says is
 * true": one device model). `read`: the device answered a query with this value (from an operation or the
 * terminal); `set`: the device accepted this value (OK) but it was not read back, so what it holds is
 * likely but not proven; `stale`: the device's settings may all have changed (AT+RELD, AT+CLEAR, a firmware
 * update) and nothing known before can be shown as current.
 */
export type DeviceFact =
  | {
      readonly kind: 'value';
      readonly name: string;
      /** Canonical value (catalogue form). */
      readonly value: string;
      readonly at: number;
      readonly source: 'read' | 'set';
      /** Through the terminal (typed by the person) rather than an operation. */
      readonly terminal: boolean;
    }
  | { readonly kind: 'stale'; readonly at: number; readonly reason: 'reload' | 'factory' | 'update' };
