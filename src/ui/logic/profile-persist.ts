/**
 * Persistent storage is asked for once, when the person saves their first profile (before that there is
 * nothing to keep, and browsers are readier to grant it after a real save). Whether it was asked is
 * remembered in the app settings, so the browser is not asked again on every save.
 */
import type { PersistenceState } from '../../storage/persistence';

export const PERSIST_ASKED_KEY = 'profiles.persistAsked';

export interface PersistDeps {
  readonly wasAsked: () => Promise<boolean>;
  readonly markAsked: () => Promise<void>;
  readonly request: () => Promise<PersistenceState>;
}

/** Asks for persistent storage unless it was asked before; never throws. */
export async function persistOnFirstSave(deps: PersistDeps): Promise<PersistenceState | 'asked-before'> {
  try {
    if (await deps.wasAsked()) return 'asked-before';
    const state = await deps.request();
    await deps.markAsked();
    return state;
  } catch {
    return 'unsupported';
  }
}
