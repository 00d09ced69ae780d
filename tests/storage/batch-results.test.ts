import { openDB, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import type { StationRecord } from '../../src/profile/batch/station';
import { SECRET_MASK } from '../../src/protocol/secrets';
import { addBatchResult, batchRun, lastBatchRun } from '../../src/storage/batch-results';
import { closeStore, getDb, write } from '../../src/storage/connection';
import { forgetDevices } from '../../src/storage/devices';
import { listProfiles } from '../../src/storage/profiles';
import { DB_VERSION, type StoreSchema, type StoreSchemaV4 } from '../../src/storage/schema';
import { upgradeToV1, upgradeToV2, upgradeToV3, upgradeToV5 } from '../../src/storage/upgrade';
import { getWorkspace, putWorkspace } from '../../src/storage/workspace';
import { smallProfile } from '../profile/fixtures';
import { freshStore } from './helpers';

afterEach(() => closeStore());

const record = (seq: number, values: Record<string, string> = { REGDT: '01' }): StationRecord => ({
  seq,
  startedAt: 1000 * seq,
  at: 1000 * seq + 500,
  imei: '868323021000011',
  values,
  outcome: 'pass',
  row: seq,
});

describe('batch results in IndexedDB (version 6)', () => {
  it('keeps each record of a run as recorded, and finds the last run after a reload', async () => {
    await freshStore();
    const run = { runId: 'r1', profileName: 'Site A', tableName: 'units.csv' };
    await addBatchResult(run, record(1));
    await addBatchResult({ ...run, runId: 'r2' }, record(1));
    await addBatchResult({ ...run, runId: 'r2' }, record(2));
    await closeStore();
    const last = await lastBatchRun();
    expect(last?.runId).toBe('r2');
    expect(last?.records.map((r) => r.seq)).toEqual([1, 2]);
    expect((await batchRun('r1'))?.records).toHaveLength(1);
    expect(await batchRun('nope')).toBeUndefined();
  });

  it('never stores a password in clear: CMDPW written by a row is masked at rest', async () => {
    await freshStore();
    await addBatchResult(
      { runId: 'r', profileName: 'p', tableName: 't' },
      record(1, { CMDPW: 'secret99', REGDT: '01' }),
    );
    const values = (await lastBatchRun())?.records[0]?.values;
    expect(values).toEqual({ CMDPW: SECRET_MASK, REGDT: '01' });
  });

  it('leaves out a record of the wrong shape and counts it', async () => {
    await freshStore();
    await addBatchResult({ runId: 'r', profileName: 'p', tableName: 't' }, record(1));
    await write(['batchResults'], (tx) =>
      tx
        .objectStore('batchResults')
        .add({ runId: 'r', profileName: 'p', tableName: 't', record: { seq: 'x' } as never }),
    );
    const run = await batchRun('r');
    expect(run?.records).toHaveLength(1);
    expect(run?.unreadable).toBe(1);
  });

  it('upgrading a version-5 database adds the store and keeps profiles and the workspace', async () => {
    const name = await freshStore();
    const v5: IDBPDatabase<StoreSchema> = await openDB<StoreSchema>(name, 5, {
      upgrade: (d, _old, _new, tx) => {
        upgradeToV1(d as never);
        upgradeToV2(tx as never);
        upgradeToV3(d as unknown as IDBPDatabase<StoreSchemaV4>);
        upgradeToV5(d);
      },
    });
    await v5.put('profiles', { id: 'a', profile: smallProfile('kept') });
    await v5.put('workspace', { savedAt: 1, edits: { HEARTTM: ['30'] }, withheld: [] }, 'draft');
    v5.close();
    const db = await getDb();
    expect(db.version).toBe(DB_VERSION);
    expect(db.objectStoreNames.contains('batchResults')).toBe(true);
    expect((await listProfiles()).profiles.map((p) => p.profile.name)).toEqual(['kept']);
    expect((await getWorkspace('draft'))?.edits).toEqual({ HEARTTM: ['30'] });
    await putWorkspace('draft', { savedAt: 2, edits: {}, withheld: [] });
    await addBatchResult({ runId: 'r', profileName: 'p', tableName: 't' }, record(1));
    expect((await lastBatchRun())?.records).toHaveLength(1);
  });
});

describe('forgetting devices and history', () => {
  it('also forgets the batch station results (IMEIs, ICCIDs, values of the modules provisioned)', async () => {
    await freshStore();
    await addBatchResult({ runId: 'r', profileName: 'p', tableName: 't' }, record(1));
    await forgetDevices();
    expect(await lastBatchRun()).toBeUndefined();
  });
});
