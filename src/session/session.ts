/**
 * The AT session: the one service every view uses to talk to a module, over Web Serial or the simulator's
 * port. It owns the line (reader loop, writer, traffic log), runs one operation at a time, keeps one
 * state a view renders directly, and knows how to reach the module: its UART, its UARTFT (the guard before
 * `+++`, 50 ms until known), and the access mode the person chose (command mode or password AT).
 *
 * No DOM: time comes from the injected Clock, ports are SerialPort-shaped objects.
 */
import { sleep, type Clock } from '../clock/clock';
import { factoryDefaults, findCommand } from '../protocol/catalogue';
import { interpretCommand } from '../protocol/command';
import { infoValue, type AssembledReply } from '../protocol/reply-parser';
import { validateValue } from '../protocol/validate';
import { unescapeText } from '../protocol/escape';
import { parseUartValue, type UartSettings } from '../protocol/uart';
import type { Platform } from '../serial/port-error';
import type { SerialPortLike } from '../serial/serial-port-like';
import { findBaudRate, searchOrder, type BaudFound } from './baud';
import type { Route } from './channel';
import { Connection } from './connection';
import { Emitter } from './emitter';
import { crProbe, enterCommandMode, leaveCommandMode } from './entry';
import {
  SessionError,
  abortedError,
  atErrorOf,
  garbledError,
  invalidStateError,
  moduleRestartedError,
  loopbackError,
  notAnsweringError,
  portLostError,
  toSessionError,
} from './errors';
import { apply, type ApplyResult } from './ops/apply';
import type { OperationHost } from './ops/host';
import { identify, type Identity } from './ops/identify';
import { proveLinks, type LinkProof, type LinkProofOptions } from './ops/link-proof';
import { manage, type ManageAction } from './ops/manage';
import { readAll, type ReadAllResult } from './ops/read-all';
import { sendSms } from './ops/sms';
import { SingleFlight } from './queue';
import { restartAndReturn, type RestartHost } from './restart';
import type { Access, DeviceFact, OperationName, Progress, SessionState } from './state';
import {
  DEFAULT_TIMEOUTS,
  DEFAULT_UARTFT,
  ENTRY_GUARD_LADDER,
  UNKNOWN_UARTFT_GUARD,
  type SessionTimeouts,
} from './timing';
import { TrafficLog, type ExportLogOptions, type TrafficLogOptions } from './traffic-log';

export interface SessionOptions {
  readonly clock: Clock;
  readonly timeouts?: Partial<SessionTimeouts>;
  readonly log?: TrafficLogOptions;
  /**
   * The device's UARTFT when known from before (remembered for this device, or a profile). Unknown: the
   * first `+++` gets a long guard (timing.ts, UNKNOWN_UARTFT_GUARD) until the device tells its value.
   */
  readonly uartft?: number;
  /** For advice in port errors (Linux `dialout`). */
  readonly platform?: Platform;
}

export interface OperationOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: Progress) => void;
}

export interface SessionEvents extends Record<string, unknown> {
  state: SessionState;
  /** Bytes that are no answer: transparent data, heartbeats to COM, the start message. */
  unsolicited: Uint8Array;
  /** A setting's value learned (read, or accepted), or everything known made stale. */
  fact: DeviceFact;
}

/** The factory line, 115200 8N1 (catalogue default of AT+UART). */
export const FACTORY_UART: UartSettings = parseUartValue(factoryDefaults()['UART'] ?? '') ?? {
  baud: 115200,
  dataBits: 8,
  stopBits: 1,
  parity: 'NONE',
};

/**
 * A module believed in command mode is asked again with a guarded `+++` before an operation when the line
 * has been quiet this long: a restart takes longer (AT+Z 2.5 s and more) and may have brought it back in a
 * working mode without a start message, where our next command would go to the server.
 */
const RECONFIRM_AFTER_IDLE_MS = 2000;

