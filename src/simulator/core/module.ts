/**
 * The simulated USR-LTE-7S4: power, the serial line (with optional wire timing and garbage on mismatched
 * settings), flash, the radio attachment and restarts. The running firmware (firmware.ts) does the rest.
 * Deterministic: all time comes from the injected Clock, all randomness from a seeded PRNG.
 */
import type { Clock } from '../../clock/clock';
import type { UartSettings } from '../../protocol/uart';
import { VirtualWorld } from '../world/world';
import { attachMs, netBlinks } from '../world/radio';
import { findCommand } from '../../protocol/catalogue';
import { validateValue } from '../../protocol/validate';
import { readConfig } from './config';
import { BrokenSerial } from './broken';
import type {
  BrokenBehaviour,
  HttpResponseSpec,
  LedState,
  RadioState,
  LinkState,
  ModuleIdentity,
  ModuleMode,
  RestartKind,
  ServerBehaviour,
  SimCommand,
  SimEvent,
  SimFaults,
  SimSnapshot,
  SimStartState,
  SimulatorControl,
  SocketId,
} from './control';
import { BROKEN_BEHAVIOURS, SOCKET_IDS } from './control';
import { Firmware } from './firmware';
import { checkStartState } from './start-state';
import { Flash, type FlashContents } from './flash';
import { DEFAULT_IDENTITY } from './identity';
import { Prng } from './prng';
import { DEFAULT_TIMINGS, SERIAL_TX_BUFFER_BYTES, type ModuleTimings } from './timings';
import { TimerGroup } from './timers';
import {
  completeFirmware,
  MANUAL_FIRMWARE,
  normaliseFirmwareSelection,
  resolveFirmware,
  selectionOfFirmware,
  type FirmwareSelection,
  type FirmwareVariant,
} from './variants';
import { WireDirection } from './wire';
import { addLineNoise, lineNoiseRate } from './line-noise';

export interface SimulatedModuleOptions {
  readonly clock: Clock;
  /** The world around the module; a new default world when absent. */
  readonly world?: VirtualWorld;
  readonly identity?: Partial<ModuleIdentity>;
  /** Each character takes bitsPerCharacter/baud on the wire (default false: writes arrive at once). */
  readonly wireTiming?: boolean;
  /** Seed of the line-garbage PRNG. */
  readonly seed?: number;
  readonly timings?: Partial<ModuleTimings>;
  /** Power on at construction (default true); the module then boots for `timings.bootMs`. */
  readonly poweredOn?: boolean;
  /**
   * Start as a module that was powered up a while ago: booted and registered on the network at once.
   * Hosts use it so a person picking the simulator does not wait a full boot; power cycles still take it.
   */
  readonly startRunning?: boolean;
  /**
   * Which firmware the module runs (variants.ts): preset and switch names combined left to right, or the
   * switches themselves. Default: the manual's reading (`MANUAL_FIRMWARE`). Unknown names throw.
   */
  readonly firmware?: FirmwareSelection | Partial<FirmwareVariant>;
  /** A device that does not behave like a 7S4 (control.ts `BrokenBehaviour`; default null: a 7S4). */
  readonly broken?: BrokenBehaviour | null;
  /** Flash as an earlier run left it (host/saved-state.ts): the module starts with these settings. */
  readonly flash?: FlashContents;
}

/** Clock ms between two `serial-drop` events while data keeps being dropped. */
export const SERIAL_DROP_EVENT_MS = 1000;

/** Reload pin held low this long after power-up restores factory settings (2.3.8). */
export const RELOAD_MIN_MS = 3000;
export const RELOAD_MAX_MS = 15000;

type Phase = 'off' | 'booting' | 'restarting' | 'running';

