/**
 * The adapter between the UI's `SessionService` (session-service.ts) and the AT session (`src/session/`):
 * it maps the session's state union to the one the views render, gets a port (Web Serial or the
 * simulator's), and shapes operation results for the views. Nothing here talks AT itself.
 */
import { realClock, type Clock } from '../../clock/clock';
import type { UartSettings } from '../../protocol/uart';
import { PortError } from '../../serial/port-error';
import type { SerialPortLike } from '../../serial/serial-port-like';
import type { WebSerialTransport } from '../../serial/web-serial';
import type { SessionError } from '../../session/errors';
import { toSessionError } from '../../session/errors';
import type { SettingOutcome as SessionOutcome } from '../../session/ops/apply';
import { AtSession, FACTORY_UART } from '../../session/session';
import type { OperationName as SessionOperation, SessionState } from '../../session/state';
import { problemFrom } from '../logic/problems';
import type {
  ApplyPhase,
  ApplyProgress,
  ApplyReport,
  CommandOutcome,
  ConnectRequest,
  DeviceError,
  DeviceStatus,
  Identity,
  LinkFlag,
  ManageAction,
  OperationName,
  Problem,
  ProblemKind,
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
  restart: 'manage',
  manage: 'manage',
  sms: 'sms',
  raw: 'raw',
};

/** Session error codes as help kinds; port failures keep the port's own kind. */
function problemKind(error: SessionError): ProblemKind {
  if (error.port) return error.port.kind;
  switch (error.code) {
    case 'port':
      return 'disconnected';
    case 'timeout':
    case 'not-answering':
    case 'garbled':
    case 'restart-timeout':
    case 'baud-not-found':
      return 'no-answer';
    case 'at-error':
    case 'verify-mismatch':
    case 'invalid-value':
      return 'device-error';
    default:
      return 'unknown';
  }
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
  readonly session: AtSession;
  private readonly clock: Clock;
  private transport: Transport = 'simulator';
  /** A failure before the session had a port (no port picked, no Web Serial). */
  private early: Problem | undefined;
  private opening = false;
  private booting = false;
  private listeners: ((s: UiSessionState) => void)[] = [];
  private openedAt = 0;

  constructor(
    private readonly ports: PortSources,
    options: { readonly clock?: Clock } = {},
  ) {
    this.clock = options.clock ?? realClock;
    this.session = new AtSession({ clock: this.clock, platform: ports.webSerial.platform });
    this.session.subscribe(() => this.emit());
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
        return this.opening ? { kind: 'opening', transport } : { kind: 'working', transport, line };
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
        return { kind: 'failed', problem: problemOf(s.error), transport };
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
    this.opening = true;
    this.emit();
    let port: SerialPortLike;
    try {
      port = await this.port(request);
    } catch (e) {
      this.opening = false;
      this.early = problemFrom(e instanceof PortError ? e : (toSessionError(e).port ?? e));
      this.emit();
      throw e;
    }
    try {
      const line: UartSettings = request.line === 'auto' ? FACTORY_UART : request.line;
      await this.session.open(port, line);
      this.openedAt = this.clock.now();
      this.opening = false;
      try {
        await this.session.enterCommandMode();
      } catch (e) {
        const code = toSessionError(e).code;
        if (request.line !== 'auto' || (code !== 'not-answering' && code !== 'garbled')) throw e;
        await this.session.findBaudRate();
      }
    } finally {
      this.opening = false;
      this.emit();
    }
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
    const confirmed: Record<string, string> = {};
    for (const o of result.outcomes) if (o.readBack !== undefined) confirmed[o.name] = o.readBack;
    return {
      results: result.outcomes.map(outcomeOf),
      snapshot: result.snapshot,
      restarted: result.restarted,
      confirmed,
    };
  }

  async manage(action: ManageAction, signal?: AbortSignal): Promise<CommandOutcome> {
    return this.outcome(this.session.manage(action, signal ? { signal } : {}));
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

  traffic(): readonly TrafficEntry[] {
    return this.session.log.entries().map((e) => this.entry(e));
  }

  onTraffic(listener: (entry: TrafficEntry) => void): () => void {
    return this.session.log.subscribe((e) => listener(this.entry(e)));
  }

  exportLog(): string {
    return this.session.exportLog();
  }

  private entry(e: { at: number; dir: 'tx' | 'rx' | 'note'; bytes: Uint8Array }): TrafficEntry {
    return { at: Math.max(0, Math.round(e.at - this.openedAt)), dir: e.dir, bytes: e.bytes };
  }
}
