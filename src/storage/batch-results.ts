/**
 * The batch station's results (version 6, docs/batch.md): each module recorded is added as it happens, so
 * a reload or a crash loses none; the view reads the last run back. Values are stored with their secret
 * parts withheld (as the history, docs/security.md). Records are read back as untrusted data: one of the
 * wrong shape is left out and counted.
 */
import { exportedValues } from '../profile/batch/results';
import type { StationRecord } from '../profile/batch/station';
import { read, write } from './connection';
import type { BatchResultRecord } from './schema';

export interface StoredRun {
  readonly runId: string;
  readonly profileName: string;
  readonly tableName: string;
  readonly records: readonly StationRecord[];
  /** Records that were not of the expected shape (left out). */
  readonly unreadable: number;
}

/** Adds one record of run `runId`, secrets withheld. */
export async function addBatchResult(
  run: { readonly runId: string; readonly profileName: string; readonly tableName: string },
  record: StationRecord,
): Promise<void> {
  const stored: BatchResultRecord = { ...run, record: { ...record, values: exportedValues(record).values } };
  await write(['batchResults'], (tx) => tx.objectStore('batchResults').add(stored));
}

function isRecord(x: unknown): x is StationRecord {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  const values = r['values'];
  return (
    typeof r['seq'] === 'number' &&
    typeof r['at'] === 'number' &&
    typeof r['startedAt'] === 'number' &&
    (r['outcome'] === 'pass' || r['outcome'] === 'fail' || r['outcome'] === 'skipped') &&
    typeof values === 'object' &&
    values !== null &&
    Object.values(values).every((v) => typeof v === 'string')
  );
}

/** The records of run `runId`, in the order recorded. */
export async function batchRun(runId: string): Promise<StoredRun | undefined> {
  const rows: unknown[] = await read(['batchResults'], (tx) =>
    tx.objectStore('batchResults').index('by-run').getAll(runId),
  );
  return runOf(runId, rows);
}

/** The run of the most recent record, if any. */
export async function lastBatchRun(): Promise<StoredRun | undefined> {
  const last: unknown = await read(['batchResults'], async (tx) => {
    const cursor = await tx.objectStore('batchResults').openCursor(null, 'prev');
    return cursor?.value;
  });
  const runId = (last as { runId?: unknown } | undefined)?.runId;
  return typeof runId === 'string' ? batchRun(runId) : undefined;
}

function runOf(runId: string, rows: readonly unknown[]): StoredRun | undefined {
  if (rows.length === 0) return undefined;
  const first = rows[0] as Partial<BatchResultRecord>;
  const records: StationRecord[] = [];
  let unreadable = 0;
  for (const row of rows) {
    const record = (row as { record?: unknown } | null)?.record;
    if (isRecord(record)) records.push(record);
    else unreadable++;
  }
  records.sort((a, b) => a.seq - b.seq);
  return {
    runId,
    profileName: typeof first.profileName === 'string' ? first.profileName : '',
    tableName: typeof first.tableName === 'string' ? first.tableName : '',
    records,
    unreadable,
  };
}