export class SimulatedModule implements SimulatorControl {
  readonly clock: Clock;
  readonly world: VirtualWorld;
  readonly timings: ModuleTimings;
  readonly flash: Flash;
  private readonly wireIn: WireDirection;
  private readonly wireOut: WireDirection;
  private readonly serialListeners = new Set<(bytes: Uint8Array) => void>();
  private hostLine: UartSettings | null = null;
  private phase: Phase = 'off';
  private firmware: Firmware | undefined;
  /** Timers of power-up, restarts, attach, Reload: cancelled by power-off. */
  private power: TimerGroup;
  private isAttached = false;
  private attachTimer: { cancel(): void } | undefined;
  private lastLeds: LedState = { pwr: false, work: false, net: 0, linkA: false, linkB: false };
  private lastMode: ModuleMode = 'off';
  private variant: FirmwareVariant = MANUAL_FIRMWARE;
  private selection: readonly string[] = [];
  /** Seeded apart from the line garbage, so a variant's delays do not change the garbage and back. */
  private readonly processingPrng: Prng;
  private processingSpent = 0;
  private brokenBehaviour: BrokenBehaviour | null = null;
  /** The serial side of a `spam-ok` / `echo-only` device (one per firmware life). */
  private brokenSerial: BrokenSerial | undefined;
  private dropped = 0;
  private lastDropEvent = -Infinity;
  private dropEventTimer: { cancel(): void } | undefined;
  /** The trainer's faults (control.ts `SimFaults`): line noise and a UART rate the host does not know. */
  private noiseRate = 0;
  private wrongBaud: number | null = null;
  /** Seeded apart from the line garbage, so turning noise on does not change the garbage and back. */
  private readonly noisePrng: Prng;

  constructor(options: SimulatedModuleOptions) {
    this.clock = options.clock;
    this.world = options.world ?? new VirtualWorld({ clock: options.clock });
    this.timings = { ...DEFAULT_TIMINGS, ...options.timings };
    this.flash = new Flash({ ...DEFAULT_IDENTITY, ...options.identity });
    if (options.flash) this.flash.restore(options.flash);
    const prng = new Prng(options.seed ?? 0x7534);
    this.processingPrng = new Prng((options.seed ?? 0x7534) ^ 0x5eed_f00d);
    this.noisePrng = new Prng((options.seed ?? 0x7534) ^ 0x0a15_e5ed);
    if (options.firmware !== undefined) this.applyFirmware(options.firmware);
    this.brokenBehaviour = brokenOrNull(options.broken);
    const timing = options.wireTiming ?? false;
    this.wireIn = new WireDirection(
      this.clock,
      prng,
      timing,
      () => this.uart,
      (received, firstEnd, charMs) => {
        if (this.phase !== 'running') return;
        const bytes = this.noisy(received);
        if (bytes.length === 0) return;
        if (this.brokenSerial) this.brokenSerial.rx(bytes, firstEnd, charMs);
        else this.firmware?.rx(bytes, firstEnd, charMs);
      },
    );
    this.wireOut = new WireDirection(
      this.clock,
      prng,
      timing,
      () => this.hostLine ?? undefined,
      (sent) => {
        const bytes = this.noisy(sent);
        if (bytes.length === 0) return;
        for (const l of this.serialListeners) l(bytes);
        if (this.world.hub.active) {
          // Nothing left on the line behind these bytes: the module's write is complete (a log's line ends).
          const end = this.wireOut.backlog === 0;
          this.world.hub.emit({ type: 'serial-out', at: this.clock.now(), bytes, end });
        }
      },
    );
    this.power = new TimerGroup(this.clock);
    this.world.attachModule({
      canReceiveSms: () => this.phase === 'running' && this.isAttached && this.firmware !== undefined,
      receiveSms: (from, text) => this.firmware?.receiveSms(from, text) ?? false,
    });
    this.world.radio.onChange(() => this.radioChanged());
    if (options.startRunning) this.startAlreadyRunning();
    else if (options.poweredOn ?? true) this.powerOn();
  }

  // ---------------------------------------------------------------- serial side

  /** Bytes from the host, sent with the host's port settings. */
  hostWrite(bytes: Uint8Array, hostLine: UartSettings): void {
    this.hostLine = hostLine;
    if (this.world.hub.active && bytes.length > 0)
      this.world.hub.emit({ type: 'serial-in', at: this.clock.now(), bytes: bytes.slice() });
    this.wireIn.send(bytes.slice(), hostLine);
  }

  /** The host opened its port with these settings (null: closed); output is garbled when they differ. */
  setHostLine(line: UartSettings | null): void {
    this.hostLine = line;
  }

  /** Bytes the module sends to the host, as the host receives them. Returns the unsubscribe function. */
  onSerialOutput(listener: (bytes: Uint8Array) => void): () => void {
    this.serialListeners.add(listener);
    return () => this.serialListeners.delete(listener);
  }

