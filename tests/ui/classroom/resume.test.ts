/**
 * An exercise survives a page reload (docs/scenarios.md, "Reload"): the run is kept (run-keeper.ts) with
 * the history of what the learner did; after the reload it goes on from the live simulator — restarted from
 * its saved state, not from the scenario's start — and the facts met before still count.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  checkSavedState,
  restoreFaults,
  restoreWorld,
  savedStateOf,
} from '../../../src/simulator/host/saved-state';
import { BUILT_IN_SCENARIOS } from '../../../src/ui/classroom/builtin';
import {
  checkSavedRun,
  KEPT_ITEMS,
  KEPT_PACKET_CHARS,
  type SavedRun,
} from '../../../src/ui/classroom/resume';
import { ScenarioRun, SNAPSHOT_EVERY_MS } from '../../../src/ui/classroom/run';
import { RUN_KEY } from '../../../src/ui/classroom/run-key';
import { loadKeptRun, runKeeper, WRITE_EVERY_MS } from '../../../src/ui/classroom/run-keeper';
import type { Scenario } from '../../../src/ui/classroom/scenario';
import { BOOT_AND_CONNECT_MS, Harness } from '../../simulator/harness';

const BASE = BUILT_IN_SCENARIOS[0] as Scenario;

/** Two messages through socket A, one before the reload and one after: only the history joins them. */
const TWO_MESSAGES: Scenario = {
  ...BASE,
  id: 'two-messages',
  start: { unknownHosts: ['old-server.example'], serverTiming: { A: { idleCloseSeconds: 600 } } },
  check: {
    kind: 'all',
    of: [
      { kind: 'packets', socket: 'A', direction: 'to-server', contains: 'before-reload' },
      { kind: 'packets', socket: 'A', direction: 'to-server', contains: 'after-reload' },
    ],
  },
};

/** A kept run with nothing recorded yet. */
function emptyRun(id: string): SavedRun {
  const run = checkSavedRun({ format: 'dtu-scenario-run', scenarioId: id });
  if (!run) throw new Error('refused an empty run');
  return run;
}

/** Through JSON and the gate, as sessionStorage would give it back. */
const roundTrip = (run: SavedRun): SavedRun | undefined => checkSavedRun(JSON.parse(JSON.stringify(run)));

/** The worker after a reload: a module started from the saved state, on a new clock. */
function reloaded(before: Harness): Harness {
  const saved = checkSavedState(JSON.parse(JSON.stringify(savedStateOf(before.module))));
  if (!saved) throw new Error('no saved state');
  const h = new Harness({ firmware: saved.firmware, flash: saved, startRunning: true, boot: false });
  restoreWorld(h.world, saved);
  restoreFaults(h.module, saved);
  return h;
}

/** Lets the run poll and check (its timers are the page's, faked). */
function settle(h: Harness): void {
  for (let i = 0; i < 3; i++) {
    h.advance(SNAPSHOT_EVERY_MS);
    vi.advanceTimersByTime(SNAPSHOT_EVERY_MS);
  }
}

