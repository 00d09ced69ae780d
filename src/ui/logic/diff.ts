/**
 * Pending changes: the edited values against the device's values, with the exact AT command each will
 * send (protocol/command.ts `buildSet`). Compared as canonical strings (architecture.md, "Canonical value").
 */
import { buildSet } from '../../protocol/command';
import type { CommandEntry, Text } from '../../protocol/types';
import { checkParts, hasSecret, joinParts, maskSecrets } from './fields';

export interface PendingChange {
  readonly entry: CommandEntry;
  /** The device's value; undefined when the device was not read (the factory default is shown then). */
  readonly from: string | undefined;
  /** The new value: canonical when valid, else as typed. */
  readonly to: string;
  readonly valid: boolean;
  /** The first validation message, when invalid. */
  readonly error?: Text;
  /** `AT+SOCKA=TCP,example.com,2317` (no CR), when valid. */
  readonly command?: string;
}

/**
 * Changes in `order` (catalogue editor order). A draft equal to the device value (or, unread, to the
 * factory default) is no change.
 */
export function pendingChanges(
  order: readonly CommandEntry[],
  device: Readonly<Record<string, string>> | undefined,
  defaults: Readonly<Record<string, string>>,
  draft: ReadonlyMap<string, readonly string[]>,
): PendingChange[] {
  const out: PendingChange[] = [];
  for (const entry of order) {
    const parts = draft.get(entry.name);
    if (!parts) continue;
    const from = device?.[entry.name];
    const base = from ?? defaults[entry.name];
    const check = checkParts(entry, parts);
    if (check.canonical === undefined) {
      const error = check.errors.find((e) => e !== undefined) ?? check.whole;
      out.push({ entry, from, to: joinParts(parts), valid: false, ...(error ? { error } : {}) });
      continue;
    }
    if (check.canonical === base) continue;
    out.push({
      entry,
      from,
      to: check.canonical,
      valid: true,
      command: buildSet(entry.name, check.canonical).replace(/\r$/, ''),
    });
  }
  return out;
}

/** The values to write: every valid change. */
export function valuesToWrite(changes: readonly PendingChange[]): Record<string, string> {
  return Object.fromEntries(changes.filter((c) => c.valid).map((c) => [c.entry.name, c.to]));
}

/** A command line for display, with secrets masked unless `reveal`. */
export function shownCommand(change: PendingChange, reveal: boolean): string {
  if (!change.command) return '';
  if (reveal || !hasSecret(change.entry, change.to)) return change.command;
  return `AT+${change.entry.name}=${maskSecrets(change.entry, change.to)}`;
}
