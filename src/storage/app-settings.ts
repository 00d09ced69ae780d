/** App settings: small JSON-able values under string keys (language, last used port, …). */
import { read, write } from './connection';
import type { AppSettingValue } from './schema';

export async function getAppSetting<T extends AppSettingValue>(key: string, fallback: T): Promise<T> {
  const value = await read(['settings'], (tx) => tx.objectStore('settings').get(key));
  return value === undefined ? fallback : (value as T);
}

export async function setAppSetting(key: string, value: AppSettingValue): Promise<void> {
  await write(['settings'], (tx) => tx.objectStore('settings').put(value, key));
}

export async function deleteAppSetting(key: string): Promise<void> {
  await write(['settings'], (tx) => tx.objectStore('settings').delete(key));
}
