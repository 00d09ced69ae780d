/**
 * The batch station (docs/batch.md): waits for a module, identifies it, applies the profile with its row,
 * verifies, records the result and waits for the next one. Pure: the module is reached through
 * `StationDevice` (the UI's session service, or the session itself in Node), time through `now`.
 *
 * States: idle → waiting → identifying → applying → verifying → (recorded) → waiting; `paused` between
 * modules (a pause asked for during a module takes effect once it is recorded: nothing is left half-done).
 *
 * Rules that keep a row from being applied twice or to the wrong module:
 * - a row belongs to the first module it was applied to (by IMEI); it is never applied to another module;
 * - a module that passed is never applied again ("already provisioned at …" is recorded instead);
 * - a module whose apply failed gets its own row again when it comes back (the retry the person wants);
 * - keyed by IMEI: a module not in the table, or whose row is invalid, is recorded and nothing is applied;
 * - in order: a new module takes the next valid row nobody has; when none is left, nothing is applied.
 */
import type { Text } from '../../protocol/types';
import { maskedValues } from './results';
import type { BatchTable, TableRow } from './table';

export interface ModuleIds {
  readonly imei?: string | undefined;
  readonly iccid?: string | undefined;
  readonly sn?: string | undefined;
  readonly version?: string | undefined;
}

export type StationStep = 'applying' | 'verifying';

export interface StationApply {
  readonly ok: boolean;
  /** Why it failed, as the person reads it (the setting and the module's answer). */
  readonly reason?: Text;
}

/** How the station reaches the module on the cable. */
export interface StationDevice {
  identify(signal: AbortSignal): Promise<ModuleIds>;
  /** Writes `target` (only what differs), restarts, reads back; `onStep('verifying')` once writing is done. */
  apply(
    target: Readonly<Record<string, string>>,
    onStep: (step: StationStep) => void,
    signal: AbortSignal,
  ): Promise<StationApply>;
  /** What a thrown error means, for the record. */
  describe(error: unknown): Text;
  /**
   * After an apply: gets the line ready for the next module, which arrives with the settings the run
   * started with (an apply that changed UART left the line at the new rate). Sends nothing.
   */
  readyForNext?(): Promise<void>;
}

export type StationState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'waiting' }
  | { readonly kind: 'identifying' }
  | {
      readonly kind: StationStep;
      readonly imei: string;
      readonly row: number;
    }
  | { readonly kind: 'paused' };

export type RecordReason =
  | 'not-in-table'
  | 'already-provisioned'
  | 'row-invalid'
  | 'no-rows-left'
  | 'no-imei'
  | 'identify-failed'
  | 'apply-failed';

export interface StationRecord {
  /** 1, 2, … in the order recorded. */
  readonly seq: number;
  /** Wall ms when the module was seen and when its result was recorded. */
  readonly startedAt: number;
  readonly at: number;
  readonly imei?: string | undefined;
  readonly iccid?: string | undefined;
  readonly sn?: string | undefined;
  readonly version?: string | undefined;
  /** The table row (1-based data row) and its file line, when one was chosen. */
  readonly row?: number;
  readonly line?: number;
  /** The row's values (setting → canonical value), applied or meant to be. */
  readonly values: Readonly<Record<string, string>>;
  readonly outcome: 'pass' | 'fail' | 'skipped';
  readonly reason?: RecordReason;
  readonly message?: Text;
}

export interface StationOptions {
  readonly table: BatchTable;
  /** The profile's values (setting → canonical value). */
  readonly profile: Readonly<Record<string, string>>;
  readonly device: StationDevice;
  /** Wall ms (records are read by people). */
  readonly now: () => number;
  /** Called with each record before the station waits for the next module (the UI stores it). */
  readonly onRecord?: (record: StationRecord) => void | Promise<void>;
  /**
   * The records of an earlier run with the same table (kept in IndexedDB, read back after a reload): the run
   * continues, and a row one of them applied stays with its module (see `continueFrom`).
   */
  readonly previous?: readonly StationRecord[];
}

const t = (en: string, zh: string): Text => ({ en, zh });

