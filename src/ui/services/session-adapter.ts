/**
 * The adapter between the UI's `SessionService` (session-service.ts) and the AT session (`src/session/`):
 * it maps the session's state union to the one the views render, gets a port (Web Serial or the
 * simulator's), and shapes operation results for the views. Nothing here talks AT itself.
 *
 * Connecting is one operation with one outcome: the port opens at the line chosen (or, for "Detect
 * automatically", at the first of the likely rates: remembered for this device, the profile's, 115200,
 * 9600), then the session enters command mode (or searches the rates, likely ones first). A failure is
 * shown only when the whole of it failed. What worked is remembered for the device behind the port
 * (device-memory/): its line and its UARTFT, which times the next connect's `+++`.
 */
import { realClock, type Clock } from '../../clock/clock';
import { PortError } from '../../serial/port-error';
import type { UartSettings } from '../../protocol/uart';
import type { SerialPortInfoLike, SerialPortLike } from '../../serial/serial-port-like';
import type { WebSerialTransport } from '../../serial/web-serial';
import type { SessionError } from '../../session/errors';
import { toSessionError } from '../../session/errors';
import type { ApplyResult, SettingOutcome as SessionOutcome } from '../../session/ops/apply';
import { AtSession } from '../../session/session';
import type { OperationName as SessionOperation, SessionState } from '../../session/state';
import { DEFAULT_UARTFT } from '../../session/timing';
import type { ExportLogOptions, LogEntry } from '../../session/traffic-log';
import { connectPlan, profileLine } from '../auto-detect/rate-order';
import { deviceKey } from '../device-memory/device-key';
import {
  storedDeviceMemory,
  uartftOf,
  type DeviceMemory,
  type KnownDevice,
} from '../device-memory/device-memory';
import { problemFrom, sessionProblemKind } from '../logic/problems';
import type {
  ApplyPhase,
  ApplyProgress,
  ApplyReport,
  CommandOutcome,
  ConnectRequest,
  DeviceError,
  DeviceFact,
  DeviceStatus,
  Identity,
  LinkFlag,
  LinkProof,
  ManageAction,
  OperationName,
  Problem,
  ProblemKind,
  ProveLinksOptions,
  RawReply,
  SessionService,
  SettingOutcome,
  TrafficEntry,
  Transport,
  UiSessionState,
} from './session-service';

const LETTERS = ['A', 'B', 'C', 'D'] as const;

const OPERATIONS: Readonly<Record<SessionOperation, OperationName>> = {
  detect: 'detect',
  'find-baud': 'detect',
  identify: 'identify',
  'read-all': 'read',
  apply: 'apply',
  'prove-links': 'links',
  restart: 'manage',
  manage: 'manage',
  sms: 'sms',
  raw: 'raw',
};

/** Session error codes as help kinds (logic/problems.ts); port failures keep the port's own kind. */
function problemKind(error: SessionError): ProblemKind {
  if (error.port) return error.port.kind;
  return sessionProblemKind(error.code) ?? 'unknown';
}

export function problemOf(error: SessionError): Problem {
  const cause =
    error.cause instanceof Error && error.cause.message !== error.message ? error.cause.message : undefined;
  return {
    kind: problemKind(error),
    error: error.text,
    advice: error.advice,
    ...(cause ? { detail: cause } : {}),
  };
}

function deviceError(error: SessionError | undefined): DeviceError {
  if (error?.atError) return { raw: error.atError.raw.trim(), meaning: error.atError.meaning };
  return { raw: error?.code ?? 'error', meaning: error?.text ?? { en: 'Failed', zh: '失败' } };
}

/** The session's per-setting status in the four outcomes the UI shows (architecture.md, "Apply"). */
export function outcomeOf(o: SessionOutcome): SettingOutcome {
  switch (o.status) {
    case 'applied':
    case 'unchanged':
      return { name: o.name, value: o.to, outcome: o.status };
    case 'not-reached':
    case 'unconfirmed':
      return { name: o.name, value: o.to, outcome: 'not-reached' };
    case 'rejected':
    case 'verify-mismatch':
    case 'invalid':
      return { name: o.name, value: o.to, outcome: 'rejected', error: deviceError(o.error) };
  }
}

