/**
 * The gate of `load-state` (control.ts `SimStartState`): a start state comes from a file a trainer wrote,
 * so every part is checked before anything changes — catalogue settings with values the set command
 * accepts (canonical afterwards), known firmware names, a radio, behaviours and timings of known sockets.
 * One bad part refuses the whole state with a message naming it; nothing is half applied.
 */
import { findCommand } from '../../protocol/catalogue';
import { validateValue } from '../../protocol/validate';
import type { NetworkType, RadioState, ServerBehaviour, ServerTiming, SocketId } from './control';
import { SOCKET_IDS } from './control';
import { normaliseFirmwareSelection } from './variants';

/** A start state that passed the gate: settings canonical, every record filled per socket. */
export interface CheckedStartState {
  readonly settings: Readonly<Record<string, string>>;
  readonly firmware: readonly string[] | undefined;
  readonly radio: RadioState | undefined;
  readonly behaviours: Readonly<Partial<Record<SocketId, ServerBehaviour>>>;
  readonly serverTiming: Readonly<Partial<Record<SocketId, Partial<ServerTiming>>>>;
  readonly unknownHosts: readonly string[];
}

export type StartStateCheck =
  { readonly ok: true; readonly state: CheckedStartState } | { readonly ok: false; readonly error: string };

const NETWORKS: readonly NetworkType[] = ['none', '2G', '3G', '4G'];
const BEHAVIOURS: readonly ServerBehaviour[] = ['echo', 'silent', 'refuse'];

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

class Refused extends Error {}

function perSocket<T>(
  x: unknown,
  what: string,
  check: (v: unknown, where: string) => T,
): Partial<Record<SocketId, T>> {
  if (x === undefined) return {};
  if (!isObject(x)) throw new Refused(`${what}: expected an object keyed by socket A–D`);
  const out: Partial<Record<SocketId, T>> = {};
  for (const [key, value] of Object.entries(x)) {
    if (!(SOCKET_IDS as readonly string[]).includes(key)) throw new Refused(`${what}: no socket "${key}"`);
    out[key as SocketId] = check(value, `${what}.${key}`);
  }
  return out;
}

function settingsOf(x: unknown): Record<string, string> {
  if (x === undefined) return {};
  if (!isObject(x)) throw new Refused('settings: expected an object of setting names and values');
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(x)) {
    const entry = findCommand(name);
    if (entry?.kind !== 'setting') throw new Refused(`settings.${name}: not a setting of the 7S4`);
    if (typeof value !== 'string') throw new Refused(`settings.${name}: the value must be text`);
    const checked = validateValue(entry, value);
    if (!checked.ok) throw new Refused(`settings.${name}: ${checked.error.message.en}`);
    out[entry.name] = checked.value;
  }
  return out;
}

function radioOf(x: unknown): RadioState | undefined {
  if (x === undefined) return undefined;
  if (
    !isObject(x) ||
    !(NETWORKS as readonly unknown[]).includes(x['network']) ||
    typeof x['rssi'] !== 'number' ||
    !Number.isFinite(x['rssi'])
  ) {
    throw new Refused(`radio: expected { network: ${NETWORKS.join(' | ')}, rssi: dBm }`);
  }
  return { network: x['network'] as NetworkType, rssi: x['rssi'] };
}

function timingOf(x: unknown, where: string): Partial<ServerTiming> {
  if (!isObject(x)) throw new Refused(`${where}: expected { idleCloseSeconds?, echoDelayMs? }`);
  const out: { idleCloseSeconds?: number; echoDelayMs?: number } = {};
  for (const [key, value] of Object.entries(x)) {
    if (key !== 'idleCloseSeconds' && key !== 'echoDelayMs') throw new Refused(`${where}: unknown "${key}"`);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new Refused(`${where}.${key}: expected a number ≥ 0`);
    }
    out[key] = value;
  }
  return out;
}

/** Checks a start state from outside (a file, a message); `{ ok: false, error }` names the first bad part. */
export function checkStartState(x: unknown): StartStateCheck {
  try {
    if (!isObject(x)) throw new Refused('the start state must be an object');
    let firmware: readonly string[] | undefined;
    if (x['firmware'] !== undefined) {
      const f = x['firmware'];
      if (!Array.isArray(f) || !f.every((v) => typeof v === 'string')) {
        throw new Refused('firmware: expected a list of variant names');
      }
      try {
        firmware = normaliseFirmwareSelection(f as string[]);
      } catch (e) {
        throw new Refused(`firmware: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    const hosts = x['unknownHosts'];
    if (hosts !== undefined && (!Array.isArray(hosts) || !hosts.every((h) => typeof h === 'string'))) {
      throw new Refused('unknownHosts: expected a list of host names');
    }
    return {
      ok: true,
      state: {
        settings: settingsOf(x['settings']),
        firmware,
        radio: radioOf(x['radio']),
        behaviours: perSocket(x['behaviours'], 'behaviours', (v, where) => {
          if (!(BEHAVIOURS as readonly unknown[]).includes(v)) {
            throw new Refused(`${where}: expected ${BEHAVIOURS.join(' | ')}`);
          }
          return v as ServerBehaviour;
        }),
        serverTiming: perSocket(x['serverTiming'], 'serverTiming', timingOf),
        unknownHosts: (hosts as string[] | undefined) ?? [],
      },
    };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, error: e.message };
    throw e;
  }
}
