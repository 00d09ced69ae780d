import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore } from '../../src/storage/connection';
import { StorageError } from '../../src/storage/errors';
import { deleteAppSetting, getAppSetting, setAppSetting } from '../../src/storage/app-settings';
import {
  deviceId,
  getDevice,
  getPort,
  listApplies,
  listDevices,
  recordApply,
  recordDevice,
  rememberPort,
} from '../../src/storage/devices';
import { write } from '../../src/storage/connection';
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

describe('what is remembered about the device behind a port', () => {
  const line9600 = { baud: 9600, dataBits: 8, stopBits: 1, parity: 'NONE' } as const;

  it('keeps the line and the UARTFT learnt, each until a newer value comes', async () => {
    const first = clockNow;
    await rememberPort('usb:1a86:7523', { line: line9600 });
    advance(1000);
    await rememberPort('usb:1a86:7523', { uartft: 300 });
    expect(await getPort('usb:1a86:7523')).toEqual({
      key: 'usb:1a86:7523',
      line: line9600,
      uartft: 300,
      firstSeen: first,
      lastSeen: clockNow,
    });
    await rememberPort('usb:1a86:7523', { uartft: 50 });
    expect(await getPort('usb:1a86:7523')).toMatchObject({ line: line9600, uartft: 50 });
    expect(await getPort('simulator')).toBeUndefined();
  });

  it('refuses keys and values that are no port or no module setting', async () => {
    for (const [key, update] of [
      ['', { uartft: 100 }],
      ['usb:1A86:7523', { uartft: 100 }],
      ['simulator', { uartft: 10 }],
      ['simulator', { uartft: 100.5 }],
      ['simulator', { line: { ...line9600, baud: 12345 } }],
    ] as const) {
      const err = await rememberPort(key, update).catch((e: unknown) => e);
      expect((err as StorageError).kind, `${key} ${JSON.stringify(update)}`).toBe('invalid');
    }
  });

  it('reads a damaged record back without the fields that do not fit', async () => {
    await write(['ports'], (tx) =>
      tx.objectStore('ports').put({
        key: 'serial',
        line: { baud: 'fast', dataBits: 8, stopBits: 1, parity: 'NONE' },
        uartft: 200,
        firstSeen: 1,
        lastSeen: 2,
      } as never),
    );
    expect(await getPort('serial')).toEqual({ key: 'serial', uartft: 200, firstSeen: 1, lastSeen: 2 });
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
