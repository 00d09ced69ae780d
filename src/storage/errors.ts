/**
 * Storage failures as one typed error with a message a person can act on. IndexedDB reports problems as
 * DOMExceptions with a `name`; `toStorageError` maps them (quota, a newer version open elsewhere, a
 * connection closed by another tab, private mode without storage, …).
 */
import type { Text } from '../protocol/types';
import type { ProfileProblem } from '../profile/profile';

export type StorageErrorKind =
  | 'quota'
  | 'unavailable'
  | 'newer-version'
  | 'closed'
  | 'not-found'
  | 'not-trashed'
  | 'invalid'
  | 'corrupt'
  | 'wrong-passphrase'
  | 'failed';

export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly kind: StorageErrorKind,
    readonly text: Text,
    readonly problems: readonly ProfileProblem[] = [],
    options?: { cause?: unknown },
  ) {
    super(text.en, options);
  }
}

const MESSAGES: Readonly<Record<StorageErrorKind, Text>> = {
  quota: {
    en: 'The browser has no room left to save this. Free some space (delete old profiles or site data) and try again; nothing already saved was lost.',
    zh: '浏览器存储空间已满，无法保存。请释放空间（删除旧的配置档案或网站数据）后重试；已保存的内容未丢失。',
  },
  unavailable: {
    en: 'This browser does not let the app save data (private window or storage switched off). Profiles cannot be kept here.',
    zh: '此浏览器不允许本应用保存数据（隐私窗口或已关闭存储），无法在此保存配置档案。',
  },
  'newer-version': {
    en: 'A newer version of the app is open in another tab and has updated the saved data. Reload this tab.',
    zh: '另一个标签页中打开了更新版本的应用，并已升级保存的数据。请重新加载本页面。',
  },
  closed: {
    en: 'The saved data was closed because another tab is updating the app. Reload this tab.',
    zh: '另一个标签页正在升级应用，已关闭数据连接。请重新加载本页面。',
  },
  'not-found': { en: 'That profile no longer exists.', zh: '该配置档案已不存在。' },
  'not-trashed': {
    en: 'Only a profile in the trash can be deleted for good: move it to the trash first.',
    zh: '只有回收站中的配置档案才能永久删除：请先移到回收站。',
  },
  invalid: { en: 'The profile is not valid and was not saved.', zh: '配置档案无效，未保存。' },
  corrupt: {
    en: 'This saved record is damaged and cannot be changed; it is kept as it is so it can be exported.',
    zh: '该保存记录已损坏，无法修改；已原样保留，可导出。',
  },
  'wrong-passphrase': {
    en: 'That passphrase does not open the passwords of this profile (or they are damaged). Nothing was changed.',
    zh: '该口令无法打开此配置档案中加密的密码（或密码数据已损坏），未做任何修改。',
  },
  failed: { en: 'Saving or reading data failed.', zh: '保存或读取数据失败。' },
};

export function storageError(
  kind: StorageErrorKind,
  problems: readonly ProfileProblem[] = [],
  cause?: unknown,
): StorageError {
  return new StorageError(kind, MESSAGES[kind], problems, cause === undefined ? undefined : { cause });
}

/** Maps anything IndexedDB throws to a StorageError (a StorageError passes through). */
export function toStorageError(e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  const name =
    typeof e === 'object' && e !== null && 'name' in e ? String((e as { name: unknown }).name) : '';
  switch (name) {
    case 'QuotaExceededError':
      return storageError('quota', [], e);
    case 'VersionError':
      return storageError('newer-version', [], e);
    case 'InvalidStateError':
      return storageError('closed', [], e);
    case 'SecurityError':
    case 'NotAllowedError':
      return storageError('unavailable', [], e);
    default: {
      const detail = e instanceof Error ? e.message : String(e);
      const base = MESSAGES.failed;
      return new StorageError(
        'failed',
        { en: `${base.en.replace(/\.$/, '')}: ${detail}`, zh: `${base.zh.replace(/。$/, '')}：${detail}` },
        [],
        { cause: e },
      );
    }
  }
}

/** Runs a storage operation and rethrows whatever it throws as a StorageError. */
export async function guard<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    throw toStorageError(e);
  }
}
