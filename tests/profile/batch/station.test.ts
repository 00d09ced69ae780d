import { describe, expect, it } from 'vitest';
import {
  BatchStation,
  type ModuleIds,
  type StationDevice,
  type StationRecord,
} from '../../../src/profile/batch/station';
import { SECRET_MASK } from '../../../src/protocol/secrets';
import { readBatchTable } from '../../../src/profile/batch/table';
import { virtualIdentity } from '../../../src/ui/batch/logic/virtual-modules';

const ids = [1, 2, 3, 4].map((n) => virtualIdentity(n).imei);
const PROFILE = { WKMOD: 'NET', REGEN: 'ON' };

/** A module on the cable as the station sees it: who it is, and what each apply wrote. */
function fakeDevice(fail: (target: Record<string, string>) => boolean = () => false) {
  let onCable: ModuleIds = {};
  const applied: { imei: string | undefined; target: Record<string, string> }[] = [];
  const device: StationDevice = {
    identify: () => Promise.resolve(onCable),
    apply: (target, onStep) => {
      applied.push({ imei: onCable.imei, target: { ...target } });
      onStep('verifying');
      return Promise.resolve(
        fail(target) ? { ok: false, reason: { en: 'REGDT was refused', zh: 'REGDT 被拒绝' } } : { ok: true },
      );
    },
    describe: () => ({ en: 'failed', zh: '失败' }),
  };
  return { device, applied, put: (m: ModuleIds) => (onCable = m) };
}