/**
 * Which apply phase a progress step is in. The session names its steps by command (ops/apply.ts):
 * `AT+X?` reads (the snapshot before writing, the confirmation after the restart), `AT+X=…` writes,
 * `AT+Z` restarts, and an empty step at the end.
 */
export function applyPhase(step: string, done: number, total: number, restarted: boolean): ApplyPhase {
  if (step === '' && done >= total && total > 0) return 'done';
  if (/^AT\+(Z|REBOOT)$/.test(step)) return 'restart';
  if (/=/.test(step)) return 'write';
  return restarted ? 'confirm' : 'snapshot';
}

/** A successful apply's UARTFT, from the values read (the read-back when written, else the snapshot). */
export function uartftAfterApply(result: ApplyResult): number | undefined {
  if (!result.ok || result.error) return undefined;
  const written = result.outcomes.find((o) => o.name === 'UARTFT');
  return uartftOf({ UARTFT: written?.readBack ?? result.snapshot['UARTFT'] ?? '' });
}

/** How long a connect waits for what is remembered about the device (storage may hang behind another tab). */
const LOOKUP_MS = 1500;

function portInfo(port: SerialPortLike): SerialPortInfoLike {
  try {
    return port.getInfo();
  } catch {
    return {};
  }
}

export interface PortSources {
  /**
   * The simulator's SerialPort-shaped port, once the simulated module is up: starts the simulator on first
   * use and powers it on, calling `onBooting` while it boots.
   */
  simulatorPort(onBooting: () => void): Promise<SerialPortLike>;
  /** Web Serial, when the browser has it. */
  readonly webSerial: WebSerialTransport;
}

export class SessionAdapter implements SessionService {
  private current: AtSession;
  private readonly clock: Clock;
  private readonly memory: DeviceMemory;
  private transport: Transport = 'simulator';
  /** A failure before the session had a port (no port picked, no Web Serial). */
  private early: Problem | undefined;
  private opening = false;
  /** A connect is running: a failure inside it is not the outcome yet (it may still find the module). */
  private connecting = false;
  private booting = false;
  /** The current session has opened a port before (it knows that device's UARTFT, not the next one's). */
  private used = false;
  /** The device key of the open connection, once connected. */
  private key: string | undefined;
  private listeners: ((s: UiSessionState) => void)[] = [];
  private trafficListeners: ((e: TrafficEntry) => void)[] = [];
  private factListeners: ((f: DeviceFact) => void)[] = [];
  private unwire: () => void = () => undefined;
  private openedAt = 0;

  constructor(
    private readonly ports: PortSources,
    options: { readonly clock?: Clock; readonly memory?: DeviceMemory } = {},
  ) {
    this.clock = options.clock ?? realClock;
    this.memory = options.memory ?? storedDeviceMemory;
    this.current = this.newSession();
    this.wire();
  }

  /** The AT session of the current (or last) connection. */
  get session(): AtSession {
    return this.current;
  }

  private newSession(): AtSession {
    return new AtSession({ clock: this.clock, platform: this.ports.webSerial.platform });
  }

  /** Follows the current session's state and traffic (and no longer the one before). */
  private wire(): void {
    this.unwire();
    const session = this.current;
    const offState = session.subscribe(() => this.emit());
    const offLog = session.log.subscribe((e) => {
      const entry = this.entry(e);
      for (const l of this.trafficListeners) l(entry);
    });
    const offFact = session.onFact((f) => this.tellFact(f));
    this.unwire = () => {
      offState();
      offLog();
      offFact();
    };
  }

  get webSerialAvailable(): boolean {
    return this.ports.webSerial.available;
  }

