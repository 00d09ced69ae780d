/**
 * The simulated module's state as it is kept between runs of the worker (a page reload, a browser
 * restart): what its flash holds (stored settings, user defaults, identity), its firmware variant, and the
 * world's server behaviours and timing, radio, unknown host names and the trainer's faults. Not the moment-to-moment state (mode, links, caches): the module
 * starts running with these settings, as after a power cycle.
 *
 * Plain data (postMessage, IndexedDB). `checkSavedState` is the gate for anything read back: settings
 * must be catalogue settings with valid values (canonical), names known, or the whole state is refused or
 * the bad part dropped.
 */
import { factoryDefaults, findCommand } from '../../protocol/catalogue';
import { validateValue } from '../../protocol/validate';
import type {
  ModuleIdentity,
  NetworkType,
  RadioState,
  ServerBehaviour,
  SimFaults,
  SimulatorControl,
  SocketId,
} from '../core/control';
import { lineNoiseRate } from '../core/line-noise';
import { SOCKET_IDS } from '../core/control';
import { DEFAULT_IDENTITY } from '../core/identity';
import type { SimulatedModule } from '../core/module';
import { normaliseFirmwareSelection } from '../core/variants';
import { DEFAULT_RADIO } from '../world/radio';

export interface ModuleSavedState {
  /** Stored settings (canonical), all of them. */
  readonly stored: Readonly<Record<string, string>>;
  /** User defaults (AT+CFGTF), brought back by AT+RELD. */
  readonly user: Readonly<Record<string, string>>;
  readonly identity: ModuleIdentity;
  /** Firmware variant selection (preset names; `[]` = the manual's). */
  readonly firmware: readonly string[];
  readonly behaviours: Readonly<Record<SocketId, ServerBehaviour>>;
  readonly radio: RadioState;
  /**
   * The trainer's faults a reload must keep (slow servers, line noise, wrong baud; network, signal and
   * refusing servers are the radio and behaviours above). Absent: none (states saved before faults).
   */
  readonly faults?: SimFaults;
  /**
   * Host names the world's DNS does not resolve (`set-unknown-hosts`, `load-state`'s `unknownHosts`),
   * lower case. Absent: none (states saved before they were kept).
   */
  readonly unknownHosts?: readonly string[];
  /**
   * Per socket, after how many seconds without data its virtual server closes the connection
   * (`set-server-timing`'s `idleCloseSeconds`; 0: never). The echo delay is `faults.serverDelayMs`.
   * Absent: never.
   */
  readonly serverIdleCloseSeconds?: Readonly<Record<SocketId, number>>;
}

/** Unknown host names kept at most (a trainer's list is a handful; a corrupted record could be anything). */
const MAX_UNKNOWN_HOSTS = 64;
const NO_IDLE_CLOSE: Readonly<Record<SocketId, number>> = { A: 0, B: 0, C: 0, D: 0 };

/** Unknown hosts read back (untrusted): non-empty printable names up to 253 characters, lower case, once each. */
function checkUnknownHosts(x: unknown): string[] {
  if (!Array.isArray(x)) return [];
  const names = x
    .filter((h): h is string => typeof h === 'string')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h.length > 0 && h.length <= 253 && /^[\x21-\x7e]+$/.test(h));
  return [...new Set(names)].slice(0, MAX_UNKNOWN_HOSTS);
}

/** Idle-close times read back (untrusted): whole seconds 0…86400 (the world's range), anything else 0. */
function checkIdleClose(x: unknown): Record<SocketId, number> {
  const record = isObject(x) ? x : {};
  const seconds = (v: unknown): number =>
    typeof v === 'number' && Number.isFinite(v) ? Math.min(86_400, Math.max(0, Math.floor(v))) : 0;
  return {
    A: seconds(record['A']),
    B: seconds(record['B']),
    C: seconds(record['C']),
    D: seconds(record['D']),
  };
}

function sameWorldExtras(a: ModuleSavedState, b: ModuleSavedState): boolean {
  const hosts = (s: ModuleSavedState): string => [...(s.unknownHosts ?? [])].sort().join('\n');
  const idleA = a.serverIdleCloseSeconds ?? NO_IDLE_CLOSE;
  const idleB = b.serverIdleCloseSeconds ?? NO_IDLE_CLOSE;
  return hosts(a) === hosts(b) && SOCKET_IDS.every((s) => idleA[s] === idleB[s]);
}

