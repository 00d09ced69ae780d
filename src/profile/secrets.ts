/**
 * Secrets in a profile: parameters flagged `secret` in the catalogue (CMDPW, the APN password, the USR
 * Cloud password). A setting is secret-bearing when one of its secret parameters is not empty.
 *
 * Stripping removes the whole setting, not just the secret part: writing `APN=CMNET,user,` to a device
 * would erase its password, while leaving APN out leaves the device's APN as it is. The views say which
 * settings were withheld (`withheldSecrets`).
 */
import { findCommand } from '../protocol/catalogue';
import { splitParams } from '../protocol/validate';
import type { Profile } from './profile';

/** True when `value` of setting `name` holds a non-empty secret parameter. */
export function carriesSecret(name: string, value: string): boolean {
  const entry = findCommand(name);
  if (!entry?.secret) return false;
  const parts = splitParams(value);
  return entry.params.some((p, i) => p.secret === true && (parts[i] ?? '') !== '');
}

/** Names of the settings `stripSecrets` would remove, in profile order. */
export function withheldSecrets(profile: Profile): string[] {
  return Object.entries(profile.values)
    .filter(([name, value]) => carriesSecret(name, value))
    .map(([name]) => name);
}

/** The same profile without the settings that carry a secret. */
export function stripSecrets(profile: Profile): Profile {
  const values = Object.fromEntries(
    Object.entries(profile.values).filter(([name, value]) => !carriesSecret(name, value)),
  );
  return { ...profile, values };
}
