/**
 * Saving a new profile (from the editor, the device, a file or a link) and asking the browser for
 * persistent storage after the first save (logic/profile-persist.ts). The caller shows a StorageError's
 * `text` to the person.
 */
import type { Profile } from '../../../profile/profile';
import {
  getAppSetting,
  saveProfileWithSecrets,
  requestPersistentStorage,
  setAppSetting,
  type PersistenceState,
  type SecretsChoice,
  type StoredProfile,
} from '../../../storage';
import { PERSIST_ASKED_KEY, persistOnFirstSave } from '../../logic/profile-persist';

export interface Saved {
  readonly stored: StoredProfile;
  /** What the browser said when asked for persistent storage (only after the first save). */
  readonly persistence: PersistenceState | 'asked-before';
}

/** `secrets`: what to keep of the passwords the profile holds (default: as they are, in clear). */
export async function saveNewProfile(
  profile: Profile,
  secrets: SecretsChoice = { keep: 'clear' },
): Promise<Saved> {
  const stored = await saveProfileWithSecrets(profile, secrets);
  const persistence = await persistOnFirstSave({
    wasAsked: () => getAppSetting(PERSIST_ASKED_KEY, false),
    markAsked: () => setAppSetting(PERSIST_ASKED_KEY, true),
    request: () => requestPersistentStorage(),
  });
  return { stored, persistence };
}
