/**
 * The batch station's table (docs/batch.md): a CSV of per-device values, read and checked against the
 * catalogue merged with the profile BEFORE any module is touched.
 *
 * Columns: `imei` (optional; then every row is keyed by the module's IMEI, else rows are taken in order),
 * a setting name (`REGDT`: the whole value, as the set command's parameter text) or `SETTING.parameter`
 * (`SOCKA.port`: one parameter, the others from the profile, else the factory default). Header names are
 * case-insensitive. Anything else is an unknown column and the table is refused.
 *
 * Problems of the file (unknown or repeated columns, no setting column, no row) refuse the table; problems
 * of a row (an empty cell, a value the catalogue refuses, a bad or repeated IMEI) mark that row invalid:
 * the person may start anyway, and an invalid row is never applied.
 */
import { findCommand } from '../../protocol/catalogue';
import type { CommandEntry, Text } from '../../protocol/types';
import { splitParams, validateValue } from '../../protocol/validate';
import { parseCsv, type Separator } from './csv';

export interface TableColumn {
  /** As written in the header. */
  readonly header: string;
  readonly kind: 'imei' | 'setting';
  /** Catalogue name of the setting (`SOCKA`); settings only. */
  readonly setting?: string;
  /** Index of the parameter for `SETTING.parameter` columns; absent for a whole value. */
  readonly param?: number;
}

export interface TableProblem {
  /** 1-based file line of the row, absent for the file as a whole. */
  readonly line?: number;
  readonly column?: string;
  readonly message: Text;
}

export interface TableRow {
  /** 1-based position among the data rows (row 1 is the first line after the header). */
  readonly row: number;
  /** File line where the row starts. */
  readonly line: number;
  readonly imei?: string;
  /** The row's settings, merged with the profile, canonical: what this row adds to the profile. */
  readonly values: Readonly<Record<string, string>>;
  /** The cells as written, by header. */
  readonly cells: Readonly<Record<string, string>>;
  /** Why the row cannot be applied; empty when it is valid. */
  readonly problems: readonly TableProblem[];
}

export interface BatchTable {
  /** `imei`: each row belongs to the module with that IMEI; `order`: the next module gets the next row. */
  readonly keyedBy: 'imei' | 'order';
  readonly separator: Separator;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
  /** Problems of the file itself: when any, the table cannot be used at all. */
  readonly fileProblems: readonly TableProblem[];
}

const t = (en: string, zh: string): Text => ({ en, zh });

/** Reads and checks `csv` against the catalogue and `profile` (setting → canonical value). */
export function readBatchTable(csv: string, profile: Readonly<Record<string, string>>): BatchTable {
  const parsed = parseCsv(csv);
  if (!parsed.ok) return refused(',', [{ line: parsed.line, message: parsed.message }]);
  const [header, ...records] = parsed.records;
  if (!header) return refused(parsed.separator, [{ message: t('The file is empty', '文件是空的') }]);

  const { columns, problems } = readHeader(header.fields);
  if (records.length === 0)
    problems.push({ message: t('The table has a header but no row', '表格只有表头，没有数据行') });
  if (problems.length > 0) return refused(parsed.separator, problems, columns);

  const rows = records.map((r, i) => readRow(i + 1, r.line, r.fields, columns, profile));
  markDuplicateImeis(rows);
  return {
    keyedBy: columns.some((c) => c.kind === 'imei') ? 'imei' : 'order',
    separator: parsed.separator,
    columns,
    rows,
    fileProblems: [],
  };
}

function refused(
  separator: Separator,
  fileProblems: TableProblem[],
  columns: readonly TableColumn[] = [],
): BatchTable {
  return { keyedBy: 'order', separator, columns, rows: [], fileProblems };
}

