/**
 * The AT script and terminal log kinds: any text that is not one of the JSON kinds. Read line by line by
 * the script reader (at-script.ts); a profile is built from the settings found, and every line that held
 * a setting but was not taken is listed with its reason. Whether the text was a script or a captured
 * session (timestamps, direction marks, the module's answers) only changes how the kind is named.
 */
import { importAtScript } from '../at-script';
import { MAX_NAME_LENGTH } from '../profile';
import type { ReadContext, KindRead } from './kinds';
import type { ImportItem, LeftOutList } from './report';

const FILE: ImportItem = { type: 'file' };

/** The profile name a script without a `# name:` header gets: the file name, made safe and short. */
export function nameFromFile(fileName: string): string {
  const bare = fileName.replace(/^.*[\\/]/, '');
  const dot = bare.lastIndexOf('.');
  const base = (dot > 0 ? bare.slice(0, dot) : bare).trim();
  const safe = base
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return cutText(safe, MAX_NAME_LENGTH).trim() || 'Imported profile';
}

/** At most `max` UTF-16 units of `text`, never cutting a character in two. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

export function readAtText(text: string, context: ReadContext, leftOut: LeftOutList): KindRead {
  const r = importAtScript(text, { now: context.now, name: nameFromFile(context.fileName) });
  // Why nothing was taken comes first; then every line that was read and not taken.
  if (!r.ok) leftOut.add({ item: FILE, reasons: r.problems });
  for (const note of r.notes ?? []) {
    leftOut.add({ item: { type: 'line', line: note.line }, reasons: [{ path: '', message: note.message }] });
  }
  leftOut.count(r.moreNotes ?? 0);
  if (!r.ok) return { profiles: [], refused: true };
  return {
    profiles: [{ item: FILE, profile: r.profile }],
    refused: false,
    kind: r.log ? 'terminal-log' : 'at-script',
  };
}