const NO_FAULTS: SimFaults = { serverDelayMs: { A: 0, B: 0, C: 0, D: 0 }, lineNoise: 0, wrongBaud: null };

function sameFaults(a: SimFaults = NO_FAULTS, b: SimFaults = NO_FAULTS): boolean {
  return (
    a.lineNoise === b.lineNoise &&
    a.wrongBaud === b.wrongBaud &&
    SOCKET_IDS.every((s) => a.serverDelayMs[s] === b.serverDelayMs[s])
  );
}

/** Faults read back (untrusted): numbers in range, anything else off. */
function checkFaults(x: unknown): SimFaults {
  if (!isObject(x)) return NO_FAULTS;
  const delays = isObject(x['serverDelayMs']) ? x['serverDelayMs'] : {};
  const delay = (v: unknown): number =>
    typeof v === 'number' && Number.isFinite(v) ? Math.min(600_000, Math.max(0, Math.floor(v))) : 0;
  const baud = x['wrongBaud'];
  return {
    serverDelayMs: {
      A: delay(delays['A']),
      B: delay(delays['B']),
      C: delay(delays['C']),
      D: delay(delays['D']),
    },
    lineNoise: lineNoiseRate(x['lineNoise']),
    wrongBaud:
      typeof baud === 'number' && Number.isInteger(baud) && baud > 0 && baud <= 4_000_000 ? baud : null,
  };
}

/** Puts the saved faults back on a module started from `state` (the worker, after `new SimulatedModule`). */
export function restoreFaults(module: SimulatorControl, state: ModuleSavedState): void {
  const f = state.faults;
  if (!f) return;
  if (f.lineNoise > 0) module.control({ type: 'set-line-noise', rate: f.lineNoise });
  if (f.wrongBaud !== null) module.control({ type: 'set-wrong-baud', baud: f.wrongBaud });
  for (const socket of SOCKET_IDS) {
    const ms = f.serverDelayMs[socket];
    // The idle close shares the command: set again with it, or this would clear it (restoreWorld set it).
    const idleCloseSeconds = state.serverIdleCloseSeconds?.[socket] ?? 0;
    if (ms > 0) module.control({ type: 'set-server-timing', socket, idleCloseSeconds, echoDelayMs: ms });
  }
}

const BEHAVIOURS: readonly ServerBehaviour[] = ['echo', 'silent', 'refuse'];
const NETWORKS: readonly NetworkType[] = ['none', '2G', '3G', '4G'];

/** The state of `module` now. */
export function savedStateOf(module: SimulatedModule): ModuleSavedState {
  return {
    stored: { ...module.flash.stored },
    user: { ...module.flash.user },
    identity: { ...module.flash.identity },
    firmware: [...module.firmwareSelection],
    behaviours: Object.fromEntries(SOCKET_IDS.map((s) => [s, module.world.servers[s].behaviour])) as Record<
      SocketId,
      ServerBehaviour
    >,
    radio: { ...module.world.radio.current },
    faults: module.faults,
    unknownHosts: module.world.dns.unknownHosts,
    serverIdleCloseSeconds: Object.fromEntries(
      SOCKET_IDS.map((s) => [s, Math.floor(module.world.servers[s].idleCloseMs / 1000)]),
    ) as Record<SocketId, number>,
  };
}

/** The demo's start: what a new module in a new world has. */
export function pristineState(): ModuleSavedState {
  return {
    stored: { ...factoryDefaults() },
    user: { ...factoryDefaults() },
    identity: { ...DEFAULT_IDENTITY },
    firmware: [],
    behaviours: { A: 'echo', B: 'echo', C: 'echo', D: 'echo' },
    radio: { ...DEFAULT_RADIO },
  };
}

