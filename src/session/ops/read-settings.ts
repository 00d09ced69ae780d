/**
 * Reading a list of settings (or information queries), shared by read-all, apply's snapshot and identify. Settings the module answers with an
 * error are set apart; a line failure stops the read. When the line turned out unreliable half-way (the
 * channel became `suspect`), values read before that moment are read again, now confirmed by two agreeing
 * answers — a byte lost inside a value leaves no other trace.
 */
import { toSessionError, type SessionError } from '../errors';
import type { OperationHost } from './host';

export interface SettingsRead {
  readonly values: Record<string, string>;
  readonly rejected: Record<string, SessionError>;
  /** Names not read because the line failed; empty when all were asked. */
  readonly notReached: string[];
  /**
   * Values read with one answer on a line that then proved unreliable, and not checked again because the
   * read stopped: shown, but not to be trusted. Empty when the read completed.
   */
  readonly unconfirmed: string[];
  readonly error: SessionError | undefined;
}

export async function readSettings(
  host: OperationHost,
  names: readonly string[],
  signal: AbortSignal | undefined,
  progress: (name: string, index: number) => void,
): Promise<SettingsRead> {
  const values: Record<string, string> = {};
  const rejected: Record<string, SessionError> = {};
  const unconfirmed: string[] = [];
  const read = async (name: string): Promise<void> => {
    try {
      values[name] = await host.query(name, signal);
    } catch (e) {
      const error = toSessionError(e);
      if (error.code !== 'at-error') throw error;
      rejected[name] = error;
    }
  };
  for (const [i, name] of names.entries()) {
    progress(name, i);
    try {
      await read(name);
    } catch (e) {
      const doubtful = host.lineSuspect() ? unconfirmed : [];
      return {
        values,
        rejected,
        notReached: names.slice(i),
        unconfirmed: doubtful,
        error: toSessionError(e),
      };
    }
    // Read on a line that still looked fine: one answer only (the query confirms once it is suspect).
    if (!host.lineSuspect() && name in values) unconfirmed.push(name);
  }
  if (host.lineSuspect()) {
    for (const [i, name] of unconfirmed.entries()) {
      progress(name, i);
      try {
        await read(name);
      } catch (e) {
        return {
          values,
          rejected,
          notReached: [],
          unconfirmed: unconfirmed.slice(i),
          error: toSessionError(e),
        };
      }
    }
  }
  return { values, rejected, notReached: [], unconfirmed: [], error: undefined };
}
