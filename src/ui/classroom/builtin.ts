/**
 * The built-in scenarios: every `scenarios/*.json`, in file-name order, through the same gate as an
 * imported file (a Node test keeps them all valid; one that is not is left out rather than break the view).
 */
import type { Scenario } from './scenario';
import { validateScenario } from './validate-scenario';

const FILES = import.meta.glob<unknown>('./scenarios/*.json', { eager: true, import: 'default' });

export const BUILT_IN_SCENARIOS: readonly Scenario[] = Object.keys(FILES)
  .sort()
  .flatMap((path) => {
    const checked = validateScenario(FILES[path]);
    return checked.ok ? [checked.scenario] : [];
  });

/** The file names of the built-in scenarios (for the test that keeps them valid). */
export const BUILT_IN_FILES: Readonly<Record<string, unknown>> = FILES;