/** How long `a` may take when the module is believed in command mode (it answers +ERR:1 at once there). */
const RECONFIRM_ANSWER_MS = 300;

/** Errors after which the module is known to be answering normally. */
const MODULE_FINE = new Set([
  'at-error',
  'invalid-value',
  'verify-mismatch',
  'aborted',
  'invalid-state',
  'frame-too-long',
  'module-restarted',
  'line-busy',
]);

type Mode = 'unknown' | 'working' | 'command';

const decoder = new TextDecoder();

export class AtSession {
  readonly log: TrafficLog;
  readonly timeouts: SessionTimeouts;
  private readonly clock: Clock;
  private readonly events = new Emitter<SessionEvents>();
  private readonly queue = new SingleFlight();
  private readonly connection: Connection;
  private current: SessionState = { kind: 'disconnected' };
  private mode: Mode = 'unknown';
  private modeConfirmed = false;
  private accessMode: Access = { kind: 'command' };
  private uartftMs: number;
  /** The UARTFT came from the device, a profile or the person (not the factory guess). */
  private uartftIsKnown: boolean;
  private uartflBytes: number | undefined;
  /** The module's start message when read (AT+STMSG), to recognise a restart while connected. */
  private startMessage: string | undefined;
  /** Recent unsolicited text, to find a start message that arrives in pieces. */
  private recentText = '';
  /** Our own entry is under way: the echo of our `+++` is no start message. */
  private entering = false;
  /** The start message came while connected (power cycle, RSTIM): shown until the next operation. */
  private restartedOnItsOwn = false;
  /** Reopened at another rate to wait for the next module (listenAt): its start message is looked for. */
  private awaitingStart = false;

  constructor(options: SessionOptions) {
    this.clock = options.clock;
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.log = new TrafficLog(options.log);
    this.uartftMs = Math.max(DEFAULT_UARTFT, options.uartft ?? DEFAULT_UARTFT);
    this.uartftIsKnown = options.uartft !== undefined;
    this.connection = new Connection(
      {
        clock: this.clock,
        log: this.log,
        timeouts: this.timeouts,
        platform: options.platform ?? 'other',
        route: () => this.route(),
        unsolicited: (bytes) => {
          this.noticeStart(bytes);
          this.events.emit('unsolicited', bytes);
        },
        lost: (error) => {
          this.mode = 'unknown';
          this.setState({ kind: 'failed', error, advice: error.advice, connected: false });
        },
      },
      FACTORY_UART,
    );
  }

  // ------------------------------------------------------------------ observing

  get state(): SessionState {
    return this.current;
  }

  /** Calls `listener` with the current state now and with every change; returns the unsubscribe function. */
  subscribe(listener: (state: SessionState) => void): () => void {
    const off = this.events.on('state', listener);
    listener(this.current);
    return off;
  }

  /** Bytes that are not answers (transparent data in the working mode, the start message…). */
  onUnsolicited(listener: (bytes: Uint8Array) => void): () => void {
    return this.events.on('unsolicited', listener);
  }

  /**
   * Every value the session learns about the device's settings, with when and how (operations, terminal
   * queries and sets, password AT): the UI keeps one device model from these.
   */
  onFact(listener: (fact: DeviceFact) => void): () => void {
    return this.events.on('fact', listener);
  }

  /** The traffic log as JSON lines (TrafficLog.exportLog). */
  exportLog(options?: ExportLogOptions): string {
    return this.log.exportLog(options);
  }

  // ------------------------------------------------------------------ what the session knows

  /** The line settings the port is (or will be) opened with. */
  get uart(): UartSettings {
    return this.connection.uart;
  }

  /** The UARTFT the `+++` guard is timed from. */
  get uartft(): number {
    return this.uartftMs;
  }

  /** True when the UARTFT came from the device, a profile or the person, not the factory guess. */
  get uartftKnown(): boolean {
    return this.uartftIsKnown;
  }

