/**
 * Upgrades, one function per version step, run in order inside the versionchange transaction. A step
 * only adds (stores, indexes) or rewrites records in place: no step deletes a person's data.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { StoreSchema, StoreSchemaV1, StoreSchemaV2 } from './schema';

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
export function upgradeToV3(db: IDBPDatabase<StoreSchema>): void {
  db.createObjectStore('ports', { keyPath: 'key' });
}

export function upgradeDatabase(
  db: IDBPDatabase<StoreSchema>,
  oldVersion: number,
  tx: UpgradeTx<StoreSchema>,
): void {
  if (oldVersion < 1) upgradeToV1(db as unknown as IDBPDatabase<StoreSchemaV1>);
  if (oldVersion < 2) upgradeToV2(tx as unknown as UpgradeTx<StoreSchemaV2>);
  if (oldVersion < 3) upgradeToV3(db);
}
