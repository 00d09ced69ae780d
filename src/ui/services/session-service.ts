/**
 * The session as the UI sees it: a thin adapter interface between the views and `src/session/`
 * (architecture.md, "Session state", "Apply"). Views and controllers depend on this file only, so when the
 * session's own API changes, only the adapter that implements this interface changes.
 *
 * Values are canonical (the parameter text of the set command, architecture.md "Canonical value").
 */
import type { Signal } from '../../protocol/signal';
import type { SysinfoResult } from '../../protocol/sysinfo';
import type { Text } from '../../protocol/types';
import type { UartSettings } from '../../protocol/uart';
import type { ExportLogOptions } from '../../session/traffic-log';

export type { ExportLogOptions };

/** Where the bytes go: a USB-serial adapter through Web Serial, or the built-in simulator. */
export type Transport = 'serial' | 'simulator';

export interface ConnectRequest {
  readonly transport: Transport;
  /** The host line settings, or `auto` to try the module's baud rates until it answers. */
  readonly line: UartSettings | 'auto';
  /** Web Serial only: list every port instead of the known USB-serial chips. */
  readonly showAllPorts?: boolean;
  /**
   * The values of a profile in play (being applied): its UART rate is tried early by auto-detect and its
   * UARTFT times `+++` when nothing is remembered about the device.
   */
  readonly profile?: Readonly<Record<string, string>>;
}

/** Operations that take a while and report progress. */
export type OperationName =
  | 'detect'
  | 'identify'
  | 'status'
  | 'read'
  | 'apply'
  /** The link check after an apply (`proveLinks`). */
  | 'links'
  | 'manage'
  | 'sms'
  | 'raw';

/**
 * Why something failed, as far as help goes. The port kinds are those of `serial/port-error.ts`
 * (`PortErrorKind`), so the adapter passes them through; the last three come from the session. Each kind
 * has its own help in the UI (ui/logic/problems.ts, the help dialog).
 */
export type ProblemKind =
  | 'unsupported'
  | 'insecure-context'
  | 'nothing-picked'
  | 'blocked'
  | 'port-busy'
  | 'permission-denied'
  | 'disconnected'
  | 'bad-settings'
  /** The port opened but the module did not answer at any line setting tried. */
  | 'no-answer'
  /** The module answered with an error where it should not. */
  | 'device-error'
  /**
   * Something answered, but not as a USR-LTE-7S4 does (session `not-a-7s4`): OK to everything, another
   * command's answer, only an echo. Wrong port or device, a loopback, another product.
   */
  | 'not-a-7s4'
  | 'unknown';

/** `failed {error, advice}` of architecture.md, plus the kind that picks the help page. */
export interface Problem {
  readonly kind: ProblemKind;
  readonly error: Text;
  readonly advice: Text;
  /** The underlying message (from the browser or the device), shown as is. */
  readonly detail?: string;
}

/** The session state union, as rendered (architecture.md). */
export type UiSessionState =
  | { readonly kind: 'disconnected' }
  | {
      readonly kind: 'opening';
      readonly transport: Transport;
      /** The simulated module is still powering up (its boot takes as long as a real one's). */
      readonly booting?: boolean;
    }
  | {
      readonly kind: 'working';
      readonly transport: Transport;
      readonly line: UartSettings;
      /**
       * The module restarted by itself while connected (power cycle, scheduled restart): it is back in
       * working mode, and the next operation enters command mode again.
       */
      readonly restarted?: boolean;
    }
  | { readonly kind: 'entering'; readonly transport: Transport; readonly line: UartSettings }
  | { readonly kind: 'command'; readonly transport: Transport; readonly line: UartSettings }
  | {
      readonly kind: 'busy';
      readonly transport: Transport;
      readonly line: UartSettings;
      readonly operation: OperationName;
      /** 0–1. */
      readonly progress: number;
      /** What is being done right now (e.g. the command in flight). */
      readonly step?: string;
    }
  | { readonly kind: 'failed'; readonly problem: Problem; readonly transport?: Transport };

export interface Identity {
  /** AT+VER */
  readonly version: string;
  readonly sn: string;
  readonly imei: string;
  readonly iccid: string;
}

export type LinkFlag = 'ON' | 'OFF' | 'unknown';

