/**
 * Applying values to the device (architecture.md, "Apply"):
 * read what the device holds (the snapshot, kept for restore) → plan (only changes, safe order) → write
 * one by one, reading each back → restart (AT+Z) only when a written setting needs it → wait for the module
 * to come back → read the written settings again → a result per setting.
 *
 * On any failure it stops and says exactly what was and was not applied. Nothing written takes effect
 * before a restart (module-behaviour.md, "Configuration lifetime"), so after a failed write phase the
 * module still runs its old settings; `restore` = apply(snapshot) writes the old values back.
 */
import { findCommand } from '../../protocol/catalogue';
import { invalidValuesError, toSessionError, verifyMismatchError, type SessionError } from '../errors';
import { planApply, type ApplyPlan, type PlannedWrite } from '../../protocol/apply-plan';
import type { OperationHost } from './host';
import { readSettings } from './read-settings';

export type SettingStatus =
  /** Written, read back equal, and (after a restart) read again equal. */
  | 'applied'
  /** The device held the value already; nothing sent. */
  | 'unchanged'
  /** The module answered the set with an error (ERRn…); see `error`. */
  | 'rejected'
  /** Never sent: the apply stopped before it. */
  | 'not-reached'
  /** Written, but the device reads back something else (`readBack`). */
  | 'verify-mismatch'
  /** Sent, but the line failed before the answer or the read-back: it may or may not be stored. */
  | 'unconfirmed'
  /** The wanted value is not valid; nothing was sent for any setting. */
  | 'invalid';

export interface SettingOutcome {
  readonly name: string;
  readonly status: SettingStatus;
  /** The device's value before the apply, when it could be read. */
  readonly from: string | undefined;
  /** The wanted value (canonical when valid). */
  readonly to: string;
  /** The last value read from the device for this setting. */
  readonly readBack?: string;
  readonly error?: SessionError;
}

export type ApplyStage = 'read' | 'write' | 'restart' | 'confirm';

export interface ApplyResult {
  readonly ok: boolean;
  readonly plan: ApplyPlan | undefined;
  /** One per wanted setting: writes in the order planned, then unchanged, invalid and unknown ones. */
  readonly outcomes: readonly SettingOutcome[];
  /** The device's values before the first write (the wanted names plus UART, UARTFT, CMDPW). */
  readonly snapshot: Readonly<Record<string, string>>;
  readonly restarted: boolean;
  /** When the module was back after the restart (session clock ms): links are timed from here. */
  readonly backAt?: number;
  /** Where it stopped, with why; undefined when everything went through. */
  readonly stage: ApplyStage | undefined;
  readonly error: SessionError | undefined;
}

/** Read before any write: how the module is reached after the restart depends on them. */
const ACCESS_SETTINGS = ['UART', 'UARTFT', 'CMDPW'];

export async function apply(
  host: OperationHost,
  target: Readonly<Record<string, string>>,
  signal?: AbortSignal,
): Promise<ApplyResult> {
  const wanted = Object.keys(target)
    .map((n) => findCommand(n))
    .filter((e) => e?.kind === 'setting')
    .map((e) => e?.name ?? '');
  const toRead = [...new Set([...wanted, ...ACCESS_SETTINGS])];
  const total = toRead.length + 2 * wanted.length;
  let done = 0;
  const step = (label: string): void => host.progress({ done: done++, total, step: label });

  // Read: the snapshot. A setting this firmware answers with an error is simply written.
  const read = await readSettings(host, toRead, signal, (name, i) =>
    host.progress({ done: Math.min(i, toRead.length), total, step: `AT+${name}?` }),
  );
  done = toRead.length;
  const snapshot = read.values;
  if (read.error) return stopped('read', read.error, undefined, target, snapshot, []);

  const plan = planApply(snapshot, target);
  if (plan.invalid.length > 0 || plan.unknown.length > 0) {
    const names = [...plan.invalid.map((i) => i.name), ...plan.unknown];
    return stopped('write', invalidValuesError(names), plan, target, snapshot, []);
  }

  // Write, reading each back.
  const outcomes: SettingOutcome[] = [];
  for (const w of plan.writes) {
    step(`AT+${w.name}=…`);
    const outcome = await writeOne(host, w, signal);
    outcomes.push(outcome);
    if (outcome.status !== 'applied')
      return stopped('write', outcome.error, plan, target, snapshot, outcomes);
  }

  // Restart when a written setting takes effect only then, and read the written settings again.
  let restarted = false;
  let backAt: number | undefined;
  if (plan.needsRestart) {
    step('AT+Z');
    const after = { ...snapshot };
    for (const w of plan.writes) after[w.name] = w.to;
    try {
      await host.restart('Z', pick(after, ACCESS_SETTINGS), signal);
      restarted = true;
      backAt = host.now();
    } catch (e) {
      return stopped('restart', toSessionError(e), plan, target, snapshot, outcomes, false);
    }
    for (const [i, w] of plan.writes.entries()) {
      step(`AT+${w.name}?`);
      try {
        const value = await readBack(host, w, 3, signal);
        if (value !== w.to) {
          const error = verifyMismatchError(w.name, w.to, value);
          outcomes[i] = { ...outcomesAt(outcomes, i), status: 'verify-mismatch', readBack: value, error };
          return stopped('confirm', error, plan, target, snapshot, outcomes, true);
        }
      } catch (e) {
        return stopped('confirm', toSessionError(e), plan, target, snapshot, outcomes, true);
      }
    }
  }
  host.progress({ done: total, total, step: '' });
  return {
    ok: true,
    plan,
    outcomes: complete(outcomes, plan, target, snapshot),
    snapshot,
    restarted,
    ...(backAt !== undefined ? { backAt } : {}),
    stage: undefined,
    error: undefined,
  };
}

