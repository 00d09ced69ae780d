/**
 * The person's choice of which registration/heartbeat data count as secret (protocol/secrets.ts
 * `PRIVATE_MARKABLE`), kept in the app settings and handed to the profile layer for this page.
 */
import { privateSettings, setPrivateSettings } from '../../profile/secrets';
import { PRIVATE_MARKABLE } from '../../protocol/secrets';
import { getAppSetting, setAppSetting } from '../../storage';

export const PRIVATE_MARKS_KEY = 'secrets.private';

/** Reads the stored marks (best effort: none when storage is unavailable) and applies them. */
export async function loadPrivateMarks(): Promise<ReadonlySet<string>> {
  try {
    const stored = await getAppSetting<readonly string[]>(PRIVATE_MARKS_KEY, []);
    setPrivateSettings(Array.isArray(stored) ? stored.filter((n) => typeof n === 'string') : []);
  } catch {
    // Nothing stored: nothing marked.
  }
  return privateSettings();
}

/** Marks or unmarks `name`, applies it at once and stores it. */
export async function setPrivateMark(name: string, on: boolean): Promise<ReadonlySet<string>> {
  if (!PRIVATE_MARKABLE.includes(name)) return privateSettings();
  const next = new Set(privateSettings());
  if (on) next.add(name);
  else next.delete(name);
  setPrivateSettings(next);
  await setAppSetting(PRIVATE_MARKS_KEY, [...privateSettings()]);
  return privateSettings();
}
