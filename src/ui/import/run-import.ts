/**
 * One import from start to end, without the DOM (the component and the benchmark both run it): the file's
 * bytes through the pipeline (src/profile/import/; in the app it runs in a worker, import-client.ts), then
 * every good profile saved in ONE transaction (storage/profiles-bulk.ts) — one commit and one `changed`
 * event, so the list is read and drawn again once, however many profiles the file held. Never throws: a
 * storage failure is its `StorageError` text (nothing of the file is saved then), anything else an
 * unexpected problem with a copyable detail.
 */
import {
  MAX_FILE_BYTES,
  describeThrown,
  fileTooLarge,
  importBytes,
  type ImportResult,
  type ReadContext,
} from '../../profile/import';
import type { Profile } from '../../profile/profile';
import type { Text } from '../../protocol/types';
import { StorageError } from '../../storage/errors';
import { I } from './strings';

/** A file as the browser gives it: its name and size at once, its bytes on request. */
export interface ImportSource {
  readonly name: string;
  readonly size: number;
  bytes(): Promise<Uint8Array>;
}

export interface ImportDeps {
  /**
   * Runs the pipeline on the bytes (which it may take over: they are not used after). The view passes the
   * import worker (import-client.ts) so the page stays responsive; the default reads on this thread (Node
   * tests, the benchmark). A rejection is shown as an unexpected problem with its detail.
   */
  readonly read?: (bytes: Uint8Array, context: ReadContext) => Promise<ImportResult>;
  /** Creation time for profiles that carry none (scripts without a header). */
  readonly now: () => number;
  /** Saves all the profiles in one transaction (all or nothing). */
  readonly save: (profiles: readonly Profile[]) => Promise<unknown>;
  /** Runs after a successful save (asks the browser for persistent storage once). Failures are ignored. */
  readonly afterSave?: () => Promise<unknown>;
}

export interface ImportOutcome {
  readonly fileName: string;
  readonly result: ImportResult;
  /** The profiles saved, in file order. */
  readonly saved: readonly Profile[];
  /** Why nothing was saved although profiles were read (a storage error's text). */
  readonly saveError?: Text;
  /** The file could not be opened (moved, deleted, no permission). */
  readonly openError?: Text;
  /** An unexpected fault outside the pipeline, for the copyable detail. */
  readonly unexpected?: string;
}

const EMPTY: ImportResult = { kind: 'unknown', profiles: [], leftOut: [], moreLeftOut: 0, refused: true };

export async function runImport(source: ImportSource, deps: ImportDeps): Promise<ImportOutcome> {
  const fileName = source.name;
  let result: ImportResult;
  // Refused before a byte is read: the message names the limit.
  if (source.size > MAX_FILE_BYTES) return { fileName, result: fileTooLarge(source.size), saved: [] };
  let bytes: Uint8Array;
  try {
    bytes = await source.bytes();
  } catch {
    return { fileName, result: EMPTY, saved: [], openError: I.openFailed };
  }
  try {
    const context = { fileName, now: deps.now() };
    result = deps.read ? await deps.read(bytes, context) : importBytes(bytes, context);
  } catch (e) {
    return { fileName, result: EMPTY, saved: [], unexpected: describeThrown(e) };
  }
  const profiles = result.profiles.map((p) => p.profile);
  if (profiles.length === 0) return { fileName, result, saved: [] };
  try {
    await deps.save(profiles);
  } catch (e) {
    if (e instanceof StorageError) return { fileName, result, saved: [], saveError: e.text };
    return { fileName, result, saved: [], unexpected: describeThrown(e) };
  }
  await deps.afterSave?.().catch(() => undefined);
  return { fileName, result, saved: profiles };
}
