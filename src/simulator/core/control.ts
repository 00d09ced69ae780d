/**
 * The one typed control API of the simulator (architecture.md, "Simulator control"): commands that drive
 * the module and its virtual world, and events that report what happens. Everything here is plain data
 * (strings, numbers, booleans, arrays, plain objects, Uint8Array), so both can go through `postMessage`
 * (the worker host) or be serialised (the Node TCP host) unchanged.
 */
import type { UartSettings } from '../../protocol/uart';
import type { PlusAttempt } from './plus-attempt';

export type SocketId = 'A' | 'B' | 'C' | 'D';
export const SOCKET_IDS: readonly SocketId[] = ['A', 'B', 'C', 'D'];

/**
 * What a packet on a socket is: user data, a registration packet (REGSND=LINK), a heartbeat, or the answer
 * to a password AT command that arrived on that socket (3.1.4).
 */
export type PacketTag = 'data' | 'registration' | 'heartbeat' | 'at-reply';

/** How a socket's virtual server treats the module: echo back, accept and stay quiet, refuse connections. */
export type ServerBehaviour = 'echo' | 'silent' | 'refuse';

export type NetworkType = 'none' | '2G' | '3G' | '4G';

/** What a virtual server's stream sends: numbered lines of ASCII text, or a byte counter 00…FF. */
export type StreamPattern = 'text' | 'binary';

/** A virtual server's stream to the module (`server-stream`). */
export interface ServerStreamState {
  /** Bytes per second the server sends; 0 = not streaming. */
  readonly bytesPerSecond: number;
  readonly pattern: StreamPattern;
}

/**
 * A device that does not behave like a USR-LTE-7S4 (docs/simulator.md, "Broken devices"), for the session's
 * "not a 7S4" checks and the trainer:
 * - `spam-ok`: answers `OK` to every line and to `+++` (no echo, no other answer);
 * - `wrong-reply`: a 7S4 that answers each query with another command's reply (`AT+VER?` → `+SN:…`);
 * - `echo-only`: sends back every byte it receives and answers nothing (a loopback adapter).
 */
export type BrokenBehaviour = 'spam-ok' | 'wrong-reply' | 'echo-only';
export const BROKEN_BEHAVIOURS: readonly BrokenBehaviour[] = ['spam-ok', 'wrong-reply', 'echo-only'];

/** The virtual radio: which network the module can attach to and the signal level in dBm. */
export interface RadioState {
  readonly network: NetworkType;
  /** Received signal strength, dBm (e.g. -70). */
  readonly rssi: number;
}

/**
 * State of one socket's link.
 * - `disabled`: SOCKxEN=OFF, or the working mode is not NET;
 * - `no-network`: enabled, waiting for the radio to attach;
 * - `idle`: short connection (SOCKxSL=SHORT) waiting for serial data;
 * - `connecting`: DNS and connection under way;
 * - `connected`: LINKA/LINKB high for A/B; data flows;
 * - `waiting`: refused, dropped or unknown address; reconnects after SOCKxTO seconds.
 */
export type LinkState = 'disabled' | 'no-network' | 'idle' | 'connecting' | 'connected' | 'waiting';

/** LEDs and LINK pins (2.3.7). `net`: blinks per second (2/3/4 on 2G/3G/4G), 0 = off. */
export interface LedState {
  readonly pwr: boolean;
  readonly work: boolean;
  readonly net: 0 | 2 | 3 | 4;
  readonly linkA: boolean;
  readonly linkB: boolean;
}

/**
 * Where the module is:
 * - `off`: no power; `booting`: power-on or AT+REBOOT, deaf; `restarting`: AT+Z application restart, deaf;
 * - `net` / `httpd`: the working modes (WKMOD);
 * - `entering`: `+++` seen, `a` sent, waiting up to 3 s for the host's `a`;
 * - `command`: temporary command mode.
 */
