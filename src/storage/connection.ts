/**
 * The one IndexedDB connection (style.md: one module-level openDB promise) and what the app is told about
 * it. Two tabs: when another tab opens a newer version, this connection closes itself at once (so the
 * other tab's upgrade is not held up) and reports `versionchange` — the app asks the person to reload.
 * When this tab's upgrade waits for an older tab to close, it reports `blocked`. The next call after a
 * close opens again. After each committed write, `changed` is reported here and, through a
 * BroadcastChannel, in the other tabs, so their lists can be read again.
 */
import { openDB, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { guard, toStorageError } from './errors';
import { DB_NAME, DB_VERSION, type StoreSchema } from './schema';
import { upgradeDatabase } from './upgrade';

export type StoreEvent =
  /** Another tab wants a newer version: this connection was closed; reload to continue. */
  | { readonly type: 'versionchange'; readonly newVersion: number | null }
  /** This tab's upgrade waits for other tabs of an older version to close. */
  | { readonly type: 'blocked'; readonly currentVersion: number }
  /** The browser closed the connection (storage cleared, disk error). */
  | { readonly type: 'terminated' }
  /** Stores written by a committed transaction, in this tab or another one. */
  | {
      readonly type: 'changed';
      readonly stores: readonly string[];
      readonly origin: 'this-tab' | 'other-tab';
    };

export interface StoreConfig {
  /** Database name; tests use a fresh one each. */
  readonly name: string;
  /** Wall-clock time for created/updated/trashed stamps. */
  readonly now: () => number;
  /** New profile ids. */
  readonly newId: () => string;
}

let config: StoreConfig = { name: DB_NAME, now: () => Date.now(), newId: () => crypto.randomUUID() };
let dbPromise: Promise<IDBPDatabase<StoreSchema>> | undefined;
let channel: BroadcastChannel | undefined;
const listeners = new Set<(e: StoreEvent) => void>();

/** Changes name/clock/ids; closes the current connection first. */
export async function configureStore(changes: Partial<StoreConfig>): Promise<void> {
  await closeStore();
  channel?.close();
  channel = undefined;
  config = { ...config, ...changes };
}

/** The channel other tabs of the same database announce their writes on (where the browser has one). */
function changes(): BroadcastChannel | undefined {
  if (!channel && typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel(`${config.name}:changes`);
    channel.onmessage = (e: MessageEvent<unknown>) => {
      const stores = Array.isArray(e.data) ? e.data.filter((x): x is string => typeof x === 'string') : [];
      emit({ type: 'changed', stores, origin: 'other-tab' });
    };
    // Node (tests) would otherwise stay alive for the channel.
    (channel as { unref?: () => void }).unref?.();
  }
  return channel;
}

export function storeConfig(): StoreConfig {
  return config;
}

/** Subscribes to connection events; returns the unsubscribe function. */
export function onStoreEvent(listener: (e: StoreEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(e: StoreEvent): void {
  for (const l of listeners) l(e);
}

export function getDb(): Promise<IDBPDatabase<StoreSchema>> {
  if (!dbPromise) {
    const opening = openDB<StoreSchema>(config.name, DB_VERSION, {
      upgrade: (db, oldVersion, _newVersion, tx) => upgradeDatabase(db, oldVersion, tx),
      blocked: (currentVersion) => emit({ type: 'blocked', currentVersion }),
      blocking: (_current, newVersion, event) => {
        // Close at once, inside the event, so the other tab's upgrade is not reported as blocked.
        (event.target as IDBDatabase).close();
        dbPromise = undefined;
        emit({ type: 'versionchange', newVersion });
      },
      terminated: () => {
        dbPromise = undefined;
        emit({ type: 'terminated' });
      },
    });
    dbPromise = opening;
    changes();
    opening.catch(() => {
      if (dbPromise === opening) dbPromise = undefined;
    });
  }
  return guard(() => dbPromise as Promise<IDBPDatabase<StoreSchema>>);
}

/** Closes the connection (if open); the next call opens it again. */
export async function closeStore(): Promise<void> {
  const opening = dbPromise;
  dbPromise = undefined;
  if (!opening) return;
  try {
    (await opening).close();
  } catch {
    // It never opened: nothing to close.
  }
}

type Names = StoreNames<StoreSchema>;
export type WriteTx<N extends Names[]> = IDBPTransaction<StoreSchema, N, 'readwrite'>;

/**
 * Runs `work` in one readwrite transaction and waits for it to commit. Quota errors surface on the
 * transaction (at commit), not the request, so the transaction's own error is the one reported.
 * `work` must only do IndexedDB requests: awaiting anything else would let the transaction close.
 */
export async function write<N extends Names[], T>(
  stores: N,
  work: (tx: WriteTx<N>) => Promise<T>,
): Promise<T> {
  const db = await getDb();
  const tx = db.transaction(stores, 'readwrite');
  tx.done.catch(() => undefined);
  try {
    const result = await work(tx);
    await tx.done;
    emit({ type: 'changed', stores, origin: 'this-tab' });
    changes()?.postMessage(stores);
    return result;
  } catch (e) {
    let reason: unknown = e;
    try {
      reason = tx.error ?? e;
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    throw toStorageError(reason);
  }
}

/** Runs a read in one readonly transaction. */
export async function read<N extends Names[], T>(
  stores: N,
  work: (tx: IDBPTransaction<StoreSchema, N, 'readonly'>) => Promise<T>,
): Promise<T> {
  const db = await getDb();
  return guard(() => work(db.transaction(stores, 'readonly')));
}