  get state(): UiSessionState {
    if (this.early) return { kind: 'failed', problem: this.early, transport: this.transport };
    return this.map(this.session.state);
  }

  private map(s: SessionState): UiSessionState {
    const transport = this.transport;
    const line = this.session.uart;
    switch (s.kind) {
      case 'disconnected':
        return this.opening
          ? { kind: 'opening', transport, booting: this.booting }
          : { kind: 'disconnected' };
      case 'opening':
        return { kind: 'opening', transport };
      case 'working-mode':
        return this.opening
          ? { kind: 'opening', transport }
          : { kind: 'working', transport, line, ...(s.restarted ? { restarted: true } : {}) };
      case 'entering':
        return { kind: 'entering', transport, line };
      case 'command-mode':
        return { kind: 'command', transport, line };
      case 'busy': {
        const { done, total, step } = s.progress;
        return {
          kind: 'busy',
          transport,
          line,
          operation: OPERATIONS[s.operation],
          progress: total > 0 ? Math.min(1, done / total) : 0,
          ...(step ? { step } : {}),
        };
      }
      case 'failed':
        // Inside a connect a failure is a step, not the outcome: the help opens only when all of it failed.
        return this.connecting
          ? { kind: 'opening', transport }
          : { kind: 'failed', problem: problemOf(s.error), transport };
    }
  }

  subscribe(listener: (state: UiSessionState) => void): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  private emit(): void {
    const state = this.state;
    for (const l of this.listeners) l(state);
  }

  async connect(request: ConnectRequest): Promise<void> {
    this.early = undefined;
    this.transport = request.transport;
    this.key = undefined;
    this.opening = true;
    this.connecting = true;
    this.emit();
    try {
      let port: SerialPortLike;
      try {
        port = await this.port(request);
      } catch (e) {
        this.early = problemFrom(e instanceof PortError ? e : (toSessionError(e).port ?? e));
        throw e;
      }
      const key = deviceKey(request.transport, portInfo(port));
      const known = await this.lookup(key);
      const plan = connectPlan(request.line, known, profileLine(request.profile));
      await this.prepareSession(plan.uartft);
      await this.session.open(port, plan.line);
      this.openedAt = this.clock.now();
      this.opening = false;
      if (request.line === 'auto') await this.session.findBaudRate({ prefer: plan.prefer });
      else await this.session.enterCommandMode();
      this.key = key;
      // The UARTFT the entry worked with: what was known, or what the session raised it to. Without either,
      // the session's value is its assumption, not the device's: not remembered.
      const uartft = this.session.uartft;
      this.learn({
        line: this.session.uart,
        ...(plan.uartft !== undefined || uartft > DEFAULT_UARTFT ? { uartft } : {}),
      });
    } finally {
      this.opening = false;
      this.connecting = false;
      this.emit();
    }
  }

  /**
   * A session for this connect that knows the device's UARTFT when the UI does (setUartft), and otherwise
   * knows none: a session that reached another device before would time `+++` from that one's UARTFT, so
   * it is replaced by a fresh one (which uses a guard long enough for common values).
   */
  private async prepareSession(uartft: number | undefined): Promise<void> {
    if (this.session.state.kind !== 'disconnected') await this.session.close();
    if (uartft === undefined && this.used) {
      this.current = this.newSession();
      this.wire();
    }
    this.used = true;
    if (uartft !== undefined) this.session.setUartft(uartft);
  }

  /** What is remembered about the device, or undefined when nothing is or storage does not answer soon. */
  private lookup(key: string): Promise<KnownDevice | undefined> {
    return new Promise((resolve) => {
      const timer = this.clock.setTimer(LOOKUP_MS, () => resolve(undefined));
      const done = (known: KnownDevice | undefined): void => {
        timer.cancel();
        resolve(known);
      };
      this.memory.lookup(key).then(done, () => done(undefined));
    });
  }

