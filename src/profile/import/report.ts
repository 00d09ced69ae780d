/**
 * What an import gives back, whatever the kind of file: the profiles that were read and are valid, and
 * every item that was left out, each with its reasons in English and Chinese. An item is a profile of a
 * file (by position and name), a range of profiles (a limit), a line of a script or log, a top-level field,
 * or the file as a whole. Nothing a file holds is dropped without an entry here, and no exception message
 * is ever a reason: a programming error becomes the "unexpected problem" reason, with its detail kept
 * apart for a person to copy into a bug report.
 */
import type { Text } from '../../protocol/types';
import type { Profile, ProfileProblem } from '../profile';

/** The kinds of file the pipeline reads (kinds.ts); `unknown` when none fits. */
export type FileKind =
  | 'profiles-json'
  | 'at-script'
  | 'terminal-log'
  | 'traffic-log'
  /** A support bundle (profile/bundle/): recognised and sent to the Support view, never imported here. */
  | 'support-bundle'
  | 'unknown';

export type ImportItem =
  | { readonly type: 'file' }
  /** `index` from 0; `name` as the file has it (may hold anything: show it with `visibleText`). */
  | { readonly type: 'profile'; readonly index: number; readonly name?: string }
  /** Profiles `from`–`to` (from 0, inclusive), left out together (a limit). */
  | { readonly type: 'profiles'; readonly from: number; readonly to: number }
  | { readonly type: 'line'; readonly line: number }
  | { readonly type: 'field'; readonly key: string };

export interface LeftOut {
  readonly item: ImportItem;
  readonly reasons: readonly ProfileProblem[];
  /** Only for an unexpected problem: what went wrong inside the app, to copy into a bug report. */
  readonly detail?: string;
}

export interface ImportedProfile {
  readonly item: ImportItem;
  readonly profile: Profile;
}

export interface ImportResult {
  readonly kind: FileKind;
  /** The text encoding the file was read in, when it came as bytes (`utf-8`, `utf-16le`, `gb18030`). */
  readonly encoding?: string;
  readonly profiles: readonly ImportedProfile[];
  /** Items left out, each with its reasons, in file order (at most MAX_REPORT_ENTRIES). */
  readonly leftOut: readonly LeftOut[];
  /** Items left out beyond the entries kept: counted, not described. */
  readonly moreLeftOut: number;
  /** True when nothing could be taken: the first entry says why. */
  readonly refused: boolean;
}

export const UNEXPECTED: Text = {
  en: 'An unexpected problem stopped this from being read. This is a fault in the app, not in your file: copy the details and send them to us.',
  zh: '读取时出现意外问题。这是应用的故障，不是文件的问题：请复制详细信息并发送给我们。',
};

/** The detail of something thrown, for the copyable part of an "unexpected problem". */
export function describeThrown(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}${e.stack ? `\n${e.stack}` : ''}`;
  try {
    return `Thrown: ${String(e)}`;
  } catch {
    return 'Thrown: (a value that cannot be shown)';
  }
}

export function unexpected(item: ImportItem, e: unknown): LeftOut {
  return { item, reasons: [{ path: '', message: UNEXPECTED }], detail: describeThrown(e) };
}

/** Collects left-out entries up to a limit and counts the rest. */
export class LeftOutList {
  readonly entries: LeftOut[] = [];
  more = 0;

  constructor(private readonly limit: number) {}

  add(entry: LeftOut): void {
    if (this.entries.length < this.limit) this.entries.push(entry);
    else this.more++;
  }

  /** Counts `n` items that are left out for a reason already given (no entry each). */
  count(n: number): void {
    this.more += n;
  }
}

/**
 * A JSON value named for a message, safely for any value (objects without a prototype cannot be turned
 * into text with `String()`): `2`, `"1"`, `null`, `a list`, `an object`, `true`.
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'number':
    case 'boolean':
      return String(value);
    case 'string':
      return JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value);
    case 'undefined':
      return 'nothing';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** The same, in Chinese. */
export function describeValueZh(value: unknown): string {
  if (Array.isArray(value)) return '列表';
  if (typeof value === 'object' && value !== null) return '对象';
  if (value === undefined) return '空';
  return describeValue(value);
}
