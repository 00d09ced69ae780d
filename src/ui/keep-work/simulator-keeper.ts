/**
 * The simulated module survives a reload and a browser restart: its saved state (stored settings, user
 * defaults, identity, firmware variant, the servers' behaviours and the radio — simulator/host/
 * saved-state.ts) is kept in the workspace store (key `simulator`) whenever the worker reports a change, and
 * the worker starts from it. "Reset the demo" brings the module back to the demo's start, which the worker
 * reports as `null`: the record is deleted.
 *
 * Settings holding a secret (docs/security.md: a password, a credential in text, data marked private) are
 * not written — the simulator may have been given a real profile's passwords — so after a reload they are
 * at their factory value; the record names them (`withheld`).
 */
import { factoryDefaults } from '../../protocol/catalogue';
import { withholdsSecret } from '../../profile/secrets';
import {
  checkSavedState,
  type ModuleSavedState,
  type StatefulSimulator,
} from '../../simulator/host/saved-state';
import { getWorkerSimulator, type WorkerSimulator } from '../../simulator/host/worker-client';
import { deleteWorkspace, getWorkspace, putWorkspace, type SimulatorRecord } from '../../storage';
import { loadPrivateMarks } from '../secrets/private-marks';

/** How long the simulator waits for storage before it starts as new (storage may hang behind another tab). */
const LOAD_MS = 1500;

function withoutSecrets(
  values: Readonly<Record<string, string>>,
  withheld: Set<string>,
): Record<string, string> {
  const factory = factoryDefaults();
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (withholdsSecret(name, value)) {
      if (value !== factory[name]) withheld.add(name);
      continue;
    }
    out[name] = value;
  }
  return out;
}

/** The record written for `state`: settings with a secret left out (they come back at factory value). */
export function simulatorRecord(state: ModuleSavedState, savedAt: number): SimulatorRecord {
  const withheld = new Set<string>();
  const stored = withoutSecrets(state.stored, withheld);
  const user = withoutSecrets(state.user, withheld);
  return {
    savedAt,
    state: {
      stored,
      user,
      identity: { ...state.identity },
      firmware: [...state.firmware],
      behaviours: { ...state.behaviours },
      radio: { ...state.radio },
      // The trainer's faults (slow servers, line noise, wrong baud): a prepared exercise survives F5.
      ...(state.faults
        ? {
            faults: {
              serverDelayMs: { ...state.faults.serverDelayMs },
              lineNoise: state.faults.lineNoise,
              wrongBaud: state.faults.wrongBaud,
            },
          }
        : {}),
      // A scenario's world: names that do not resolve, servers that close idle connections.
      ...(state.unknownHosts ? { unknownHosts: [...state.unknownHosts] } : {}),
      ...(state.serverIdleCloseSeconds
        ? { serverIdleCloseSeconds: { ...state.serverIdleCloseSeconds } }
        : {}),
    },
    withheld: [...withheld],
  };
}

/** The state to start the simulator from: the saved one (checked), or null (the demo's start). */
export async function loadSimulatorState(): Promise<ModuleSavedState | null> {
  const reading = getWorkspace('simulator').then((record) =>
    record ? (checkSavedState(record.state) ?? null) : null,
  );
  const late = new Promise<null>((resolve) => setTimeout(() => resolve(null), LOAD_MS));
  try {
    return await Promise.race([reading, late]);
  } catch {
    return null;
  }
}

/** Writes each state the simulator reports (deletes the record for `null`), one write at a time. */
export function keepSimulatorState(sim: StatefulSimulator, now: () => number = () => Date.now()): () => void {
  let writing: Promise<unknown> = loadPrivateMarks().catch(() => undefined);
  return sim.onSavedState((state) => {
    writing = writing
      .then(() =>
        state === null
          ? deleteWorkspace('simulator')
          : putWorkspace('simulator', simulatorRecord(state, now())),
      )
      .catch(() => undefined);
  });
}

let kept: Promise<WorkerSimulator> | undefined;

/** The app's simulator worker, started from the saved state and keeping it (services/real-backend.ts). */
export function persistentSimulator(): Promise<WorkerSimulator> {
  kept ??= getWorkerSimulator(loadSimulatorState).then((sim) => {
    keepSimulatorState(sim);
    return sim;
  });
  return kept;
}