  /** Remembers what was learnt about the connected device (best effort, in the background). */
  private learn(learnt: KnownDevice): void {
    if (this.key === undefined) return;
    void this.memory.remember(this.key, learnt).catch(() => undefined);
  }

  private async port(request: ConnectRequest): Promise<SerialPortLike> {
    if (request.transport === 'simulator') {
      try {
        return await this.ports.simulatorPort(() => {
          this.booting = true;
          this.emit();
        });
      } finally {
        this.booting = false;
      }
    }
    const serial = this.ports.webSerial;
    if (!request.showAllPorts) {
      const known = await serial.reusablePort();
      if (known) return known;
    }
    return serial.requestPort({ showAll: request.showAllPorts === true });
  }

  async disconnect(): Promise<void> {
    if (this.session.state.kind === 'command-mode') {
      await this.session.leaveCommandMode().catch(() => undefined);
    }
    await this.session.close();
    this.early = undefined;
    this.key = undefined;
    this.emit();
  }

  dismissFailure(): void {
    this.early = undefined;
    if (this.session.state.kind === 'failed') void this.session.close();
    else this.emit();
  }

  async identify(signal?: AbortSignal): Promise<Identity> {
    const id = await this.session.identify(signal ? { signal } : {});
    return { version: id.version ?? '', sn: id.sn ?? '', imei: id.imei ?? '', iccid: id.iccid ?? '' };
  }

  async readStatus(signal?: AbortSignal): Promise<DeviceStatus> {
    const options = signal ? { signal } : {};
    const id = await this.session.identify(options);
    const names = ['WKMOD', ...LETTERS.flatMap((s) => [`SOCK${s}`, `SOCK${s}EN`, `SOCK${s}LK`])];
    const read = await this.session.readAll({ ...options, names });
    const links = Object.fromEntries(
      LETTERS.map((s): [string, LinkFlag] => {
        const v = read.values[`SOCK${s}LK`];
        return [s, v === 'ON' || v === 'OFF' ? v : 'unknown'];
      }),
    ) as DeviceStatus['links'];
    return {
      ...(id.raw.SYSINFO !== undefined ? { sysinfo: id.raw.SYSINFO } : {}),
      ...(id.raw.CSQ !== undefined ? { csq: id.raw.CSQ } : {}),
      links,
      settings: read.values,
    };
  }

  async readAll(
    onProgress?: (done: number, total: number, name: string) => void,
    signal?: AbortSignal,
  ): Promise<Readonly<Record<string, string>>> {
    const result = await this.session.readAll({
      ...(signal ? { signal } : {}),
      onProgress: (p) => onProgress?.(p.done, p.total, p.step.replace(/^AT\+|\?$/g, '')),
    });
    if (result.error) throw result.error;
    const uartft = uartftOf(result.values);
    this.learn({ line: this.session.uart, ...(uartft !== undefined ? { uartft } : {}) });
    return result.values;
  }

  async apply(
    values: Readonly<Record<string, string>>,
    onProgress?: (progress: ApplyProgress) => void,
    signal?: AbortSignal,
  ): Promise<ApplyReport> {
    let restarted = false;
    const result = await this.session.apply(values, {
      ...(signal ? { signal } : {}),
      onProgress: (p) => {
        const phase = applyPhase(p.step, p.done, p.total, restarted);
        if (phase === 'restart') restarted = true;
        const name = /^AT\+([A-Z0-9]+)/.exec(p.step)?.[1];
        onProgress?.({ phase, done: p.done, total: p.total, ...(name ? { name } : {}) });
      },
    });
    if (result.ok && !result.error) {
      const uartft = uartftAfterApply(result);
      this.learn({ line: this.session.uart, ...(uartft !== undefined ? { uartft } : {}) });
    }
    const confirmed: Record<string, string> = {};
    for (const o of result.outcomes) if (o.readBack !== undefined) confirmed[o.name] = o.readBack;
    return {
      results: result.outcomes.map(outcomeOf),
      snapshot: result.snapshot,
      restarted: result.restarted,
      confirmed,
    };
  }

