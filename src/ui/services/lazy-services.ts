/**
 * The services the root element provides, ready at once but loading their implementation on first use
 * (services/backend.ts). Before a connect, the session is `disconnected` and knows only whether Web Serial
 * is there; the simulator starts when a view asks for it.
 */
import type { UartSettings } from '../../protocol/uart';
import type { SimEvent, SimSnapshot, SimulatorControl } from '../../simulator/core/control';
import { webSerialAvailable } from '../../serial/availability';
import { FRAMED_MESSAGE, framedByOtherOrigin } from '../secrets/framing';
import { loadBackend, type Backend } from './backend';
import type {
  ApplyProgress,
  ApplyReport,
  CommandOutcome,
  ConnectRequest,
  DeviceFact,
  DeviceStatus,
  ExportLogOptions,
  Identity,
  LinkProof,
  ManageAction,
  ProveLinksOptions,
  RawReply,
  SessionService,
  TrafficEntry,
  UiSessionState,
} from './session-service';
import type { SimulatorService } from './simulator-service';

function hasWebSerial(): boolean {
  return webSerialAvailable(globalThis);
}

/** Delegates to the backend's session once loaded; until then it is disconnected. */
export class LazySession implements SessionService {
  private inner: SessionService | undefined;
  private listeners: ((s: UiSessionState) => void)[] = [];
  private trafficListeners: ((e: TrafficEntry) => void)[] = [];
  private factListeners: ((f: DeviceFact) => void)[] = [];
  readonly webSerialAvailable = hasWebSerial();

  constructor(private readonly load: () => Promise<Backend>) {}

  get state(): UiSessionState {
    return this.inner?.state ?? { kind: 'disconnected' };
  }

  subscribe(listener: (state: UiSessionState) => void): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  onTraffic(listener: (entry: TrafficEntry) => void): () => void {
    this.trafficListeners = [...this.trafficListeners, listener];
    return () => {
      this.trafficListeners = this.trafficListeners.filter((l) => l !== listener);
    };
  }

  traffic(): readonly TrafficEntry[] {
    return this.inner?.traffic() ?? [];
  }

  onFact(listener: (fact: DeviceFact) => void): () => void {
    this.factListeners = [...this.factListeners, listener];
    return () => {
      this.factListeners = this.factListeners.filter((l) => l !== listener);
    };
  }

  exportLog(options?: ExportLogOptions): string {
    return this.inner?.exportLog(options) ?? '';
  }

  async connect(request: ConnectRequest): Promise<void> {
    // No device action from inside another site's frame (secrets/framing.ts, docs/security.md).
    if (framedByOtherOrigin() !== undefined) throw new Error(FRAMED_MESSAGE.refused.en);
    const inner = await this.ensure();
    await inner.connect(request);
  }

  async disconnect(): Promise<void> {
    await this.inner?.disconnect();
  }

  dismissFailure(): void {
    this.inner?.dismissFailure();
  }

  identify(signal?: AbortSignal): Promise<Identity> {
    return this.need().identify(signal);
  }

  readStatus(signal?: AbortSignal): Promise<DeviceStatus> {
    return this.need().readStatus(signal);
  }

  readAll(
    onProgress?: (done: number, total: number, name: string) => void,
    signal?: AbortSignal,
  ): Promise<Readonly<Record<string, string>>> {
    return this.need().readAll(onProgress, signal);
  }

  apply(
    values: Readonly<Record<string, string>>,
    onProgress?: (progress: ApplyProgress) => void,
    signal?: AbortSignal,
  ): Promise<ApplyReport> {
    return this.need().apply(values, onProgress, signal);
  }

  proveLinks(options?: ProveLinksOptions): Promise<LinkProof> {
    return this.need().proveLinks(options);
  }

  manage(action: ManageAction, signal?: AbortSignal): Promise<CommandOutcome> {
    return this.need().manage(action, signal);
  }

  sendSms(number: string, text: string, signal?: AbortSignal): Promise<CommandOutcome> {
    return this.need().sendSms(number, text, signal);
  }

  sendRaw(line: string, options?: { readonly password?: string }): Promise<RawReply> {
    return this.need().sendRaw(line, options);
  }

  writeRaw(bytes: Uint8Array): Promise<void> {
    return this.need().writeRaw(bytes);
  }

  listenAt(line: UartSettings): Promise<void> {
    return this.need().listenAt(line);
  }

  private need(): SessionService {
    if (!this.inner) throw new Error('Not connected');
    return this.inner;
  }

  private async ensure(): Promise<SessionService> {
    if (this.inner) return this.inner;
    const backend = await this.load();
    if (!this.inner) {
      this.inner = backend.session;
      this.inner.subscribe((s) => {
        for (const l of this.listeners) l(s);
      });
      this.inner.onTraffic((e) => {
        for (const l of this.trafficListeners) l(e);
      });
      this.inner.onFact((f) => {
        for (const l of this.factListeners) l(f);
      });
    }
    return this.inner;
  }
}

/** How many recent events the simulator service keeps for late views. */
const RECENT_EVENTS = 600;

export class LazySimulator implements SimulatorService {
  private backend: Backend | undefined;
  private starting: Promise<SimulatorControl> | undefined;
  private events: SimEvent[] = [];

  constructor(private readonly load: () => Promise<Backend>) {}

  get started(): boolean {
    return this.backend !== undefined;
  }

  async get(): Promise<SimulatorControl> {
    this.starting ??= this.start();
    return this.starting;
  }

  private async start(): Promise<SimulatorControl> {
    const backend = await this.load();
    const sim = await backend.simulator();
    sim.onEvent((e) => {
      if (e.type === 'snapshot') return;
      this.events.push(e);
      if (this.events.length > RECENT_EVENTS * 1.5) this.events = this.events.slice(-RECENT_EVENTS);
    });
    this.backend = backend;
    return sim;
  }

  recent(): readonly SimEvent[] {
    return this.events.slice(-RECENT_EVENTS);
  }

  async snapshot(): Promise<SimSnapshot> {
    const sim = await this.get();
    return new Promise((resolve) => {
      const off = sim.onEvent((e) => {
        if (e.type === 'snapshot') {
          off();
          resolve(e.snapshot);
        }
      });
      sim.control({ type: 'get-snapshot' });
    });
  }

  unplug(): void {
    this.backend?.unplug();
  }

  plug(): void {
    this.backend?.plug();
  }
}

export function createServices(): { session: LazySession; simulator: LazySimulator } {
  return { session: new LazySession(loadBackend), simulator: new LazySimulator(loadBackend) };
}
