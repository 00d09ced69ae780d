import { describe, expect, it } from 'vitest';
import { berToText, csqToSignal, parseCsqValue, type CsqNetwork } from '../../src/protocol/signal';

describe('csqToSignal on GSM, table 16 (3.1.7.11)', () => {
  it('reads 0 as ≤ -113 dBm, no bars', () => {
    expect(csqToSignal(0, 'GSM')).toMatchObject({
      dbm: -113,
      atMost: true,
      unknown: false,
      bars: 0,
      table: 16,
    });
    expect(csqToSignal(0, 'GSM').text.en).toBe('≤ -113 dBm (RSSI)');
  });
  it('reads 1 as -111 dBm', () => {
    expect(csqToSignal(1, 'GSM')).toMatchObject({ dbm: -111, unknown: false, bars: 1 });
    expect(csqToSignal(1, 'GSM').atMost).toBeUndefined();
  });
  it('reads 2…30 as -109…-53 dBm in 2 dB steps', () => {
    expect(csqToSignal(2, 'GSM').dbm).toBe(-109);
    expect(csqToSignal(30, 'GSM').dbm).toBe(-53);
    for (let rssi = 2; rssi <= 30; rssi++) {
      const s = csqToSignal(rssi, 'GSM');
      expect(s.dbm).toBe(-113 + 2 * rssi);
      expect(s.unknown).toBe(false);
      expect(s.atLeast ?? s.atMost).toBeUndefined();
    }
  });
  it('reads 31 as ≥ -53 dBm (the manual text; TS 27.007 says -51), full bars', () => {
    expect(csqToSignal(31, 'GSM')).toMatchObject({ dbm: -53, atLeast: true, bars: 5 });
    expect(csqToSignal(31, 'GSM').text.zh).toBe('≥ -53 dBm（RSSI）');
  });
  it('reads 99 as unknown or not detectable', () => {
    expect(csqToSignal(99, 'GSM')).toEqual({
      unknown: true,
      bars: 0,
      text: { en: 'unknown or not detectable', zh: '未知或不可测' },
    });
  });
  it('reads WCDMA on the same table 16 scale', () => {
    expect(csqToSignal(20, 'WCDMA')).toMatchObject({ dbm: -73, table: 16, measure: 'RSSI' });
  });
  it('gives bars that never decrease as rssi rises, from 0 to 5', () => {
    let last = 0;
    for (let rssi = 0; rssi <= 31; rssi++) {
      const bars = csqToSignal(rssi, 'GSM').bars;
      expect(bars).toBeGreaterThanOrEqual(last);
      last = bars;
    }
    expect(last).toBe(5);
  });
  it('reports values outside the table (32…98, 100+) as unknown, out of range', () => {
    for (const rssi of [32, 98, 100, 131]) {
      const s = csqToSignal(rssi, 'GSM');
      expect(s.unknown).toBe(true);
      expect(s.text.en).toContain('out of range');
    }
  });
});

describe('csqToSignal on TD-SCDMA, table 17 (3.1.7.11, reported as 100 + value)', () => {
  it('reads 100 (0 after subtracting 100) as < -115 dBm', () => {
    expect(csqToSignal(100, 'TD-SCDMA')).toMatchObject({
      dbm: -115,
      atMost: true,
      exclusive: true,
      bars: 0,
      table: 17,
      measure: 'RSCP',
    });
    expect(csqToSignal(100, 'TD-SCDMA').text.en).toBe('< -115 dBm (RSCP)');
  });
  it('reads 101…190 (1…90) as -115…-26 dBm', () => {
    expect(csqToSignal(101, 'TD-SCDMA').dbm).toBe(-115);
    expect(csqToSignal(190, 'TD-SCDMA').dbm).toBe(-26);
    for (let v = 1; v <= 90; v++) expect(csqToSignal(100 + v, 'TD-SCDMA').dbm).toBe(-116 + v);
  });
  it('reads 191 (91) as ≥ -25 dBm', () => {
    expect(csqToSignal(191, 'TD-SCDMA')).toMatchObject({ dbm: -25, atLeast: true, bars: 5 });
  });
  it('reads 199 (99) as unknown', () => {
    expect(csqToSignal(199, 'TD-SCDMA').unknown).toBe(true);
  });
  it('reads 192…198 as out of range', () => {
    expect(csqToSignal(192, 'TD-SCDMA').text.en).toBe('rssi 192 is out of range');
  });
});

