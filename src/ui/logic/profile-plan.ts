/**
 * What applying a profile to the device will do, before anything is sent: each setting whose value
 * differs from the device's, with the exact AT command (protocol/command.ts `buildSet`), the settings that
 * already match (not sent), and whether the module restarts (AT+Z) afterwards. The person sees this and
 * confirms; the session then writes exactly `planValues(plan)`.
 */
import { findCommand, SETTING_NAMES } from '../../protocol/catalogue';
import { buildSet } from '../../protocol/command';
import { compareWrites } from '../../protocol/apply-plan';
import type { CommandEntry } from '../../protocol/types';
import { hasSecret, maskSecrets } from './fields';

export interface PlanRow {
  readonly entry: CommandEntry;
  /** The device's value, when it holds one. */
  readonly from: string | undefined;
  readonly to: string;
  /** `AT+SOCKA=TCP,example.com,2317` (no CR). */
  readonly command: string;
}

export interface ApplyPlan {
  readonly changes: readonly PlanRow[];
  /** Settings of the profile the device already has (not written). */
  readonly unchanged: readonly string[];
  /** A change only takes effect after AT+Z, so the session restarts the module. */
  readonly restart: boolean;
}

/** The plan for writing `values` (a profile's) to a device whose values are `device`. */
export function applyPlan(
  values: Readonly<Record<string, string>>,
  device: Readonly<Record<string, string>>,
): ApplyPlan {
  const changes: PlanRow[] = [];
  const unchanged: string[] = [];
  const names = [
    ...SETTING_NAMES.filter((n) => Object.hasOwn(values, n)),
    ...Object.keys(values).filter((n) => !SETTING_NAMES.includes(n)),
  ];
  for (const name of names) {
    const to = values[name] ?? '';
    const entry = findCommand(name);
    if (!entry) continue;
    const from = device[name];
    if (from === to) {
      unchanged.push(name);
      continue;
    }
    changes.push({ entry, from, to, command: buildSet(entry.name, to).replace(/\r$/, '') });
  }
  // Listed in the order the session will write them (protocol/apply-plan.ts).
  changes.sort((a, b) => compareWrites({ name: a.entry.name, to: a.to }, { name: b.entry.name, to: b.to }));
  return { changes, unchanged, restart: changes.some((c) => c.entry.needsRestart) };
}

/** The values the session is asked to write: the changes only. */
export function planValues(plan: ApplyPlan): Record<string, string> {
  return Object.fromEntries(plan.changes.map((c) => [c.entry.name, c.to]));
}

/** A command for display, its secret parameters masked unless `reveal`. */
export function shownPlanCommand(row: PlanRow, reveal: boolean): string {
  if (reveal || !hasSecret(row.entry, row.to)) return row.command;
  return `AT+${row.entry.name}=${maskSecrets(row.entry, row.to)}`;
}

/** The command lines in the order they are sent, `AT+Z` last when the module restarts. */
export function planCommands(plan: ApplyPlan, reveal: boolean): string[] {
  return [...plan.changes.map((c) => shownPlanCommand(c, reveal)), ...(plan.restart ? ['AT+Z'] : [])];
}
