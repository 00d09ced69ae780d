/**
 * Asking the browser to keep our data (`navigator.storage.persist()`): without it, a browser short of
 * space may evict the site's IndexedDB, and with it every saved profile. The storage manager is
 * injectable so tests (and browsers without the API) work.
 */
export interface StorageManagerLike {
  persisted?(): Promise<boolean>;
  persist?(): Promise<boolean>;
  estimate?(): Promise<{ usage?: number; quota?: number }>;
}

export type PersistenceState = 'persisted' | 'not-persisted' | 'unsupported';

function defaultManager(): StorageManagerLike | undefined {
  return typeof navigator === 'undefined' ? undefined : (navigator.storage as StorageManagerLike | undefined);
}

/** Asks once (the browser may grant silently, or decide by engagement); never throws. */
export async function requestPersistentStorage(
  manager: StorageManagerLike | undefined = defaultManager(),
): Promise<PersistenceState> {
  if (!manager?.persist) return 'unsupported';
  try {
    if (manager.persisted && (await manager.persisted())) return 'persisted';
    return (await manager.persist()) ? 'persisted' : 'not-persisted';
  } catch {
    return 'not-persisted';
  }
}

export interface StorageUse {
  readonly usage: number;
  readonly quota: number;
}

/** How much is used of how much the browser allows, or undefined where unknown. */
export async function storageUse(
  manager: StorageManagerLike | undefined = defaultManager(),
): Promise<StorageUse | undefined> {
  if (!manager?.estimate) return undefined;
  try {
    const { usage, quota } = await manager.estimate();
    return usage === undefined || quota === undefined ? undefined : { usage, quota };
  } catch {
    return undefined;
  }
}
