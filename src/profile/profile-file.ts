/**
 * Profile files: one profile or many, as versioned JSON —
 * `{ "format": "usr-7s4-profiles", "version": 1, "profiles": [ … ] }`.
 * Files are backups a person keeps, so secrets are included unless the caller asks otherwise; links are
 * the other way round. Import reads the text with the strict JSON reader (duplicate keys are errors),
 * validates each profile on its own, and returns the good ones together with a problem list for the rest:
 * one bad profile never hides the others, and none is dropped without a word.
 */
import { PROFILE_FORMAT_VERSION, problem, type Profile, type ProfileProblem } from './profile';
import { stripSecrets } from './secrets';
import { parseStrictJson } from './strict-json';
import { isPlainObject, validateProfile } from './validate-profile';

export const PROFILES_FILE_FORMAT = 'usr-7s4-profiles';
export const PROFILES_FILE_VERSION = 1;
/** Far above any real collection; refused before parsing so a huge file cannot stall the page. */
export const MAX_PROFILES_FILE_CHARS = 20_000_000;

export interface FileExportOptions {
  /** Default true: a file is the person's own backup. */
  readonly includeSecrets?: boolean;
}

/** An entry of a file that failed validation: which one, its name when it has one, and why. */
export interface RejectedProfile {
  readonly index: number;
  readonly name?: string;
  readonly problems: readonly ProfileProblem[];
}

export type ProfilesImport =
  | {
      readonly ok: true;
      readonly profiles: readonly Profile[];
      /** Profiles that were left out, each with its reasons. */
      readonly rejected: readonly RejectedProfile[];
    }
  | { readonly ok: false; readonly problems: readonly ProfileProblem[] };

/** A profile as a plain object with its fields in a fixed order (stable files, stable diffs). */
export function profileToJson(profile: Profile): Record<string, unknown> {
  return {
    formatVersion: profile.formatVersion,
    name: profile.name,
    notes: profile.notes,
    values: { ...profile.values },
    created: profile.created,
    updated: profile.updated,
    ...(profile.sourceDevice === undefined ? {} : { sourceDevice: profile.sourceDevice }),
  };
}

export function exportProfilesJson(profiles: readonly Profile[], options: FileExportOptions = {}): string {
  const keep = options.includeSecrets ?? true;
  const file = {
    format: PROFILES_FILE_FORMAT,
    version: PROFILES_FILE_VERSION,
    profiles: profiles.map((p) => profileToJson(keep ? p : stripSecrets(p))),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A file name a person recognises: `usr-7s4-<name>.json`, unsafe characters replaced. */
export function profileFileName(name: string, extension: 'json' | 'txt'): string {
  const unsafe = (ch: string): boolean =>
    ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f || '\\/:*?"<>|'.includes(ch);
  const safe =
    [...name]
      .map((ch) => (unsafe(ch) ? '_' : ch))
      .join('')
      .replace(/_+/g, '_')
      .trim()
      .slice(0, 60) || 'profile';
  return `usr-7s4-${safe}.${extension}`;
}

const fail = (en: string, zh: string): ProfilesImport => ({ ok: false, problems: [problem('', en, zh)] });

export function importProfilesJson(source: string): ProfilesImport {
  if (source.length > MAX_PROFILES_FILE_CHARS) {
    return fail('The file is too large to be a profile file', '文件过大，不是配置档案文件');
  }
  const parsed = parseStrictJson(source.replace(/^\uFEFF/, ''));
  if (!parsed.ok) return { ok: false, problems: [{ path: '', message: parsed.message }] };
  const root = parsed.value;
  if (isPlainObject(root) && root.formatVersion === PROFILE_FORMAT_VERSION && root.format === undefined) {
    // A bare profile object (someone copied one out of a file): accept it as a file of one.
    return collect([root], '');
  }
  if (!isPlainObject(root) || root.format !== PROFILES_FILE_FORMAT) {
    return fail(
      `This is not a profile file (expected "format": "${PROFILES_FILE_FORMAT}")`,
      `这不是配置档案文件（应有 "format": "${PROFILES_FILE_FORMAT}"）`,
    );
  }
  if (root.version !== PROFILES_FILE_VERSION) {
    return typeof root.version === 'number' && root.version > PROFILES_FILE_VERSION
      ? fail(
          `This file was made by a newer version of the app (file version ${root.version}); update the app to open it`,
          `该文件由更新版本的应用创建（文件版本 ${root.version}），请更新应用后再打开`,
        )
      : fail(
          `Unsupported profile file version: ${String(root.version)}`,
          `不支持的配置档案文件版本：${String(root.version)}`,
        );
  }
  for (const key of Object.keys(root)) {
    if (!['format', 'version', 'profiles'].includes(key)) {
      return fail(`Unknown field "${key}" in a profile file`, `配置档案文件中有未知字段“${key}”`);
    }
  }
  if (!Array.isArray(root.profiles)) return fail('"profiles" must be a list', '"profiles" 必须是列表');
  return collect(root.profiles, 'profiles');
}

function collect(items: readonly unknown[], base: string): ProfilesImport {
  const profiles: Profile[] = [];
  const rejected: RejectedProfile[] = [];
  items.forEach((item, index) => {
    const r = validateProfile(item, base ? `${base}[${index}].` : '');
    if (r.ok) {
      profiles.push(r.profile);
    } else {
      const name = isPlainObject(item) && typeof item.name === 'string' ? item.name.slice(0, 100) : undefined;
      rejected.push({ index, ...(name === undefined ? {} : { name }), problems: r.problems });
    }
  });
  return { ok: true, profiles, rejected };
}