  /** Sets the device's UARTFT (remembered for this device, from a profile, or typed by the person). */
  setUartft(ms: number): void {
    this.uartftMs = Math.max(DEFAULT_UARTFT, ms);
    this.uartftIsKnown = true;
  }

  /** The module's UARTFL (packing length) when known: password commands must fit one frame. */
  get uartfl(): number | undefined {
    return this.uartflBytes;
  }

  setUartfl(bytes: number | undefined): void {
    this.uartflBytes = bytes;
  }

  get access(): Access {
    return this.accessMode;
  }

  /** Command mode (`+++`, the default) or password AT in the working mode (3.1.3). */
  setAccess(access: Access): void {
    this.accessMode = access;
  }

  // ------------------------------------------------------------------ port

  /**
   * Opens `port` with `uart` (default: the last used, initially 115200 8N1). Nothing is sent: the module's
   * mode is unknown until an operation (or `detect`) asks it.
   */
  async open(port: SerialPortLike, uart: UartSettings = this.connection.uart): Promise<void> {
    await this.exclusive(async () => {
      this.setState({ kind: 'opening' });
      try {
        await this.connection.connect(port, uart);
      } catch (e) {
        const error = toSessionError(e);
        this.setState({ kind: 'failed', error, advice: error.advice, connected: false });
        throw error;
      }
      this.mode = 'unknown';
      this.modeConfirmed = false;
      this.setState(this.modeState());
    });
  }

  /**
   * Reopens the port with `uart` and listens, sending nothing: for a station whose apply changed the module's
   * rate while the next module will arrive at the old one (docs/batch.md). The module on the cable now is
   * out of reach at `uart`; the next one is recognised by its start message (as after a power cycle), or
   * reached by the next operation's guarded `+++` at `uart`.
   */
  listenAt(uart: UartSettings): Promise<void> {
    return this.exclusive(async () => {
      this.connection.ensureOpen();
      await this.connection.reopen(uart);
      this.mode = 'unknown';
      this.modeConfirmed = false;
      this.restartedOnItsOwn = false;
      this.awaitingStart = true;
      this.setState(this.modeState());
    });
  }

  /** Cancels the reader, waits for it, closes the port. Safe to call in any state. */
  async close(): Promise<void> {
    // Not through the queue: close must also end a running operation (its command fails with `closed`).
    await this.connection.drop();
    this.mode = 'unknown';
    this.setState({ kind: 'disconnected' });
  }

  // ------------------------------------------------------------------ modes

  /**
   * Finds out where the module was with the guarded `+++` itself (nothing a server could receive): 'working'
   * when it answered `a` (it is in command mode now), 'command' when it was there already.
   */
  detect(options: OperationOptions = {}): Promise<'command' | 'working'> {
    return this.run('detect', options, false, async () => {
      const how = await this.enter(options.signal);
      return how === 'entered' ? 'working' : 'command';
    });
  }

  /** Enters command mode (3.1.2); resolves at once when the module is there already. */
  enterCommandMode(options: OperationOptions = {}): Promise<void> {
    return this.attempt(async () => {
      await this.enter(options.signal);
      this.setState(this.modeState());
    }, options.signal);
  }

  /** AT+ENTM: back to the working mode (3.1.7.6). Only from command mode: elsewhere it would be data. */
  leaveCommandMode(options: OperationOptions = {}): Promise<void> {
    return this.attempt(async () => {
      if (this.mode !== 'command')
        throw invalidStateError({
          en: 'The module is not known to be in command mode: AT+ENTM was not sent.',
          zh: '无法确认模块处于指令模式：未发送 AT+ENTM。',
        });
      const reply = await leaveCommandMode(this.connection.line, this.timeouts, options.signal);
      if (reply.status === 'error') throw atErrorOf('AT+ENTM', reply.error);
      this.mode = 'working';
      this.modeConfirmed = true;
      this.setState(this.modeState());
    }, options.signal);
  }

