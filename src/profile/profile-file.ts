/**
 * Profile files: one profile or many, as versioned JSON —
 * `{ "format": "usr-7s4-profiles", "version": 1, "profiles": [ … ] }`.
 * Files are backups a person keeps, so secrets are included unless the caller asks otherwise; links are
 * the other way round. Import is the import pipeline's JSON reader (import/profiles-json.ts): strict
 * JSON, each profile validated on its own, the good ones returned with a problem list for the rest — one
 * bad profile never hides the others, and none is dropped without a word.
 */
import { PROFILES_FILE_FORMAT, PROFILES_FILE_VERSION, readProfilesJson } from './import/profiles-json';
import { LeftOutList } from './import/report';
import { problem, type Profile, type ProfileProblem } from './profile';
import { stripSecrets } from './secrets';

export { PROFILES_FILE_FORMAT, PROFILES_FILE_VERSION };
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
      /** About the file itself: ignored fields, profiles past the limit, where damage stopped reading. */
      readonly notes: readonly ProfileProblem[];
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

/**
 * A profile file's text → its profiles. One reader does this for every caller (import/profiles-json.ts);
 * this is its result in the shape of a file: the profiles, each profile left out with its reasons, and
 * what was said about the file itself (an ignored field, damage after which nothing could be read).
 */
export function importProfilesJson(source: string): ProfilesImport {
  if (source.length > MAX_PROFILES_FILE_CHARS) {
    return {
      ok: false,
      problems: [
        problem(
          '',
          `The file is too large to be a profile file (more than ${MAX_PROFILES_FILE_CHARS} characters)`,
          `文件过大，不是配置档案文件（超过 ${MAX_PROFILES_FILE_CHARS} 个字符）`,
        ),
      ],
    };
  }
  const leftOut = new LeftOutList(Number.MAX_SAFE_INTEGER);
  const r = readProfilesJson(source.replace(/^\uFEFF/, ''), leftOut);
  if (r.refused) return { ok: false, problems: leftOut.entries.flatMap((e) => e.reasons) };
  const rejected: RejectedProfile[] = [];
  const notes: ProfileProblem[] = [];
  for (const entry of leftOut.entries) {
    const item = entry.item;
    if (item.type === 'profile') {
      rejected.push({
        index: item.index,
        ...(item.name === undefined ? {} : { name: item.name }),
        problems: entry.reasons,
      });
    } else {
      notes.push(...entry.reasons);
    }
  }
  return { ok: true, profiles: r.profiles.map((p) => p.profile), rejected, notes };
}
