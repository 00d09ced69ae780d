/**
 * CSV in and out for the batch station's table (docs/batch.md). RFC 4180 fields (quotes, doubled quotes,
 * separators and line breaks inside quotes), CRLF, LF or CR line ends, a UTF-8 BOM, and the separator as
 * Excel writes it in the person's locale: `,`, or `;` where the decimal mark is a comma (de), or a tab
 * (a table copied from a spreadsheet). The separator is read from the header line: the first of `,` `;`
 * tab found outside quotes. Pure; no I/O. Written here rather than taken from npm: the job is small and
 * the errors must name the line in both languages.
 */
import type { Text } from '../../protocol/types';

export type Separator = ',' | ';' | '\t';

export interface CsvRecord {
  /** 1-based line of the file where the record starts (a quoted field may span lines). */
  readonly line: number;
  readonly fields: readonly string[];
}

export type CsvParse =
  | { readonly ok: true; readonly separator: Separator; readonly records: readonly CsvRecord[] }
  | { readonly ok: false; readonly line: number; readonly message: Text };

/** The header's separator: the first `,` `;` or tab outside quotes on the first line; `,` when none. */
export function detectSeparator(text: string): Separator {
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) return c;
    else if (!quoted && (c === '\n' || c === '\r')) break;
  }
  return ',';
}

/**
 * Records of `text`; blank lines (every field empty, as spreadsheets leave at the end) are left out. A
 * quote that is never closed, or text right after a closing quote, is an error naming the line.
 */
export function parseCsv(input: string): CsvParse {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const separator = detectSeparator(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = (): void => {
    fields.push(field);
    if (fields.some((f) => f !== '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const c = text[i] ?? '';
    if (c === '"' && field === '') {
      // A quoted field: up to the next lone quote; `""` is one quote.
      const start = line;
      i++;
      for (;;) {
        if (i >= text.length) return failure(start, 'a quote is opened and never closed', '引号未闭合');
        const q = text[i] ?? '';
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n' || (q === '\r' && text[i + 1] !== '\n')) line++;
        field += q;
        i++;
      }
      const next = text[i];
      if (next !== undefined && next !== separator && next !== '\r' && next !== '\n')
        return failure(line, 'text follows a closing quote', '右引号后还有文字');
      continue;
    }
    if (c === separator) {
      fields.push(field);
      field = '';
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += c;
    i++;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return { ok: true, separator, records };
}

function failure(line: number, en: string, zh: string): CsvParse {
  return { ok: false, line, message: { en: `Line ${line}: ${en}`, zh: `第 ${line} 行：${zh}` } };
}

/** One field as RFC 4180 writes it: quoted when it holds the separator, a quote or a line break. */
export function csvField(value: string, separator: Separator = ','): string {
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows as CSV text, CRLF line ends (RFC 4180), no BOM. */
export function toCsv(rows: readonly (readonly string[])[], separator: Separator = ','): string {
  return rows.map((r) => r.map((f) => csvField(f, separator)).join(separator)).join('\r\n') + '\r\n';
}