/** Set, read back; once more when the read-back differs (a byte lost on the way in can change a value). */
async function writeOne(host: OperationHost, w: PlannedWrite, signal?: AbortSignal): Promise<SettingOutcome> {
  const base = { name: w.name, from: w.from, to: w.to };
  let value: string | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await host.set(w.name, w.to, signal);
    } catch (e) {
      const error = toSessionError(e);
      if (error.code === 'at-error') return { ...base, status: 'rejected', error };
      // No answer: it may have been stored or not; only a later read can tell.
      return { ...base, status: error.code === 'aborted' ? 'not-reached' : 'unconfirmed', error };
    }
    try {
      value = await readBack(host, w, host.lineSuspect() ? 3 : 1, signal);
    } catch (e) {
      return { ...base, status: 'unconfirmed', error: toSessionError(e) };
    }
    if (value === w.to) return { ...base, status: 'applied', readBack: value };
  }
  const last = value ?? '';
  return {
    ...base,
    status: 'verify-mismatch',
    readBack: last,
    error: verifyMismatchError(w.name, w.to, last),
  };
}

/**
 * Reads a written setting back, up to `reads` times until it shows the wanted value: on a lossy line a
 * lost byte easily makes a good value read wrong (`700` for `7000`); a wrong value reading exactly right
 * would need the one byte lost that turns it into the wanted one.
 */
async function readBack(
  host: OperationHost,
  w: PlannedWrite,
  reads: number,
  signal?: AbortSignal,
): Promise<string> {
  let value = '';
  for (let i = 0; i < reads; i++) {
    value = await host.query(w.name, signal);
    if (value === w.to) break;
  }
  return value;
}

function outcomesAt(outcomes: readonly SettingOutcome[], i: number): SettingOutcome {
  const o = outcomes[i];
  if (!o) throw new Error(`no outcome ${i}`);
  return o;
}

function pick(values: Readonly<Record<string, string>>, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) if (values[n] !== undefined) out[n] = values[n];
  return out;
}

/**
 * Outcomes for every wanted setting: those given, then not-reached writes, unchanged ones, and invalid ones
 * (bad values, names that are no setting).
 */
function complete(
  given: readonly SettingOutcome[],
  plan: ApplyPlan | undefined,
  target: Readonly<Record<string, string>>,
  snapshot: Readonly<Record<string, string>> = {},
): SettingOutcome[] {
  const out = [...given];
  const seen = new Set(given.map((o) => o.name));
  const add = (o: SettingOutcome): void => {
    if (seen.has(o.name)) return;
    seen.add(o.name);
    out.push(o);
  };
  for (const w of plan?.writes ?? []) add({ name: w.name, status: 'not-reached', from: w.from, to: w.to });
  for (const name of plan?.unchanged ?? []) {
    const value = snapshot[name] ?? target[name] ?? '';
    add({ name, status: 'unchanged', from: value, to: value });
  }
  for (const i of plan?.invalid ?? [])
    add({ name: i.name, status: 'invalid', from: snapshot[i.name], to: i.to });
  for (const name of plan?.unknown ?? [])
    add({ name, status: 'invalid', from: undefined, to: target[name] ?? '' });
  for (const [raw, to] of Object.entries(target)) {
    const name = findCommand(raw)?.name ?? raw;
    add({ name, status: 'not-reached', from: snapshot[name], to });
  }
  return out;
}

function stopped(
  stage: ApplyStage,
  error: SessionError | undefined,
  plan: ApplyPlan | undefined,
  target: Readonly<Record<string, string>>,
  snapshot: Readonly<Record<string, string>>,
  outcomes: readonly SettingOutcome[],
  restarted = false,
): ApplyResult {
  return {
    ok: false,
    plan,
    outcomes: complete(outcomes, plan, target, snapshot),
    snapshot,
    restarted,
    stage,
    error,
  };
}
