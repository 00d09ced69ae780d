/**
 * Planning an apply (architecture.md, "Apply"): the diff between what the device holds and what is wanted,
 * as set commands in a safe order, and whether a restart is needed for them to take effect.
 *
 * Order, so that a partial apply (the line fails half-way) leaves the module as usable as possible:
 * 1. switches being turned OFF (SOCKxEN, REGEN, HEARTEN, RFCEN, SDPEN): a feature stops before its
 *    parameters change under it;
 * 2. the other settings, in the catalogue's editor order (a socket's address before its switch…);
 * 3. switches being turned ON: a feature starts only once its parameters are in place;
 * 4. what changes how a host talks to the module — CMDPW, UARTFT, UART (baud rate last): if anything
 *    before them fails, the way back in is unchanged.
 */
import { findCommand, SETTING_NAMES } from './catalogue';
import type { ValidationError } from './types';
import { validateValue } from './validate';

export interface PlannedWrite {
  readonly name: string;
  /** The device's value before, undefined when it could not be read. */
  readonly from: string | undefined;
  /** Canonical value to write. */
  readonly to: string;
  readonly needsRestart: boolean;
}

export interface ApplyPlan {
  /** Set commands in the order they will be sent. */
  readonly writes: readonly PlannedWrite[];
  /** Settings that already hold the wanted value. */
  readonly unchanged: readonly string[];
  /** Wanted values the catalogue rejects: nothing is sent while there are any. */
  readonly invalid: readonly {
    readonly name: string;
    readonly to: string;
    readonly error: ValidationError;
  }[];
  /** Names that are not settings of the catalogue (read-only or unknown). */
  readonly unknown: readonly string[];
  /** Some write takes effect only after a restart (every setting but E). */
  readonly needsRestart: boolean;
}

const SWITCHES = new Set(['SOCKAEN', 'SOCKBEN', 'SOCKCEN', 'SOCKDEN', 'REGEN', 'HEARTEN', 'RFCEN', 'SDPEN']);
const ACCESS_LAST = ['CMDPW', 'UARTFT', 'UART'];
const EDITOR_ORDER = new Map(SETTING_NAMES.map((n, i) => [n, i]));

/**
 * The order an apply writes in (switches off, parameters in editor order, switches on, then CMDPW, UARTFT,
 * UART last), for anything that lists the writes before they happen: the list must match what is sent.
 */
export function compareWrites(
  a: { readonly name: string; readonly to: string },
  b: { readonly name: string; readonly to: string },
): number {
  return phase(a) - phase(b) || (EDITOR_ORDER.get(a.name) ?? 0) - (EDITOR_ORDER.get(b.name) ?? 0);
}

function phase(w: { readonly name: string; readonly to: string }): number {
  const access = ACCESS_LAST.indexOf(w.name);
  if (access >= 0) return 3 + access;
  if (SWITCHES.has(w.name)) return w.to === 'OFF' ? 0 : 2;
  return 1;
}

export function planApply(
  current: Readonly<Record<string, string>>,
  target: Readonly<Record<string, string>>,
): ApplyPlan {
  const writes: PlannedWrite[] = [];
  const unchanged: string[] = [];
  const invalid: { name: string; to: string; error: ValidationError }[] = [];
  const unknown: string[] = [];
  for (const [rawName, wanted] of Object.entries(target)) {
    const entry = findCommand(rawName);
    if (!entry || entry.kind !== 'setting') {
      unknown.push(rawName);
      continue;
    }
    const name = entry.name;
    const checked = validateValue(entry, wanted);
    if (!checked.ok) {
      invalid.push({ name, to: wanted, error: checked.error });
      continue;
    }
    const from = current[name];
    if (from === checked.value) unchanged.push(name);
    else writes.push({ name, from, to: checked.value, needsRestart: entry.needsRestart });
  }
  writes.sort(compareWrites);
  return { writes, unchanged, invalid, unknown, needsRestart: writes.some((w) => w.needsRestart) };
}