describe('csqToSignal on LTE, table 18 (3.1.7.11, reported as 100 + value)', () => {
  it('reads 100 (0) as < -140 dBm', () => {
    expect(csqToSignal(100, 'LTE')).toMatchObject({
      dbm: -140,
      atMost: true,
      exclusive: true,
      bars: 0,
      table: 18,
      measure: 'RSRP',
    });
    expect(csqToSignal(100, 'LTE').text.zh).toBe('< -140 dBm（RSRP）');
  });
  it('reads 101…196 (1…96) as -140…-45 dBm', () => {
    expect(csqToSignal(101, 'LTE').dbm).toBe(-140);
    expect(csqToSignal(196, 'LTE').dbm).toBe(-45);
    for (let v = 1; v <= 96; v++) expect(csqToSignal(100 + v, 'LTE').dbm).toBe(-141 + v);
  });
  it('reads 197 (97) as ≥ -44 dBm', () => {
    expect(csqToSignal(197, 'LTE')).toMatchObject({ dbm: -44, atLeast: true, bars: 5 });
  });
  it('reads 199 (99) as unknown', () => {
    expect(csqToSignal(199, 'LTE').unknown).toBe(true);
  });
  it('reads 198 as out of range', () => {
    expect(csqToSignal(198, 'LTE').unknown).toBe(true);
  });
  it('gives bars rising with RSRP: -130 one bar, -105 three, -85 five', () => {
    expect(csqToSignal(111, 'LTE').bars).toBe(1);
    expect(csqToSignal(136, 'LTE').bars).toBe(3);
    expect(csqToSignal(156, 'LTE').bars).toBe(5);
  });
});

describe('csqToSignal raw forms without the +100 on TD-SCDMA/LTE (decision in signal.ts)', () => {
  it('reads 0…31 on LTE as the table 16 scale, as 4G firmware reporting +CSQ: 27,99 does', () => {
    expect(csqToSignal(27, 'LTE')).toMatchObject({ dbm: -59, table: 16, unknown: false });
    expect(csqToSignal(27, 'TD-SCDMA')).toMatchObject({ dbm: -59, table: 16 });
  });
  it('reads 99 as unknown on LTE and TD-SCDMA', () => {
    expect(csqToSignal(99, 'LTE').unknown).toBe(true);
    expect(csqToSignal(99, 'TD-SCDMA').unknown).toBe(true);
  });
  it('reads 32…98 on LTE as out of range', () => {
    expect(csqToSignal(50, 'LTE')).toMatchObject({ unknown: true, bars: 0 });
    expect(csqToSignal(50, 'LTE').text.en).toContain('out of range');
  });
  it('reads anything on No Network as no network, no bars', () => {
    for (const rssi of [0, 27, 99, 150]) {
      expect(csqToSignal(rssi, 'No Network')).toEqual({
        unknown: true,
        bars: 0,
        text: { en: 'no network', zh: '无网络' },
      });
    }
  });
  it('reads negative or fractional values as out of range', () => {
    expect(csqToSignal(-1, 'GSM').unknown).toBe(true);
    expect(csqToSignal(1.5, 'LTE').unknown).toBe(true);
  });
});

describe('berToText, table 19 (3.1.7.11)', () => {
  const rows: readonly (readonly [number, string])[] = [
    [0, 'BER<0.2%'],
    [1, '0.2%<BER<0.4%'],
    [2, '0.4%<BER<0.8%'],
    [3, '0.8%<BER<1.6%'],
    [4, '1.6%<BER<3.2%'],
    [5, '3.2%<BER<6.4%'],
    [6, '6.4%<BER<12.8%'],
    [7, '12.8%<BER'],
    [99, '未知或不可测'],
  ];
  for (const [ber, zh] of rows) {
    it(`reads ber ${ber} as ${zh}`, () => {
      expect(berToText(ber).zh).toBe(zh);
      expect(berToText(ber, 'GSM').en.length).toBeGreaterThan(0);
    });
  }
  it('gives the English texts with spaces (0 → BER < 0.2%)', () => {
    expect(berToText(0).en).toBe('BER < 0.2%');
    expect(berToText(99).en).toBe('unknown or not detectable');
  });
  it('reports 8…98 as out of range', () => {
    expect(berToText(8).en).toBe('ber 8 is out of range');
  });
  it('says ber is not valid on TD-SCDMA and LTE', () => {
    for (const network of ['TD-SCDMA', 'LTE'] as CsqNetwork[]) {
      expect(berToText(0, network)).toEqual({
        en: 'not applicable on TD-SCDMA/LTE',
        zh: 'TD/LTE 模式下无效',
      });
    }
  });
});

describe('parseCsqValue (3.1.7.11: rssi,null,ber)', () => {
  it("reads the manual's three-field form 27,0,99", () => {
    expect(parseCsqValue('27,0,99')).toEqual({ rssi: 27, ber: 99 });
  });
  it('reads the two-field form 27,99 seen on real modules', () => {
    expect(parseCsqValue('27,99')).toEqual({ rssi: 27, ber: 99 });
  });
  it('tolerates blanks, an empty or literal null middle field', () => {
    expect(parseCsqValue(' 27, 0 ,99 ')).toEqual({ rssi: 27, ber: 99 });
    expect(parseCsqValue('27,,99')).toEqual({ rssi: 27, ber: 99 });
    expect(parseCsqValue('27,null,99')).toEqual({ rssi: 27, ber: 99 });
  });
  it('reads 100+ values of TD/LTE', () => {
    expect(parseCsqValue('155,0,99')).toEqual({ rssi: 155, ber: 99 });
  });
  it('reads a lone rssi with no ber', () => {
    expect(parseCsqValue('27')).toEqual({ rssi: 27, ber: undefined });
  });
  it('rejects text that is not a CSQ value', () => {
    for (const value of ['', 'x,99', '27,x', '27,0,99,1', '-1,99', '1234,99']) {
      expect(parseCsqValue(value), value).toBeUndefined();
    }
  });
});