  /**
   * Finds the module's baud rate by trying the manual's list, most common first, and leaves the port open
   * at the rate found, with the module in command mode.
   */
  findBaudRate(
    options: OperationOptions & { readonly prefer?: readonly number[] } = {},
  ): Promise<UartSettings> {
    return this.run('find-baud', options, false, async (host) => {
      const found = await this.searchBaud((p) => host.progress(p), options.signal, options.prefer);
      return { ...this.connection.uart, baud: found.baud };
    });
  }

  // ------------------------------------------------------------------ operations

  /** VER, SN, IMEI, ICCID, SYSINFO, CSQ. */
  identify(options: OperationOptions = {}): Promise<Identity> {
    return this.run('identify', options, true, (host) => identify(host, options.signal));
  }

  /** Every catalogue setting (or `names`), with progress; partial results when the line fails. */
  readAll(options: OperationOptions & { readonly names?: readonly string[] } = {}): Promise<ReadAllResult> {
    return this.run(
      'read-all',
      options,
      true,
      (host) => readAll(host, options.names, options.signal),
      (r) => r.error,
    );
  }

  /** Plan, write with read-back, restart when needed, confirm; see ops/apply.ts. */
  apply(target: Readonly<Record<string, string>>, options: OperationOptions = {}): Promise<ApplyResult> {
    return this.run(
      'apply',
      options,
      true,
      (host) => apply(host, target, options.signal),
      (r) => r.error,
    );
  }

  /**
   * Watches the links of the enabled sockets come up after a change (ops/link-proof.ts): per socket up (and
   * when), down with the likeliest reason the module lets us know, on demand (short connection), disabled.
   */
  proveLinks(options: OperationOptions & LinkProofOptions = {}): Promise<LinkProof> {
    return this.run('prove-links', options, true, (host) => proveLinks(host, options, options.signal));
  }

  /** Writes a snapshot taken by `apply` back: apply(snapshot). */
  restore(snapshot: Readonly<Record<string, string>>, options: OperationOptions = {}): Promise<ApplyResult> {
    return this.apply(snapshot, options);
  }

  /** AT+Z, AT+REBOOT, AT+CFGTF, AT+RELD, AT+CLEAR, with their restart waits (ops/manage.ts). */
  manage(action: ManageAction, options: OperationOptions = {}): Promise<void> {
    return this.run(action === 'CFGTF' ? 'manage' : 'restart', options, true, async (host) => {
      await manage(host, action, options.signal);
      // User defaults or factory settings are back: nothing known of the settings is current any more.
      if (action === 'RELD' || action === 'CLEAR')
        this.events.emit('fact', {
          kind: 'stale',
          at: this.clock.now(),
          reason: action === 'RELD' ? 'reload' : 'factory',
        });
    });
  }

  /** AT+SMSEND with the text escaped (ops/sms.ts). */
  sendSms(number: string, text: string, options: OperationOptions = {}): Promise<void> {
    return this.run('sms', options, true, (host) => sendSms(host, number, text, options.signal));
  }

  /**
   * A terminal line, sent as typed (a CR is added; the password prefix too in password access). Resolves
   * with the module's answer. `+++` alone enters command mode.
   */
  raw(text: string, options: OperationOptions = {}): Promise<AssembledReply | undefined> {
    if (text.trim() === '+++') return this.enterCommandMode(options).then(() => undefined);
    // An AT line goes to a module in command mode (entered first), never as data to the server.
    const isAt = /^\s*AT/i.test(text);
    if (!isAt && this.accessMode.kind === 'command' && this.mode !== 'command') {
      // Not a command, and the module is not in command mode: it is the person's data, sent as typed.
      return this.writeData(new TextEncoder().encode(`${text}\r`), options).then(() => undefined);
    }
    return this.run('raw', options, isAt, async () => {
      const reply = await this.connection.channel.send(
        text,
        options.signal ? { signal: options.signal } : {},
      );
      this.noteRawEffect(text, reply);
      return reply;
    });
  }

