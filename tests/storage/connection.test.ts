import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, getDb, onStoreEvent, type StoreEvent } from '../../src/storage/connection';
import { StorageError } from '../../src/storage/errors';
import { addProfile, listProfiles } from '../../src/storage/profiles';
import { DB_VERSION } from '../../src/storage/schema';
import { upgradeToV1 } from '../../src/storage/upgrade';
import { smallProfile } from '../profile/fixtures';
import { freshStore } from './helpers';

let name = '';
let events: StoreEvent[] = [];
let unsubscribe: () => void = () => undefined;

beforeEach(async () => {
  name = await freshStore();
  events = [];
  unsubscribe = onStoreEvent((e) => events.push(e));
});
afterEach(async () => {
  unsubscribe();
  await closeStore();
});

describe('two tabs', () => {
  it('when another tab opens a newer version, this tab closes its connection and tells the app', async () => {
    await addProfile(smallProfile('kept'));
    // The other tab (a newer app) upgrades; it must not be blocked by this tab.
    const other = await openDB(name, DB_VERSION + 1, { blocked: () => events.push({ type: 'terminated' }) });
    expect(events.filter((e) => e.type !== 'changed')).toEqual([
      { type: 'versionchange', newVersion: DB_VERSION + 1 },
    ]);
    other.close();
    // This (older) tab can no longer open the database: a typed error asks for a reload.
    const err = await listProfiles().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).kind).toBe('newer-version');
    expect((err as StorageError).text.en).toMatch(/Reload this tab/);
  });

  it("when an older tab holds the database open, this tab's upgrade reports blocked and goes on once it closes", async () => {
    const old = await openDB(name, 1, { upgrade: (db) => upgradeToV1(db as never) });
    // The old tab ignores versionchange (as an old app version without a handler would).
    const opening = getDb();
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toEqual([{ type: 'blocked', currentVersion: 1 }]);
    old.close();
    const db = await opening;
    expect(db.version).toBe(DB_VERSION);
  });

  it('after closing, the next call opens the database again', async () => {
    await addProfile(smallProfile('a'));
    await closeStore();
    expect((await listProfiles()).profiles).toHaveLength(1);
  });
});

describe('changes seen by other tabs', () => {
  it('a committed write is announced in this tab and on the channel other tabs listen to', async () => {
    const otherTab = new BroadcastChannel(`${name}:changes`);
    const heard: unknown[] = [];
    otherTab.onmessage = (e: MessageEvent<unknown>) => heard.push(e.data);
    await addProfile(smallProfile('a'));
    await new Promise((r) => setTimeout(r, 20));
    expect(events).toContainEqual({ type: 'changed', stores: ['profiles'], origin: 'this-tab' });
    expect(heard).toEqual([['profiles']]);
    otherTab.postMessage(['devices']);
    await new Promise((r) => setTimeout(r, 20));
    expect(events).toContainEqual({ type: 'changed', stores: ['devices'], origin: 'other-tab' });
    otherTab.close();
  });

  it('a write that fails is not announced', async () => {
    await addProfile(smallProfile('x', { UARTFT: '1' })).catch(() => undefined);
    expect(events.filter((e) => e.type === 'changed')).toEqual([]);
  });
});
