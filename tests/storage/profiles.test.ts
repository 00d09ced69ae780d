import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, getDb } from '../../src/storage/connection';
import { StorageError } from '../../src/storage/errors';
import {
  addProfile,
  duplicateProfile,
  getProfile,
  getRawProfileRecord,
  listProfiles,
  renameProfile,
  updateProfile,
} from '../../src/storage/profiles';
import { emptyTrash, listTrash, purgeProfile, restoreProfile, trashProfile } from '../../src/storage/trash';
import { fullProfile, smallProfile } from '../profile/fixtures';
import { advance, clockNow, freshStore } from './helpers';

beforeEach(() => freshStore());
afterEach(() => closeStore());

async function putRaw(record: unknown): Promise<void> {
  const db = await getDb();
  await db.put('profiles', record as never);
}

const kindOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    return e instanceof StorageError ? e.kind : `other: ${String(e)}`;
  }
};

describe('profiles in IndexedDB', () => {
  it('a saved profile is listed and read back exactly', async () => {
    const stored = await addProfile(fullProfile());
    expect(stored.id).toBe('id-1');
    expect((await getProfile('id-1')).profile).toEqual(fullProfile());
    expect((await listProfiles()).profiles.map((p) => p.id)).toEqual(['id-1']);
  });

  it('an invalid profile is refused with its problems and nothing is written', async () => {
    const err = await addProfile(smallProfile('x', { UARTFT: '1' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).kind).toBe('invalid');
    expect((err as StorageError).problems[0]?.path).toBe('values.UARTFT');
    expect((await listProfiles()).profiles).toEqual([]);
  });

  it('corrupt records are reported and skipped without losing the others, and are never deleted', async () => {
    await addProfile(smallProfile('good one'));
    await putRaw({ id: 'bad-1', profile: { name: 42 } });
    await putRaw({ id: 'bad-2', profile: { ...smallProfile('bad values'), values: { WKMOD: 'FAST' } } });
    await putRaw({ id: 'bad-3', profile: smallProfile('bad trash stamp'), trashedAt: 'yesterday' });
    await addProfile(smallProfile('good two'));

    const list = await listProfiles();
    expect(list.profiles.map((p) => p.profile.name).sort()).toEqual(['good one', 'good two']);
    expect(list.corrupt.map((c) => c.id)).toEqual(['bad-1', 'bad-2', 'bad-3']);
    expect(list.corrupt[1]?.problems[0]?.path).toBe('profile.values.WKMOD');
    expect(list.corrupt[1]?.problems[0]?.message.zh).toMatch(/WKMOD/);
    // Still there, byte for byte, after being listed.
    expect(await getRawProfileRecord('bad-2')).toEqual({
      id: 'bad-2',
      profile: { ...smallProfile('bad values'), values: { WKMOD: 'FAST' } },
    });
    expect(await kindOf(getProfile('bad-1'))).toBe('corrupt');
    expect(await kindOf(updateProfile('bad-2', { name: 'fixed?' }))).toBe('corrupt');
  });

  it('renaming stamps the update time and keeps everything else', async () => {
    const { id } = await addProfile(smallProfile('old'));
    advance(60_000);
    const renamed = await renameProfile(id, 'new name');
    expect(renamed.profile).toEqual({ ...smallProfile('new name'), updated: clockNow });
  });

  it('a rename to an invalid name is refused and the profile keeps its name', async () => {
    const { id } = await addProfile(smallProfile('keep me'));
    expect(await kindOf(renameProfile(id, ''))).toBe('invalid');
    expect((await getProfile(id)).profile.name).toBe('keep me');
  });

  it('duplicating makes an independent copy named "(copy)", created now', async () => {
    const { id } = await addProfile(fullProfile());
    advance(1000);
    const copy = await duplicateProfile(id);
    expect(copy.id).not.toBe(id);
    expect(copy.profile.name).toBe(`${fullProfile().name} (copy)`);
    expect(copy.profile.values).toEqual(fullProfile().values);
    expect(copy.profile.created).toBe(clockNow);
    const long = await addProfile(smallProfile('n'.repeat(100)));
    expect((await duplicateProfile(long.id)).profile.name).toHaveLength(100);
  });

  it('deleting moves to the trash and undo brings the profile back unchanged', async () => {
    const { id } = await addProfile(fullProfile());
    await trashProfile(id);
    expect((await listProfiles()).profiles).toEqual([]);
    expect((await listTrash()).profiles.map((p) => p.id)).toEqual([id]);
    await restoreProfile(id);
    expect((await listProfiles()).profiles).toEqual([{ id, profile: fullProfile() }]);
    expect((await listTrash()).profiles).toEqual([]);
  });

  it('only a profile in the trash can be deleted for good', async () => {
    const { id } = await addProfile(smallProfile('x'));
    expect(await kindOf(purgeProfile(id))).toBe('not-trashed');
    await trashProfile(id);
    await purgeProfile(id);
    expect(await getRawProfileRecord(id)).toBeUndefined();
    expect(await kindOf(purgeProfile(id))).toBe('not-found');
  });

  it('emptying the trash removes only what is in it', async () => {
    const a = await addProfile(smallProfile('a'));
    const b = await addProfile(smallProfile('b'));
    await addProfile(smallProfile('c'));
    await trashProfile(a.id);
    await trashProfile(b.id);
    expect(await emptyTrash()).toBe(2);
    expect((await listProfiles()).profiles.map((p) => p.profile.name)).toEqual(['c']);
  });

  it('changing or trashing a profile that does not exist says so', async () => {
    expect(await kindOf(updateProfile('nope', { name: 'x' }))).toBe('not-found');
    expect(await kindOf(trashProfile('nope'))).toBe('not-found');
    expect(await kindOf(getProfile('nope'))).toBe('not-found');
  });

  it('profiles are listed most recently changed first', async () => {
    const a = await addProfile(smallProfile('a'));
    await addProfile(smallProfile('b'));
    advance(5000);
    await updateProfile(a.id, { notes: 'touched' });
    expect((await listProfiles()).profiles.map((p) => p.profile.name)).toEqual(['a', 'b']);
  });
});
