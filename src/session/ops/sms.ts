/**
 * Sending an SMS through the module (AT+SMSEND, manual 3.1.7.66). The text is escaped with the `[XX]` rule
 * of 3.1.6.4 (`,` `=` `?` CR LF) and goes out as UTF-8, as the module expects (module-behaviour.md). The
 * command is sent once: repeating it after a lost answer could send the message twice.
 */
import { findCommand } from '../../protocol/catalogue';
import { escapeText } from '../../protocol/escape';
import type { ValidationResult } from '../../protocol/types';
import { validateValue } from '../../protocol/validate';
import { invalidValuesError } from '../errors';
import type { OperationHost } from './host';

/** The parameter text of AT+SMSEND for a number and plain text, validated. */
export function smsValue(number: string, text: string): ValidationResult {
  const entry = findCommand('SMSEND');
  if (!entry) throw new Error('SMSEND missing from the catalogue');
  return validateValue(entry, `${number.trim()},${escapeText(text)}`);
}

export async function sendSms(
  host: OperationHost,
  number: string,
  text: string,
  signal?: AbortSignal,
): Promise<void> {
  const value = smsValue(number, text);
  if (!value.ok) throw invalidValuesError(['SMSEND'], value.error.message);
  host.progress({ done: 0, total: 1, step: 'AT+SMSEND' });
  await host.set('SMSEND', value.value, signal, true);
  host.progress({ done: 1, total: 1, step: '' });
}
