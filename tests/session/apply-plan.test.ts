import { describe, expect, it } from 'vitest';
import { factoryDefaults } from '../../src/protocol/catalogue';
import { planApply } from '../../src/protocol/apply-plan';

const device = factoryDefaults();

describe('apply plan (diff and safe order)', () => {
  it('sends only changed settings, compared in canonical form', () => {
    const plan = planApply(device, { WKMOD: 'net', HEARTTM: '30', HEARTEN: 'off' });
    expect(plan.writes.map((w) => `${w.name}=${w.to}`)).toEqual(['HEARTEN=OFF']);
    expect(plan.unchanged).toEqual(['WKMOD', 'HEARTTM']);
    expect(plan.needsRestart).toBe(true);
  });

  it('orders: switches off first, parameters, switches on, then CMDPW, UARTFT and UART last', () => {
    const plan = planApply(device, {
      UART: '9600,8,1,NONE,NFC',
      SOCKBEN: 'ON',
      SOCKAEN: 'OFF',
      UARTFT: '100',
      SOCKB: 'UDP,1.2.3.4,99',
      CMDPW: 'secret',
      STMSG: 'hello',
      REGEN: 'ON',
      REGTP: 'IMEI',
    });
    expect(plan.writes.map((w) => w.name)).toEqual([
      'SOCKAEN',
      'STMSG',
      'SOCKB',
      'REGTP',
      'SOCKBEN',
      'REGEN',
      'CMDPW',
      'UARTFT',
      'UART',
    ]);
  });

  it('E alone needs no restart (it takes effect at once)', () => {
    expect(planApply(device, { E: 'OFF' }).needsRestart).toBe(false);
  });

  it('sets apart invalid values and names that are no setting', () => {
    const plan = planApply(device, { UARTFT: '10', VER: 'x', NOPE: '1', HEARTTM: '40' });
    expect(plan.invalid.map((i) => i.name)).toEqual(['UARTFT']);
    expect(plan.invalid[0]?.error.message.en).toBeTruthy();
    expect(plan.unknown).toEqual(['VER', 'NOPE']);
    expect(plan.writes.map((w) => w.name)).toEqual(['HEARTTM']);
  });

  it('a setting the device could not be read for is written', () => {
    const { SOCKD: _dropped, ...partial } = device;
    const plan = planApply(partial, { SOCKD: device['SOCKD'] ?? '' });
    expect(plan.writes).toEqual([
      { name: 'SOCKD', from: undefined, to: device['SOCKD'], needsRestart: true },
    ]);
  });
});
