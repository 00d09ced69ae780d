/**
 * The secrets of saved profiles, by the person's choice per profile (docs/security.md):
 *
 * - kept in clear in the profile (as any value; the lists say so),
 * - sealed: encrypted with a passphrase (secret-box.ts), out of `profile.values`, opened on demand,
 * - removed.
 *
 * "What is a secret" is `withholdsSecret` (profile/secrets.ts → protocol/secrets.ts). Crypto runs outside
 * IndexedDB transactions (a transaction closes when it waits for anything else), so sealing reads, works,
 * and then writes only if the record did not change in between.
 */
import type { Profile } from '../profile/profile';
import { secretValues, stripSecrets, withheldSecrets } from '../profile/secrets';
import { read, write } from './connection';
import { storageError } from './errors';
import { addProfile, getProfile, readRecord, updateProfile, type StoredProfile } from './profiles';
import type { ProfileRecord } from './schema';
import { openSealed, sealSecrets, type SealedSecrets } from './secret-box';

export interface ProfileSecretState {
  /** Settings holding a secret in clear, in profile order. */
  readonly clear: readonly string[];
  /** Settings whose secrets are sealed with a passphrase. */
  readonly sealed: readonly string[];
}

export function profileSecretState(stored: Pick<StoredProfile, 'profile' | 'sealed'>): ProfileSecretState {
  return { clear: withheldSecrets(stored.profile), sealed: stored.sealed?.settings ?? [] };
}

export function holdsSecrets(stored: Pick<StoredProfile, 'profile' | 'sealed'>): boolean {
  const s = profileSecretState(stored);
  return s.clear.length > 0 || s.sealed.length > 0;
}

/** The record without any secret: clear ones stripped, sealed ones dropped. */
function withoutSecrets(record: ProfileRecord): ProfileRecord {
  const { sealed: _sealed, ...rest } = record;
  return { ...rest, profile: stripSecrets(record.profile) };
}

/** Removes every secret of one profile (clear and sealed). Returns the profile as now stored. */
export async function removeProfileSecrets(id: string): Promise<StoredProfile> {
  return write(['profiles'], async (tx) => {
    const store = tx.objectStore('profiles');
    const raw: unknown = await store.get(id);
    if (raw === undefined) throw storageError('not-found');
    const current = readRecord(id, raw);
    if (!current.ok) throw storageError('corrupt', current.corrupt.problems);
    const record = withoutSecrets(current.stored);
    await store.put(record);
    return record;
  });
}

export interface RemovedSecrets {
  /** Profiles (in the list or the trash) that held a secret and now hold none. */
  readonly profiles: number;
  /** Damaged records, left as they are (they are never rewritten); the person can export or delete them. */
  readonly damaged: number;
}

/** Removes the secrets of every saved profile, in the list and in the trash, in one transaction. */
export async function removeAllProfileSecrets(): Promise<RemovedSecrets> {
  return write(['profiles'], async (tx) => {
    let profiles = 0;
    let damaged = 0;
    let cursor = await tx.objectStore('profiles').openCursor();
    while (cursor) {
      const r = readRecord(String(cursor.key), cursor.value);
      if (!r.ok) damaged++;
      else if (holdsSecrets(r.stored)) {
        await cursor.update(withoutSecrets(r.stored));
        profiles++;
      }
      cursor = await cursor.continue();
    }
    return { profiles, damaged };
  });
}

/**
 * Opens a profile's sealed secrets with `passphrase` (nothing is written). A wrong passphrase (or a
 * damaged record) is a StorageError `wrong-passphrase`.
 */
export async function unlockProfileSecrets(
  stored: Pick<StoredProfile, 'sealed'>,
  passphrase: string,
): Promise<Readonly<Record<string, string>>> {
  if (!stored.sealed) return {};
  const opened = await openSealed(stored.sealed, passphrase);
  if (!opened.ok) throw storageError('wrong-passphrase');
  return opened.values;
}