export type ModuleMode = 'off' | 'booting' | 'restarting' | 'net' | 'httpd' | 'entering' | 'command';

export type RestartKind = 'power' | 'reboot' | 'app';

/** The HTTP server's answer to every request (HTTPD mode, 2.1.2). */
export interface HttpResponseSpec {
  readonly status: number;
  readonly reason?: string;
  readonly headers?: readonly (readonly [string, string])[];
  readonly body: string | Uint8Array;
  /** Server think time before answering, ms. */
  readonly delayMs?: number;
  /** Never answer (the module's HTPTO runs out). */
  readonly noReply?: boolean;
}

export interface HttpRequestRecord {
  readonly at: number;
  readonly method: string;
  /** Request target as sent (path + query). */
  readonly target: string;
  readonly host: string;
  readonly port: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Uint8Array;
  /** The whole request as it went over the network. */
  readonly raw: Uint8Array;
}

export interface SmsRecord {
  readonly at: number;
  /** Phone number of the other side. */
  readonly peer: string;
  readonly text: string;
}

/** Commands: the UI, tests, the worker and TCP hosts drive the simulation with these. */
export type SimCommand =
  /** Bytes the host writes to the serial port, with the settings the host's port was opened with. */
  | { readonly type: 'serial-write'; readonly bytes: Uint8Array; readonly line: UartSettings }
  /** The host opened (settings) or closed (null) its port; output is garbled when they differ from the UART. */
  | { readonly type: 'serial-line'; readonly line: UartSettings | null }
  /** The socket's virtual server sends bytes to the module (dropped when not connected). */
  | { readonly type: 'server-send'; readonly socket: SocketId; readonly bytes: Uint8Array }
  | { readonly type: 'set-server-behaviour'; readonly socket: SocketId; readonly behaviour: ServerBehaviour }
  /** The server closes the socket's connection (the module reconnects after SOCKxTO). */
  | { readonly type: 'drop-link'; readonly socket: SocketId }
  | { readonly type: 'set-radio'; readonly network: NetworkType; readonly rssi: number }
  /** Power off, then on again after `offMs` (default 1000). */
  | { readonly type: 'power-cycle'; readonly offMs?: number }
  | { readonly type: 'set-power'; readonly on: boolean }
  /** Hold the Reload pin low for `ms`; 3–15 s restores factory settings (2.3.8). */
  | { readonly type: 'press-reload'; readonly ms: number }
  /** Everything back to the demo's start: factory settings, identity, world; then power on. */
  | { readonly type: 'reset-demo' }
  /** The virtual phone sends an SMS to the module. */
  | { readonly type: 'phone-send'; readonly text: string }
  | { readonly type: 'set-http-response'; readonly response: HttpResponseSpec }
  /** Host names that do not resolve (besides `*.invalid`, which never does). */
  | { readonly type: 'set-unknown-hosts'; readonly hosts: readonly string[] }
  /** Asks for a `snapshot` event. */
  | { readonly type: 'get-snapshot' }
  /**
   * Which firmware variant the module runs (core/variants.ts): preset and switch names, combined left to
   * right; `[]` = as the manual says. Takes effect at once; answered by a `firmware` event (with `error`
   * and no change when a name is unknown).
   */
  | { readonly type: 'set-firmware'; readonly selection: readonly string[] }
  /**
   * The socket's virtual server streams to the module at `bytesPerSecond` (0 stops it), as a server pushing
   * data to a DTU does. The module forwards it to the serial side at the line rate in the working mode;
   * beyond its serial buffer (`SERIAL_TX_BUFFER_BYTES`) data is dropped and counted (`serial-drop`).
   * Answered by a `server-stream` event.
   */
  | {
      readonly type: 'server-stream';
      readonly socket: SocketId;
      readonly bytesPerSecond: number;
      readonly pattern?: StreamPattern;
    }
  /**
   * Trainer's faults (docs/simulator.md, "Faults"), each answered by a `faults` event (a slow server is
   * `set-server-timing`'s `echoDelayMs`):
   * - `set-line-noise`: each byte on the serial line, either way, is hit by noise with probability `rate`
   *   (0–0.5; 0 = a clean line): a bit flipped, now and then the byte lost;
   * - `set-wrong-baud`: the module's UART runs at `baud` without telling anyone (AT+UART? still answers the
   *   stored rate; over restarts too), so the host's port no longer matches; null = the stored rate again.
   */
  | { readonly type: 'set-line-noise'; readonly rate: number }
  | { readonly type: 'set-wrong-baud'; readonly baud: number | null }
  /** Makes the module a device that does not behave like a 7S4 (null: a 7S4 again). Answered by `broken`. */
  | { readonly type: 'set-broken'; readonly behaviour: BrokenBehaviour | null }
  /**
   * Another module on the same cable: power off, the new module's flash (its stored settings over the
   * factory ones, user defaults = those settings, its identity over the first one), power on after `offMs`
   * (default 1000). The world (servers, radio, phone) stays. For a batch station's next unit and for
   * replaying a customer's module. Answered by `module-swapped` (settings refused by the catalogue listed).
   * `running`: after `offMs` the new module is already booted and attached (as a host's `startRunning`), as a
   * customer's module was, running for a while, when a support bundle's log began (no 18 s boot).
   */
  | {
      readonly type: 'swap-module';
      readonly stored?: Readonly<Record<string, string>>;
      readonly identity?: Partial<ModuleIdentity>;
      readonly offMs?: number;
      readonly running?: boolean;
    }
  /**
   * How the socket's virtual server times its side: it closes a connection on which nothing arrived from
   * the module for `idleCloseSeconds` (0: never), and echoes `echoDelayMs` after the data arrived (0: at
   * once). Bad numbers are read as 0. For exercises: a server that drops idle links, a slow server.
   */
  | {
      readonly type: 'set-server-timing';
      readonly socket: SocketId;
      readonly idleCloseSeconds: number;
      readonly echoDelayMs: number;
    }
  /**
   * Everything starts again from `state` (a classroom exercise's start): world and flash as new, then the
   * given settings over the factory ones (user defaults too), firmware, radio, servers and unknown names;
   * the module runs at once, already booted and attached (no 18 s boot). A state with a bad part changes
   * nothing. Answered by `state-loaded`.
   */
  | { readonly type: 'load-state'; readonly state: SimStartState };

