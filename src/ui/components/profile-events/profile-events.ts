/**
 * Events of the profile components (properties down, events up), typed in `HTMLElementEventMap` so
 * `@dtu-profile-action=${(e) => …}` gets a typed `e.detail`. Composed and bubbling, like events.ts.
 */
import type { Profile } from '../../../profile/profile';
import type { SecretsChoice } from '../../../storage/profile-secrets';

export type ProfileAction =
  | 'apply'
  | 'compare'
  | 'share'
  | 'edit'
  | 'duplicate'
  | 'rename'
  | 'export-json'
  | 'export-script'
  | 'delete';

export interface ProfileActionDetail {
  readonly action: ProfileAction;
  readonly id: string;
  /** For `rename`: the new name. */
  readonly name?: string;
}

export interface ProfileSaveDetail {
  /** Validated (validateProfile) and ready for the store. */
  readonly profile: Profile;
  /** What to keep of the passwords it holds (secrets/save-choice.ts); absent: in clear. */
  readonly secrets?: SecretsChoice;
}

export interface ProfileEventMap {
  /** An action on one listed profile. */
  'dtu-profile-action': CustomEvent<ProfileActionDetail>;
  /** The editor's Save, with a validated profile. */
  'dtu-profile-save': CustomEvent<ProfileSaveDetail>;
}

export function profileEvent<K extends keyof ProfileEventMap>(
  type: K,
  detail: ProfileEventMap[K]['detail'],
): ProfileEventMap[K] {
  return new CustomEvent(type, { detail, bubbles: true, composed: true }) as ProfileEventMap[K];
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends ProfileEventMap {}
}
