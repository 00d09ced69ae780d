/**
 * After a page reload: the exercise that was running goes on (run-keeper.ts kept it). Loaded by the shell
 * at start only when a run is kept, so the learner's events are recorded whichever view the reload shows.
 * The simulator is not reset (the worker started from its saved state); the hints shown stay (progress).
 */
import type { SimulatorService } from '../services/simulator-service';
import { getProgress, listImportedScenarios, putProgress } from '../../storage';
import { BUILT_IN_SCENARIOS } from './builtin';
import { solved } from './progress';
import { activeRun, ScenarioRun, setActiveRun } from './run';
import { loadKeptRun, runKeeper } from './run-keeper';
import type { Scenario } from './scenario';
import { validateScenario } from './validate-scenario';

/** Sent on `window` when a kept run was resumed (the classroom view shows it). */
export const RUN_RESUMED = 'dtu-classroom-run-resumed';
/** Sent on `window` when progress was written outside the view (a resumed run solved). */
export const PROGRESS_CHANGED = 'dtu-classroom-progress';

async function findScenario(id: string): Promise<Scenario | undefined> {
  // An import with the same id replaces the built-in one (classroom-view.ts).
  const files = await listImportedScenarios().catch(() => []);
  for (const f of files) {
    const checked = validateScenario(f.scenario);
    if (checked.ok && checked.scenario.id === id) return checked.scenario;
  }
  return BUILT_IN_SCENARIOS.find((s) => s.id === id);
}

async function recordSolved(id: string, at: number): Promise<void> {
  const prev = await getProgress(id);
  if (prev) await putProgress(solved(prev, at));
  window.dispatchEvent(new Event(PROGRESS_CHANGED));
}

/** Resumes the kept run, if any and none runs yet; a run whose scenario is gone is forgotten. */
export async function resumeKeptRun(service: SimulatorService): Promise<void> {
  const kept = loadKeptRun();
  if (!kept || activeRun()) return;
  const keep = runKeeper();
  const scenario = await findScenario(kept.scenarioId);
  if (!scenario) {
    keep(null);
    return;
  }
  const sim = await service.get();
  if (activeRun()) return; // the learner pressed Start meanwhile
  const run = new ScenarioRun(
    scenario,
    sim,
    (at) => void recordSolved(scenario.id, at).catch(() => undefined),
    undefined,
    keep,
  );
  setActiveRun(run);
  run.resume(kept.history);
  window.dispatchEvent(new Event(RUN_RESUMED));
}
