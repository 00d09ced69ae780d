/**
 * The batch station's run in progress, kept apart from the view element: the person may look at another
 * view between modules (the Dashboard, the Simulator) and the station keeps taking modules; back on the
 * Batch view, the element attaches to the same run. One run per page.
 */
import { BatchStation, type StationRecord } from '../../profile/batch/station';
import type { BatchTable } from '../../profile/batch/table';
import { addBatchResult } from '../../storage/batch-results';
import type { SessionService } from '../services/session-service';
import { openLine, sessionStationDevice, watchArrivals } from './logic/session-device';

export interface ActiveRun {
  readonly station: BatchStation;
  readonly runId: string;
  readonly profileId: string;
  readonly profileName: string;
  readonly table: BatchTable;
  readonly tableName: string;
  /** Why the last record could not be stored, when it could not. */
  readonly storeError: string | undefined;
  /** Called after each record and each state change; returns the unsubscribe function. */
  onChange(listener: () => void): () => void;
}

let active: (ActiveRun & { end(): void }) | undefined;

export function activeRun(): ActiveRun | undefined {
  return active;
}

export interface RunRequest {
  readonly session: SessionService;
  readonly profileId: string;
  readonly profileName: string;
  readonly values: Readonly<Record<string, string>>;
  readonly table: BatchTable;
  readonly tableName: string;
  /** A stored run of the same profile and table to continue (its id and records). */
  readonly continues?: { readonly runId: string; readonly records: readonly StationRecord[] };
}

/** Starts a run (ending the previous one) and takes the module on the cable now. */
export function startRun(request: RunRequest): ActiveRun {
  endRun();
  const listeners = new Set<() => void>();
  const notify = (): void => listeners.forEach((l) => l());
  const runId = request.continues?.runId ?? crypto.randomUUID();
  const stored = { runId, profileName: request.profileName, tableName: request.tableName };
  let storeError: string | undefined;
  const station = new BatchStation({
    table: request.table,
    profile: request.values,
    device: sessionStationDevice(request.session, openLine(request.session.state)),
    now: () => Date.now(),
    ...(request.continues ? { previous: request.continues.records } : {}),
    onRecord: async (record) => {
      try {
        await addBatchResult(stored, record);
        storeError = undefined;
      } catch (e) {
        storeError = e instanceof Error ? e.message : String(e);
      }
    },
  });
  station.subscribe(notify);
  const stopWatching = watchArrivals(request.session, () => void station.moduleArrived());
  const run = {
    station,
    runId,
    profileId: request.profileId,
    profileName: request.profileName,
    table: request.table,
    tableName: request.tableName,
    get storeError() {
      return storeError;
    },
    onChange(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    end() {
      stopWatching();
      station.dispose();
      listeners.clear();
    },
  };
  active = run;
  void station.start();
  return run;
}

/** Ends the run in progress, if any (between modules: the view offers it only then). */
export function endRun(): void {
  active?.end();
  active = undefined;
}
