import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/profile/batch/csv';
import { resultsCsv, resultsJson, RESULT_CSV_HEADER } from '../../../src/profile/batch/results';
import type { StationRecord } from '../../../src/profile/batch/station';
import { SECRET_MASK } from '../../../src/protocol/secrets';

const RECORDS: StationRecord[] = [
  {
    seq: 1,
    startedAt: Date.UTC(2026, 0, 2, 3, 4, 0),
    at: Date.UTC(2026, 0, 2, 3, 4, 6, 500),
    imei: '868323021000011',
    iccid: '89860117850000000013',
    sn: 'SN1',
    version: 'V1.0.6',
    row: 1,
    line: 2,
    values: { REGDT: '0001', CMDPW: 'secret99' },
    outcome: 'pass',
  },
  {
    seq: 2,
    startedAt: Date.UTC(2026, 0, 2, 3, 5, 0),
    at: Date.UTC(2026, 0, 2, 3, 5, 1),
    imei: '868323029999993',
    values: {},
    outcome: 'skipped',
    reason: 'not-in-table',
    message: { en: 'IMEI 868323029999993 is not in the table: nothing applied', zh: '…' },
  },
];
const OPTIONS = { profileName: 'Site A', tableName: 'units.csv', exportedAt: Date.UTC(2026, 0, 2, 4) };

describe('batch results export', () => {
  it('CSV: one line per module with identity, result, reason, time and the row values; passwords withheld', () => {
    const parsed = parseCsv(resultsCsv(RECORDS, OPTIONS));
    if (!parsed.ok) throw new Error('unreadable');
    const [header, first, second] = parsed.records.map((r) => r.fields);
    expect(header).toEqual([...RESULT_CSV_HEADER, 'REGDT', 'CMDPW']);
    expect(first).toEqual([
      '1',
      '2026-01-02T03:04:06.500Z',
      '868323021000011',
      '89860117850000000013',
      'SN1',
      'V1.0.6',
      '1',
      'pass',
      '',
      '',
      '6.5',
      '0001',
      SECRET_MASK,
    ]);
    expect(second?.slice(7, 10)).toEqual([
      'skipped',
      'not-in-table',
      'IMEI 868323029999993 is not in the table: nothing applied',
    ]);
  });

  it('JSON: the run with a summary, both languages, and the withheld settings named', () => {
    const json = JSON.parse(resultsJson(RECORDS, OPTIONS)) as Record<string, unknown>;
    expect(json).toMatchObject({
      format: 'usr-7s4-batch-results',
      profile: 'Site A',
      table: 'units.csv',
      summary: { pass: 1, fail: 0, skipped: 1 },
      secretsIncluded: false,
      withheld: ['CMDPW'],
    });
    expect(JSON.stringify(json)).not.toContain('secret99');
  });

  it('includes secrets only when the person opts in', () => {
    expect(resultsCsv(RECORDS, { ...OPTIONS, includeSecrets: true })).toContain('secret99');
    expect(resultsJson(RECORDS, { ...OPTIONS, includeSecrets: true })).toContain('secret99');
  });
});

describe('batch results CSV and spreadsheets', () => {
  it('a value that a spreadsheet would run as a formula is written as text; signed numbers stay numbers', () => {
    const [first] = RECORDS;
    if (!first) throw new Error('no record');
    const record: StationRecord = {
      ...first,
      values: { HEARTDT: '=HYPERLINK("http://x")', REGDT: '@SUM(A1)', SOCKA: '-70' },
    };
    const parsed = parseCsv(resultsCsv([record], OPTIONS));
    if (!parsed.ok) throw new Error('unreadable');
    const [header, row] = parsed.records.map((r) => r.fields);
    const cell = (name: string) => row?.[header?.indexOf(name) ?? -1];
    expect(cell('HEARTDT')).toBe('\'=HYPERLINK("http://x")');
    expect(cell('REGDT')).toBe("'@SUM(A1)");
    expect(cell('SOCKA')).toBe('-70');
  });
});
