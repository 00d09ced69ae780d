/**
 * The classroom's stores (schema version 7): progress per scenario and imported scenario files survive a
 * reload; an older database upgrades without losing anything; damaged records read as absent.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import {
  clearProgress,
  deleteImportedScenario,
  getProgress,
  listImportedScenarios,
  listProgress,
  putImportedScenario,
  putProgress,
} from '../../src/storage/classroom';
import { closeStore, getDb } from '../../src/storage/connection';
import { listProfiles } from '../../src/storage/profiles';
import { DB_VERSION, type StoreSchemaV1, type StoreSchemaV5 } from '../../src/storage/schema';
import { upgradeToV1, upgradeToV2, upgradeToV3, upgradeToV4, upgradeToV5 } from '../../src/storage/upgrade';
import { getWorkspace } from '../../src/storage/workspace';
import { fullProfile } from '../profile/fixtures';
import { freshStore } from './helpers';

afterEach(() => closeStore());

const STARTED = {
  id: 'wrong-baud-rate',
  state: 'started' as const,
  startedAt: 1000,
  lastStartedAt: 1000,
  hintsShown: 1,
  attempts: 1,
};

describe('classroom stores', () => {
  it('a version-5 database upgrades to the classroom stores and keeps its records', async () => {
    const name = await freshStore();
    const old: IDBPDatabase<StoreSchemaV5> = await openDB<StoreSchemaV5>(name, 5, {
      upgrade: (d, _old, _new, tx) => {
        upgradeToV1(d as unknown as IDBPDatabase<StoreSchemaV1>);
        upgradeToV2(tx as never);
        upgradeToV3(d as never);
        void upgradeToV4(tx as never);
        upgradeToV5(d as never);
      },
    });
    const tx = old.transaction(['profiles', 'workspace'], 'readwrite');
    await Promise.all([
      tx.objectStore('profiles').put({ id: 'a', profile: fullProfile() }),
      tx.objectStore('workspace').put({ savedAt: 5, edits: { HEARTTM: ['7'] }, withheld: [] }, 'draft'),
    ]);
    await tx.done;
    old.close();

    const db = await getDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toEqual(expect.arrayContaining(['progress', 'scenarios']));
    expect((await listProfiles()).profiles.map((p) => p.id)).toEqual(['a']);
    expect((await getWorkspace('draft'))?.edits).toEqual({ HEARTTM: ['7'] });
    expect(await listProgress()).toEqual([]);
    await putProgress(STARTED);
    expect(await getProgress('wrong-baud-rate')).toEqual(STARTED);
  });

  it('keeps progress per scenario, replaces it, and forgets it on request', async () => {
    await freshStore();
    await putProgress(STARTED);
    const solved = { ...STARTED, state: 'solved' as const, solvedAt: 91_000, seconds: 90, hintsShown: 2 };
    await putProgress(solved);
    await putProgress({ ...STARTED, id: 'no-service' });
    expect((await listProgress()).map((p) => [p.id, p.state])).toEqual([
      ['no-service', 'started'],
      ['wrong-baud-rate', 'solved'],
    ]);
    expect(await getProgress('wrong-baud-rate')).toEqual(solved);
    await clearProgress('no-service');
    expect((await listProgress()).map((p) => p.id)).toEqual(['wrong-baud-rate']);
    await clearProgress();
    expect(await listProgress()).toEqual([]);
  });

  it('reads a damaged progress record as absent', async () => {
    await freshStore();
    const db = await getDb();
    await db.put('progress', { id: 'x', state: 'finished', startedAt: 1 } as never);
    await db.put('progress', { ...STARTED, id: 'y', hintsShown: -1 } as never);
    expect(await getProgress('x')).toBeUndefined();
    expect(await listProgress()).toEqual([]);
  });

  it('keeps imported scenario files by id, oldest first; the same id replaces', async () => {
    await freshStore();
    await putImportedScenario('b', { id: 'b', v: 1 }, 20);
    await putImportedScenario('a', { id: 'a' }, 10);
    await putImportedScenario('b', { id: 'b', v: 2 }, 30);
    expect((await listImportedScenarios()).map((r) => [r.id, r.scenario])).toEqual([
      ['a', { id: 'a' }],
      ['b', { id: 'b', v: 2 }],
    ]);
    await deleteImportedScenario('a');
    expect((await listImportedScenarios()).map((r) => r.id)).toEqual(['b']);
  });
});
