import { describe, expect, it } from 'vitest';
import { lineText, riskKey, risksOf } from '../../src/ui/risky-changes/risk';

describe('changes that alter how the module is reached', () => {
  it('a baud change is flagged with the old and new line', () => {
    const risks = risksOf([{ name: 'UART', from: '115200,8,1,NONE,NFC', to: '9600,8,1,NONE,NFC' }]);
    expect(risks).toHaveLength(1);
    const r = risks[0];
    if (r?.kind !== 'uart') throw new Error('not a UART risk');
    expect(r.from && lineText(r.from)).toBe('115200 8N1');
    expect(lineText(r.to)).toBe('9600 8N1');
    expect(r.baudOnly).toBe(true);
  });

  it('a format change is flagged too, not only the rate', () => {
    const [r] = risksOf([{ name: 'UART', from: '9600,8,1,NONE,NFC', to: '9600,8,1,EVEN,NFC' }]);
    expect(r).toMatchObject({ kind: 'uart', baudOnly: false });
  });

  it('UARTFT, CMDPW and WKMOD are flagged, in a fixed order; other settings are not', () => {
    const risks = risksOf([
      { name: 'WKMOD', from: 'NET', to: 'HTTPD' },
      { name: 'CMDPW', from: 'usr.cn', to: 'secret' },
      { name: 'SOCKA', from: 'TCP,a,1', to: 'TCP,b,2' },
      { name: 'UARTFT', from: '50', to: '200' },
      { name: 'HEARTTM', from: '30', to: '2' },
    ]);
    expect(risks.map((r) => r.kind)).toEqual(['uartft', 'cmdpw', 'wkmod']);
    expect(risks[0]).toEqual({ kind: 'uartft', fromMs: 50, toMs: 200 });
    // The password never goes into what is shown or into the key.
    expect(riskKey(risks)).not.toContain('secret');
  });

  it('a device not read: the old value is unknown, still flagged', () => {
    const [r] = risksOf([{ name: 'UART', from: undefined, to: '9600,8,1,NONE,NFC' }]);
    expect(r).toMatchObject({ kind: 'uart', from: undefined, baudOnly: false });
  });

  it('no risk without a change; the confirmation key follows the risky values', () => {
    expect(risksOf([{ name: 'UART', from: '9600,8,1,NONE,NFC', to: '9600,8,1,NONE,NFC' }])).toEqual([]);
    const a = riskKey(risksOf([{ name: 'UART', from: '115200,8,1,NONE,NFC', to: '9600,8,1,NONE,NFC' }]));
    const b = riskKey(risksOf([{ name: 'UART', from: '115200,8,1,NONE,NFC', to: '19200,8,1,NONE,NFC' }]));
    expect(a).not.toBe(b);
  });
});
