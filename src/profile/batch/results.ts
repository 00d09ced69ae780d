/**
 * The batch station's results as files (docs/batch.md): CSV for a spreadsheet, JSON for a program. Secret
 * values (protocol/secrets.ts: passwords, credentials in free text, data the person marked private) are
 * withheld — the secret parts replaced by the mask — unless the person opts in (`includeSecrets`).
 */
import { SECRET_MASK, redactSecrets } from '../../protocol/secrets';
import { privateSettings, withholdsSecret } from '../secrets';
import { toCsv } from './csv';
import type { StationRecord } from './station';

export const RESULTS_FORMAT = 'usr-7s4-batch-results';
export const RESULTS_VERSION = 1;

export interface ResultsExport {
  readonly profileName: string;
  /** The table's file name. */
  readonly tableName: string;
  /** Wall ms. */
  readonly exportedAt: number;
  readonly includeSecrets?: boolean;
}

/** Settings named by any record, in first-seen order: the value columns of the CSV. */
function settingColumns(records: readonly StationRecord[]): string[] {
  const names: string[] = [];
  for (const r of records) for (const n of Object.keys(r.values)) if (!names.includes(n)) names.push(n);
  return names;
}

/** The values as exported and stored: secrets masked unless opted in; the masked settings named. */
export function exportedValues(
  record: Pick<StationRecord, 'values'>,
  includeSecrets = false,
): { values: Record<string, string>; withheld: string[] } {
  const values: Record<string, string> = {};
  const withheld: string[] = [];
  for (const [name, value] of Object.entries(record.values)) {
    if (!includeSecrets && withholdsSecret(name, value)) {
      values[name] = redactSecrets(name, value, privateSettings());
      withheld.push(name);
    } else values[name] = value;
  }
  return { values, withheld };
}

/** `values` with every secret part masked (a value already masked stays as it is). */
export function maskedValues(values: Readonly<Record<string, string>>): Record<string, string> {
  return exportedValues({ values }).values;
}

const iso = (ms: number): string => new Date(ms).toISOString();

export const RESULT_CSV_HEADER = [
  'seq',
  'time',
  'imei',
  'iccid',
  'sn',
  'firmware',
  'row',
  'result',
  'reason',
  'message',
  'seconds',
] as const;

/** One line per record; the row's settings after the fixed columns. English messages (a file is shared). */
export function resultsCsv(records: readonly StationRecord[], options: ResultsExport): string {
  const settings = settingColumns(records);
  const lines: string[][] = [[...RESULT_CSV_HEADER, ...settings]];
  for (const r of records) {
    const { values } = exportedValues(r, options.includeSecrets);
    lines.push([
      String(r.seq),
      iso(r.at),
      r.imei ?? '',
      r.iccid ?? '',
      r.sn ?? '',
      r.version ?? '',
      r.row === undefined ? '' : String(r.row),
      r.outcome,
      inertCell(r.reason ?? ''),
      inertCell(r.message?.en ?? ''),
      ((r.at - r.startedAt) / 1000).toFixed(1),
      ...settings.map((s) => inertCell(values[s] ?? '')),
    ]);
  }
  return toCsv(lines);
}

/**
 * A value a spreadsheet would run as a formula (`=HYPERLINK(…)` in a heartbeat text, a message or reason
 * from the device) gets a leading `'`, which spreadsheets read as "text" (OWASP CSV injection). Plain
 * signed numbers (`-70`, `+8613800138000`) stay as they are: they are numbers, not formulas.
 */
export function inertCell(value: string): string {
  if (!/^[=+\-@\t\r]/.test(value) || /^[+-]?\d+(\.\d+)?$/.test(value)) return value;
  return `'${value}`;
}

/** The whole run as JSON: what was applied with what, and every record with both languages' message. */
export function resultsJson(records: readonly StationRecord[], options: ResultsExport): string {
  const withheld = new Set<string>();
  const out = records.map((r) => {
    const e = exportedValues(r, options.includeSecrets);
    for (const n of e.withheld) withheld.add(n);
    return {
      seq: r.seq,
      startedAt: iso(r.startedAt),
      at: iso(r.at),
      imei: r.imei ?? null,
      iccid: r.iccid ?? null,
      sn: r.sn ?? null,
      firmware: r.version ?? null,
      row: r.row ?? null,
      line: r.line ?? null,
      result: r.outcome,
      reason: r.reason ?? null,
      message: r.message ?? null,
      values: e.values,
    };
  });
  const summary = {
    pass: records.filter((r) => r.outcome === 'pass').length,
    fail: records.filter((r) => r.outcome === 'fail').length,
    skipped: records.filter((r) => r.outcome === 'skipped').length,
  };
  return `${JSON.stringify(
    {
      format: RESULTS_FORMAT,
      version: RESULTS_VERSION,
      profile: options.profileName,
      table: options.tableName,
      exportedAt: iso(options.exportedAt),
      summary,
      secretsIncluded: options.includeSecrets === true,
      withheld: [...withheld],
      mask: SECRET_MASK,
      records: out,
    },
    null,
    2,
  )}\n`;
}
