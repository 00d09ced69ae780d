import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeStore } from '../../src/storage/connection';
import { StorageError, toStorageError } from '../../src/storage/errors';
import { setAppSetting } from '../../src/storage/app-settings';
import { addProfile, listProfiles } from '../../src/storage/profiles';
import { smallProfile } from '../profile/fixtures';
import { freshStore } from './helpers';

beforeEach(() => freshStore());
afterEach(async () => {
  vi.restoreAllMocks();
  await closeStore();
});

describe('storage errors', () => {
  it.each([
    ['QuotaExceededError', 'quota', /no room left/],
    ['VersionError', 'newer-version', /newer version/],
    ['InvalidStateError', 'closed', /Reload this tab/],
    ['SecurityError', 'unavailable', /private window/],
    ['UnknownError', 'failed', /Saving or reading data failed: disk/],
  ])('a %s becomes a "%s" error with a message a person can act on', (name, kind, message) => {
    const e = toStorageError(new DOMException('disk', name));
    expect(e).toBeInstanceOf(StorageError);
    expect(e.kind).toBe(kind);
    expect(e.text.en).toMatch(message);
    expect(e.text.zh.length).toBeGreaterThan(5);
    expect(e.cause).toBeInstanceOf(DOMException);
  });

  it('a full disk while saving a profile is reported as a quota error, and saved profiles are untouched', async () => {
    await addProfile(smallProfile('already saved'));
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const err = await addProfile(smallProfile('too much')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).kind).toBe('quota');
    vi.restoreAllMocks();
    expect((await listProfiles()).profiles.map((p) => p.profile.name)).toEqual(['already saved']);
  });

  it('a quota error raised when the transaction commits is reported as quota too', async () => {
    const realPut = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      const request = realPut.apply(this, args);
      const tx = this.transaction;
      // Like a browser that runs out of room at commit: the transaction aborts with QuotaExceededError.
      Object.defineProperty(tx, 'error', { value: new DOMException('full', 'QuotaExceededError') });
      request.addEventListener('success', () => tx.abort());
      return request;
    });
    const err = await setAppSetting('language', 'zh-CN').catch((e: unknown) => e);
    expect((err as StorageError).kind).toBe('quota');
  });
});
