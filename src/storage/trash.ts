/**
 * Delete with undo: `trashProfile` only marks the record; `restoreProfile` unmarks it. Records leave the
 * database only through `purgeProfile` / `emptyTrash`, which the person starts from the trash view.
 * Damaged records can be trashed and purged too (by id), so a person can clear one they have exported.
 */
import { storeConfig, write } from './connection';
import { storageError } from './errors';
import { readAllProfiles, type ProfileList, type StoredProfile } from './profiles';
import type { ProfileRecord } from './schema';

const isTrashed = (raw: unknown): boolean => typeof raw === 'object' && raw !== null && 'trashedAt' in raw;

async function setTrashed(id: string, trashedAt: number | undefined): Promise<void> {
  await write(['profiles'], async (tx) => {
    const store = tx.objectStore('profiles');
    const raw = await store.get(id);
    if (raw === undefined) throw storageError('not-found');
    const { trashedAt: _old, ...rest } = raw;
    const record: ProfileRecord = trashedAt === undefined ? rest : { ...rest, trashedAt };
    await store.put(record);
  });
}

/** Moves a profile to the trash; undo with `restoreProfile(id)`. */
export function trashProfile(id: string): Promise<void> {
  return setTrashed(id, storeConfig().now());
}

export function restoreProfile(id: string): Promise<void> {
  return setTrashed(id, undefined);
}

/** Profiles in the trash, most recently trashed first (and the damaged records, as in listProfiles). */
export async function listTrash(): Promise<ProfileList> {
  const { stored, corrupt } = await readAllProfiles();
  const trashed = stored.filter((s): s is StoredProfile & { trashedAt: number } => s.trashedAt !== undefined);
  return { profiles: trashed.sort((a, b) => b.trashedAt - a.trashedAt), corrupt };
}

/** Deletes for good a profile that is in the trash; a profile not in the trash is refused. */
export async function purgeProfile(id: string): Promise<void> {
  await write(['profiles'], async (tx) => {
    const store = tx.objectStore('profiles');
    const raw: unknown = await store.get(id);
    if (raw === undefined) throw storageError('not-found');
    if (!isTrashed(raw)) throw storageError('not-trashed');
    await store.delete(id);
  });
}

/** Deletes for good everything in the trash, in one transaction; returns how many. */
export async function emptyTrash(): Promise<number> {
  return write(['profiles'], async (tx) => {
    let removed = 0;
    let cursor = await tx.objectStore('profiles').openCursor();
    while (cursor) {
      if (isTrashed(cursor.value)) {
        await cursor.delete();
        removed++;
      }
      cursor = await cursor.continue();
    }
    return removed;
  });
}
