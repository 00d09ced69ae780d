/**
 * The session's apply report as the history record the store keeps (`recordApply`): one result per
 * setting with the value written, the device's value before (from the snapshot) and the module's error
 * answer for a rejected one.
 */
import type { ApplyReport, SettingOutcome } from '../services/session-service';
import type { SettingResult } from '../../storage/schema';

export function toSettingResults(report: ApplyReport): SettingResult[] {
  return report.results.map((r) => {
    const previous = report.snapshot[r.name];
    return {
      setting: r.name,
      outcome: r.outcome,
      value: r.value,
      ...(previous === undefined ? {} : { previous }),
      ...(r.outcome === 'rejected' ? { error: r.error.raw } : {}),
    };
  });
}

/** Outcomes that leave the device different from what the profile asked for. */
export function isFailure(r: SettingOutcome): boolean {
  return r.outcome === 'rejected' || r.outcome === 'not-reached';
}

/** The values to write to put back what the device had before the apply. */
export function restoreValues(report: ApplyReport): Record<string, string> {
  return Object.fromEntries(
    report.results
      .filter((r) => report.snapshot[r.name] !== undefined)
      .map((r) => [r.name, report.snapshot[r.name] ?? '']),
  );
}