/** What the dashboard shows: raw reply values, decoded by protocol/signal.ts and protocol/sysinfo.ts. */
export interface DeviceStatus {
  /** The value of `+SYSINFO:` (`2,LTE`), or undefined when the module did not answer. */
  readonly sysinfo?: string;
  /** The value of `+CSQ:` (`27,99`). */
  readonly csq?: string;
  /** SOCKxLK per socket. */
  readonly links: Readonly<Record<'A' | 'B' | 'C' | 'D', LinkFlag>>;
  /** Settings read at the same time, to label the links (SOCKx, SOCKxEN, WKMOD). */
  readonly settings: Readonly<Record<string, string>>;
}

/** An error the module answered, with its meaning (protocol/at-error.ts). */
export interface DeviceError {
  readonly raw: string;
  readonly meaning: Text;
}

/** Result of one setting in an apply (architecture.md, "Apply"). */
export type SettingOutcome =
  | { readonly name: string; readonly value: string; readonly outcome: 'applied' }
  | { readonly name: string; readonly value: string; readonly outcome: 'unchanged' }
  | {
      readonly name: string;
      readonly value: string;
      readonly outcome: 'rejected';
      readonly error: DeviceError;
    }
  | { readonly name: string; readonly value: string; readonly outcome: 'not-reached' };

export type ApplyPhase = 'plan' | 'snapshot' | 'write' | 'restart' | 'confirm' | 'done';

export interface ApplyProgress {
  readonly phase: ApplyPhase;
  /** Setting being written or confirmed. */
  readonly name?: string;
  readonly done: number;
  readonly total: number;
}

export interface ApplyReport {
  readonly results: readonly SettingOutcome[];
  /** The device's values of every planned setting before the first write; restore = apply(snapshot). */
  readonly snapshot: Readonly<Record<string, string>>;
  /** The module was restarted (AT+Z) so the values take effect. */
  readonly restarted: boolean;
  /** The values read back after the restart. */
  readonly confirmed: Readonly<Record<string, string>>;
}

/**
 * Link proof after an apply (session/ops/link-proof.ts): per socket, up (and after how long) or down with
 * the likeliest reason the module lets us know. `disabled`: SOCKxEN=OFF or not NET; `on-demand`: a short
 * connection, which connects only when serial data comes.
 */
export type LinkVerdict = 'up' | 'down' | 'on-demand' | 'disabled';
/** SYSINFO no service · CSQ too weak · network fine, the server could not be reached. */
export type LinkDownReason = 'no-service' | 'weak-signal' | 'server-unreachable';

export interface SocketProof {
  readonly socket: 'A' | 'B' | 'C' | 'D';
  readonly verdict: LinkVerdict;
  /** The socket's server as set (`TCP,host,port`). */
  readonly server: string | undefined;
  /** ms from the start of the watch until SOCKxLK read ON. */
  readonly upAfterMs?: number;
  readonly reason?: LinkDownReason;
}

export interface LinkProof {
  readonly sockets: readonly SocketProof[];
  /** WKMOD as read. */
  readonly mode: string | undefined;
  /** SYSINFO and CSQ when a socket stayed down, decoded (protocol/sysinfo.ts, protocol/signal.ts). */
  readonly sysinfo?: SysinfoResult | undefined;
  readonly signal?: Signal | undefined;
  /** How long the watch ran, ms. */
  readonly watchedMs: number;
}