  /** Transparent data to the module in its working mode (forwarded to the network). */
  writeData(bytes: Uint8Array, options: OperationOptions = {}): Promise<void> {
    return this.exclusive(() => this.connection.line.write(bytes), options.signal);
  }

  /**
   * The terminal's raw mode: bytes exactly as the person typed them, when they typed them (a trainer shows
   * `+++` entry by hand). The session no longer knows the module's mode afterwards, so the next operation
   * finds it again with a guarded `+++`.
   */
  writeRaw(bytes: Uint8Array, options: OperationOptions = {}): Promise<void> {
    return this.exclusive(async () => {
      this.mode = 'unknown';
      this.modeConfirmed = false;
      await this.connection.line.write(bytes);
      this.setState(this.modeState());
    }, options.signal);
  }

  // ------------------------------------------------------------------ internals: running operations

  /** Runs `job` when the operations before it are done; every rejection is a SessionError. */
  private exclusive<T>(job: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.queue.run(job, signal).catch((e: unknown) => {
      throw toSessionError(e);
    });
  }

  /** `exclusive`, and a failure leaves the state that fits it (settle). */
  private attempt<T>(job: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.exclusive(async () => {
      try {
        return await job();
      } catch (e) {
        await this.dropIfNotA7s4(e);
        throw this.settle(e);
      }
    }, signal);
  }

  /**
   * A device that does not behave like a USR-LTE-7S4 gets nothing more: the port is closed cleanly (the
   * state says why, `connected: false`).
   */
  private async dropIfNotA7s4(e: unknown): Promise<void> {
    if (!(e instanceof SessionError) || e.code !== 'not-a-7s4') return;
    this.log.note(this.clock.now(), 'closed: the device does not behave like a USR-LTE-7S4');
    await this.connection.closeLine();
    this.mode = 'unknown';
  }

  /**
   * Runs an operation: enters command mode first when it needs the module and the access is command mode,
   * shows it as busy, and settles the state from its outcome. Operations that report failures in their
   * result (read-all, apply) resolve; `errorOf` tells the state what stopped them.
   */
  private run<T>(
    operation: OperationName,
    options: OperationOptions,
    needsAccess: boolean,
    body: (host: OperationHost) => Promise<T>,
    errorOf: (result: T) => SessionError | undefined = () => undefined,
  ): Promise<T> {
    return this.attempt(async () => {
      this.connection.ensureOpen();
      this.restartedOnItsOwn = false;
      this.awaitingStart = false;
      if (needsAccess && this.accessMode.kind === 'command' && this.needsEntry()) {
        await this.enter(options.signal);
      }
      this.setBusy(operation, { done: 0, total: 0, step: '' });
      const result = await body(this.operationHost(operation, options));
      const error = errorOf(result);
      if (error) {
        await this.dropIfNotA7s4(error);
        this.settle(error);
      } else this.setState(this.modeState());
      return result;
    }, options.signal);
  }

  private operationHost(operation: OperationName, options: OperationOptions): OperationHost {
    const progress = (p: Progress): void => {
      this.setBusy(operation, p);
      options.onProgress?.(p);
    };
    return {
      query: async (name, signal) => {
        const value = await this.connection.channel.query(name, signal ? { signal } : {});
        this.learn(name, value, 'read', false);
        return value;
      },
      set: async (name, value, signal, once) => {
        await this.connection.channel.set(name, value, {
          ...(signal ? { signal } : {}),
          ...(once ? { once } : {}),
        });
        this.learn(name, value, 'set', false);
      },
      action: (name, signal) => this.connection.channel.action(name, signal ? { signal } : {}),
      restart: (command, settings, signal) => {
        progress({ done: 0, total: 1, step: `AT+${command}` });
        return restartAndReturn(this.restartHost(progress), command, settings, signal);
      },
      lineSuspect: () => this.connection.suspect,
      progress,
      now: () => this.clock.now(),
      wait: async (ms, signal) => {
        await sleep(this.clock, ms, signal).catch((e: unknown) => {
          throw abortedError(e);
        });
      },
    };
  }