describe('an exercise over a page reload', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('goes on without resetting the simulator, and what was done before still counts', () => {
    const h = new Harness();
    let kept: SavedRun | null = null;
    const first = new ScenarioRun(
      TWO_MESSAGES,
      h.module,
      () => undefined,
      undefined,
      (r) => (kept = r),
    );
    first.start();
    h.advance(BOOT_AND_CONNECT_MS);
    h.write('before-reload');
    settle(h);
    expect(first.current).toMatchObject({ kind: 'running', result: { passed: false } });
    expect(kept).not.toBeNull();
    const stored = roundTrip(kept as unknown as SavedRun);
    first.stop(); // the old page is gone
    expect(stored?.scenarioId).toBe('two-messages');

    const h2 = reloaded(h);
    // The scenario's world came back with the module (saved-state.ts), not from the scenario's start.
    expect(h2.world.dns.resolves('old-server.example')).toBe(false);
    expect(h2.server('A').idleCloseMs).toBe(600_000);
    const solvedAt: number[] = [];
    const second = new ScenarioRun(
      TWO_MESSAGES,
      h2.module,
      (at) => solvedAt.push(at),
      () => 7,
    );
    if (!stored) throw new Error('the kept run was refused');
    second.resume(stored.history);
    expect(second.current.kind).toBe('running');
    h2.advance(BOOT_AND_CONNECT_MS);
    settle(h2);
    expect(h2.eventsOf('state-loaded')).toEqual([]); // no load-state: the learner's work stays
    const running = second.current;
    expect(running.kind === 'running' && running.result?.parts.map((p) => p.passed)).toEqual([true, false]);

    h2.write('after-reload');
    settle(h2);
    expect(second.current).toMatchObject({ kind: 'solved', at: 7 });
    expect(solvedAt).toEqual([7]);
    second.stop();
  });

  it('a resumed run without the history does not count what happened before the reload', () => {
    const h = new Harness();
    const run = new ScenarioRun(TWO_MESSAGES, h.module, () => undefined);
    run.resume(emptyRun('two-messages').history);
    h.write('after-reload');
    settle(h);
    expect(run.current).toMatchObject({ kind: 'running', result: { passed: false } });
    run.stop();
  });

  it('says when the run is over: solved, refused or stopped clears what was kept', () => {
    const h = new Harness();
    const calls: (SavedRun | null)[] = [];
    const bad = { ...TWO_MESSAGES, start: { settings: { UART: '12345,8,1,NONE,NFC' } } };
    new ScenarioRun(
      bad,
      h.module,
      () => undefined,
      undefined,
      (r) => calls.push(r),
    ).start();
    expect(calls.at(-1)).toBeNull();
    const run = new ScenarioRun(
      TWO_MESSAGES,
      h.module,
      () => undefined,
      undefined,
      (r) => calls.push(r),
    );
    run.start();
    expect(calls.at(-1)?.scenarioId).toBe('two-messages');
    run.stop();
    expect(calls.at(-1)).toBeNull();
  });
});

describe('the kept run read back', () => {
  it('refuses what is not a kept run and cleans a damaged one part by part', () => {
    expect(checkSavedRun(null)).toBeUndefined();
    expect(checkSavedRun({ format: 'dtu-scenario-run', scenarioId: '../x' })).toBeUndefined();
    expect(checkSavedRun({ format: 'other', scenarioId: 'x' })).toBeUndefined();
    const many = Array.from({ length: KEPT_ITEMS + 50 }, (_, i) => ({ tag: 'data', text: `p${i}` }));
    const checked = checkSavedRun({
      format: 'dtu-scenario-run',
      scenarioId: 'wrong-baud-rate',
      history: {
        modesReached: ['command', 'flying', 'command'],
        links: { A: [{ state: 'connected' }, { state: 'melted' }], B: 'x' },
        toServer: {
          A: [
            { tag: 'data', text: 'y'.repeat(5000) },
            { tag: 'spam', text: 'z' },
          ],
          C: many,
        },
        serial: [{ mode: 'net', text: 'hello' }, { mode: 'net' }],
      },
    });
    const h = checked?.history;
    expect(h?.modesReached).toEqual(['command']);
    expect(h?.links.A).toEqual([{ state: 'connected' }]);
    expect(h?.links.B).toEqual([]);
    expect(h?.toServer.A).toHaveLength(1);
    expect(h?.toServer.A[0]?.text).toHaveLength(KEPT_PACKET_CHARS);
    expect(h?.toServer.C).toHaveLength(KEPT_ITEMS);
    expect(h?.toServer.C.at(-1)?.text).toBe(`p${KEPT_ITEMS + 49}`); // the newest kept
    expect(h?.fromServer.A).toEqual([]);
    expect(h?.serial).toEqual([{ mode: 'net', text: 'hello' }]);
  });

  it('is written at most every half second (the latest always), and removed when the run is over', () => {
    vi.useFakeTimers();
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    };
    let now = 0;
    const keep = runKeeper(storage, () => now);
    keep(emptyRun('first'));
    expect(loadKeptRun(storage)?.scenarioId).toBe('first');
    now = 100;
    keep(emptyRun('second'));
    keep(emptyRun('third'));
    expect(loadKeptRun(storage)?.scenarioId).toBe('first');
    now = WRITE_EVERY_MS;
    vi.advanceTimersByTime(WRITE_EVERY_MS);
    expect(loadKeptRun(storage)?.scenarioId).toBe('third');
    keep(null);
    expect(store.has(RUN_KEY)).toBe(false);
    store.set(RUN_KEY, '{not json');
    expect(loadKeptRun(storage)).toBeUndefined();
    vi.useRealTimers();
  });
});
