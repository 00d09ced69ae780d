/**
 * The module's answers to remote payloads (manual 3.1.6–3.1.7): a set is answered `OK` or `+ERR:n`, a
 * query `+NAME:value` then `OK`. By SMS the answer comes as one SMS text (the simulator and the module trim
 * the CR LF around it); over the network as the bytes of the serial answer. Both are read here.
 */
import { findCommand } from '../../protocol/catalogue';
import { validateValue } from '../../protocol/validate';

export type SetAnswer = { readonly ok: true } | { readonly ok: false; readonly text: string };

/** A set's answer: `OK` (also `+OK`, as sibling firmware says) or anything else, an error. */
export function setAnswer(reply: string): SetAnswer {
  const lines = reply
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length > 0 && lines.every((l) => /^\+?OK$/i.test(l))) return { ok: true };
  return { ok: false, text: lines.join(' ') || reply };
}

/** The value in a query answer for `name` (`+NAME:value`, a blank after the colon tolerated). */
export function queryValue(reply: string, name: string): string | undefined {
  for (const raw of reply.split(/\r\n|\r|\n/)) {
    const m = /^\+\s*([A-Za-z0-9]+)\s*:\s?(.*)$/.exec(raw.trim());
    if (m && (m[1] ?? '').toUpperCase() === name.toUpperCase()) return m[2] ?? '';
  }
  return undefined;
}

/** True when a value read back is the value written (both in canonical form). */
export function sameValue(name: string, written: string, read: string): boolean {
  const entry = findCommand(name);
  if (!entry) return written === read;
  const r = validateValue(entry, read);
  return (r.ok ? r.value : read) === written;
}
