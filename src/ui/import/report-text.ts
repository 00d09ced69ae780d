/**
 * An import's result as text a person reads: a label per item (`Profile 4 "Pump"`, `Line 7`), each reason
 * with the setting's label, everything from the file made visible (`visibleText`: a direction override in
 * a name shows as `[U+202E]`, never acting on the text around it). The screen shows a bounded number of
 * entries and reasons (`screenReport`), whatever the file holds; the downloadable report
 * (`fullReportText`) holds them all.
 */
import type { ImportItem, ImportResult, LeftOut } from '../../profile/import';
import { KIND_LABELS, MAX_REPORT_ENTRIES } from '../../profile/import';
import type { ProfileProblem } from '../../profile/profile';
import { visibleText } from '../../protocol/visible-text';
import { format, pick, type Lang } from '../i18n/language';
import { pathLabel } from '../logic/profile-format';
import { I } from './strings';

/** Entries shown on screen; the rest are counted and in the full report. */
export const SCREEN_ENTRIES = 20;
/** Reasons shown per entry on screen. */
export const SCREEN_REASONS = 3;
/** A reason on screen is cut after this many characters (the full report has it whole). */
export const SCREEN_REASON_CHARS = 300;
/** A name from the file in a label is cut after this many characters. */
const NAME_CHARS = 60;

/** `Profile 4 "Pump"`, `Profiles 10001–12000`, `Line 7`, `Field "x"`, or '' for the file itself. */
export function itemLabel(item: ImportItem, lang: Lang): string {
  switch (item.type) {
    case 'file':
      return '';
    case 'profile':
      return item.name === undefined
        ? format(I.item.profileNoName, lang, { n: item.index + 1 })
        : format(I.item.profile, lang, {
            n: item.index + 1,
            name: visibleText(item.name, { max: NAME_CHARS }),
          });
    case 'profiles':
      return format(I.item.profiles, lang, { from: item.from + 1, to: item.to + 1 });
    case 'line':
      return format(I.item.line, lang, { n: item.line });
    case 'field':
      return format(I.item.field, lang, { key: visibleText(item.key, { max: NAME_CHARS }) });
  }
}

/**
 * One reason as text: the place in the item (a setting's label for `values.SOCKA`), then the message.
 * The item's own prefix (`profiles[3].`) is dropped: the label already says which profile.
 */
export function reasonText(reason: ProfileProblem, lang: Lang, max?: number): string {
  const path = reason.path.replace(/^profiles\[\d+\]\.?/, '');
  const where = pathLabel(path, lang);
  const text = where ? `${where}: ${pick(reason.message, lang)}` : pick(reason.message, lang);
  return visibleText(text, max === undefined ? {} : { max });
}

export interface ScreenEntry {
  readonly label: string;
  readonly reasons: readonly string[];
  /** Reasons not shown on screen. */
  readonly moreReasons: number;
  readonly unexpected: boolean;
}

export interface ScreenReport {
  readonly entries: readonly ScreenEntry[];
  /** Left-out items not shown on screen (in the full report, or counted only). */
  readonly more: number;
  /** Left-out items in total. */
  readonly total: number;
  /** Details of unexpected problems, for the copyable block. */
  readonly details: readonly string[];
}

function screenEntry(entry: LeftOut, lang: Lang): ScreenEntry {
  return {
    label: itemLabel(entry.item, lang),
    reasons: entry.reasons.slice(0, SCREEN_REASONS).map((r) => reasonText(r, lang, SCREEN_REASON_CHARS)),
    moreReasons: Math.max(0, entry.reasons.length - SCREEN_REASONS),
    unexpected: entry.detail !== undefined,
  };
}

/** What the screen shows: at most SCREEN_ENTRIES entries of at most SCREEN_REASONS reasons each. */
export function screenReport(result: ImportResult, lang: Lang): ScreenReport {
  const total = result.leftOut.length + result.moreLeftOut;
  return {
    entries: result.leftOut.slice(0, SCREEN_ENTRIES).map((e) => screenEntry(e, lang)),
    more: total - Math.min(result.leftOut.length, SCREEN_ENTRIES),
    total,
    details: result.leftOut.flatMap((e) => (e.detail === undefined ? [] : [e.detail])).slice(0, 5),
  };
}

/** One line of a report: `label: reason`, or the reason alone. */
export function entryLine(label: string, reason: string): string {
  return label ? `${label}: ${reason}` : reason;
}

export interface ReportContext {
  readonly fileName: string;
  readonly lang: Lang;
  /** When the report is made (wall clock, ms). */
  readonly at: number;
  /** Names of the profiles saved. */
  readonly saved: readonly string[];
}

/** The whole report as plain text (CR LF line ends, for any editor), every entry and every reason. */
export function fullReportText(result: ImportResult, context: ReportContext): string {
  const { lang } = context;
  const f = (text: Parameters<typeof format>[0], values: Record<string, string | number>): string =>
    format(text, lang, values);
  const file = visibleText(context.fileName, { max: 200 });
  const lines: string[] = [
    f(I.report.title, { file }),
    f(I.report.at, { time: new Date(context.at).toISOString() }),
    f(I.report.kind, { kind: pick(KIND_LABELS[result.kind], lang) }),
  ];
  if (result.encoding) lines.push(f(I.encoding, { encoding: result.encoding }));
  lines.push('', f(I.report.imported, { n: context.saved.length }));
  for (const name of context.saved) lines.push(`  ${visibleText(name)}`);
  const total = result.leftOut.length + result.moreLeftOut;
  lines.push('', f(I.report.leftOut, { n: total }));
  for (const entry of result.leftOut) {
    const label = itemLabel(entry.item, lang);
    if (entry.reasons.length === 1 && entry.reasons[0]) {
      lines.push(`  ${entryLine(label, reasonText(entry.reasons[0], lang))}`);
    } else {
      lines.push(`  ${label || pick(I.item.file, lang)}:`);
      for (const r of entry.reasons) lines.push(`    - ${reasonText(r, lang)}`);
    }
    if (entry.detail !== undefined) {
      lines.push(`    ${pick(I.report.detail, lang)}`);
      for (const d of entry.detail.split('\n')) lines.push(`      ${visibleText(d)}`);
    }
  }
  if (result.moreLeftOut > 0) {
    lines.push(`  ${f(I.notRecorded, { n: result.moreLeftOut, max: MAX_REPORT_ENTRIES })}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** `usr-7s4-import-report-<file>.txt`, with characters no file system takes replaced. */
export function reportFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const safe = base
    .replace(/[\p{Cc}\p{Cf}\\/:*?"<>|]/gu, '_')
    .replace(/_+/g, '_')
    .trim()
    .slice(0, 60);
  return `usr-7s4-import-report-${safe || 'file'}.txt`;
}
