import { describe, expect, it } from 'vitest';
import { factoryDefaults } from '../../src/protocol/catalogue';
import { compareValues, sameCount } from '../../src/ui/logic/profile-compare';
import { applyPlan, planCommands, planValues, shownPlanCommand } from '../../src/ui/logic/profile-plan';

const device = factoryDefaults();

describe('comparing a profile', () => {
  it('with the device: only the settings the profile holds, in editor order', () => {
    const profile = { SOCKA: 'TCP,demo.usr.cn,2318', WKMOD: 'NET', HEARTTM: '2' };
    const rows = compareValues(profile, device, { leftOnly: true });
    expect(rows.map((r) => r.name)).toEqual(['SOCKA', 'HEARTTM']);
    expect(rows[0]).toMatchObject({ left: 'TCP,demo.usr.cn,2318', right: 'TCP,test.usr.cn,2317' });
    expect(rows[0]?.entry?.label.en).toBeTruthy();
    expect(sameCount(profile, device)).toBe(1);
  });

  it('with another profile: every setting either holds, a missing one is undefined', () => {
    const a = { WKMOD: 'NET', SOCKA: 'TCP,a.cn,1' };
    const b = { WKMOD: 'HTTPD', HEARTTM: '5' };
    const rows = compareValues(a, b);
    expect(rows.map((r) => [r.name, r.left, r.right])).toEqual([
      ['WKMOD', 'NET', 'HTTPD'],
      ['SOCKA', 'TCP,a.cn,1', undefined],
      ['HEARTTM', undefined, '5'],
    ]);
  });

  it('finds nothing between equal sets', () => {
    expect(compareValues({ E: 'ON' }, { E: 'ON' })).toEqual([]);
  });

  it('keeps names the catalogue does not know, after the known ones', () => {
    const rows = compareValues({ ZZZ: '1', E: 'OFF' }, { E: 'ON' });
    expect(rows.map((r) => r.name)).toEqual(['E', 'ZZZ']);
    expect(rows[1]?.entry).toBeUndefined();
  });
});

describe('the apply plan', () => {
  it('lists each differing setting with its exact AT command, and the restart', () => {
    const plan = applyPlan({ HEARTTM: '2', SOCKA: 'TCP,demo.usr.cn,2318', WKMOD: 'NET' }, device);
    expect(plan.changes.map((c) => c.command)).toEqual(['AT+SOCKA=TCP,demo.usr.cn,2318', 'AT+HEARTTM=2']);
    expect(plan.changes[0]?.from).toBe('TCP,test.usr.cn,2317');
    expect(plan.unchanged).toEqual(['WKMOD']);
    expect(plan.restart).toBe(true);
    expect(planValues(plan)).toEqual({ SOCKA: 'TCP,demo.usr.cn,2318', HEARTTM: '2' });
    expect(planCommands(plan, false)).toEqual(['AT+SOCKA=TCP,demo.usr.cn,2318', 'AT+HEARTTM=2', 'AT+Z']);
  });

  it('has nothing to write when the device already matches', () => {
    const plan = applyPlan({ E: 'ON', WKMOD: 'NET' }, device);
    expect(plan.changes).toEqual([]);
    expect(plan.restart).toBe(false);
    expect(planCommands(plan, false)).toEqual([]);
  });

  it('masks secrets in shown commands unless revealed', () => {
    const plan = applyPlan({ APN: 'CMIOT,user,s3cret' }, device);
    const row = plan.changes[0];
    if (!row) throw new Error('no change');
    expect(row.command).toBe('AT+APN=CMIOT,user,s3cret');
    expect(shownPlanCommand(row, false)).toBe('AT+APN=CMIOT,user,••••••');
    expect(shownPlanCommand(row, true)).toBe('AT+APN=CMIOT,user,s3cret');
    expect(planCommands(plan, false).join('\n')).not.toContain('s3cret');
  });

  it('writes a setting the device did not report', () => {
    const plan = applyPlan({ E: 'OFF' }, {});
    expect(plan.changes[0]).toMatchObject({ from: undefined, to: 'OFF', command: 'AT+E=OFF' });
  });
});
