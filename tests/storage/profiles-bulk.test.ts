import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, onStoreEvent, type StoreEvent } from '../../src/storage/connection';
import { StorageError } from '../../src/storage/errors';
import { listProfiles } from '../../src/storage/profiles';
import { addProfiles } from '../../src/storage/profiles-bulk';
import { fullProfile, smallProfile } from '../profile/fixtures';
import { freshStore } from './helpers';

beforeEach(() => freshStore());
afterEach(() => closeStore());

describe('saving the profiles of an import at once', () => {
  it('all are saved in one transaction: the views hear one change, not one per profile', async () => {
    const events: StoreEvent[] = [];
    const off = onStoreEvent((e) => events.push(e));
    const profiles = Array.from({ length: 50 }, (_, i) => smallProfile(`p${i}`));
    const stored = await addProfiles(profiles);
    off();
    expect(stored.map((s) => s.id)).toEqual(profiles.map((_, i) => `id-${i + 1}`));
    expect(events.filter((e) => e.type === 'changed')).toHaveLength(1);
    expect((await listProfiles()).profiles).toHaveLength(50);
  });

  it('profiles come back exactly as imported, secrets included as with one profile', async () => {
    await addProfiles([fullProfile()]);
    expect((await listProfiles()).profiles[0]?.profile).toEqual(fullProfile());
  });

  it('an invalid profile refuses the batch before anything is written', async () => {
    const err = await addProfiles([smallProfile('ok'), smallProfile('bad', { UARTFT: '1' })]).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).kind).toBe('invalid');
    expect((await listProfiles()).profiles).toEqual([]);
  });

  it('nothing to save writes nothing', async () => {
    const events: StoreEvent[] = [];
    const off = onStoreEvent((e) => events.push(e));
    expect(await addProfiles([])).toEqual([]);
    off();
    expect(events).toEqual([]);
  });
});
