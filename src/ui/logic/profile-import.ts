/**
 * Reading a file the person picked: a profiles JSON file (one or many) or an AT script / terminal log
 * (docs/profiles.md, "Files"). Which reader is used follows the content (a JSON file starts with `{`),
 * so a renamed file still reads. The result lists every profile found and every specific reason
 * something was left out — which profile or line, where in it, and what is wrong — never just "failed".
 */
import type { Text } from '../../protocol/types';
import { importAtScript } from '../../profile/at-script';
import type { Profile } from '../../profile/profile';
import { importProfilesJson } from '../../profile/profile-file';

export interface ImportNote {
  /** Which profile or line: `Profile 2 "Pump"`, `Line 7`; absent for the file as a whole. */
  readonly item?: Text;
  /** Where in it: `values.SOCKA`, `name`; may be empty. */
  readonly path: string;
  readonly message: Text;
}

export interface FileImport {
  readonly kind: 'json' | 'script';
  /** Profiles read and valid, ready to save. */
  readonly profiles: readonly Profile[];
  /** Profiles that were left out (JSON) or lines not taken (script). */
  readonly notes: readonly ImportNote[];
  /** The whole file was refused (not one of ours, no setting at all, …). */
  readonly refused: boolean;
}

/** A JSON file, by its content (BOM and blanks before it allowed). */
export function looksLikeJson(text: string): boolean {
  return /^\uFEFF?\s*[{[]/.test(text);
}

/** `Pump station.txt` → `Pump station`. */
export function baseName(fileName: string): string {
  const name = fileName.replace(/^.*[\\/]/, '');
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? name.slice(0, dot) : name).trim();
}

/** The profile name a script without a `# name:` header gets: the file name, trimmed to fit. */
function scriptName(fileName: string): string {
  return (baseName(fileName) || 'Imported profile')
    .replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu, ' ')
    .slice(0, 100);
}

const quoted = (name: string | undefined): string => (name === undefined ? '' : ` "${name}"`);

export function importProfileFile(fileName: string, text: string, now: number): FileImport {
  if (looksLikeJson(text)) {
    const r = importProfilesJson(text);
    if (!r.ok) {
      return {
        kind: 'json',
        profiles: [],
        refused: true,
        notes: r.problems.map((p) => ({ path: p.path, message: p.message })),
      };
    }
    const notes = r.rejected.flatMap((rej) =>
      rej.problems.map((p) => ({
        item: {
          en: `Profile ${rej.index + 1}${quoted(rej.name)}`,
          zh: `第 ${rej.index + 1} 个配置档案${quoted(rej.name)}`,
        },
        path: p.path,
        message: p.message,
      })),
    );
    return { kind: 'json', profiles: r.profiles, refused: false, notes };
  }
  const r = importAtScript(text, { now, name: scriptName(fileName) });
  if (!r.ok) {
    return {
      kind: 'script',
      profiles: [],
      refused: true,
      notes: r.problems.map((p) => ({ path: p.path, message: p.message })),
    };
  }
  const notes = r.notes.map((n) => ({
    item: { en: `Line ${n.line}`, zh: `第 ${n.line} 行` },
    path: '',
    message: n.message,
  }));
  return { kind: 'script', profiles: [r.profile], refused: false, notes };
}