/** The profile with its sealed secrets put back (clear values win), for applying, sharing or exporting. */
export function withUnlocked(stored: StoredProfile, unlocked: Readonly<Record<string, string>> | undefined) {
  if (!unlocked) return stored.profile;
  return { ...stored.profile, values: { ...unlocked, ...stored.profile.values } };
}

/**
 * Seals a profile's secrets with `passphrase`: the clear ones, together with any already sealed (opened
 * with the same passphrase — a wrong one changes nothing). Afterwards `profile.values` holds no secret.
 */
export async function sealProfileSecrets(
  id: string,
  passphrase: string,
  options: { readonly iterations?: number } = {},
): Promise<StoredProfile> {
  const before = await getProfile(id);
  const old = await unlockProfileSecrets(before, passphrase);
  const clear = secretValues(before.profile);
  const sealed: SealedSecrets = await sealSecrets({ ...old, ...clear }, passphrase, options);
  return write(['profiles'], async (tx) => {
    const store = tx.objectStore('profiles');
    const raw: unknown = await store.get(id);
    if (raw === undefined) throw storageError('not-found');
    const current = readRecord(id, raw);
    if (!current.ok) throw storageError('corrupt', current.corrupt.problems);
    // Changed by another tab while the key was derived: refuse rather than lose that change.
    if (JSON.stringify(current.stored) !== JSON.stringify(before)) throw storageError('failed');
    const record: ProfileRecord = { ...withoutSecrets(current.stored), sealed };
    await store.put(record);
    return record;
  });
}

/** Counts for the privacy panel: profiles holding secrets in clear, and sealed ones. */
export async function countProfileSecrets(): Promise<{ clear: number; sealed: number; damaged: number }> {
  const raws = await read(['profiles'], async (tx) =>
    Promise.all([
      tx.objectStore('profiles').getAllKeys(),
      tx.objectStore('profiles').getAll() as Promise<unknown[]>,
    ]),
  );
  const [keys, records] = raws;
  let clear = 0;
  let sealed = 0;
  let damaged = 0;
  keys.forEach((key, i) => {
    const r = readRecord(String(key), records[i]);
    if (!r.ok) damaged++;
    else {
      const s = profileSecretState(r.stored);
      if (s.clear.length > 0) clear++;
      if (s.sealed.length > 0) sealed++;
    }
  });
  return { clear, sealed, damaged };
}

/** What to do with the secrets of a profile being saved (the person's choice, per profile). */
export type SecretsChoice =
  | { readonly keep: 'clear' }
  | { readonly keep: 'none' }
  | { readonly keep: 'sealed'; readonly passphrase: string };

/**
 * Saves `profile` — new (`id` undefined) or over the stored one — with its secrets kept as chosen.
 * Sealing over a profile that already has sealed secrets needs the same passphrase (they are merged; the
 * values being saved win); a wrong one is refused before anything is written. Choosing `none` removes
 * the secrets being saved; secrets already sealed stay until removed (`removeProfileSecrets`).
 */
export async function saveProfileWithSecrets(
  profile: Profile,
  choice: SecretsChoice,
  id?: string,
  options: { readonly iterations?: number } = {},
): Promise<StoredProfile> {
  let kept = profile;
  let sealed: SealedSecrets | undefined;
  if (choice.keep !== 'clear') kept = stripSecrets(profile);
  if (choice.keep === 'sealed') {
    const old = id === undefined ? {} : await unlockProfileSecrets(await getProfile(id), choice.passphrase);
    sealed = await sealSecrets({ ...old, ...secretValues(profile) }, choice.passphrase, options);
  }
  if (id === undefined) return addProfile(kept, sealed ? { sealed } : {});
  return updateProfile(id, {
    name: kept.name,
    notes: kept.notes,
    values: kept.values,
    ...(sealed ? { sealed } : {}),
  });
}