function readHeader(fields: readonly string[]): { columns: TableColumn[]; problems: TableProblem[] } {
  const columns: TableColumn[] = [];
  const problems: TableProblem[] = [];
  const seen = new Map<string, string>();
  fields.forEach((raw, i) => {
    const header = raw.trim();
    const where = t(`Column ${i + 1}`, `第 ${i + 1} 列`);
    if (header === '') {
      problems.push({ message: t(`${where.en} has no name`, `${where.zh}没有列名`) });
      return;
    }
    const column = columnOf(header);
    if (!column) {
      problems.push({
        column: header,
        message: t(
          `${where.en} "${header}" is not a setting of the module: write a setting name (REGDT), a setting and one of its parameters (SOCKA.port), or imei`,
          `${where.zh}“${header}”不是模块的参数：请写参数名（REGDT）、参数名加其中一项（SOCKA.port）或 imei`,
        ),
      });
      return;
    }
    // A setting written whole and by parameter, or the same thing twice, would make one value two.
    const keys =
      column.kind === 'imei'
        ? ['imei']
        : column.param === undefined
          ? [`${column.setting}`, `${column.setting}.*`]
          : [`${column.setting}.${column.param}`, `${column.setting}`];
    const clash = keys.map((k) => seen.get(k)).find((h) => h !== undefined);
    if (clash !== undefined) {
      problems.push({
        column: header,
        message: t(
          `${where.en} "${header}" sets what column "${clash}" sets already`,
          `${where.zh}“${header}”与“${clash}”列设置的是同一项`,
        ),
      });
      return;
    }
    if (column.kind === 'imei') seen.set('imei', header);
    else if (column.param === undefined)
      seen.set(`${column.setting}`, header).set(`${column.setting}.*`, header);
    else seen.set(`${column.setting}.${column.param}`, header).set(`${column.setting}`, header);
    columns.push(column);
  });
  if (problems.length === 0 && !columns.some((c) => c.kind === 'setting'))
    problems.push({
      message: t(
        'The table has no setting column: it would change nothing',
        '表格没有参数列：不会改变任何设置',
      ),
    });
  return { columns, problems };
}

/** `imei`, `REGDT`, `SOCKA.port` (case-insensitive); undefined for anything else. */
export function columnOf(header: string): TableColumn | undefined {
  if (header.toLowerCase() === 'imei') return { header, kind: 'imei' };
  const [name = '', paramName, extra] = header.split('.');
  if (extra !== undefined) return undefined;
  const entry = findCommand(name.toUpperCase());
  if (!entry || entry.kind !== 'setting' || entry.name !== name.toUpperCase()) return undefined;
  if (paramName === undefined) return { header, kind: 'setting', setting: entry.name };
  const param = entry.params.findIndex((p) => p.name.toLowerCase() === paramName.toLowerCase());
  return param < 0 ? undefined : { header, kind: 'setting', setting: entry.name, param };
}