  /** Clock time at which everything the host has written so far has reached the module. */
  get hostWriteDoneAt(): number {
    return this.wireIn.idleAt;
  }

  /** Clock time at which everything the module has sent so far has reached the host. */
  get outputDoneAt(): number {
    return this.wireOut.idleAt;
  }

  // ---------------------------------------------------------------- control API

  onEvent(listener: (event: SimEvent) => void): () => void {
    return this.world.hub.on(listener);
  }

  control(command: SimCommand): void {
    switch (command.type) {
      case 'serial-write':
        this.hostWrite(command.bytes, command.line);
        return;
      case 'serial-line':
        this.setHostLine(command.line);
        return;
      case 'server-send':
        this.world.servers[command.socket].send(command.bytes);
        return;
      case 'set-server-behaviour':
        this.setServerBehaviour(command.socket, command.behaviour);
        return;
      case 'drop-link':
        this.world.servers[command.socket].drop();
        return;
      case 'set-radio':
        this.world.radio.set({ network: command.network, rssi: command.rssi });
        return;
      case 'power-cycle':
        this.powerCycle(command.offMs);
        return;
      case 'set-power':
        if (command.on) this.powerOn();
        else this.powerOff();
        return;
      case 'press-reload':
        this.pressReload(command.ms);
        return;
      case 'reset-demo':
        this.resetDemo();
        return;
      case 'phone-send':
        this.world.phoneSend(command.text);
        return;
      case 'set-http-response':
        this.world.http.response = command.response;
        return;
      case 'set-unknown-hosts':
        this.world.dns.setUnknown(command.hosts);
        return;
      case 'get-snapshot':
        this.world.hub.emit({ type: 'snapshot', at: this.clock.now(), snapshot: this.snapshot() });
        return;
      case 'set-firmware':
        this.setFirmware(command.selection);
        return;
      case 'server-stream': {
        if (!SOCKET_IDS.includes(command.socket)) return;
        const s = this.world.setStream(command.socket, command.bytesPerSecond, command.pattern);
        this.world.hub.emit({ type: 'server-stream', at: this.clock.now(), socket: command.socket, ...s });
        return;
      }
      case 'set-broken':
        this.setBroken(command.behaviour);
        return;
      case 'set-line-noise':
        this.noiseRate = lineNoiseRate(command.rate);
        this.faultsChanged();
        return;
      case 'set-wrong-baud':
        this.setWrongBaud(command.baud);
        return;
      case 'swap-module':
        this.swapModule(
          command.stored ?? {},
          command.identity ?? {},
          command.offMs,
          command.running === true,
        );
        return;
      case 'set-server-timing':
        if (!SOCKET_IDS.includes(command.socket)) return;
        this.world.setServerTiming(command.socket, command.idleCloseSeconds, command.echoDelayMs);
        return;
      case 'load-state':
        this.loadState(command.state);
        return;
    }
  }

  /**
   * Starts again from `state` (`load-state`, start-state.ts): world and flash as new, the state over them,
   * and the module running at once (booted and attached, as `startRunning`). A part the state gets wrong
   * (a setting the catalogue refuses, an unknown firmware name, a bad radio) changes nothing at all.
   */
  loadState(state: SimStartState): void {
    const checked = checkStartState(state);
    if (!checked.ok) {
      this.world.hub.emit({ type: 'state-loaded', at: this.clock.now(), error: checked.error });
      return;
    }
    const start = checked.state;
    // Told first, so a listener that starts recording at this event sees every event of the new start.
    this.world.hub.emit({ type: 'state-loaded', at: this.clock.now() });
    this.powerOff();
    this.world.reset();
    this.flash.wipe();
    this.flash.restore({ stored: start.settings, user: start.settings });
    if (start.firmware) this.applyFirmware(start.firmware);
    if (start.radio) this.world.radio.set(start.radio);
    for (const s of SOCKET_IDS) {
      const b = start.behaviours[s];
      if (b) this.world.setBehaviour(s, b);
      const t = start.serverTiming[s];
      if (t) this.world.setServerTiming(s, t.idleCloseSeconds ?? 0, t.echoDelayMs ?? 0);
    }
    this.world.dns.setUnknown(start.unknownHosts);
    // An exercise is about a 7S4: a device left "broken" by an earlier lesson is one again.
    if (this.brokenBehaviour) this.setBroken(null);
    this.startAlreadyRunning();
    this.stateChanged();
  }