/** Per socket: the virtual server's timing (`set-server-timing`). */
export interface ServerTiming {
  readonly idleCloseSeconds: number;
  readonly echoDelayMs: number;
}

/**
 * A module and world to start from (`load-state`). Every part is optional; what is left out is as at the
 * demo's start. Settings are catalogue names with values as the set command takes them.
 */
export interface SimStartState {
  readonly settings?: Readonly<Record<string, string>>;
  /** Firmware variant selection (core/variants.ts); absent: the module keeps its firmware. */
  readonly firmware?: readonly string[];
  readonly radio?: RadioState;
  readonly behaviours?: Readonly<Partial<Record<SocketId, ServerBehaviour>>>;
  readonly serverTiming?: Readonly<Partial<Record<SocketId, Partial<ServerTiming>>>>;
  /** Host names that do not resolve (besides `*.invalid`). */
  readonly unknownHosts?: readonly string[];
}

/** The trainer's faults in force (all off: delays 0, noise 0, `wrongBaud` null). */
export interface SimFaults {
  /** How late each socket's virtual server echoes, ms (`set-server-timing`'s `echoDelayMs`). */
  readonly serverDelayMs: Readonly<Record<SocketId, number>>;
  /** Probability that a byte on the serial line is hit by noise (0–0.5). */
  readonly lineNoise: number;
  /** The rate the module's UART really runs at, unknown to the host; null = as stored (AT+UART). */
  readonly wrongBaud: number | null;
}

