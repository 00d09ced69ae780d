import { openDB, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { closeStore, getDb } from '../../src/storage/connection';
import { getAppSetting } from '../../src/storage/app-settings';
import { getDevice, getPort, listApplies, rememberPort } from '../../src/storage/devices';
import { getRawProfileRecord, listProfiles } from '../../src/storage/profiles';
import { listTrash } from '../../src/storage/trash';
import {
  DB_VERSION,
  type StoreSchemaV1,
  type StoreSchemaV2,
  type StoreSchemaV4,
} from '../../src/storage/schema';
import { upgradeToV1, upgradeToV2, upgradeToV3, upgradeToV4 } from '../../src/storage/upgrade';
import { deleteWorkspace, getWorkspace, putWorkspace } from '../../src/storage/workspace';
import { fullProfile, smallProfile } from '../profile/fixtures';
import { freshStore } from './helpers';

afterEach(() => closeStore());

const CORRUPT = {
  id: 'broken',
  profile: { formatVersion: 1, name: 'half written', values: { UARTFT: 'fast' } },
};

async function writeVersion1(name: string): Promise<void> {
  const db: IDBPDatabase<StoreSchemaV1> = await openDB<StoreSchemaV1>(name, 1, {
    upgrade: (d) => upgradeToV1(d),
  });
  const tx = db.transaction(['profiles', 'devices', 'applies', 'settings'], 'readwrite');
  await Promise.all([
    tx.objectStore('profiles').put({ id: 'a', profile: fullProfile() }),
    tx.objectStore('profiles').put({ id: 'b', profile: smallProfile('in the trash'), trashedAt: 5 }),
    tx.objectStore('profiles').put(CORRUPT as never),
    tx.objectStore('devices').put({
      id: '868123456789012',
      imei: '868123456789012',
      firstSeen: 1,
      lastSeen: 2,
      lastRead: { at: 2, values: { WKMOD: 'NET' } },
    }),
    tx.objectStore('applies').add({
      deviceId: '868123456789012',
      at: 3,
      restarted: true,
      results: [{ setting: 'WKMOD', outcome: 'applied', value: 'HTTPD' }],
    }),
    tx.objectStore('applies').add({ deviceId: '868123456789012', at: 4, restarted: false, results: [] }),
    tx.objectStore('settings').put('zh-CN', 'language'),
    tx.objectStore('settings').put({ nested: [1, 2] }, 'layout'),
  ]);
  await tx.done;
  db.close();
}

/** A version-2 database (v1 plus its indexes), with a device and a profile in it. */
async function writeVersion2(name: string): Promise<void> {
  const db: IDBPDatabase<StoreSchemaV2> = await openDB<StoreSchemaV2>(name, 2, {
    upgrade: (d, oldVersion, _newVersion, tx) => {
      if (oldVersion < 1) upgradeToV1(d as unknown as IDBPDatabase<StoreSchemaV1>);
      upgradeToV2(tx);
    },
  });
  const tx = db.transaction(['profiles', 'devices', 'settings'], 'readwrite');
  await Promise.all([
    tx.objectStore('profiles').put({ id: 'a', profile: fullProfile() }),
    tx.objectStore('devices').put({ id: 'SN1', sn: 'SN1', firstSeen: 1, lastSeen: 2 }),
    tx.objectStore('settings').put('en', 'language'),
  ]);
  await tx.done;
  db.close();
}

describe('schema upgrades', () => {
  it('upgrading a version-1 database to the current version keeps every record', async () => {
    const name = await freshStore();
    await writeVersion1(name);

    const list = await listProfiles();
    expect(list.profiles.map((p) => p.id)).toEqual(['a']);
    expect(list.profiles[0]?.profile).toEqual(fullProfile());
    expect(list.corrupt.map((c) => c.id)).toEqual(['broken']);
    expect((await listTrash()).profiles.map((p) => p.id)).toEqual(['b']);
    expect(await getRawProfileRecord('broken')).toEqual(CORRUPT);
    expect((await getDevice('868123456789012'))?.lastRead?.values).toEqual({ WKMOD: 'NET' });
    expect((await listApplies('868123456789012')).map((a) => a.at)).toEqual([4, 3]);
    expect(await getAppSetting('language', 'en')).toBe('zh-CN');
    expect(await getAppSetting('layout', null)).toEqual({ nested: [1, 2] });

    const db = await getDb();
    expect(db.version).toBe(DB_VERSION);
    const tx = db.transaction(['profiles', 'applies']);
    expect([...tx.objectStore('profiles').indexNames]).toEqual(['by-updated']);
    expect([...tx.objectStore('applies').indexNames].sort()).toEqual(['by-device', 'by-time']);
    expect(await tx.objectStore('profiles').index('by-updated').getAllKeys()).toEqual(['b', 'a']);
  });

  it('a new install creates the current schema directly', async () => {
    await freshStore();
    const db = await getDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'applies',
      'batchResults',
      'devices',
      'ports',
      'profiles',
      'progress',
      'scenarios',
      'settings',
      'workspace',
    ]);
  });

  it('upgrading a version-2 database adds the remembered ports and keeps every record', async () => {
    const name = await freshStore();
    await writeVersion2(name);

    expect((await listProfiles()).profiles.map((p) => p.id)).toEqual(['a']);
    expect((await getDevice('SN1'))?.sn).toBe('SN1');
    expect(await getAppSetting('language', 'zh-CN')).toBe('en');
    const db = await getDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toContain('ports');
    expect(await getPort('simulator')).toBeUndefined();
    await rememberPort('simulator', { uartft: 200 });
    expect((await getPort('simulator'))?.uartft).toBe(200);
  });

  it('upgrading a version-4 database adds the workspace and keeps every record', async () => {
    const name = await freshStore();
    const old: IDBPDatabase<StoreSchemaV4> = await openDB<StoreSchemaV4>(name, 4, {
      upgrade: (d, _old, _new, tx) => {
        upgradeToV1(d as unknown as IDBPDatabase<StoreSchemaV1>);
        upgradeToV2(tx as never);
        upgradeToV3(d);
        void upgradeToV4(tx as never);
      },
    });
    const tx = old.transaction(['profiles', 'devices', 'ports', 'settings'], 'readwrite');
    await Promise.all([
      tx.objectStore('profiles').put({ id: 'a', profile: fullProfile() }),
      tx.objectStore('profiles').put(CORRUPT as never),
      tx.objectStore('devices').put({ id: 'SN4', sn: 'SN4', firstSeen: 1, lastSeen: 2 }),
      tx.objectStore('ports').put({ key: 'simulator', uartft: 200, firstSeen: 1, lastSeen: 2 }),
      tx.objectStore('settings').put(['REGDT'], 'secrets.private'),
    ]);
    await tx.done;
    old.close();

    const db = await getDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toContain('workspace');
    expect((await listProfiles()).profiles.map((p) => p.id)).toEqual(['a']);
    expect(await getRawProfileRecord('broken')).toEqual(CORRUPT);
    expect((await getDevice('SN4'))?.sn).toBe('SN4');
    expect((await getPort('simulator'))?.uartft).toBe(200);
    expect(await getAppSetting('secrets.private', [])).toEqual(['REGDT']);
    expect(await getWorkspace('draft')).toBeUndefined();
    await putWorkspace('draft', { savedAt: 5, edits: { HEARTTM: ['77'] }, withheld: [] });
    expect(await getWorkspace('draft')).toEqual({ savedAt: 5, edits: { HEARTTM: ['77'] }, withheld: [] });
  });
});

describe('workspace store', () => {
  it('keeps the draft and the simulator under their keys, and reads a damaged record as absent', async () => {
    await freshStore();
    const sim = { savedAt: 9, state: { stored: { HEARTTM: '77' } }, withheld: ['CMDPW'] };
    await putWorkspace('simulator', sim);
    expect(await getWorkspace('simulator')).toEqual(sim);
    await deleteWorkspace('simulator');
    expect(await getWorkspace('simulator')).toBeUndefined();

    const db = await getDb();
    await db.put('workspace', { savedAt: 'yesterday', edits: [] } as never, 'draft');
    expect(await getWorkspace('draft')).toBeUndefined();
    await db.put('workspace', { savedAt: 1, edits: { HEARTTM: [7] }, withheld: [] } as never, 'draft');
    expect(await getWorkspace('draft')).toBeUndefined();
  });
});
