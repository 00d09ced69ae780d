/**
 * Profiles without the noise of factory values: a configuration read from a device holds all 47
 * settings, most of them as shipped. `withoutFactoryValues` keeps only the settings that differ from the
 * catalogue's factory defaults, so an export (profile file, AT script, link) says what was actually
 * configured. Applied to a device, such a profile leaves the settings it does not hold as they are there
 * (docs/profiles.md): the person keeps the choice to export everything.
 */
import { factoryDefaults } from '../protocol/catalogue';
import type { Profile } from './profile';

/** Names of the settings in `values` that hold their factory value. */
export function factoryValued(values: Readonly<Record<string, string>>): string[] {
  const factory = factoryDefaults();
  return Object.keys(values).filter((n) => factory[n] !== undefined && values[n] === factory[n]);
}

/** Only the settings of `values` that differ from the factory defaults, in the same order. */
export function nonFactoryValues(values: Readonly<Record<string, string>>): Record<string, string> {
  const factory = factoryDefaults();
  return Object.fromEntries(
    Object.entries(values).filter(([n, v]) => factory[n] === undefined || v !== factory[n]),
  );
}

/** The profile with only its settings that differ from the factory defaults. */
export function withoutFactoryValues(profile: Profile): Profile {
  return { ...profile, values: nonFactoryValues(profile.values) };
}