  /**
   * Another module on the same cable (`swap-module`): its flash holds `stored` over the factory settings
   * (the catalogue's gate: a setting it refuses keeps its factory value and is reported) and `identity`
   * over the first one. Powered off now, on after `offMs`, so the host sees a power-on as with a real swap.
   */
  swapModule(
    stored: Readonly<Record<string, string>>,
    identity: Partial<ModuleIdentity>,
    offMs = 1000,
    running = false,
  ): void {
    const { settings, refused } = acceptedSettings(stored);
    this.powerOff();
    this.flash.wipe();
    this.flash.restore({
      stored: settings,
      user: settings,
      identity: { ...this.flash.identity, ...definedFields(identity) },
    });
    this.world.hub.emit({
      type: 'module-swapped',
      at: this.clock.now(),
      identity: this.flash.identity,
      refused,
    });
    this.clock.setTimer(Math.max(0, offMs), () => {
      if (!running) this.powerOn();
      // Already running: booted and attached at once, as a module that was on for a while.
      else if (this.phase === 'off') this.startAlreadyRunning();
    });
  }

  /**
   * Makes the module a device that does not behave like a 7S4 (broken.ts), or a 7S4 again (null). At once;
   * kept over restarts and `reset-demo` (it is the device's kind, like the firmware). Answered by `broken`.
   */
  setBroken(behaviour: BrokenBehaviour | null): void {
    this.brokenBehaviour = brokenOrNull(behaviour);
    this.makeBrokenSerial();
    this.world.hub.emit({ type: 'broken', at: this.clock.now(), behaviour: this.brokenBehaviour });
  }

  /** The device's broken behaviour, or null for a 7S4. */
  get broken(): BrokenBehaviour | null {
    return this.brokenBehaviour;
  }

  /** The trainer's faults in force. */
  get faults(): SimFaults {
    const delays = Object.fromEntries(SOCKET_IDS.map((s) => [s, this.world.servers[s].echoDelayMs]));
    return {
      serverDelayMs: delays as Record<SocketId, number>,
      lineNoise: this.noiseRate,
      wrongBaud: this.wrongBaud,
    };
  }

  private faultsChanged(): void {
    this.world.hub.emit({ type: 'faults', at: this.clock.now(), faults: this.faults });
  }

  /** Bytes as the noisy line leaves them (the trainer's line-noise fault); unchanged on a clean line. */
  private noisy(bytes: Uint8Array): Uint8Array {
    return this.noiseRate > 0 ? addLineNoise(bytes, this.noiseRate, this.noisePrng) : bytes;
  }

  /**
   * The UART runs at `baud` from now on, the stored AT+UART unchanged (null: the stored rate again). A rate
   * that is not a positive whole number is ignored. The running firmware changes at once; restarts keep it.
   */
  setWrongBaud(baud: number | null): void {
    const valid = baud === null || (Number.isInteger(baud) && baud > 0 && baud <= 4_000_000);
    if (valid) this.wrongBaud = baud;
    // The faults first, so a listener knows why the UART changes when the `uart` event comes.
    this.faultsChanged();
    const fw = this.phase === 'running' ? this.firmware : undefined;
    if (valid && fw) {
      fw.uart = { ...fw.config.uart, ...(baud === null ? {} : { baud }) };
      this.world.hub.emit({ type: 'uart', at: this.clock.now(), uart: fw.uart, reason: 'fault' });
    }
  }

  /** Network data dropped so far because the serial side could not take it. */
  get serialDropped(): number {
    return this.dropped;
  }

  private makeBrokenSerial(): void {
    const b = this.brokenBehaviour;
    this.brokenSerial =
      b === 'spam-ok' || b === 'echo-only'
        ? new BrokenSerial(b, {
            clock: this.clock,
            group: this.power,
            tx: (bytes) => this.wireOut.send(bytes, this.uart),
            frameGapMs: () => this.firmware?.config.frameGapMs ?? 50,
          })
        : undefined;
  }

  /** Room in the module's buffer toward the serial side, bytes (wire timing off: always all of it). */
  private serialRoom(): number {
    return Math.max(0, SERIAL_TX_BUFFER_BYTES - this.wireOut.backlog);
  }

