/**
 * The profile: a named configuration a person keeps, shares and applies (architecture.md, "Profile").
 * `values` maps setting names (catalogue `kind: 'setting'`) to canonical values — the exact parameter text
 * of the set command — so a profile is also an AT script. Timestamps are milliseconds since 1970 (UTC).
 */
import type { Text } from '../protocol/types';

/** The version of the profile object itself; files and links carry their own versions around it. */
export const PROFILE_FORMAT_VERSION = 1;

/** Longest name, in characters (UTF-16 code units, as the input field counts). */
export const MAX_NAME_LENGTH = 100;
/** Longest notes, in characters. */
export const MAX_NOTES_LENGTH = 2000;
/** Longest source-device id (IMEI is 15 digits, SN up to ~20 characters). */
export const MAX_DEVICE_ID_LENGTH = 64;

export interface Profile {
  readonly formatVersion: typeof PROFILE_FORMAT_VERSION;
  /** Plain text, one line, 1–100 characters. Never HTML: views render it as text. */
  readonly name: string;
  /** Plain text, may hold line breaks, 0–2000 characters. */
  readonly notes: string;
  /** Setting name → canonical value, in catalogue editor order. */
  readonly values: Readonly<Record<string, string>>;
  readonly created: number;
  readonly updated: number;
  /** IMEI or SN of the device the values were read from, when they were. */
  readonly sourceDevice?: string;
}

/** One thing wrong with a profile, a file or a link: where, and what, in both languages. */
export interface ProfileProblem {
  /** Where in the input: `name`, `values.SOCKA`, `profiles[2].notes`, `line 7`, or `''` for the whole. */
  readonly path: string;
  readonly message: Text;
}

export type ProfileResult =
  | { readonly ok: true; readonly profile: Profile }
  | { readonly ok: false; readonly problems: readonly ProfileProblem[] };

export const text = (en: string, zh: string): Text => ({ en, zh });

export function problem(path: string, en: string, zh: string): ProfileProblem {
  return { path, message: { en, zh } };
}

/** A new, empty profile (the caller fills `values`). `now` comes from the injected clock. */
export function newProfile(
  name: string,
  now: number,
  values: Readonly<Record<string, string>> = {},
): Profile {
  return { formatVersion: PROFILE_FORMAT_VERSION, name, notes: '', values, created: now, updated: now };
}
