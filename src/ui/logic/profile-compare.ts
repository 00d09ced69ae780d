/**
 * Comparing two sets of setting values — a profile with the device, or with another profile — as a list
 * of the settings that differ, in catalogue editor order. A setting one side does not hold is
 * `undefined` on that side ("not in the profile: left as it is on the device").
 */
import { findCommand, SETTING_NAMES } from '../../protocol/catalogue';
import type { CommandEntry } from '../../protocol/types';

export type Values = Readonly<Record<string, string>>;

export interface CompareRow {
  readonly name: string;
  /** The catalogue entry (labels, secrets); undefined only for a name the catalogue does not know. */
  readonly entry: CommandEntry | undefined;
  readonly left: string | undefined;
  readonly right: string | undefined;
}

export interface CompareOptions {
  /** Only the settings the left side holds (a profile against the device: the rest is left as it is). */
  readonly leftOnly?: boolean;
  /** Setting order; default the catalogue's editor order. Names not in it follow, sorted. */
  readonly order?: readonly string[];
}

/** Names of both sides in `order`, then any others sorted (none, for validated profiles). */
function orderedNames(names: ReadonlySet<string>, order: readonly string[]): string[] {
  const known = order.filter((n) => names.has(n));
  const rest = [...names].filter((n) => !order.includes(n)).sort();
  return [...known, ...rest];
}

/** The settings whose values differ between `left` and `right`. */
export function compareValues(left: Values, right: Values, options: CompareOptions = {}): CompareRow[] {
  const names = new Set(Object.keys(left));
  if (!options.leftOnly) for (const n of Object.keys(right)) names.add(n);
  return orderedNames(names, options.order ?? SETTING_NAMES)
    .filter((name) => left[name] !== right[name])
    .map((name) => ({ name, entry: findCommand(name), left: left[name], right: right[name] }));
}

/** How many settings both sides hold with the same value. */
export function sameCount(left: Values, right: Values): number {
  return Object.keys(left).filter((n) => Object.hasOwn(right, n) && left[n] === right[n]).length;
}
