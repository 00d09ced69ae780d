/**
 * Runs a scenario's check (scenario.ts, the check language) on a trace (trace.ts). Pure. The result keeps
 * the tree's shape so the learner sees, part by part, what already holds.
 */
import { findCommand } from '../../protocol/catalogue';
import { splitParams } from '../../protocol/validate';
import type { Check } from './scenario';
import type { ScenarioTrace } from './trace';

export interface CheckResult {
  readonly check: Check;
  readonly passed: boolean;
  /** The results of `all` / `any` / `not` parts. */
  readonly parts: readonly CheckResult[];
}

/** The value a setting check compares: the whole value, or one parameter of it. */
function settingValue(trace: ScenarioTrace, c: Extract<Check, { kind: 'setting' }>): string | undefined {
  const snap = trace.snapshot;
  if (!snap) return undefined;
  const values = (c.source ?? 'running') === 'stored' ? snap.stored : snap.running;
  const value = values[c.name];
  if (value === undefined || c.param === undefined) return value;
  const index = findCommand(c.name)?.params.findIndex((p) => p.name === c.param) ?? -1;
  return index < 0 ? undefined : splitParams(value)[index];
}

/** Compares as the catalogue's canonical forms do: enum words in upper case, the rest as written. */
const same = (a: string, b: string): boolean => a.toUpperCase() === b.toUpperCase();

function settingHolds(trace: ScenarioTrace, c: Extract<Check, { kind: 'setting' }>): boolean {
  const value = settingValue(trace, c);
  if (value === undefined) return false;
  if (c.equals !== undefined && !same(value, c.equals)) return false;
  if (c.notEquals !== undefined && same(value, c.notEquals)) return false;
  if (c.min !== undefined || c.max !== undefined) {
    const n = Number(value);
    if (!Number.isFinite(n)) return false;
    if (c.min !== undefined && n < c.min) return false;
    if (c.max !== undefined && n > c.max) return false;
  }
  return true;
}

/** A count between `min` and `max`; without `min`: at least one, or any number up to `max` when it is given. */
function inRange(n: number, min: number | undefined, max: number | undefined): boolean {
  return n >= (min ?? (max === undefined ? 1 : 0)) && n <= (max ?? Infinity);
}

function leaf(trace: ScenarioTrace, c: Check): boolean {
  switch (c.kind) {
    case 'all':
    case 'any':
    case 'not':
      return false;
    case 'setting':
      return settingHolds(trace, c);
    case 'mode':
      return trace.currentMode() === c.is;
    case 'mode-reached':
      return trace.modesReached.has(c.mode);
    case 'link': {
      const link = trace.link(c.socket);
      return (
        link !== undefined && link.state === c.state && trace.now - link.since >= (c.forSeconds ?? 0) * 1000
      );
    }
    case 'packets': {
      const list = c.direction === 'to-server' ? trace.toServer[c.socket] : trace.fromServer[c.socket];
      const n = list.filter(
        (p) =>
          (c.tag === undefined || p.tag === c.tag) &&
          (c.contains === undefined || p.text.includes(c.contains)),
      ).length;
      return inRange(n, c.min, c.max);
    }
    case 'link-events': {
      const n = trace
        .linkHistory(c.socket)
        .filter(
          (l) =>
            (c.state === undefined || l.state === c.state) &&
            (c.reason === undefined || l.reason === c.reason),
        ).length;
      return inRange(n, c.min, c.max);
    }
    case 'serial-out':
      return trace.serial.some(
        (run) => (c.inMode === undefined || run.mode === c.inMode) && run.text.includes(c.contains),
      );
    case 'radio': {
      const radio = trace.radioNow();
      if (!radio) return false;
      if (c.attached !== undefined && radio.attached !== c.attached) return false;
      if (c.network !== undefined && radio.network !== c.network) return false;
      return true;
    }
  }
}

/** The check's result on the trace, part by part. */
export function evaluateCheck(check: Check, trace: ScenarioTrace): CheckResult {
  switch (check.kind) {
    case 'all': {
      const parts = check.of.map((c) => evaluateCheck(c, trace));
      return { check, passed: parts.every((p) => p.passed), parts };
    }
    case 'any': {
      const parts = check.of.map((c) => evaluateCheck(c, trace));
      return { check, passed: parts.some((p) => p.passed), parts };
    }
    case 'not': {
      const inner = evaluateCheck(check.check, trace);
      return { check, passed: !inner.passed, parts: [inner] };
    }
    default:
      return { check, passed: leaf(trace, check), parts: [] };
  }
}
