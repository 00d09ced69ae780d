/**
 * Secrets in a profile. What is secret is decided in one place, `protocol/secrets.ts` (`secretParts`):
 * the catalogue's passwords (CMDPW, the APN password, the USR Cloud password), credentials inside free
 * text (an `Authorization:`/`Cookie:`/token header in HTPHD, `user:password@` or `token=` in a URL), and
 * the registration/heartbeat data when the person marked it private (`setPrivateSettings`).
 *
 * Stripping removes the whole setting, not just the secret part: writing `APN=CMNET,user,` to a device
 * would erase its password, while leaving APN out leaves the device's APN as it is. The views say which
 * settings were withheld (`withheldSecrets`).
 */
import { PRIVATE_MARKABLE, isSecretValue, secretParts } from '../protocol/secrets';
import type { Profile } from './profile';

let markedPrivate: ReadonlySet<string> = new Set();

/**
 * The settings the person marked private (of `PRIVATE_MARKABLE`: REGDT, HEARTDT). Kept for this page;
 * the UI stores the choice (ui/secrets) and sets it at start. Unknown names are ignored.
 */
export function setPrivateSettings(names: Iterable<string>): void {
  markedPrivate = new Set([...names].map((n) => n.toUpperCase()).filter((n) => PRIVATE_MARKABLE.includes(n)));
}

export function privateSettings(): ReadonlySet<string> {
  return markedPrivate;
}

/**
 * True when setting `name` with `value` is withheld from links, files and exports unless the person opts
 * in, and kept out of the history and the devices store: any secret part, including the person's marks.
 */
export function withholdsSecret(name: string, value: string): boolean {
  return isSecretValue(name, value, markedPrivate);
}

/**
 * True when `value` holds one of the catalogue's passwords. This is what a link's "carries secrets" flag
 * is checked against when it is opened, so links made before credentials in free text were detected
 * (an `Authorization:` header in a "no passwords" link) still open; new links never carry those without
 * the flag, because `stripSecrets` withholds them.
 */
export function carriesSecret(name: string, value: string): boolean {
  return secretParts(name, value).some((p) => p.kind === 'password');
}

/** Names of the settings of `values` that hold a secret, in their order. */
export function secretSettings(values: Readonly<Record<string, string>>): string[] {
  return Object.entries(values)
    .filter(([name, value]) => withholdsSecret(name, value))
    .map(([name]) => name);
}

/** Names of the settings `stripSecrets` would remove, in profile order. */
export function withheldSecrets(profile: Profile): string[] {
  return secretSettings(profile.values);
}

/** The same profile without the settings that carry a secret. */
export function stripSecrets(profile: Profile): Profile {
  const values = Object.fromEntries(
    Object.entries(profile.values).filter(([name, value]) => !withholdsSecret(name, value)),
  );
  return { ...profile, values };
}

/** Just the settings `stripSecrets` removes, with their values. */
export function secretValues(profile: Profile): Record<string, string> {
  return Object.fromEntries(
    Object.entries(profile.values).filter(([name, value]) => withholdsSecret(name, value)),
  );
}
