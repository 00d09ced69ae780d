/**
 * Secrets never rest in the devices store or the apply history (docs/security.md): before a record is
 * written — and, by the version-4 upgrade, in records written before — every secret part of a value
 * (protocol/secrets.ts, with the person's private marks) is replaced by `SECRET_MASK`. What is left says
 * whether a secret was set (mask) or not (empty), and an apply result says whether it changed. No hash or
 * fingerprint of a secret is kept: a password of a few characters could be found again from one by trying.
 */
import { privateSettings } from '../profile/secrets';
import { redactSecrets, secretParts } from '../protocol/secrets';
import { splitParams } from '../protocol/validate';
import type { ApplyRecord, DeviceRead, DeviceRecord, SettingResult } from './schema';

/** Values with their secret parts withheld, and which settings had one. */
export function withholdValues(
  values: Readonly<Record<string, string>>,
  marked: ReadonlySet<string> = privateSettings(),
): { values: Record<string, string>; withheld: string[] } {
  const out: Record<string, string> = {};
  const withheld: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    const redacted = redactSecrets(name, value, marked);
    if (redacted !== value) withheld.push(name);
    Object.defineProperty(out, name, {
      value: redacted,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return { values: out, withheld };
}

/** A device read as it may be stored. */
export function withholdRead(read: DeviceRead, marked?: ReadonlySet<string>): DeviceRead {
  const { values, withheld } = withholdValues(read.values, marked);
  const all = [...new Set([...(read.withheld ?? []), ...withheld])];
  return { ...read, values, ...(all.length > 0 ? { withheld: all } : {}) };
}

export function withholdDevice(record: DeviceRecord, marked?: ReadonlySet<string>): DeviceRecord {
  return record.lastRead ? { ...record, lastRead: withholdRead(record.lastRead, marked) } : record;
}

/** Whether the secret parts of two values of `name` differ. */
function secretChanged(name: string, a: string, b: string, marked: ReadonlySet<string>): boolean {
  const indexes = new Set(
    [...secretParts(name, a, marked), ...secretParts(name, b, marked)].map((p) => p.index),
  );
  const pa = splitParams(a);
  const pb = splitParams(b);
  return [...indexes].some((i) => (pa[i] ?? '') !== (pb[i] ?? ''));
}

/** One apply result as it may be stored. */
export function withholdResult(
  result: SettingResult,
  marked: ReadonlySet<string> = privateSettings(),
): SettingResult {
  const value = redactSecrets(result.setting, result.value, marked);
  const previous =
    result.previous === undefined ? undefined : redactSecrets(result.setting, result.previous, marked);
  if (value === result.value && previous === result.previous) return result;
  const changed =
    result.withheld?.changed ??
    (result.previous === undefined
      ? undefined
      : secretChanged(result.setting, result.value, result.previous, marked));
  return {
    ...result,
    value,
    ...(previous === undefined ? {} : { previous }),
    withheld: changed === undefined ? {} : { changed },
  };
}

export function withholdApply(record: ApplyRecord, marked?: ReadonlySet<string>): ApplyRecord {
  return { ...record, results: record.results.map((r) => withholdResult(r, marked)) };
}
