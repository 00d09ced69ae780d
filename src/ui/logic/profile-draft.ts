/**
 * The profile editor's model (create and edit offline, without a device): the name, the notes, and the
 * settings the profile holds, each as one text per parameter as typed (like the settings editor,
 * logic/fields.ts). A setting is either held by the profile (included) or not — not held means "left as
 * it is on the device". Saving checks every included setting with the catalogue and then the whole
 * profile with `validateProfile`, the one gate (docs/profiles.md).
 */
import { factoryDefaults, findCommand, SETTING_NAMES } from '../../protocol/catalogue';
import type { Text } from '../../protocol/types';
import { newProfile, type Profile, type ProfileProblem } from '../../profile/profile';
import { validateProfile } from '../../profile/validate-profile';
import { checkParts, splitValue } from './fields';

export interface ProfileDraft {
  readonly name: string;
  readonly notes: string;
  /** Included settings → parameter texts, as typed. */
  readonly included: ReadonlyMap<string, readonly string[]>;
}

/** A draft of `profile`, or an empty one for a new profile. */
export function draftFromProfile(profile: Profile | undefined, name = ''): ProfileDraft {
  const included = new Map<string, readonly string[]>();
  for (const [setting, value] of Object.entries(profile?.values ?? {})) {
    const entry = findCommand(setting);
    if (entry) included.set(entry.name, splitValue(entry, value));
  }
  return { name: profile?.name ?? name, notes: profile?.notes ?? '', included };
}

function withIncluded(
  draft: ProfileDraft,
  change: (m: Map<string, readonly string[]>) => void,
): ProfileDraft {
  const included = new Map(draft.included);
  change(included);
  return { ...draft, included };
}

/** Holds `name`, starting from `value` (else the factory default). */
export function includeSetting(draft: ProfileDraft, name: string, value?: string): ProfileDraft {
  const entry = findCommand(name);
  if (!entry || draft.included.has(entry.name)) return draft;
  const start = value ?? factoryDefaults()[entry.name] ?? '';
  return withIncluded(draft, (m) => m.set(entry.name, splitValue(entry, start)));
}

/** Leaves `name` out of the profile. */
export function excludeSetting(draft: ProfileDraft, name: string): ProfileDraft {
  if (!draft.included.has(name)) return draft;
  return withIncluded(draft, (m) => m.delete(name));
}

/** Holds every setting: those not held yet start from `base` (device values), else factory defaults. */
export function includeAll(draft: ProfileDraft, base: Readonly<Record<string, string>> = {}): ProfileDraft {
  return SETTING_NAMES.reduce((d, name) => includeSetting(d, name, base[name]), draft);
}

export function editSetting(draft: ProfileDraft, name: string, parts: readonly string[]): ProfileDraft {
  if (!draft.included.has(name)) return draft;
  return withIncluded(draft, (m) => m.set(name, [...parts]));
}

export interface DraftValues {
  /** Canonical values of the valid included settings, in editor order. */
  readonly values: Record<string, string>;
  /** Included settings whose texts fail the catalogue's checks, with the first message. */
  readonly invalid: readonly { readonly name: string; readonly message: Text | undefined }[];
}

export function draftValues(draft: ProfileDraft): DraftValues {
  const values: Record<string, string> = {};
  const invalid: { name: string; message: Text | undefined }[] = [];
  for (const name of SETTING_NAMES) {
    const parts = draft.included.get(name);
    const entry = findCommand(name);
    if (!parts || !entry) continue;
    const check = checkParts(entry, parts);
    if (check.canonical === undefined) {
      invalid.push({ name, message: check.errors.find((e) => e !== undefined) ?? check.whole });
    } else {
      values[name] = check.canonical;
    }
  }
  return { values, invalid };
}

export type DraftResult =
  | { readonly ok: true; readonly profile: Profile }
  | { readonly ok: false; readonly problems: readonly ProfileProblem[] };

/**
 * The profile the draft describes: a new one created `now`, or `base` with its name, notes and values
 * replaced (the store stamps `updated`). Every problem is reported, settings first.
 */
export function draftToProfile(draft: ProfileDraft, base: Profile | undefined, now: number): DraftResult {
  const { values, invalid } = draftValues(draft);
  const settingProblems: ProfileProblem[] = invalid.map((i) => ({
    path: `values.${i.name}`,
    message: i.message ?? { en: 'The value is not valid', zh: '参数值无效' },
  }));
  const candidate: Profile = base
    ? { ...base, name: draft.name, notes: draft.notes, values }
    : { ...newProfile(draft.name, now, values), notes: draft.notes };
  const checked = validateProfile(candidate);
  const problems = [...settingProblems, ...(checked.ok ? [] : checked.problems)];
  if (problems.length > 0 || !checked.ok) return { ok: false, problems };
  return { ok: true, profile: checked.profile };
}

/** True when the draft's included setting differs from `original` (or was not held before). */
export function settingChanged(draft: ProfileDraft, original: ProfileDraft, name: string): boolean {
  const now = draft.included.get(name);
  const before = original.included.get(name);
  if (!now) return before !== undefined;
  return before === undefined || now.join(',') !== before.join(',');
}