describe('batch station: each module once, its own row, nothing half-applied', () => {
  it('provisions modules by IMEI through waiting → identifying → applying → verifying → waiting', async () => {
    const table = readBatchTable(`imei,REGDT\n${ids[0]},01\n${ids[1]},02\n`, PROFILE);
    const { device, applied, put } = fakeDevice();
    let now = 1000;
    const station = new BatchStation({ table, profile: PROFILE, device, now: () => (now += 10) });
    const states: string[] = [];
    station.subscribe((s) => states.push(s.kind));
    put({ imei: ids[1], iccid: '8986', sn: 'SN2' });
    await station.start();
    expect(states).toEqual(['waiting', 'identifying', 'applying', 'verifying', 'waiting']);
    expect(applied).toEqual([{ imei: ids[1], target: { ...PROFILE, REGDT: '02' } }]);
    const [r] = station.records;
    expect(r).toMatchObject({
      seq: 1,
      imei: ids[1],
      iccid: '8986',
      sn: 'SN2',
      row: 2,
      outcome: 'pass',
      values: { REGDT: '02' },
    });
    expect(station.remaining).toBe(1);
  });

  it('never applies a row twice: a provisioned module coming back is recorded, not applied', async () => {
    const table = readBatchTable(`imei,REGDT\n${ids[0]},01\n`, PROFILE);
    const { device, applied, put } = fakeDevice();
    const station = new BatchStation({ table, profile: PROFILE, device, now: () => 0 });
    put({ imei: ids[0] });
    await station.start();
    await station.moduleArrived();
    expect(applied).toHaveLength(1);
    expect(station.records[1]).toMatchObject({ outcome: 'skipped', reason: 'already-provisioned', row: 1 });
    expect(station.records[1]?.message?.en).toMatch(
      /already provisioned at 1970-01-01T00:00:00.000Z \(row 1\): not applied again/,
    );
  });

  it('a module not in the table, and one whose row is invalid, are recorded with nothing applied', async () => {
    const table = readBatchTable(`imei,REGDT\n${ids[0]},01\n${ids[1]},ZZ\n`, PROFILE);
    const { device, applied, put } = fakeDevice();
    const station = new BatchStation({ table, profile: PROFILE, device, now: () => 0 });
    put({ imei: ids[2] });
    await station.start();
    put({ imei: ids[1] });
    await station.moduleArrived();
    expect(applied).toEqual([]);
    expect(station.records.map((r) => [r.outcome, r.reason])).toEqual([
      ['skipped', 'not-in-table'],
      ['skipped', 'row-invalid'],
    ]);
    expect(station.records[0]?.message?.en).toBe(`IMEI ${ids[2]} is not in the table: nothing applied`);
    expect(station.records[1]?.message?.en).toMatch(/^Row 2 is invalid, nothing applied: .*REGDT/);
  });

  it('in order: each new module takes the next valid row; a failed one gets its own row again', async () => {
    const table = readBatchTable('REGDT\n01\nZZ\n03\n', PROFILE);
    let failOnce = true;
    const { device, applied, put } = fakeDevice(() => {
      const f = failOnce;
      failOnce = false;
      return f;
    });
    const station = new BatchStation({ table, profile: PROFILE, device, now: () => 0 });
    put({ imei: ids[0] });
    await station.start(); // row 1 fails
    put({ imei: ids[1] });
    await station.moduleArrived(); // row 3 (row 2 invalid)
    put({ imei: ids[0] });
    await station.moduleArrived(); // back: row 1 again, passes
    put({ imei: ids[2] });
    await station.moduleArrived(); // nothing left
    expect(applied.map((a) => [a.imei, a.target['REGDT']])).toEqual([
      [ids[0], '01'],
      [ids[1], '03'],
      [ids[0], '01'],
    ]);
    expect(station.records.map((r) => [r.outcome, r.reason ?? '', r.row])).toEqual([
      ['fail', 'apply-failed', 1],
      ['pass', '', 3],
      ['pass', '', 1],
      ['skipped', 'no-rows-left', undefined],
    ]);
    expect(station.records[0]?.message?.en).toBe('REGDT was refused');
  });

  it('a pause asked for during a module takes effect once it is recorded; arrivals wait for resume', async () => {
    const table = readBatchTable(`imei,REGDT\n${ids[0]},01\n${ids[1]},02\n`, PROFILE);
    const { device, applied, put } = fakeDevice();
    const station = new BatchStation({ table, profile: PROFILE, device, now: () => 0 });
    station.subscribe((s) => {
      if (s.kind === 'applying') station.pause();
    });
    put({ imei: ids[0] });
    await station.start();
    expect(station.state.kind).toBe('paused');
    expect(station.records).toHaveLength(1);
    put({ imei: ids[1] });
    expect(await station.moduleArrived()).toBeUndefined();
    expect(applied).toHaveLength(1);
    station.resume();
    await station.moduleArrived();
    expect(applied.map((a) => a.imei)).toEqual([ids[0], ids[1]]);
  });

  it('a module that does not tell its IMEI, or cannot be identified, is recorded as failed', async () => {
    const table = readBatchTable('REGDT\n01\n', PROFILE);
    const { device, applied, put } = fakeDevice();
    const station = new BatchStation({ table, profile: PROFILE, device, now: () => 0 });
    put({ sn: 'x' });
    await station.start();
    const broken = new BatchStation({
      table,
      profile: PROFILE,
      device: { ...device, identify: () => Promise.reject(new Error('no answer')) },
      now: () => 0,
    });
    await broken.start();
    expect(applied).toEqual([]);
    expect(station.records[0]).toMatchObject({ outcome: 'fail', reason: 'no-imei' });
    expect(broken.records[0]).toMatchObject({ outcome: 'fail', reason: 'identify-failed' });
  });

  it('refuses to start on a table the file checks refused', async () => {
    const table = readBatchTable('colour\nred\n', PROFILE);
    const station = new BatchStation({ table, profile: PROFILE, device: fakeDevice().device, now: () => 0 });
    await expect(station.start()).rejects.toThrow(/refused/);
  });

  describe('continuing an earlier run (after a reload: its records come back from IndexedDB)', () => {
    const stored = (
      seq: number,
      imei: string,
      row: number,
      values: Record<string, string>,
    ): StationRecord => ({
      seq,
      startedAt: 0,
      at: 5,
      imei,
      row,
      values,
      outcome: 'pass',
    });

    it('a module the earlier run provisioned is not applied again; numbering goes on', async () => {
      const table = readBatchTable(
        `imei,REGDT,CMDPW\n${ids[0]},01,pw000001\n${ids[1]},02,pw000002\n`,
        PROFILE,
      );
      const { device, applied, put } = fakeDevice();
      // Stored with the password masked, as addBatchResult keeps it.
      const previous = [stored(1, ids[0] as string, 1, { REGDT: '01', CMDPW: SECRET_MASK })];
      const station = new BatchStation({ table, profile: PROFILE, device, now: () => 0, previous });
      expect(station.remaining).toBe(1);
      put({ imei: ids[0] });
      await station.start();
      put({ imei: ids[1] });
      await station.moduleArrived();
      expect(applied.map((a) => a.imei)).toEqual([ids[1]]);
      expect(station.records.map((r) => [r.seq, r.outcome, r.reason ?? ''])).toEqual([
        [1, 'pass', ''],
        [2, 'skipped', 'already-provisioned'],
        [3, 'pass', ''],
      ]);
    });

    it('a row whose values changed since is applied again', async () => {
      const table = readBatchTable(`imei,REGDT\n${ids[0]},09\n`, PROFILE);
      const { device, applied, put } = fakeDevice();
      const previous = [stored(1, ids[0] as string, 1, { REGDT: '01' })];
      const station = new BatchStation({ table, profile: PROFILE, device, now: () => 0, previous });
      put({ imei: ids[0] });
      await station.start();
      expect(applied.map((a) => a.target['REGDT'])).toEqual(['09']);
    });

    it('in order: the rows the earlier run used stay with their modules; a new module gets the next', async () => {
      const table = readBatchTable('REGDT\n01\n02\n', PROFILE);
      const { device, applied, put } = fakeDevice();
      const previous = [stored(1, ids[0] as string, 1, { REGDT: '01' })];
      const station = new BatchStation({ table, profile: PROFILE, device, now: () => 0, previous });
      put({ imei: ids[2] });
      await station.start();
      expect(applied).toEqual([{ imei: ids[2], target: { ...PROFILE, REGDT: '02' } }]);
    });
  });
});
