import { describe, expect, it } from 'vitest';
import { allProblems, luhnValid, readBatchTable, validRows } from '../../../src/profile/batch/table';
import { virtualIdentity } from '../../../src/ui/batch/logic/virtual-modules';

const PROFILE = { WKMOD: 'NET', SOCKA: 'TCP,iot.example.com,5000', REGEN: 'ON', REGTP: 'USER' };
const A = virtualIdentity(1).imei;
const B = virtualIdentity(2).imei;
const C = virtualIdentity(3).imei;

describe('batch table: columns, keys and values checked before any module is touched', () => {
  it('virtual IMEIs carry a valid Luhn check digit', () => {
    for (let n = 1; n <= 50; n++) expect(luhnValid(virtualIdentity(n).imei)).toBe(true);
    expect(luhnValid('868323023456781')).toBe(false);
  });

  it('keys rows by IMEI and merges SETTING.parameter columns into the profile value', () => {
    const t = readBatchTable(`imei,REGDT,SOCKA.port\n${A},0001,5001\n${B},0002,5002\n`, PROFILE);
    expect(t.fileProblems).toEqual([]);
    expect(t.keyedBy).toBe('imei');
    expect(t.rows.map((r) => [r.imei, r.values])).toEqual([
      [A, { REGDT: '0001', SOCKA: 'TCP,iot.example.com,5001' }],
      [B, { REGDT: '0002', SOCKA: 'TCP,iot.example.com,5002' }],
    ]);
  });

  it('takes rows in order without an imei column; header names are case-insensitive', () => {
    const t = readBatchTable('regdt,heartdt\n0a,0b\n', {});
    expect(t.keyedBy).toBe('order');
    expect(t.rows[0]?.values).toEqual({ REGDT: '0A', HEARTDT: '0B' });
  });

  it('a parameter column of a setting the profile leaves out starts from the factory value', () => {
    const t = readBatchTable('SOCKB.port\n6000\n', {});
    expect(t.rows[0]?.values['SOCKB']).toMatch(/,6000$/);
  });

  it('refuses unknown columns, naming them, and a setting written twice', () => {
    const t = readBatchTable(`imei,REGDT,colour,SOCKA.speed,REGDT\n${A},01,red,1,02\n`, PROFILE);
    expect(t.rows).toEqual([]);
    const messages = t.fileProblems.map((p) => p.message.en);
    expect(messages).toEqual([
      expect.stringContaining('Column 3 "colour" is not a setting'),
      expect.stringContaining('Column 4 "SOCKA.speed" is not a setting'),
      expect.stringContaining('Column 5 "REGDT" sets what column "REGDT" sets already'),
    ]);
    expect(t.fileProblems[0]?.message.zh).toContain('不是模块的参数');
  });

  it('refuses a whole setting next to one of its parameters (one value, two sources)', () => {
    const t = readBatchTable('SOCKA,SOCKA.port\n"TCP,a.b,1",2\n', PROFILE);
    expect(t.fileProblems[0]?.message.en).toContain('sets what column "SOCKA" sets already');
  });

  it('refuses an empty file, a header with no row, and a table that sets nothing', () => {
    expect(readBatchTable('', PROFILE).fileProblems[0]?.message.en).toBe('The file is empty');
    expect(readBatchTable('imei,REGDT\n', PROFILE).fileProblems[0]?.message.en).toContain('no row');
    expect(readBatchTable(`imei\n${A}\n`, PROFILE).fileProblems[0]?.message.en).toContain(
      'no setting column',
    );
  });

  it("marks a row invalid with its row, column and the catalogue's reason; the others stay valid", () => {
    const t = readBatchTable(`imei,REGDT,SOCKA.port\n${A},01,5001\n${B},XYZ,70000\n${C},03,5003\n`, PROFILE);
    expect(t.fileProblems).toEqual([]);
    expect(validRows(t).map((r) => r.imei)).toEqual([A, C]);
    const bad = t.rows[1]?.problems.map((p) => [p.column, p.message.en]);
    expect(bad).toHaveLength(2);
    expect(bad?.[0]?.[0]).toBe('REGDT');
    expect(bad?.[0]?.[1]).toMatch(/^Row 2 \(line 3\), column REGDT: .*hex/i);
    expect(bad?.[1]?.[0]).toBe('SOCKA.port');
    expect(bad?.[1]?.[1]).toMatch(/Row 2 \(line 3\), column SOCKA.port: .*65535/);
  });

  it('marks empty cells, wrong cell counts and malformed IMEIs', () => {
    const t = readBatchTable(`imei,REGDT\n${A},\n868323023456781,01\n${B},01,extra\n`, PROFILE);
    const en = allProblems(t).map((p) => p.message.en);
    expect(en[0]).toMatch(/Row 1 .*column REGDT is empty/);
    expect(en[1]).toMatch(/"868323023456781" is not an IMEI/);
    expect(en[2]).toMatch(/Row 3 .*has 3 cells, the header has 2/);
  });

  it('marks both rows of a repeated IMEI: which one is meant cannot be known', () => {
    const t = readBatchTable(`imei,REGDT\n${A},01\n${B},02\n${A},03\n`, PROFILE);
    expect(t.rows.map((r) => r.problems.length)).toEqual([1, 0, 1]);
    expect(t.rows[2]?.problems[0]?.message.en).toContain(`IMEI ${A} is also in row 1`);
    expect(t.rows[0]?.problems[0]?.message.en).toContain(`IMEI ${A} is also in row 3`);
  });

  it('reports a broken quote as a problem of the file with its line', () => {
    const t = readBatchTable('imei,REGDT\n"1,2\n', PROFILE);
    expect(t.fileProblems[0]?.line).toBe(2);
  });
});