  private restartHost(progress: (p: Progress) => void): RestartHost {
    return {
      clock: this.clock,
      timeouts: this.timeouts,
      connection: this.connection,
      passwordAccess: () => this.accessMode.kind === 'password',
      uartft: () => this.uartftMs,
      adopt: ({ uartft, password }) => {
        if (uartft !== undefined) this.setUartft(uartft);
        if (password !== undefined && this.accessMode.kind === 'password') {
          this.accessMode = { kind: 'password', password };
        }
      },
      modeUnknown: () => {
        this.mode = 'unknown';
        this.modeConfirmed = false;
      },
      modeWorking: () => {
        this.mode = 'working';
        this.modeConfirmed = true;
      },
      enter: async (signal) => {
        await this.enter(signal);
      },
      tryEnter: async (answerBaseMs, signal) => {
        this.entering = true;
        try {
          const result = await enterCommandMode(this.connection.line, this.timeouts, {
            uartft: this.uartftMs,
            answerBaseMs,
            ...(signal ? { signal } : {}),
          });
          if (result.kind === 'silent') return false;
          this.mode = 'command';
          return true;
        } finally {
          this.entering = false;
        }
      },
      searchBaud: async (signal) => {
        await this.searchBaud(progress, signal);
      },
    };
  }

  /** The state after a failure; returns the error to throw. */
  private settle(e: unknown): SessionError {
    const error = toSessionError(e);
    if (error.code === 'not-a-7s4') {
      this.setState({ kind: 'failed', error, advice: error.advice, connected: false });
      return error;
    }
    if (!this.connection.port) {
      // close() ended the operation.
      this.setState({ kind: 'disconnected' });
      return error;
    }
    const line = this.connection.lastLine;
    if (!line || !line.isOpen) {
      this.mode = 'unknown';
      const lost = line?.failure ?? (error.code === 'port' ? error : portLostError());
      this.setState({ kind: 'failed', error: lost, advice: lost.advice, connected: false });
      return error.code === 'closed' ? error : lost;
    }
    if (MODULE_FINE.has(error.code)) {
      this.setState(this.modeState());
    } else {
      this.mode = 'unknown';
      this.setState({ kind: 'failed', error, advice: error.advice, connected: true });
    }
    return error;
  }

  private modeState(): SessionState {
    if (!this.connection.lastLine) return { kind: 'disconnected' };
    if (this.mode === 'command') return { kind: 'command-mode' };
    const confirmed = this.mode === 'working' && this.modeConfirmed;
    return this.restartedOnItsOwn
      ? { kind: 'working-mode', confirmed, restarted: true }
      : { kind: 'working-mode', confirmed };
  }

  private setBusy(operation: OperationName, progress: Progress): void {
    this.setState({
      kind: 'busy',
      operation,
      progress,
      mode: this.mode === 'command' ? 'command' : 'working',
    });
  }

  private setState(state: SessionState): void {
    this.current = state;
    this.events.emit('state', state);
  }

  // ------------------------------------------------------------------ internals: reaching the module