/** A picture of the whole simulation, for a UI that connects late. */
export interface SimSnapshot {
  readonly at: number;
  readonly mode: ModuleMode;
  readonly leds: LedState;
  readonly links: Readonly<Record<SocketId, LinkState>>;
  readonly behaviours: Readonly<Record<SocketId, ServerBehaviour>>;
  readonly radio: RadioState;
  /** Serial settings the module is running with (may differ from the stored AT+UART after RFC2217). */
  readonly uart: UartSettings;
  /** Stored settings (what queries return), canonical values. */
  readonly stored: Readonly<Record<string, string>>;
  /** Settings in force since the last start. */
  readonly running: Readonly<Record<string, string>>;
  readonly identity: ModuleIdentity;
  /** Bytes waiting in each socket's 10 KB cache, and bytes dropped from it since start. */
  readonly cache: Readonly<Record<SocketId, { readonly bytes: number; readonly dropped: number }>>;
  /** The firmware variant's selection (preset names, core/variants.ts); `[]` = as the manual says. */
  readonly firmware: readonly string[];
  /** Each virtual server's stream (`bytesPerSecond` 0: none). */
  readonly streams?: Readonly<Record<SocketId, ServerStreamState>>;
  /** The device is not a 7S4 (`set-broken`); absent or null: a 7S4. */
  readonly broken?: BrokenBehaviour | null;
  /** Network data dropped because the serial side could not take it (since the module was created). */
  readonly serialDropped?: number;
  /**
   * Processing delays (firmware variant `processing`) applied to serial-side commands since the module was
   * created, ms: the module's own share of a command's time, for benchmarks that compare with a minimum.
   */
  readonly processingMs?: number;
  /** The trainer's faults in force (slow servers, `set-line-noise`, `set-wrong-baud`). */
  readonly faults?: SimFaults;
}

export interface ModuleIdentity {
  /** Firmware version (AT+VER). */
  readonly version: string;
  readonly sn: string;
  readonly iccid: string;
  readonly imei: string;
  /** The SIM's phone number (SMS sender). */
  readonly phone: string;
}