export class BatchStation {
  private current: StationState = { kind: 'idle' };
  private readonly listeners = new Set<(s: StationState) => void>();
  private readonly log: StationRecord[] = [];
  /** Row index → IMEI of the module it was applied to (pass or fail). */
  private readonly owner = new Map<number, string>();
  /** IMEI → the record of its pass. */
  private readonly passed = new Map<string, StationRecord>();
  private pauseAsked = false;
  private abort = new AbortController();

  constructor(private readonly options: StationOptions) {
    if (options.previous) this.continueFrom(options.previous);
  }

  get state(): StationState {
    return this.current;
  }

  get records(): readonly StationRecord[] {
    return this.log;
  }

  /** Valid rows not yet provisioned. */
  get remaining(): number {
    return this.options.table.rows.filter(
      (r, i) => r.problems.length === 0 && !this.passed.has(this.owner.get(i) ?? ''),
    ).length;
  }

  subscribe(listener: (s: StationState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts with the module on the cable now; resolves when it is recorded. */
  async start(): Promise<void> {
    if (this.current.kind !== 'idle') return;
    if (this.options.table.fileProblems.length > 0) throw new Error('the table was refused');
    this.set({ kind: 'waiting' });
    await this.moduleArrived();
  }

  /**
   * A module is on the cable (its start message came, or the person says so): it is provisioned when the
   * station waits; ignored while paused or busy with another. Resolves when it is recorded.
   */
  async moduleArrived(): Promise<StationRecord | undefined> {
    if (this.current.kind !== 'waiting') return undefined;
    const startedAt = this.options.now();
    this.set({ kind: 'identifying' });
    const signal = this.abort.signal;
    let ids: ModuleIds;
    try {
      ids = await this.options.device.identify(signal);
    } catch (e) {
      return this.record({
        startedAt,
        values: {},
        outcome: 'fail',
        reason: 'identify-failed',
        message: this.options.device.describe(e),
      });
    }
    const base = { startedAt, ...ids };
    const imei = ids.imei;
    if (!imei)
      return this.record({
        ...base,
        values: {},
        outcome: 'fail',
        reason: 'no-imei',
        message: t('The module did not tell its IMEI: nothing applied', '模块未返回 IMEI：未写入任何设置'),
      });
    const done = this.passed.get(imei);
    if (done) {
      const when = new Date(done.at).toISOString();
      return this.record({
        ...base,
        ...rowOf(done),
        values: done.values,
        outcome: 'skipped',
        reason: 'already-provisioned',
        message: t(
          `IMEI ${imei} was already provisioned at ${when} (row ${done.row ?? '?'}): not applied again`,
          `IMEI ${imei} 已于 ${when} 配置（第 ${done.row ?? '?'} 行）：不再重复写入`,
        ),
      });
    }
    const chosen = this.rowFor(imei);
    if ('skip' in chosen) return this.record({ ...base, ...chosen.skip });
    const { row, index } = chosen;
    this.owner.set(index, imei);
    const target = { ...this.options.profile, ...row.values };
    this.set({ kind: 'applying', imei, row: row.row });
    let result: StationApply;
    try {
      result = await this.options.device.apply(
        target,
        (step) => this.set({ kind: step, imei, row: row.row }),
        signal,
      );
    } catch (e) {
      result = { ok: false, reason: this.options.device.describe(e) };
    }
    // Whatever the outcome: a failed read-back may come after the rate changed. A failure here (the port
    // lost) shows in the session's state and makes the next module's identify fail with its reason.
    await this.options.device.readyForNext?.().catch(() => undefined);
    return this.record({
      ...base,
      row: row.row,
      line: row.line,
      values: row.values,
      outcome: result.ok ? 'pass' : 'fail',
      ...(result.ok
        ? {}
        : { reason: 'apply-failed' as const, ...(result.reason ? { message: result.reason } : {}) }),
    });
  }

  /** Pause now when waiting, else once the module in hand is recorded. */
  pause(): void {
    if (this.current.kind === 'waiting') this.set({ kind: 'paused' });
    else if (this.current.kind !== 'idle' && this.current.kind !== 'paused') this.pauseAsked = true;
  }

  resume(): void {
    this.pauseAsked = false;
    if (this.current.kind === 'paused') this.set({ kind: 'waiting' });
  }

  /** Stops the module in hand (its operation is cancelled and recorded as failed) and ends the station. */
  dispose(): void {
    this.abort.abort();
    this.abort = new AbortController();
    this.listeners.clear();
  }

  /**
   * Takes over an earlier run: its records stay first (numbering goes on), and each row one of them was
   * applied to stays bound to that module (passed: never applied again) — when the row still holds the same
   * values. Stored values have their secrets masked, so the row's are compared masked the same way
   * (`sameValues`); a row whose values changed since is a new row and is applied.
   */
  private continueFrom(previous: readonly StationRecord[]): void {
    const rows = this.options.table.rows;
    for (const r of [...previous].sort((a, b) => a.seq - b.seq)) {
      this.log.push(r);
      if (!r.imei || r.row === undefined || r.reason === 'already-provisioned') continue;
      const index = r.row - 1;
      const row = rows[index];
      if (!row || row.problems.length > 0 || (row.imei !== undefined && row.imei !== r.imei)) continue;
      if (!sameValues(row.values, r.values)) continue;
      this.owner.set(index, r.imei);
      if (r.outcome === 'pass') this.passed.set(r.imei, r);
    }
  }

  /** The row for a module not provisioned yet, or why there is none. */
  private rowFor(imei: string): { row: TableRow; index: number } | { skip: Omit<Draft, 'startedAt'> } {
    const rows = this.options.table.rows;
    const mine = [...this.owner].find(([, owner]) => owner === imei)?.[0];
    if (mine !== undefined) return { row: rows[mine] as TableRow, index: mine };
    if (this.options.table.keyedBy === 'imei') {
      const index = rows.findIndex((r) => r.imei === imei);
      const row = rows[index];
      if (!row)
        return {
          skip: {
            values: {},
            outcome: 'skipped',
            reason: 'not-in-table',
            message: t(
              `IMEI ${imei} is not in the table: nothing applied`,
              `IMEI ${imei} 不在表格中：未写入任何设置`,
            ),
          },
        };
      if (row.problems.length > 0) {
        const why = row.problems.map((p) => p.message);
        return {
          skip: {
            row: row.row,
            line: row.line,
            values: {},
            outcome: 'skipped',
            reason: 'row-invalid',
            message: t(
              `Row ${row.row} is invalid, nothing applied: ${why.map((w) => w.en).join('; ')}`,
              `第 ${row.row} 行无效，未写入任何设置：${why.map((w) => w.zh).join('；')}`,
            ),
          },
        };
      }
      return { row, index };
    }
    const index = rows.findIndex((r, i) => r.problems.length === 0 && !this.owner.has(i));
    const row = rows[index];
    if (!row)
      return {
        skip: {
          values: {},
          outcome: 'skipped',
          reason: 'no-rows-left',
          message: t(
            'Every row of the table is taken: nothing applied',
            '表格中的每一行都已使用：未写入任何设置',
          ),
        },
      };
    return { row, index };
  }

  private async record(draft: Draft): Promise<StationRecord> {
    const record: StationRecord = { seq: this.log.length + 1, at: this.options.now(), ...draft };
    this.log.push(record);
    if (record.outcome === 'pass' && record.imei) this.passed.set(record.imei, record);
    try {
      await this.options.onRecord?.(record);
    } finally {
      this.set(this.pauseAsked ? { kind: 'paused' } : { kind: 'waiting' });
      this.pauseAsked = false;
    }
    return record;
  }

  private set(state: StationState): void {
    this.current = state;
    for (const l of this.listeners) l(state);
  }
}

type Draft = Omit<StationRecord, 'seq' | 'at'>;

/** The row's values equal a stored record's, both with their secrets masked (as records are stored). */
function sameValues(
  row: Readonly<Record<string, string>>,
  stored: Readonly<Record<string, string>>,
): boolean {
  const a = maskedValues(row);
  const b = maskedValues(stored);
  const names = Object.keys(a);
  return names.length === Object.keys(b).length && names.every((n) => a[n] === b[n]);
}

function rowOf(r: StationRecord): { row?: number; line?: number } {
  return {
    ...(r.row !== undefined ? { row: r.row } : {}),
    ...(r.line !== undefined ? { line: r.line } : {}),
  };
}