export interface ProveLinksOptions {
  /** How long to wait for the links (the session's default: 45 s). */
  readonly timeoutMs?: number;
  readonly pollMs?: number;
  readonly signal?: AbortSignal;
  /** `done` of `total` sockets up so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * What the session learned about the device's settings, as it happened (`src/session/state.ts`
 * `DeviceFact`, the same shape): `value` — the device answered a query with `value` (`read`), or accepted
 * a set with OK and it was not read back (`set`), through an operation or the terminal; `stale` — every
 * setting may have changed (AT+RELD, AT+CLEAR, a firmware update). `at` is the session's clock. The UI's
 * device model (ui/device-model/) is fed from these.
 */
export type DeviceFact =
  | {
      readonly kind: 'value';
      readonly name: string;
      /** Canonical value. */
      readonly value: string;
      readonly at: number;
      readonly source: 'read' | 'set';
      /** Typed by the person in the terminal, rather than an operation of the app. */
      readonly terminal: boolean;
    }
  | { readonly kind: 'stale'; readonly at: number; readonly reason: 'reload' | 'factory' | 'update' };

/** Management actions (manual 3.1.7.3, .4, .13–.15). */
export type ManageAction = 'Z' | 'REBOOT' | 'CFGTF' | 'RELD' | 'CLEAR';

/** The reply to one command: ok, or the module's error. */
export type CommandOutcome = { readonly ok: true } | { readonly ok: false; readonly error: DeviceError };

/** The lines that came back for a raw command, without echo and empty lines. */
export interface RawReply {
  readonly lines: readonly string[];
  readonly ok: boolean;
  readonly error?: DeviceError;
}

/** One entry of the traffic log: bytes as they went over the line, or a note of what the session did. */
export interface TrafficEntry {
  /** ms since the session opened. */
  readonly at: number;
  /** `tx` host → module, `rx` module → host, `note` the session's own remark (`open 115200 8N1`). */
  readonly dir: 'tx' | 'rx' | 'note';
  readonly bytes: Uint8Array;
}

export interface SessionService {
  readonly state: UiSessionState;
  /** False when `navigator.serial` is missing or the page is not a secure context. */
  readonly webSerialAvailable: boolean;
  /** Listen to state changes; returns the unsubscribe function. */
  subscribe(listener: (state: UiSessionState) => void): () => void;

  /** Opens the port and enters command mode; resolves in `command`, or rejects after `failed`. */
  connect(request: ConnectRequest): Promise<void>;
  disconnect(): Promise<void>;
  /** Back to `disconnected` from `failed` without touching anything. */
  dismissFailure(): void;

  identify(signal?: AbortSignal): Promise<Identity>;
  readStatus(signal?: AbortSignal): Promise<DeviceStatus>;
  /** Every setting, in catalogue order. */
  readAll(
    onProgress?: (done: number, total: number, name: string) => void,
    signal?: AbortSignal,
  ): Promise<Readonly<Record<string, string>>>;
  /** Writes `values` (only those that differ are sent), restarts if needed, confirms, reports per setting. */
  apply(
    values: Readonly<Record<string, string>>,
    onProgress?: (progress: ApplyProgress) => void,
    signal?: AbortSignal,
  ): Promise<ApplyReport>;
  /**
   * Watches the links after an apply (SOCKxLK of every enabled socket, for a bounded time) and says per
   * socket up or down and why, as far as the module tells (SYSINFO, CSQ).
   */
  proveLinks(options?: ProveLinksOptions): Promise<LinkProof>;
  manage(action: ManageAction, signal?: AbortSignal): Promise<CommandOutcome>;
  /** AT+SMSEND with `text` as the person wrote it (plain; the session escapes `, = ?` CR LF). */
  sendSms(number: string, text: string, signal?: AbortSignal): Promise<CommandOutcome>;
  /**
   * Sends one line as typed (CR added). With `password`, the line is sent as `<password><line>` without
   * entering command mode (manual 3.1.3).
   */
  sendRaw(line: string, options?: { readonly password?: string }): Promise<RawReply>;
  /**
   * Raw mode: `bytes` go to the module now, exactly as given (no CR added, no `+++` guard). Afterwards the
   * module's mode is unknown: the next operation finds it again with a guarded `+++`.
   */
  writeRaw(bytes: Uint8Array): Promise<void>;
  /**
   * Reopens the port with `line` and sends nothing: the next module is expected at that rate (a batch whose
   * profile changes UART). The state becomes working, not confirmed; a start message is recognised.
   */
  listenAt(line: UartSettings): Promise<void>;

  traffic(): readonly TrafficEntry[];
  onTraffic(listener: (entry: TrafficEntry) => void): () => void;
  /**
   * Every value the session learns about the device's settings (operations, terminal queries and sets,
   * password AT), across connects; returns the unsubscribe function.
   */
  onFact(listener: (fact: DeviceFact) => void): () => void;
  /** The traffic log as the session exports it (JSON lines, replayable). */
  /** The traffic log as a file (JSON lines); secrets withheld unless `includeSecrets`. */
  exportLog(options?: ExportLogOptions): string;
}
