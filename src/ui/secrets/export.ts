/**
 * What the profiles view downloads. Files and AT scripts follow the rule of links: secrets (passwords,
 * credentials in free text, data the person marked private — `withholdsSecret`) stay out unless the
 * person ticks "include passwords" in the export dialog (export-dialog.ts).
 */
import { exportAtScript, exportProfilesJson, profileFileName } from '../../profile';
import type { Profile } from '../../profile/profile';
import { stripSecrets, withheldSecrets } from '../../profile/secrets';

export type ExportKind = 'json' | 'script';

export interface ExportFile {
  readonly name: string;
  readonly mime: string;
  readonly text: string;
  /** Settings left out because they carry a secret (union over the profiles, first-seen order). */
  readonly withheld: readonly string[];
}

/** The names of the settings with secrets in any of `profiles`. */
export function secretsIn(profiles: readonly Profile[]): string[] {
  return [...new Set(profiles.flatMap((p) => withheldSecrets(p)))];
}

/** The text of an export; an AT script holds one profile (the first). */
export function exportText(
  profiles: readonly Profile[],
  kind: ExportKind,
  options: { readonly includeSecrets?: boolean } = {},
): { text: string; withheld: string[] } {
  const include = options.includeSecrets === true;
  const withheld = include ? [] : secretsIn(profiles);
  const shown = include ? profiles : profiles.map(stripSecrets);
  const first = shown[0];
  const text =
    kind === 'json'
      ? exportProfilesJson(shown, { includeSecrets: true })
      : first
        ? exportAtScript(first)
        : '';
  return { text, withheld };
}

export function exportFile(
  profiles: readonly Profile[],
  kind: ExportKind,
  options: { readonly includeSecrets?: boolean; readonly allName?: string } = {},
): ExportFile {
  const { text, withheld } = exportText(profiles, kind, options);
  const single = profiles.length === 1 ? profiles[0] : undefined;
  const name =
    kind === 'json'
      ? single
        ? profileFileName(single.name, 'json')
        : (options.allName ?? 'usr-7s4-profiles.json')
      : profileFileName(profiles[0]?.name ?? 'profile', 'txt');
  return { name, mime: kind === 'json' ? 'application/json' : 'text/plain', text, withheld };
}
