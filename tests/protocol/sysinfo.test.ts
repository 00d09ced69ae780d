import { describe, expect, it } from 'vitest';
import { parseSysinfo } from '../../src/protocol/sysinfo';

describe('parseSysinfo service state, table 20 (3.1.7.12)', () => {
  const rows: readonly (readonly [number, string, string])[] = [
    [0, '无服务', 'No service'],
    [1, '有限制服务', 'Limited service'],
    [2, '有服务', 'In service'],
    [3, '有限制区域服务', 'Limited regional service'],
    [4, '省电状态', 'Power saving'],
  ];
  for (const [state, zh, en] of rows) {
    it(`reads state ${state} as ${zh}`, () => {
      const r = parseSysinfo(`${state},LTE`);
      expect(r).toMatchObject({ ok: true, state, stateText: { zh, en } });
    });
  }
  it('rejects state 5 with a clear message', () => {
    const r = parseSysinfo('5,LTE');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason.en).toBe('Unknown SYSINFO service state "5" (table 20 lists 0–4)');
    expect(!r.ok && r.reason.zh).toContain('表 20');
  });
  it('rejects a state that is not a digit', () => {
    expect(parseSysinfo('x,LTE').ok).toBe(false);
    expect(parseSysinfo('12,LTE').ok).toBe(false);
  });
});

describe('parseSysinfo network, table 21 (3.1.7.12)', () => {
  const rows: readonly (readonly [string, string, string])[] = [
    ['No Network', 'No Network', 'No Network'],
    ['GSM/GPRS', 'GSM/GPRS', 'GSM'],
    ['WCDMA', 'WCDMA', 'WCDMA'],
    ['TD-SCDMA', 'TD-SCDMA', 'TD-SCDMA'],
    ['LTE', 'LTE', 'LTE'],
  ];
  for (const [wire, network, networkType] of rows) {
    it(`reads net ${wire} as ${network}, signal table network ${networkType}`, () => {
      expect(parseSysinfo(`2,${wire}`)).toMatchObject({ ok: true, network, networkType });
    });
  }
  it('gives the table 21 meanings in Chinese', () => {
    const zh = (net: string): string | false => {
      const r = parseSysinfo(`2,${net}`);
      return r.ok && r.networkText.zh;
    };
    expect(zh('No Network')).toBe('无服务');
    expect(zh('GSM/GPRS')).toBe('GSM/GPRS 模式');
    expect(zh('WCDMA')).toBe('WCDMA 模式');
    expect(zh('TD-SCDMA')).toBe('TD-SCDMA 模式');
    expect(zh('LTE')).toBe('LTE 模式');
  });
  it('tolerates case and blanks in the network name (NO NETWORK, lte)', () => {
    expect(parseSysinfo('0,NO NETWORK')).toMatchObject({ ok: true, network: 'No Network' });
    expect(parseSysinfo('2,lte')).toMatchObject({ ok: true, network: 'LTE' });
  });
  it('rejects an unknown network with a clear message', () => {
    const r = parseSysinfo('2,NR5G');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason.en).toContain('Unknown SYSINFO network "NR5G"');
  });
});

describe('parseSysinfo tolerates the blanks of the manual format line (+ SYSINFO: state,net)', () => {
  it('reads the value with blanks around the fields', () => {
    expect(parseSysinfo(' 2,LTE ')).toMatchObject({ ok: true, state: 2, network: 'LTE' });
    expect(parseSysinfo('2 , LTE')).toMatchObject({ ok: true, state: 2, network: 'LTE' });
  });
  it('reads the whole line + SYSINFO: 2,LTE', () => {
    expect(parseSysinfo('+ SYSINFO: 2,LTE ')).toMatchObject({ ok: true, state: 2, network: 'LTE' });
    expect(parseSysinfo('+SYSINFO:4,GSM/GPRS')).toMatchObject({ ok: true, state: 4, networkType: 'GSM' });
  });
  it('rejects a value without exactly two fields', () => {
    for (const value of ['', '2', '2,LTE,1']) {
      const r = parseSysinfo(value);
      expect(r.ok, value).toBe(false);
      expect(!r.ok && r.reason.en).toContain('state,net');
    }
  });
});
