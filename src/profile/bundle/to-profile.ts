/**
 * A bundle's configuration as a new profile — only when support asks for it (a read-only bundle is never
 * applied by itself). The "after" values that differ from the factory defaults, without any secret (an
 * opted-in bundle may hold passwords; a profile keeps those only through the editor's own choice), named
 * after the module and the day. Values the catalogue refuses are left out and named.
 */
import { findCommand } from '../../protocol/catalogue';
import { validateValue } from '../../protocol/validate';
import { nonFactoryValues } from '../factory-diff';
import { newProfile, MAX_NAME_LENGTH, type Profile } from '../profile';
import { withholdsSecret } from '../secrets';
import type { SupportBundle } from './format';

export interface BundleProfile {
  readonly profile: Profile;
  /** Settings with a secret, left out. */
  readonly secrets: readonly string[];
  /** Settings whose value the catalogue refuses, left out. */
  readonly invalid: readonly string[];
}

export function profileFromBundle(bundle: SupportBundle, now: number): BundleProfile {
  const values: Record<string, string> = {};
  const secrets: string[] = [];
  const invalid: string[] = [];
  for (const [name, value] of Object.entries(nonFactoryValues(bundle.after))) {
    const entry = findCommand(name);
    const checked = entry ? validateValue(entry, value) : undefined;
    if (!checked?.ok) invalid.push(name);
    else if (withholdsSecret(name, checked.value)) secrets.push(name);
    else values[name] = checked.value;
  }
  const who = bundle.identity ? `IMEI ${bundle.identity.imei}` : bundle.createdAt.slice(0, 10);
  const name = `Support bundle ${who}`.slice(0, MAX_NAME_LENGTH);
  const profile: Profile = {
    ...newProfile(name, now, values),
    notes: `From a support bundle made ${bundle.createdAt} (app ${bundle.app.version}).`.slice(0, 2000),
  };
  return { profile, secrets, invalid };
}
