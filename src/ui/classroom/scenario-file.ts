/** A scenario as a file to share (export): the same JSON a trainer writes (docs/scenarios.md). */
import type { Scenario } from './scenario';

/** `wrong-baud-rate.scenario.json` */
export function scenarioFileName(scenario: Scenario): string {
  return `${scenario.id}.scenario.json`;
}

/** The file's text: the scenario as JSON, two-space indented, ending with a newline. */
export function scenarioFileText(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}
