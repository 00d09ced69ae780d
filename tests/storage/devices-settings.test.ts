import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore } from '../../src/storage/connection';
import { StorageError } from '../../src/storage/errors';
import { deleteAppSetting, getAppSetting, setAppSetting } from '../../src/storage/app-settings';
import {
  deviceId,
  getDevice,
  listApplies,
  listDevices,
  recordApply,
  recordDevice,
} from '../../src/storage/devices';
import { requestPersistentStorage, storageUse } from '../../src/storage/persistence';
import { advance, clockNow, freshStore } from './helpers';

beforeEach(() => freshStore());
afterEach(() => closeStore());

describe('devices and apply history', () => {
  it('a device is keyed by IMEI, else by serial number', () => {
    expect(deviceId({ imei: '868123456789012', sn: 'SN1' })).toBe('868123456789012');
    expect(deviceId({ sn: 'SN1' })).toBe('SN1');
    expect(() => deviceId({})).toThrow(StorageError);
  });

  it('seeing a device again keeps its first-seen time and replaces the last configuration read', async () => {
    const first = clockNow;
    await recordDevice({ imei: '868123456789012', firmware: 'V1.0.5' }, { WKMOD: 'NET' });
    advance(1000);
    await recordDevice({ imei: '868123456789012' }, { WKMOD: 'HTTPD' });
    const d = await getDevice('868123456789012');
    expect(d).toMatchObject({
      firstSeen: first,
      lastSeen: clockNow,
      firmware: 'V1.0.5',
      lastRead: { at: clockNow, values: { WKMOD: 'HTTPD' } },
    });
    advance(1000);
    await recordDevice({ sn: 'B' });
    expect((await listDevices()).map((x) => x.id)).toEqual(['B', '868123456789012']);
  });

  it('applies are kept per device with a result per setting, newest first', async () => {
    await recordDevice({ sn: 'A' });
    await recordApply('A', {
      profileName: 'P',
      restarted: true,
      results: [
        { setting: 'WKMOD', outcome: 'applied', value: 'HTTPD', previous: 'NET' },
        { setting: 'UARTFT', outcome: 'rejected', value: '60001', error: '+ERR:4' },
        { setting: 'E', outcome: 'not-reached', value: 'OFF' },
      ],
    });
    advance(10);
    await recordApply('A', {
      restarted: false,
      results: [{ setting: 'E', outcome: 'unchanged', value: 'ON' }],
    });
    const history = await listApplies('A');
    expect(history.map((h) => h.results.length)).toEqual([1, 3]);
    expect(history[1]?.results[1]).toEqual({
      setting: 'UARTFT',
      outcome: 'rejected',
      value: '60001',
      error: '+ERR:4',
    });
    expect(await listApplies('other')).toEqual([]);
  });

  it('an apply for a device never recorded is refused', async () => {
    const err = await recordApply('ghost', { restarted: false, results: [] }).catch((e: unknown) => e);
    expect((err as StorageError).kind).toBe('not-found');
  });
});

describe('app settings', () => {
  it('values are stored, read back with a fallback, and deleted', async () => {
    expect(await getAppSetting('language', 'en')).toBe('en');
    await setAppSetting('language', 'zh-CN');
    await setAppSetting('recent', ['a', 'b']);
    expect(await getAppSetting('language', 'en')).toBe('zh-CN');
    expect(await getAppSetting('recent', [])).toEqual(['a', 'b']);
    await deleteAppSetting('language');
    expect(await getAppSetting('language', 'en')).toBe('en');
  });
});

describe('persistent storage', () => {
  it('asks the browser to keep the data and reports the answer', async () => {
    let asked = 0;
    const manager = { persisted: async () => false, persist: async () => (++asked, true) };
    expect(await requestPersistentStorage(manager)).toBe('persisted');
    expect(asked).toBe(1);
    expect(await requestPersistentStorage({ persisted: async () => true, persist: async () => false })).toBe(
      'persisted',
    );
    expect(await requestPersistentStorage({ persist: async () => false })).toBe('not-persisted');
    expect(await requestPersistentStorage({ persist: () => Promise.reject(new Error('no')) })).toBe(
      'not-persisted',
    );
    expect(await requestPersistentStorage({})).toBe('unsupported');
    expect(await requestPersistentStorage(undefined)).toBe('unsupported');
  });

  it('reports usage and quota where the browser tells them', async () => {
    expect(await storageUse({ estimate: async () => ({ usage: 10, quota: 100 }) })).toEqual({
      usage: 10,
      quota: 100,
    });
    expect(await storageUse({})).toBeUndefined();
  });
});
