/**
 * Saved profiles. Every read validates each record with `validateProfile`: a damaged record is reported
 * (id and problems) and skipped, the others are listed, and nothing is ever deleted because it failed
 * to read. Writes validate first and refuse an invalid profile. Deleting is moving to the trash
 * (trash.ts); only emptying the trash removes data.
 */
import { MAX_NAME_LENGTH, type Profile, type ProfileProblem } from '../profile/profile';
import { isPlainObject, validateProfile } from '../profile/validate-profile';
import { read, storeConfig, write } from './connection';
import { storageError } from './errors';
import type { ProfileRecord } from './schema';
import { isSealedSecrets, type SealedSecrets } from './secret-box';

export interface StoredProfile {
  readonly id: string;
  readonly profile: Profile;
  readonly trashedAt?: number;
  /** Secrets encrypted with the person's passphrase (profile-secrets.ts); not in `profile.values`. */
  readonly sealed?: SealedSecrets;
}

/** A record that failed validation: kept in the database untouched, shown to the person. */
export interface CorruptRecord {
  readonly id: string;
  readonly problems: readonly ProfileProblem[];
}

export interface ProfileList {
  readonly profiles: readonly StoredProfile[];
  readonly corrupt: readonly CorruptRecord[];
}

/** Reads one raw record as a StoredProfile, or the reasons it is not one. */
export function readRecord(
  key: string,
  raw: unknown,
): { ok: true; stored: StoredProfile } | { ok: false; corrupt: CorruptRecord } {
  if (!isPlainObject(raw)) {
    return {
      ok: false,
      corrupt: {
        id: key,
        problems: [{ path: '', message: { en: 'The record is not an object', zh: '记录不是对象' } }],
      },
    };
  }
  const checked = validateProfile(raw.profile, 'profile.');
  const trashed = raw.trashedAt;
  const problems: ProfileProblem[] = checked.ok ? [] : [...checked.problems];
  if (trashed !== undefined && (typeof trashed !== 'number' || !Number.isFinite(trashed))) {
    problems.push({
      path: 'trashedAt',
      message: { en: 'trashedAt must be a time', zh: 'trashedAt 必须是时间' },
    });
  }
  const sealed = raw.sealed;
  if (sealed !== undefined && !isSealedSecrets(sealed)) {
    problems.push({
      path: 'sealed',
      message: { en: 'The encrypted passwords are damaged', zh: '加密保存的密码已损坏' },
    });
  }
  if (!checked.ok || problems.length > 0) return { ok: false, corrupt: { id: key, problems } };
  return {
    ok: true,
    stored: {
      id: key,
      profile: checked.profile,
      ...(typeof trashed === 'number' ? { trashedAt: trashed } : {}),
      ...(isSealedSecrets(sealed) ? { sealed } : {}),
    },
  };
}

/** All records, split into readable ones and damaged ones. */
export async function readAllProfiles(): Promise<{ stored: StoredProfile[]; corrupt: CorruptRecord[] }> {
  const [keys, records] = await read(['profiles'], async (tx) =>
    Promise.all([
      tx.objectStore('profiles').getAllKeys(),
      tx.objectStore('profiles').getAll() as Promise<unknown[]>,
    ]),
  );
  const stored: StoredProfile[] = [];
  const corrupt: CorruptRecord[] = [];
  keys.forEach((key, i) => {
    const r = readRecord(String(key), records[i]);
    if (r.ok) stored.push(r.stored);
    else corrupt.push(r.corrupt);
  });
  return { stored, corrupt };
}

const byUpdated = (a: StoredProfile, b: StoredProfile): number => b.profile.updated - a.profile.updated;

/** Profiles not in the trash, most recently changed first, and the damaged records. */
export async function listProfiles(): Promise<ProfileList> {
  const { stored, corrupt } = await readAllProfiles();
  return { profiles: stored.filter((s) => s.trashedAt === undefined).sort(byUpdated), corrupt };
}

export async function getProfile(id: string): Promise<StoredProfile> {
  const raw: unknown = await read(['profiles'], (tx) => tx.objectStore('profiles').get(id));
  if (raw === undefined) throw storageError('not-found');
  const r = readRecord(id, raw);
  if (!r.ok) throw storageError('corrupt', r.corrupt.problems);
  return r.stored;
}

/** The record exactly as stored, for exporting a damaged one so it can be repaired by hand. */
export async function getRawProfileRecord(id: string): Promise<unknown> {
  return read(['profiles'], (tx) => tx.objectStore('profiles').get(id));
}

function checked(profile: unknown): Profile {
  const r = validateProfile(profile);
  if (!r.ok) throw storageError('invalid', r.problems);
  return r.profile;
}

/** Saves a new profile under a new id (imported, read from a device, received by link). */
export async function addProfile(
  profile: Profile,
  options: { readonly sealed?: SealedSecrets } = {},
): Promise<StoredProfile> {
  const record: ProfileRecord = {
    id: storeConfig().newId(),
    profile: checked(profile),
    ...(options.sealed ? { sealed: options.sealed } : {}),
  };
  await write(['profiles'], (tx) => tx.objectStore('profiles').add(record));
  return record;
}

export interface ProfileChanges {
  readonly name?: string;
  readonly notes?: string;
  readonly values?: Readonly<Record<string, string>>;
  /** New encrypted secrets, or `null` to drop them; absent: kept as they are. */
  readonly sealed?: SealedSecrets | null;
}

/** Changes a stored profile and stamps `updated`. A damaged record is refused, never overwritten. */
export async function updateProfile(id: string, changes: ProfileChanges): Promise<StoredProfile> {
  const now = storeConfig().now();
  return write(['profiles'], async (tx) => {
    const store = tx.objectStore('profiles');
    const raw: unknown = await store.get(id);
    if (raw === undefined) throw storageError('not-found');
    const current = readRecord(id, raw);
    if (!current.ok) throw storageError('corrupt', current.corrupt.problems);
    const before = current.stored.profile;
    const { sealed, ...fields } = changes;
    const profile = checked({ ...before, ...fields, updated: Math.max(now, before.created) });
    const { sealed: oldSealed, ...rest } = current.stored;
    const keep = sealed === undefined ? oldSealed : (sealed ?? undefined);
    const record: ProfileRecord = { ...rest, profile, ...(keep ? { sealed: keep } : {}) };
    await store.put(record);
    return record;
  });
}

export function renameProfile(id: string, name: string): Promise<StoredProfile> {
  return updateProfile(id, { name });
}

/** A copy named "<name> (copy)" (shortened to fit), created now. */
export async function duplicateProfile(id: string, name?: string): Promise<StoredProfile> {
  const source = await getProfile(id);
  const now = storeConfig().now();
  const suffix = ' (copy)';
  const copyName = name ?? `${source.profile.name.slice(0, MAX_NAME_LENGTH - suffix.length)}${suffix}`;
  return addProfile(
    { ...source.profile, name: copyName, created: now, updated: now },
    source.sealed ? { sealed: source.sealed } : {},
  );
}
