import { describe, expect, it } from 'vitest';
import { detectSeparator, parseCsv, toCsv } from '../../../src/profile/batch/csv';

function fields(text: string): string[][] {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(r.message.en);
  return r.records.map((x) => [...x.fields]);
}

describe('batch table CSV (RFC 4180 as spreadsheets write it)', () => {
  it('reads quoted fields with separators, doubled quotes and line breaks inside', () => {
    expect(fields('imei,HEARTDT\r\n"868","a,""b""\r\nc"\r\n')).toEqual([
      ['imei', 'HEARTDT'],
      ['868', 'a,"b"\r\nc'],
    ]);
  });

  it('drops the UTF-8 BOM Excel puts first, and the blank lines at the end', () => {
    expect(fields('\uFEFFimei,REGDT\n868,41\n\n,\n')).toEqual([
      ['imei', 'REGDT'],
      ['868', '41'],
    ]);
  });

  it('takes the semicolon Excel writes in German and Chinese locales, and tabs from a pasted sheet', () => {
    expect(detectSeparator('imei;SOCKA.port\n1;2')).toBe(';');
    expect(fields('imei;SOCKA.port\n1;2,3')).toEqual([
      ['imei', 'SOCKA.port'],
      ['1', '2,3'],
    ]);
    expect(fields('imei\tREGDT\r1\t41\r')).toEqual([
      ['imei', 'REGDT'],
      ['1', '41'],
    ]);
  });

  it('counts file lines so a row after a multi-line cell is named by its own line', () => {
    const r = parseCsv('a,b\n"x\ny",1\nz,2\n');
    expect(r.ok && r.records.map((x) => x.line)).toEqual([1, 2, 4]);
  });

  it('refuses a quote that is never closed, naming the line it opened on', () => {
    const r = parseCsv('a,b\n1,2\n3,"open\n');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.line).toBe(3);
      expect(r.message.en).toMatch(/Line 3: a quote is opened and never closed/);
      expect(r.message.zh).toMatch(/第 3 行/);
    }
  });

  it('refuses text after a closing quote', () => {
    const r = parseCsv('a\n"x"y\n');
    expect(r.ok).toBe(false);
  });

  it('writes what it reads back to the same fields', () => {
    const rows = [
      ['seq', 'message'],
      ['1', 'a, "quoted"\nline'],
      ['2', ''],
    ];
    const text = toCsv(rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(fields(text)).toEqual(rows);
  });
});
