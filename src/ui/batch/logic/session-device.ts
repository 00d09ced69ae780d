/**
 * The batch station's module, reached through the UI's session service (services/session-service.ts):
 * identify, apply (write with read-back, AT+Z, read again), and the arrival of the next module.
 *
 * How the station notices the next module (docs/batch.md, "Waiting for a module"): the station leaves the
 * session in command mode after each module; when the person swaps the module on the adapter, the new one
 * powers up and prints its start message, which the session recognises and reports as `working` with
 * `restarted` (docs/session.md, "The module restarted on its own"). Nothing is sent while waiting — no
 * polling, so not a byte can reach a server. A module whose firmware prints no start message is taken with
 * the view's "Check the module now" button (the session's guarded `+++`, which no server receives).
 */
import type { Text } from '../../../protocol/types';
import { sameLineSettings, type UartSettings } from '../../../protocol/uart';
import type { ModuleIds, StationApply, StationDevice, StationStep } from '../../../profile/batch/station';
import { problemFrom } from '../../logic/problems';
import type { ApplyReport, SessionService, UiSessionState } from '../../services/session-service';

const t = (en: string, zh: string): Text => ({ en, zh });

function isText(x: unknown): x is Text {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as Text).en === 'string' &&
    typeof (x as Text).zh === 'string'
  );
}

/** Why an apply did not go through, from its per-setting results; undefined when it did. */
export function applyFailure(report: ApplyReport): Text | undefined {
  const bad = report.results.find((r) => r.outcome === 'rejected' || r.outcome === 'not-reached');
  if (!bad) return undefined;
  if (bad.outcome === 'rejected')
    return t(
      `${bad.name} was refused: ${bad.error.raw} ${bad.error.meaning.en}`.trim(),
      `${bad.name} 被拒绝：${bad.error.raw} ${bad.error.meaning.zh}`.trim(),
    );
  return t(
    `The apply stopped before ${bad.name}: it and what follows were not written`,
    `写入在 ${bad.name} 前中止：它及其后的设置未写入`,
  );
}

/** The line the session has open now, or undefined when none is. */
export function openLine(state: UiSessionState): UartSettings | undefined {
  return 'line' in state ? state.line : undefined;
}

/**
 * `arrival`: the line modules arrive at (the session's when the run started). A profile or table that
 * changes UART leaves the session at the new rate after each apply; the port is then reopened at
 * `arrival` (nothing sent) so the next module's start message, or the guarded `+++`, is understood.
 */
export function sessionStationDevice(session: SessionService, arrival?: UartSettings): StationDevice {
  return {
    async readyForNext(): Promise<void> {
      const now = openLine(session.state);
      if (!arrival || !now || sameLineSettings(now, arrival)) return;
      await session.listenAt(arrival);
    },
    async identify(signal: AbortSignal): Promise<ModuleIds> {
      const id = await session.identify(signal);
      return {
        imei: id.imei || undefined,
        iccid: id.iccid || undefined,
        sn: id.sn || undefined,
        version: id.version || undefined,
      };
    },
    async apply(target, onStep: (step: StationStep) => void, signal): Promise<StationApply> {
      const report = await session.apply(
        target,
        (p) => {
          if (p.phase === 'restart' || p.phase === 'confirm') onStep('verifying');
        },
        signal,
      );
      const reason = applyFailure(report);
      return reason ? { ok: false, reason } : { ok: true };
    },
    describe(error: unknown): Text {
      const text = (error as { text?: unknown } | null)?.text;
      if (isText(text)) return text;
      const p = problemFrom(error);
      return p.detail ? t(`${p.error.en} ${p.detail}`, `${p.error.zh} ${p.detail}`) : p.error;
    },
  };
}

/** True when `state` says a module has just started on the cable (its start message came). */
export function moduleStarted(previous: UiSessionState, state: UiSessionState): boolean {
  const was = previous.kind === 'working' && previous.restarted === true;
  return state.kind === 'working' && state.restarted === true && !was;
}

/** Calls `onArrival` each time a module starts on the cable; returns the unsubscribe function. */
export function watchArrivals(session: SessionService, onArrival: () => void): () => void {
  let previous = session.state;
  return session.subscribe((state) => {
    const arrived = moduleStarted(previous, state);
    previous = state;
    if (arrived) onArrival();
  });
}