  private serialDrop(n: number): void {
    this.dropped += n;
    const now = this.clock.now();
    if (now - this.lastDropEvent >= SERIAL_DROP_EVENT_MS) {
      this.lastDropEvent = now;
      this.world.hub.emit({ type: 'serial-drop', at: now, dropped: this.dropped });
      return;
    }
    // The last drop of a burst is reported too, at most a second after the previous event.
    this.dropEventTimer ??= this.clock.setTimer(this.lastDropEvent + SERIAL_DROP_EVENT_MS - now, () => {
      this.dropEventTimer = undefined;
      this.lastDropEvent = this.clock.now();
      this.world.hub.emit({ type: 'serial-drop', at: this.lastDropEvent, dropped: this.dropped });
    });
  }

  /**
   * Switches the firmware variant at once (the running firmware follows; the start message at the next
   * start). A `firmware` event reports the selection in force; on an unknown name the variant stays as it
   * was and the event carries the error (a control command never throws). Returns false then.
   */
  setFirmware(selection: FirmwareSelection | Partial<FirmwareVariant>): boolean {
    let error: string | undefined;
    try {
      this.applyFirmware(selection);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    this.world.hub.emit({
      type: 'firmware',
      at: this.clock.now(),
      selection: [...this.selection],
      ...(error === undefined ? {} : { error }),
    });
    if (error === undefined) this.firmware?.variantChanged();
    return error === undefined;
  }

  private applyFirmware(selection: FirmwareSelection | Partial<FirmwareVariant>): void {
    if (typeof selection !== 'object' || selection === null) {
      throw new Error('A firmware selection is a list of variant names (or the switches as an object)');
    }
    if (Array.isArray(selection)) {
      const names = normaliseFirmwareSelection(selection as FirmwareSelection);
      this.variant = resolveFirmware(names);
      this.selection = Object.freeze(names);
    } else {
      this.variant = completeFirmware(selection as Partial<FirmwareVariant>);
      this.selection = Object.freeze(selectionOfFirmware(this.variant));
    }
  }

  /** The firmware variant in force (`MANUAL_FIRMWARE` unless chosen). */
  get firmwareVariant(): FirmwareVariant {
    return this.variant;
  }

  /** The current selection in canonical form: preset names, `[]` for the manual. */
  get firmwareSelection(): readonly string[] {
    return this.selection;
  }

  /**
   * Sum of the processing delays (variant `processing`) actually applied to serial-side commands since
   * construction, ms: a benchmark adds it to the wire time to get the variant's total.
   */
  get processingSpentMs(): number {
    return this.processingSpent;
  }

  setServerBehaviour(socket: SocketId, behaviour: ServerBehaviour): void {
    this.world.setBehaviour(socket, behaviour);
  }

  /** The socket's server sends bytes to the module; false when that socket is not connected. */
  serverSend(socket: SocketId, bytes: Uint8Array): boolean {
    return this.world.servers[socket].send(bytes);
  }

  /** The socket's server closes the connection; false when there was none. */
  dropLink(socket: SocketId): boolean {
    return this.world.servers[socket].drop();
  }

  setRadio(radio: RadioState): void {
    this.world.radio.set(radio);
  }

  phoneSend(text: string): void {
    this.world.phoneSend(text);
  }

  setHttpResponse(response: HttpResponseSpec): void {
    this.world.http.response = response;
  }

  // ---------------------------------------------------------------- state

  get mode(): ModuleMode {
    switch (this.phase) {
      case 'off':
        return 'off';
      case 'booting':
        return 'booting';
      case 'restarting':
        return 'restarting';
      default:
        return this.firmware?.mode ?? 'off';
    }
  }

  get powered(): boolean {
    return this.phase !== 'off';
  }

  /** The firmware is up (not off, booting or restarting). */
  get ready(): boolean {
    return this.phase === 'running';
  }

  get attached(): boolean {
    return this.isAttached;
  }

  /** The UART in force (stored AT+UART while not running). */
  get uart(): UartSettings {
    return this.firmware?.uart ?? readConfig(this.flash.stored).uart;
  }

  get stored(): Readonly<Record<string, string>> {
    return this.flash.stored;
  }

  get running(): Readonly<Record<string, string>> {
    return this.firmware?.config.values ?? {};
  }

  get identity(): ModuleIdentity {
    return this.flash.identity;
  }

  get leds(): LedState {
    const on = this.phase !== 'off';
    const fw = this.phase === 'running' ? this.firmware : undefined;
    return {
      pwr: on,
      work: fw !== undefined,
      net: on ? netBlinks(this.world.radio.current, this.isAttached) : 0,
      linkA: fw?.linkState('A') === 'connected',
      linkB: fw?.linkState('B') === 'connected',
    };
  }

  linkState(socket: SocketId): LinkState {
    return this.phase === 'running' ? (this.firmware?.linkState(socket) ?? 'disabled') : 'disabled';
  }

  snapshot(): SimSnapshot {
    const rec = <T>(f: (s: SocketId) => T): Record<SocketId, T> =>
      Object.fromEntries(SOCKET_IDS.map((s) => [s, f(s)])) as Record<SocketId, T>;
    const channel = (s: SocketId) =>
      this.phase === 'running' ? this.firmware?.sockets[SOCKET_IDS.indexOf(s)] : undefined;
    return {
      at: this.clock.now(),
      mode: this.mode,
      leds: this.leds,
      links: rec((s) => this.linkState(s)),
      behaviours: rec((s) => this.world.servers[s].behaviour),
      radio: this.world.radio.current,
      uart: this.uart,
      stored: { ...this.flash.stored },
      running: { ...this.running },
      identity: this.identity,
      cache: rec((s) => ({ bytes: channel(s)?.cachedBytes ?? 0, dropped: channel(s)?.dropped ?? 0 })),
      firmware: [...this.selection],
      streams: rec((s) => this.world.stream(s)),
      broken: this.brokenBehaviour,
      serialDropped: this.dropped,
      processingMs: this.processingSpent,
      faults: this.faults,
    };
  }

  // ---------------------------------------------------------------- power and restarts

  powerOn(): void {
    if (this.phase !== 'off') return;
    this.power = new TimerGroup(this.clock);
    this.beginStart('power');
  }

  private startAlreadyRunning(): void {
    this.power = new TimerGroup(this.clock);
    this.boot('power');
    this.attachTimer?.cancel();
    this.attachTimer = undefined;
    if (this.world.radio.current.network !== 'none') this.setAttached(true);
  }

  powerOff(): void {
    if (this.phase === 'off') return;
    this.stopFirmware();
    this.power.cancelAll();
    this.attachTimer = undefined;
    this.isAttached = false;
    this.wireIn.clear();
    this.wireOut.clear();
    this.phase = 'off';
    this.stateChanged();
  }

  /** Power off, then on after `offMs`. */
  powerCycle(offMs = 1000): void {
    this.powerOff();
    this.clock.setTimer(offMs, () => this.powerOn());
  }

  /** Holds the Reload pin low for `ms` (2.3.8): 3–15 s while powered restores factory settings. */
  pressReload(ms: number): void {
    if (this.phase === 'off') return;
    this.power.after(ms, () => {
      if (this.phase === 'off' || ms < RELOAD_MIN_MS || ms > RELOAD_MAX_MS) return;
      this.flash.restoreFactory();
      this.world.hub.emit({ type: 'settings-restored', at: this.clock.now(), source: 'factory' });
      this.restart('reboot');
    });
  }

  /** The demo as new: world, factory settings, first identity; then power-up. */
  resetDemo(): void {
    this.powerOff();
    this.world.reset();
    this.flash.wipe();
    this.hostLine = null;
    this.powerOn();
  }

  /** AT+Z ('app': fast, the radio stays attached) or a full reboot (slow, re-attach). */
  restart(kind: 'app' | 'reboot'): void {
    if (this.phase === 'off') return;
    this.stopFirmware();
    this.beginStart(kind);
  }

  private beginStart(kind: RestartKind): void {
    const full = kind !== 'app';
    if (full) {
      this.attachTimer?.cancel();
      this.attachTimer = undefined;
      this.isAttached = false;
    }
    this.phase = full ? 'booting' : 'restarting';
    this.world.hub.emit({ type: 'restart', at: this.clock.now(), kind, phase: 'start' });
    this.stateChanged();
    this.power.after(full ? this.timings.bootMs : this.timings.appRestartMs, () => this.boot(kind));
  }

  private boot(kind: RestartKind): void {
    if (kind !== 'app') this.flash.installPending();
    const fw = new Firmware(
      {
        clock: this.clock,
        world: this.world,
        hub: this.world.hub,
        flash: this.flash,
        timings: this.timings,
        txSerial: (bytes) => this.wireOut.send(bytes, fw.uart),
        restart: (k) => this.restart(k),
        variant: () => this.variant,
        random: () => this.processingPrng.float(),
        processed: (ms) => {
          this.processingSpent += ms;
        },
        attached: () => this.isAttached,
        stateChanged: () => this.stateChanged(),
        broken: () => this.brokenBehaviour,
        serialRoom: () => this.serialRoom(),
        serialDropped: (n) => this.serialDrop(n),
      },
      readConfig({ ...this.flash.stored }),
    );
    if (this.wrongBaud !== null) fw.uart = { ...fw.uart, baud: this.wrongBaud };
    this.firmware = fw;
    this.makeBrokenSerial();
    this.phase = 'running';
    fw.start();
    this.world.hub.emit({ type: 'restart', at: this.clock.now(), kind, phase: 'done' });
    this.stateChanged();
    if (!this.isAttached) this.scheduleAttach();
  }

  private stopFirmware(): void {
    const fw = this.firmware;
    this.firmware = undefined;
    fw?.stop();
  }

  private scheduleAttach(): void {
    if (this.attachTimer || this.phase !== 'running') return;
    const radio = this.world.radio.current;
    if (radio.network === 'none') return;
    this.attachTimer = this.power.after(attachMs(radio.network) * this.timings.attachScale, () => {
      this.attachTimer = undefined;
      if (this.world.radio.current.network === 'none') return;
      this.setAttached(true);
    });
  }

  private setAttached(on: boolean): void {
    if (this.isAttached === on) return;
    this.isAttached = on;
    this.world.hub.emit({
      type: 'radio',
      at: this.clock.now(),
      radio: this.world.radio.current,
      attached: on,
    });
    this.firmware?.networkChanged();
    this.stateChanged();
  }

  private radioChanged(): void {
    if (this.phase === 'off') return;
    if (this.world.radio.current.network === 'none') {
      this.attachTimer?.cancel();
      this.attachTimer = undefined;
      if (this.isAttached) return this.setAttached(false);
    } else if (!this.isAttached && this.phase === 'running') this.scheduleAttach();
    this.world.hub.emit({
      type: 'radio',
      at: this.clock.now(),
      radio: this.world.radio.current,
      attached: this.isAttached,
    });
    this.stateChanged();
  }

  /** Emits `mode` and `leds` events when they changed. */
  private stateChanged(): void {
    const mode = this.mode;
    if (mode !== this.lastMode) {
      this.lastMode = mode;
      this.world.hub.emit({ type: 'mode', at: this.clock.now(), mode });
    }
    const leds = this.leds;
    const l = this.lastLeds;
    if (
      leds.pwr !== l.pwr ||
      leds.work !== l.work ||
      leds.net !== l.net ||
      leds.linkA !== l.linkA ||
      leds.linkB !== l.linkB
    ) {
      this.lastLeds = leds;
      this.world.hub.emit({ type: 'leds', at: this.clock.now(), leds });
    }
  }
}

/** The settings the catalogue accepts (canonical values) and the rest with the reason. */
function acceptedSettings(stored: Readonly<Record<string, string>>): {
  settings: Record<string, string>;
  refused: { name: string; reason: string }[];
} {
  const settings: Record<string, string> = {};
  const refused: { name: string; reason: string }[] = [];
  for (const [name, value] of Object.entries(stored)) {
    const entry = findCommand(name);
    if (entry?.kind !== 'setting') {
      refused.push({ name, reason: 'not a setting of the 7S4' });
      continue;
    }
    const checked = validateValue(entry, value);
    if (checked.ok) settings[entry.name] = checked.value;
    else refused.push({ name, reason: checked.error.message.en });
  }
  return { settings, refused };
}

/** Identity fields given as non-empty printable text. */
function definedFields(identity: Partial<ModuleIdentity>): Partial<ModuleIdentity> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(identity)) {
    if (typeof value === 'string' && /^[\x20-\x7e]{1,64}$/.test(value)) out[key] = value;
  }
  return out as Partial<ModuleIdentity>;
}

function brokenOrNull(b: unknown): BrokenBehaviour | null {
  return BROKEN_BEHAVIOURS.includes(b as BrokenBehaviour) ? (b as BrokenBehaviour) : null;
}