  async proveLinks(options: ProveLinksOptions = {}): Promise<LinkProof> {
    const { signal, onProgress, timeoutMs, pollMs } = options;
    const proof = await this.session.proveLinks({
      ...(signal ? { signal } : {}),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      ...(pollMs !== undefined ? { pollMs } : {}),
      // The session reports its settings reads as steps, then `links` with sockets up of sockets watched.
      onProgress: (p) => {
        if (p.step === 'links') onProgress?.(p.done, p.total);
      },
    });
    return {
      sockets: proof.sockets.map((s) => ({ ...s })),
      mode: proof.mode,
      sysinfo: proof.sysinfo,
      signal: proof.signal,
      watchedMs: proof.watchedMs,
    };
  }

  async manage(action: ManageAction, signal?: AbortSignal): Promise<CommandOutcome> {
    const outcome = await this.outcome(this.session.manage(action, signal ? { signal } : {}));
    // RELD and CLEAR may bring another UART: the session reopened at the one that answers.
    if (outcome.ok) this.learn({ line: this.session.uart });
    // RELD and CLEAR rewrite every stored setting. The session tells so for the terminal's lines; for the
    // operation it is told here (a second `stale` fact changes nothing).
    if (outcome.ok && (action === 'RELD' || action === 'CLEAR')) {
      this.tellFact({
        kind: 'stale',
        at: this.clock.now(),
        reason: action === 'RELD' ? 'reload' : 'factory',
      });
    }
    return outcome;
  }

  onFact(listener: (fact: DeviceFact) => void): () => void {
    this.factListeners = [...this.factListeners, listener];
    return () => {
      this.factListeners = this.factListeners.filter((l) => l !== listener);
    };
  }

  private tellFact(fact: DeviceFact): void {
    for (const l of this.factListeners) l(fact);
  }

  sendSms(number: string, text: string, signal?: AbortSignal): Promise<CommandOutcome> {
    return this.outcome(this.session.sendSms(number, text, signal ? { signal } : {}));
  }

  private async outcome(run: Promise<void>): Promise<CommandOutcome> {
    try {
      await run;
      return { ok: true };
    } catch (e) {
      const error = toSessionError(e);
      if (error.code !== 'at-error') throw error;
      return { ok: false, error: deviceError(error) };
    }
  }

  async sendRaw(line: string, options?: { readonly password?: string }): Promise<RawReply> {
    const previous = this.session.access;
    if (options?.password !== undefined)
      this.session.setAccess({ kind: 'password', password: options.password });
    try {
      const reply = await this.session.raw(line);
      if (!reply) return { lines: [], ok: true };
      const lines = [...reply.info.map((i) => `+${i.name}:${i.value}`), ...reply.text];
      return reply.status === 'ok'
        ? { lines, ok: true }
        : { lines, ok: false, error: { raw: reply.error.raw.trim(), meaning: reply.error.meaning } };
    } finally {
      this.session.setAccess(previous);
    }
  }

  writeRaw(bytes: Uint8Array): Promise<void> {
    return this.session.writeRaw(bytes);
  }

  listenAt(line: UartSettings): Promise<void> {
    return this.session.listenAt(line);
  }

  traffic(): readonly TrafficEntry[] {
    return this.session.log.entries().map((e) => this.entry(e));
  }

  onTraffic(listener: (entry: TrafficEntry) => void): () => void {
    this.trafficListeners = [...this.trafficListeners, listener];
    return () => {
      this.trafficListeners = this.trafficListeners.filter((l) => l !== listener);
    };
  }

  exportLog(options?: ExportLogOptions): string {
    return this.session.exportLog(options);
  }

  private entry(e: Pick<LogEntry, 'at' | 'dir' | 'bytes'>): TrafficEntry {
    return { at: Math.max(0, Math.round(e.at - this.openedAt)), dir: e.dir, bytes: e.bytes };
  }
}
