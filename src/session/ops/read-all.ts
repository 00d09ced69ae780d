/**
 * Reads every setting of the catalogue (or the names given), one query at a time, reporting progress. The
 * result is honest when the line fails half-way: what was read, what answered with an error (a setting
 * this firmware lacks), and what was not reached, with the error that stopped it.
 */
import { SETTING_NAMES } from '../../protocol/catalogue';
import type { SessionError } from '../errors';
import type { OperationHost } from './host';
import { readSettings } from './read-settings';

export interface ReadAllResult {
  /** Canonical values read, by setting name. */
  readonly values: Readonly<Record<string, string>>;
  /** Settings the module answered with an error. */
  readonly rejected: Readonly<Record<string, SessionError>>;
  /** Settings not asked because the operation stopped. */
  readonly notReached: readonly string[];
  /**
   * Values read with a single answer before the line proved unreliable, not confirmed because the read
   * stopped (see ops/read-settings.ts): shown, not to be trusted.
   */
  readonly unconfirmed: readonly string[];
  /** Why it stopped (line failure, timeout, cancel); undefined when every setting was asked. */
  readonly error: SessionError | undefined;
  /** Clock time when the read finished. */
  readonly at: number;
}

export async function readAll(
  host: OperationHost,
  names: readonly string[] = SETTING_NAMES,
  signal?: AbortSignal,
): Promise<ReadAllResult> {
  const total = names.length;
  const r = await readSettings(host, names, signal, (name, i) =>
    host.progress({ done: Math.min(i, total), total, step: `AT+${name}?` }),
  );
  if (!r.error) host.progress({ done: total, total, step: '' });
  return { ...r, at: host.now() };
}
