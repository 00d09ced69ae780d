/**
 * The settings form's model: a setting's value is edited as one text per parameter (what the person
 * typed, escaped form), and checked with the catalogue's validation (protocol/validate.ts), whose messages
 * are shown inline.
 */
import { splitParams, validateParam, validateValue } from '../../protocol/validate';
import type { CommandEntry, Text, ValidationResult } from '../../protocol/types';
import { redactSecrets } from '../../protocol/secrets';
import { privateSettings } from '../../profile/secrets';

/** The parameter texts of a canonical value, one per parameter (missing ones empty). */
export function splitValue(entry: CommandEntry, value: string): string[] {
  const parts = splitParams(value);
  const count = entry.params.length;
  if (parts.length > count && count > 0) {
    // Never lose text: anything past the last parameter stays in it (and fails validation there).
    parts.splice(count - 1, parts.length - count + 1, parts.slice(count - 1).join(','));
  }
  while (parts.length < count) parts.push('');
  return parts;
}

/** The value of a form: parameter texts joined as in the set command. */
export function joinParts(parts: readonly string[]): string {
  return parts.join(',');
}

export interface FieldCheck {
  /** Per parameter: undefined when valid, else the catalogue's message. */
  readonly errors: readonly (Text | undefined)[];
  /** The whole value when every parameter is valid (canonical), else undefined. */
  readonly canonical: string | undefined;
  /** A message for the whole value (parameter count), when there is one. */
  readonly whole?: Text;
}

/** Checks each parameter text, then the whole value. */
export function checkParts(entry: CommandEntry, parts: readonly string[]): FieldCheck {
  const errors = entry.params.map((_p, i) => {
    const r = validateParam(entry, i, parts[i] ?? '');
    return r.ok ? undefined : r.error.message;
  });
  if (errors.some((e) => e !== undefined)) return { errors, canonical: undefined };
  const whole: ValidationResult = validateValue(entry, joinParts(parts));
  if (!whole.ok) return { errors, canonical: undefined, whole: whole.error.message };
  return { errors, canonical: whole.value };
}

/** The canonical form of a value, or the value itself when it does not validate (shown as read). */
export function canonicalOf(entry: CommandEntry, value: string): string {
  const r = validateValue(entry, value);
  return r.ok ? r.value : value;
}

/**
 * A value with its secret parameters replaced by dots (empty ones stay empty): the catalogue's passwords,
 * credentials in free text and data the person marked private (protocol/secrets.ts decides).
 */
export function maskSecrets(entry: CommandEntry, value: string): string {
  return redactSecrets(entry.name, value, privateSettings());
}

/** True when `maskSecrets` hides something of `value` (a "Show" button is worth offering). */
export function hasSecret(entry: CommandEntry, value: string | undefined): boolean {
  return value !== undefined && maskSecrets(entry, value) !== value;
}