/** The same state (settings compared by value, in any order). */
export function sameState(a: ModuleSavedState, b: ModuleSavedState): boolean {
  const sameRecord = (
    x: Readonly<Record<string, unknown>>,
    y: Readonly<Record<string, unknown>>,
  ): boolean => {
    const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
    return [...keys].every((k) => x[k] === y[k]);
  };
  return (
    sameRecord(a.stored, b.stored) &&
    sameRecord(a.user, b.user) &&
    sameRecord(
      a.identity as unknown as Record<string, unknown>,
      b.identity as unknown as Record<string, unknown>,
    ) &&
    a.firmware.join('\n') === b.firmware.join('\n') &&
    sameRecord(a.behaviours, b.behaviours) &&
    a.radio.network === b.radio.network &&
    a.radio.rssi === b.radio.rssi &&
    sameFaults(a.faults, b.faults) &&
    sameWorldExtras(a, b)
  );
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Valid catalogue settings only, canonical; anything else is dropped (the factory value stays). */
function checkSettings(x: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(x)) return out;
  for (const [name, value] of Object.entries(x)) {
    const entry = findCommand(name);
    if (entry?.kind !== 'setting' || entry.name !== name || typeof value !== 'string') continue;
    const checked = validateValue(entry, value);
    if (checked.ok) out[name] = checked.value;
  }
  return out;
}

function checkIdentity(x: unknown): ModuleIdentity {
  const id: Record<string, string> = { ...DEFAULT_IDENTITY };
  if (isObject(x)) {
    for (const key of Object.keys(DEFAULT_IDENTITY)) {
      const v = x[key];
      if (typeof v === 'string' && v.length > 0 && v.length <= 64 && /^[\x20-\x7e]+$/.test(v)) id[key] = v;
    }
  }
  return id as unknown as ModuleIdentity;
}

function checkFirmware(x: unknown): string[] {
  if (!Array.isArray(x) || !x.every((v) => typeof v === 'string')) return [];
  try {
    return normaliseFirmwareSelection(x as string[]);
  } catch {
    return [];
  }
}

/**
 * A saved state read back (IndexedDB: untrusted): the parts that are well-formed, the rest as at the
 * demo's start; undefined when it is not a saved state at all.
 */
export function checkSavedState(x: unknown): ModuleSavedState | undefined {
  if (!isObject(x) || !isObject(x['stored'])) return undefined;
  const base = pristineState();
  const behaviours = { ...base.behaviours };
  if (isObject(x['behaviours'])) {
    for (const s of SOCKET_IDS) {
      const b = x['behaviours'][s];
      if (typeof b === 'string' && (BEHAVIOURS as readonly string[]).includes(b))
        behaviours[s] = b as ServerBehaviour;
    }
  }
  let radio = base.radio;
  const r = x['radio'];
  if (
    isObject(r) &&
    typeof r['network'] === 'string' &&
    (NETWORKS as readonly string[]).includes(r['network']) &&
    typeof r['rssi'] === 'number' &&
    Number.isFinite(r['rssi'])
  ) {
    radio = { network: r['network'] as NetworkType, rssi: r['rssi'] };
  }
  return {
    stored: { ...factoryDefaults(), ...checkSettings(x['stored']) },
    user: { ...factoryDefaults(), ...checkSettings(x['user']) },
    identity: checkIdentity(x['identity']),
    firmware: checkFirmware(x['firmware']),
    behaviours,
    radio,
    faults: checkFaults(x['faults']),
    unknownHosts: checkUnknownHosts(x['unknownHosts']),
    serverIdleCloseSeconds: checkIdleClose(x['serverIdleCloseSeconds']),
  };
}

/**
 * What a host passes to `new SimulatedModule(…)` and does to its world before, to start from `state`.
 * The world's radio and behaviours are set directly (a demo reset still returns to the world's defaults).
 */
export function restoreWorld(
  world: {
    setBehaviour(s: SocketId, b: ServerBehaviour): void;
    setServerTiming(s: SocketId, idleCloseSeconds: number, echoDelayMs: number): void;
    radio: { set(r: RadioState): void };
    dns: { setUnknown(hosts: readonly string[]): void };
  },
  state: ModuleSavedState,
): void {
  for (const s of SOCKET_IDS) {
    world.setBehaviour(s, state.behaviours[s]);
    const idle = state.serverIdleCloseSeconds?.[s] ?? 0;
    const echo = state.faults?.serverDelayMs[s] ?? 0;
    if (idle > 0 || echo > 0) world.setServerTiming(s, idle, echo);
  }
  world.radio.set(state.radio);
  world.dns.setUnknown(state.unknownHosts ?? []);
}

/** A simulator whose saved state the page keeps (worker-client.ts). */
export interface StatefulSimulator extends SimulatorControl {
  /** The state after each change (debounced by the host); `null`: back at the demo's start. */
  onSavedState(listener: (state: ModuleSavedState | null) => void): () => void;
}
