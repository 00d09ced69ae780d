/**
 * Upgrades, one function per version step, run in order inside the versionchange transaction. A step
 * only adds (stores, indexes) or rewrites records in place: no step deletes a person's data — except
 * version 4, which on purpose replaces secrets at rest in the devices store and the history by a mask
 * (docs/security.md).
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { StoreSchema, StoreSchemaV1, StoreSchemaV2, StoreSchemaV3 } from './schema';
import { withholdApply, withholdDevice } from './withhold';

type UpgradeTx<S> = IDBPTransaction<S, StoreNames<S>[], 'versionchange'>;

/** Version 1: the four stores. */
export function upgradeToV1(db: IDBPDatabase<StoreSchemaV1>): void {
  db.createObjectStore('profiles', { keyPath: 'id' });
  db.createObjectStore('devices', { keyPath: 'id' });
  const applies = db.createObjectStore('applies', { keyPath: 'id', autoIncrement: true });
  applies.createIndex('by-device', 'deviceId');
  db.createObjectStore('settings');
}

/** Version 2: indexes for "recently changed" profile lists and the apply history timeline. */
export function upgradeToV2(tx: UpgradeTx<StoreSchemaV2>): void {
  tx.objectStore('profiles').createIndex('by-updated', 'profile.updated');
  tx.objectStore('applies').createIndex('by-time', 'at');
}

/** Version 3: what is remembered about the device behind each port (line settings, UARTFT). */
export function upgradeToV3(db: IDBPDatabase<StoreSchemaV3>): void {
  db.createObjectStore('ports', { keyPath: 'key' });
}

/**
 * Version 4: the last read of each device and every apply result keep no secret in clear any more
 * (catalogue passwords and credentials in free text; the person's private marks are not known here and
 * apply from the next write on). Runs on the upgrade transaction's own requests only.
 */
export async function upgradeToV4(tx: UpgradeTx<StoreSchema>): Promise<void> {
  const none = new Set<string>();
  let device = await tx.objectStore('devices').openCursor();
  while (device) {
    const next = withholdDevice(device.value, none);
    if (next !== device.value) await device.update(next);
    device = await device.continue();
  }
  let apply = await tx.objectStore('applies').openCursor();
  while (apply) {
    const next = withholdApply(apply.value, none);
    if (next.results.some((r, i) => r !== apply?.value.results[i])) await apply.update(next);
    apply = await apply.continue();
  }
}

/** Version 5: the workspace — pending edits and the simulated module's state survive a reload. */
export function upgradeToV5(db: IDBPDatabase<StoreSchema>): void {
  db.createObjectStore('workspace');
}

/** Version 6: the batch station's results, one record per module, found by run. */
export function upgradeToV6(db: IDBPDatabase<StoreSchema>): void {
  const store = db.createObjectStore('batchResults', { keyPath: 'id', autoIncrement: true });
  store.createIndex('by-run', 'runId');
}

/** Version 7: the classroom's progress per scenario and the scenario files a trainer imported. */
export function upgradeToV7(db: IDBPDatabase<StoreSchema>): void {
  db.createObjectStore('progress', { keyPath: 'id' });
  db.createObjectStore('scenarios', { keyPath: 'id' });
}

export function upgradeDatabase(
  db: IDBPDatabase<StoreSchema>,
  oldVersion: number,
  tx: UpgradeTx<StoreSchema>,
): void {
  if (oldVersion < 1) upgradeToV1(db as unknown as IDBPDatabase<StoreSchemaV1>);
  if (oldVersion < 2) upgradeToV2(tx as unknown as UpgradeTx<StoreSchemaV2>);
  if (oldVersion < 3) upgradeToV3(db as unknown as IDBPDatabase<StoreSchemaV3>);
  if (oldVersion < 5) upgradeToV5(db);
  if (oldVersion < 6) upgradeToV6(db);
  if (oldVersion < 7) upgradeToV7(db);
  // A new database has nothing to rewrite; an error aborts the upgrade transaction (the open fails).
  if (oldVersion >= 1 && oldVersion < 4) {
    void upgradeToV4(tx).catch(() => {
      try {
        tx.abort();
      } catch {
        // Already finished.
      }
    });
  }
}