/** Events: everything observable, in the order it happened; `at` is clock time in ms. */
export type SimEvent =
  /**
   * Bytes the module put out on its serial side, as the host receives them. `end`: nothing more is queued
   * behind them — the module's write (an AT answer, a network packet, the start message) is complete, so a
   * log groups chunks up to `end` and never splits a line that the wire delivered in pieces.
   */
  | { readonly type: 'serial-out'; readonly at: number; readonly bytes: Uint8Array; readonly end?: boolean }
  /** One write of the host to the serial port (as the host sent it, before the line's garbling). */
  | { readonly type: 'serial-in'; readonly at: number; readonly bytes: Uint8Array }
  /** Answer to `set-line-noise` and `set-wrong-baud`: all the trainer's faults now. */
  | { readonly type: 'faults'; readonly at: number; readonly faults: SimFaults }
  /** The module sent a packet on a socket. */
  | {
      readonly type: 'socket-tx';
      readonly at: number;
      readonly socket: SocketId;
      readonly bytes: Uint8Array;
      readonly tag: PacketTag;
    }
  /** The module received a packet on a socket. */
  | {
      readonly type: 'socket-rx';
      readonly at: number;
      readonly socket: SocketId;
      readonly bytes: Uint8Array;
      readonly tag: PacketTag;
    }
  | {
      readonly type: 'link';
      readonly at: number;
      readonly socket: SocketId;
      readonly state: LinkState;
      /** Why a link went down or failed: `refused`, `dns`, `dropped`, `idle`, `restart`, `no-network`. */
      readonly reason?: string;
    }
  | { readonly type: 'leds'; readonly at: number; readonly leds: LedState }
  /** The module sent an SMS to the virtual phone (`delivered` false: no network). */
  | {
      readonly type: 'sms-out';
      readonly at: number;
      readonly to: string;
      readonly text: string;
      readonly delivered: boolean;
    }
  /** The virtual phone sent an SMS to the module. */
  | { readonly type: 'sms-in'; readonly at: number; readonly from: string; readonly text: string }
  | { readonly type: 'http-request'; readonly at: number; readonly request: HttpRequestRecord }
  | { readonly type: 'mode'; readonly at: number; readonly mode: ModuleMode }
  | {
      readonly type: 'restart';
      readonly at: number;
      readonly kind: RestartKind;
      readonly phase: 'start' | 'done';
    }
  | { readonly type: 'radio'; readonly at: number; readonly radio: RadioState; readonly attached: boolean }
  /** Bytes were dropped from a socket's 10 KB cache; `dropped` is the total since start. */
  | { readonly type: 'cache-drop'; readonly at: number; readonly socket: SocketId; readonly dropped: number }
  /** The UART in force changed: at every start (AT+UART) or by an RFC2217-like frame from the network. */
  | {
      readonly type: 'uart';
      readonly at: number;
      readonly uart: UartSettings;
      /** `fault`: the trainer's wrong baud rate (`set-wrong-baud`) began or ended. */
      readonly reason: 'start' | 'rfc2217' | 'fault';
    }
  /** AT+UPDATE progress, 0–100. */
  | { readonly type: 'update'; readonly at: number; readonly percent: number }
  /** Settings were restored: `factory` (AT+CLEAR, Reload pin, reset) or `user` (AT+RELD). */
  | { readonly type: 'settings-restored'; readonly at: number; readonly source: 'factory' | 'user' }
  | { readonly type: 'snapshot'; readonly at: number; readonly snapshot: SimSnapshot }
  /** Answer to `server-stream`: the socket's stream now (`bytesPerSecond` 0: stopped). */
  | {
      readonly type: 'server-stream';
      readonly at: number;
      readonly socket: SocketId;
      readonly bytesPerSecond: number;
      readonly pattern: StreamPattern;
    }
  /** Answer to `set-broken`. */
  | { readonly type: 'broken'; readonly at: number; readonly behaviour: BrokenBehaviour | null }
  /**
   * Network data was dropped because the serial line is slower than the network and the module's serial
   * buffer is full; `dropped` is the total since the module was created. At most one event a second.
   */
  | { readonly type: 'serial-drop'; readonly at: number; readonly dropped: number }
  /**
   * Answer to `swap-module`: the new module's identity, and the settings it was given that the catalogue
   * refused (name: reason) — those keep their factory values.
   */
  | {
      readonly type: 'module-swapped';
      readonly at: number;
      readonly identity: ModuleIdentity;
      readonly refused: readonly { readonly name: string; readonly reason: string }[];
    }
  /**
   * Answer to `set-firmware`: the selection in force (preset names). `error`: the command named an unknown
   * variant and changed nothing.
   */
  | {
      readonly type: 'firmware';
      readonly at: number;
      readonly selection: readonly string[];
      readonly error?: string;
    }
  /**
   * Answer to `load-state`: the state was accepted and the module restarts from it at once (sent first, so
   * every event of the new start follows it); `error`: refused, nothing changed.
   */
  | { readonly type: 'state-loaded'; readonly at: number; readonly error?: string }
  /**
   * A `+++` attempt on the serial side as the module judged it (plus-attempt.ts): the `+` with their arrival
   * times, the windows in force (UARTFT, T1–T6) and the outcome with its reason. Sent again, with the same
   * `id`, each time the attempt grows or is decided.
   */
  | { readonly type: 'plus-attempt'; readonly at: number; readonly attempt: PlusAttempt };

export type SimEventType = SimEvent['type'];

/** What the worker host and the TCP host expose: send commands, listen to events. */
export interface SimulatorControl {
  control(command: SimCommand): void;
  onEvent(listener: (event: SimEvent) => void): () => void;
}