  /**
   * Gets the module into command mode with guarded `+++` only (entry.ts): first with the known UARTFT (or
   * the long guard for an unknown one), then with longer guards — the device may have a longer UARTFT than we
   * know. A bare CR is sent only when a working mode is ruled out: after the whole ladder, or at once when
   * the module was believed in command mode and this firmware keeps quiet about `+++` there. Fails with
   * `not-answering`, or `garbled` when bytes came that were no answer (a wrong baud rate is likely).
   */
  private async enter(signal?: AbortSignal): Promise<'entered' | 'already'> {
    const line = this.connection.line;
    const believedCommand = this.mode === 'command';
    const first = this.uartftIsKnown ? this.uartftMs : Math.max(this.uartftMs, UNKNOWN_UARTFT_GUARD);
    const guards = [first, ...ENTRY_GUARD_LADDER.filter((g) => g > first)];
    let noise = false;
    let onlyEcho = true;
    this.entering = true;
    try {
      for (const [i, uartft] of guards.entries()) {
        const result = await enterCommandMode(line, this.timeouts, {
          uartft,
          ...(signal ? { signal } : {}),
          ...(believedCommand && i === 0 ? { answerBaseMs: RECONFIRM_ANSWER_MS } : {}),
          // A rung or a CR follows a silent `+++`: not while the module may wait for our `a` (stalled read).
          awaitLateA: true,
          onStep: (step) => this.setState({ kind: 'entering', step }),
        });
        if (result.kind !== 'silent') {
          this.mode = 'command';
          // A longer rung of the ladder was needed: the device's UARTFT is longer than we thought.
          if (i > 0 && uartft > this.uartftMs) this.uartftMs = uartft;
          return result.kind;
        }
        noise ||= result.noise;
        onlyEcho &&= result.echo === true;
        if (believedCommand && i === 0 && (await this.crAnswers(signal))) return 'already';
      }
      // Every guard up to the last rung got no `a`: no working mode with such a UARTFT is listening, so a
      // CR cannot reach a server. Firmware that waits for a CR after `+++` in command mode answers it now.
      if (!believedCommand && (await this.crAnswers(signal))) return 'already';
    } catch (e) {
      this.mode = 'unknown';
      throw e;
    } finally {
      this.entering = false;
    }
    this.mode = 'unknown';
    if (onlyEcho) throw loopbackError();
    throw noise ? garbledError('+++', 'bytes came, but no "a"') : notAnsweringError(first);
  }

  /** A bare CR answered: command mode, on firmware that is silent about `+++` there. */
  private async crAnswers(signal?: AbortSignal): Promise<boolean> {
    const reply = await crProbe(this.connection.line, this.timeouts, signal);
    if (!reply) return false;
    this.mode = 'command';
    return true;
  }

  /**
   * Command mode must be (re)established: the mode is not known to be command, or the line has been quiet
   * long enough for the module to have restarted into a working mode without a start message.
   */
  private needsEntry(): boolean {
    if (this.mode !== 'command') return true;
    const line = this.connection.line;
    const lastHeard = Math.max(line.lastTxEnd, line.lastRxAt);
    return this.clock.now() - lastHeard > RECONFIRM_AFTER_IDLE_MS;
  }

  /**
   * The start message seen while the module was in command mode: it restarted on its own (power cycle,
   * RSTIM, Reload) and is in its working mode now. Recognised as a line holding the start message read from
   * this module, or the USR banners (`USR-LTE-7S4`, `[USR-7S4 V2]`); a lone CR LF (some firmware sends one
   * after OK) or a late answer is not. A firmware with another or no start message is caught by the
   * re-check before the next operation (needsEntry).
   */
  private noticeStart(bytes: Uint8Array): void {
    if ((this.mode !== 'command' && !this.awaitingStart) || this.entering) return;
    this.recentText = (this.recentText + decoder.decode(bytes)).slice(-96);
    const lines = this.recentText.split(/\r\n|\r|\n/).map((l) => l.trim());
    const known = this.startMessage;
    // An answer line is never a start message: a late `+SOCKA:TCP,test.usr.cn,2317` (the factory server)
    // names USR too, and reaches us after its command timed out when a stalled browser held it up.
    const banner = (l: string): boolean =>
      (known !== undefined && l === known) || (/USR/i.test(l) && !/^\+[A-Z0-9_]+:/i.test(l));
    if (!lines.some((l) => l !== '' && banner(l))) return;
    this.recentText = '';
    this.awaitingStart = false;
    this.mode = 'working';
    this.modeConfirmed = true;
    this.restartedOnItsOwn = true;
    this.setState(this.modeState());
  }