function readRow(
  row: number,
  line: number,
  fields: readonly string[],
  columns: readonly TableColumn[],
  profile: Readonly<Record<string, string>>,
): TableRow {
  const problems: TableProblem[] = [];
  const cells: Record<string, string> = {};
  const at = (column?: string): Text =>
    column === undefined
      ? t(`Row ${row} (line ${line})`, `第 ${row} 行（文件第 ${line} 行）`)
      : t(`Row ${row} (line ${line}), column ${column}`, `第 ${row} 行（文件第 ${line} 行）${column} 列`);
  if (fields.length !== columns.length) {
    const m = at();
    problems.push({
      line,
      message: t(
        `${m.en} has ${fields.length} cells, the header has ${columns.length}`,
        `${m.zh}有 ${fields.length} 个单元格，表头有 ${columns.length} 列`,
      ),
    });
  }
  columns.forEach((c, i) => (cells[c.header] = fields[i] ?? ''));

  let imei: string | undefined;
  const params = new Map<string, string[]>();
  const sources = new Map<string, TableColumn[]>();
  for (const c of columns) {
    const cell = cells[c.header] ?? '';
    const m = at(c.header);
    if (cell.trim() === '') {
      problems.push({
        line,
        column: c.header,
        message: t(
          `${m.en} is empty: every row needs a value in each column`,
          `${m.zh}为空：每行每列都需要填写`,
        ),
      });
      continue;
    }
    if (c.kind === 'imei') {
      imei = cell.trim();
      if (!/^\d{15}$/.test(imei) || !luhnValid(imei))
        problems.push({
          line,
          column: c.header,
          message: t(
            `${m.en}: "${imei}" is not an IMEI (15 digits whose last is the Luhn check digit)`,
            `${m.zh}：“${imei}”不是 IMEI（15 位数字，末位为 Luhn 校验位）`,
          ),
        });
      continue;
    }
    const entry = findCommand(c.setting ?? '') as CommandEntry;
    const base = params.get(entry.name) ?? baseParams(entry, profile);
    if (c.param === undefined) params.set(entry.name, splitParams(cell));
    else {
      base[c.param] = cell;
      params.set(entry.name, base);
    }
    sources.set(entry.name, [...(sources.get(entry.name) ?? []), c]);
  }

  const values: Record<string, string> = {};
  for (const [name, parts] of params) {
    const entry = findCommand(name) as CommandEntry;
    const r = validateValue(entry, parts.join(','));
    if (r.ok) {
      values[name] = r.value;
      continue;
    }
    const cols = sources.get(name) ?? [];
    const blamed = cols.find((c) => c.param === r.error.param) ?? cols[0];
    const m = at(blamed?.header);
    problems.push({
      line,
      ...(blamed ? { column: blamed.header } : {}),
      message: t(`${m.en}: ${r.error.message.en}`, `${m.zh}：${r.error.message.zh}`),
    });
  }
  return { row, line, ...(imei !== undefined ? { imei } : {}), values, cells, problems };
}

/** The profile's value of `entry` split in parameters, else the factory default's, padded to the count. */
function baseParams(entry: CommandEntry, profile: Readonly<Record<string, string>>): string[] {
  const parts = splitParams(profile[entry.name] ?? entry.default ?? '');
  while (parts.length < entry.params.length) parts.push('');
  return parts.slice(0, Math.max(entry.params.length, 1));
}

/** Every row whose IMEI an earlier row has already is invalid: which row would be meant is unknown. */
function markDuplicateImeis(rows: TableRow[]): void {
  const first = new Map<string, number>();
  const marked = new Set<number>();
  const problem = (row: TableRow, other: TableRow): TableProblem => ({
    line: row.line,
    column: 'imei',
    message: t(
      `Row ${row.row} (line ${row.line}): IMEI ${row.imei ?? ''} is also in row ${other.row}; neither is applied`,
      `第 ${row.row} 行（文件第 ${row.line} 行）：IMEI ${row.imei ?? ''} 与第 ${other.row} 行重复，两行都不会写入`,
    ),
  });
  for (const [i, r] of rows.entries()) {
    if (r.imei === undefined) continue;
    const e = first.get(r.imei);
    if (e === undefined) {
      first.set(r.imei, i);
      continue;
    }
    const earlier = rows[e] as TableRow;
    rows[i] = { ...r, problems: [...r.problems, problem(r, earlier)] };
    if (!marked.has(e)) rows[e] = { ...earlier, problems: [...earlier.problems, problem(earlier, r)] };
    marked.add(e);
  }
}

/** True when the last digit of `digits` is their Luhn check digit (IMEI, ICCID). */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** The rows that can be applied. */
export function validRows(table: BatchTable): TableRow[] {
  return table.rows.filter((r) => r.problems.length === 0);
}

/** Every problem of the table, the file's first, then the rows' in order. */
export function allProblems(table: BatchTable): TableProblem[] {
  return [...table.fileProblems, ...table.rows.flatMap((r) => r.problems)];
}
