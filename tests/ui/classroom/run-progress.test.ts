/**
 * A scenario run in the page (run.ts) on the simulator core: it records from the scenario's own start,
 * says "solved" once, when the check passes, and reports a start the simulator refused. Progress (the
 * IndexedDB record's moves) keeps the best time and counts hints per attempt.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUILT_IN_SCENARIOS } from '../../../src/ui/classroom/builtin';
import {
  formatDuration,
  hintShown,
  progressState,
  solved,
  started,
} from '../../../src/ui/classroom/progress';
import { ScenarioRun, SNAPSHOT_EVERY_MS, type RunStatus } from '../../../src/ui/classroom/run';
import type { Scenario } from '../../../src/ui/classroom/scenario';
import { Harness, HOST_LINE } from '../../simulator/harness';

const BAUD = BUILT_IN_SCENARIOS.find((s) => s.id === 'wrong-baud-rate') as Scenario;

describe('a scenario run', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('ignores what happened before its start and says solved once, when the check passes', () => {
    const h = new Harness();
    // Command mode before the exercise does not count.
    h.enterCommandMode();
    const solvedAt: number[] = [];
    const run = new ScenarioRun(
      BAUD,
      h.module,
      (at) => solvedAt.push(at),
      () => 42,
    );
    const seen: RunStatus['kind'][] = [];
    run.subscribe((s) => seen.push(s.kind));
    run.start();
    expect(run.current.kind).toBe('running');
    vi.advanceTimersByTime(SNAPSHOT_EVERY_MS * 2);
    expect(run.current).toMatchObject({ kind: 'running', result: { passed: false } });

    h.line = { ...HOST_LINE, baud: 9600 };
    h.enterCommandMode();
    vi.advanceTimersByTime(SNAPSHOT_EVERY_MS);
    expect(run.current).toMatchObject({ kind: 'solved', at: 42 });
    h.command('AT+VER'); // more traffic after the solution: no second "solved"
    vi.advanceTimersByTime(SNAPSHOT_EVERY_MS * 3);
    expect(solvedAt).toEqual([42]);
    expect(seen[0]).toBe('starting');
    expect(seen.at(-1)).toBe('solved');
    run.stop();
  });

  it('reports a start the simulator refused, and changes nothing', () => {
    const h = new Harness();
    const bad = { ...BAUD, start: { settings: { UART: '12345,8,1,NONE,NFC' } } };
    const run = new ScenarioRun(bad, h.module, () => undefined);
    run.start();
    expect(run.current).toMatchObject({ kind: 'refused', error: expect.stringContaining('settings.UART') });
    expect(h.module.stored['UART']).toBe('115200,8,1,NONE,NFC');
  });
});

describe('progress', () => {
  it('moves from not started to in progress to solved, with the best time kept', () => {
    expect(progressState(undefined)).toBe('not-started');
    const first = started(undefined, 'x', 1000);
    expect(progressState(first)).toBe('in-progress');
    const hinted = hintShown(hintShown(hintShown(first, 2), 2), 2);
    expect(hinted.hintsShown).toBe(2);
    const done = solved(hinted, 91_000);
    expect(done).toMatchObject({ state: 'solved', seconds: 90, solvedAt: 91_000 });
    const again = started(done, 'x', 200_000);
    expect(again).toMatchObject({ state: 'solved', attempts: 2, hintsShown: 0, startedAt: 1000 });
    expect(solved(again, 400_000)).toMatchObject({ seconds: 90, solvedAt: 91_000 });
    expect(solved(again, 230_000)).toMatchObject({ seconds: 30, solvedAt: 230_000 });
  });

  it('shows times as m:ss or h:mm:ss', () => {
    expect(formatDuration(42)).toBe('0:42');
    expect(formatDuration(725)).toBe('12:05');
    expect(formatDuration(3729)).toBe('1:02:09');
  });
});