  /** A value learned from the device: told to the UI's device model; those that change how it is reached, kept. */
  private learn(name: string, value: string, source: 'read' | 'set', terminal: boolean): void {
    const entry = findCommand(name);
    if (entry?.kind === 'setting')
      this.events.emit('fact', {
        kind: 'value',
        name: entry.name,
        value,
        at: this.clock.now(),
        source,
        terminal,
      });
    if (source === 'set') return;
    if (name === 'STMSG') this.startMessage = unescapeText(value).trim();
    if (!/^\d+$/.test(value)) return;
    if (name === 'UARTFT') this.setUartft(Number(value));
    if (name === 'UARTFL') this.uartflBytes = Number(value);
  }

  private async searchBaud(
    progress: (p: Progress) => void,
    signal?: AbortSignal,
    prefer: readonly number[] = [],
  ): Promise<BaudFound> {
    const found = await findBaudRate(
      {
        reopen: (baud) => this.connection.reopen({ ...this.connection.uart, baud }),
        timeouts: this.timeouts,
        uartft: this.uartftIsKnown ? this.uartftMs : Math.max(this.uartftMs, UNKNOWN_UARTFT_GUARD),
        progress,
      },
      signal,
      searchOrder(prefer),
    );
    this.mode = 'command';
    return found;
  }

  /** Terminal lines that change the mode (AT+ENTM, the restarts) or tell a setting's value. */
  private noteRawEffect(text: string, reply: AssembledReply): void {
    if (reply.status !== 'ok') return;
    this.learnFromTerminal(text.trim(), reply);
    const cmd = text.trim().toUpperCase();
    if (cmd === 'AT+ENTM') {
      this.mode = 'working';
      this.modeConfirmed = true;
    } else if (/^AT\+(Z|REBOOT|RELD|CLEAR)$/.test(cmd)) {
      this.mode = 'unknown';
      this.modeConfirmed = false;
    } else if (this.accessMode.kind === 'command' || this.mode === 'command') {
      this.mode = 'command';
    }
  }

  /**
   * What a terminal line told about the settings: a query's `+NAME:` value (read), a set's value once OK came
   * (accepted, not read back), RELD/CLEAR (every setting may have changed).
   */
  private learnFromTerminal(line: string, reply: AssembledReply): void {
    const command = interpretCommand(line);
    if (!command.ok) return;
    const { entry, op } = command;
    if (op === 'query' && entry.kind === 'setting') {
      const value = infoValue(reply, entry.name);
      const checked = value === undefined ? undefined : validateValue(entry, value);
      if (checked?.ok) this.learn(entry.name, checked.value, 'read', true);
    } else if (op === 'set' && entry.kind === 'setting' && command.value !== undefined) {
      this.learn(entry.name, command.value, 'set', true);
    } else if (op === 'exec' && (entry.name === 'RELD' || entry.name === 'CLEAR')) {
      const reason = entry.name === 'RELD' ? 'reload' : 'factory';
      this.events.emit('fact', { kind: 'stale', at: this.clock.now(), reason });
    }
  }

  /**
   * How commands reach the module: with the password only in password access and outside command mode. In
   * command access a command is sent only while the module is known to be in command mode: anywhere else
   * it would be data for the server (a start message just moved it to the working mode).
   */
  private route(): Route {
    const password =
      this.accessMode.kind === 'password' && this.mode !== 'command' ? this.accessMode.password : undefined;
    const blocked =
      this.accessMode.kind === 'command' && this.mode !== 'command' ? moduleRestartedError() : undefined;
    return { password, uartft: this.uartftMs, uartfl: this.uartflBytes, ...(blocked ? { blocked } : {}) };
  }
}
