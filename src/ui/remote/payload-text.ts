/**
 * Payloads as shown on screen: the password prefix and secret values masked unless the person asked to
 * see them (protocol/secrets.ts decides what is secret), and CR written as `{CR}` as the manual writes it.
 */
import { redactAtLine, redactSecrets, SECRET_MASK } from '../../protocol/secrets';

export function shownPayload(prefix: string, command: string, reveal: boolean, cr = false): string {
  const end = cr ? '{CR}' : '';
  if (reveal) return `${prefix}${command}${end}`;
  return `${SECRET_MASK}${redactAtLine(command)}${end}`;
}

/** A setting's value in a table (answers read, read-back): masked when secret unless shown; empty when absent. */
export function shownValue(name: string, value: string | undefined, reveal: boolean): string {
  if (value === undefined) return '';
  return reveal ? value : redactSecrets(name, value);
}
