/**
 * One scenario being worked on: sets the simulator up from the scenario's start (`load-state`), records
 * what happens from then on (trace.ts) and runs the check after each burst of events and on each snapshot
 * (asked for every second, so "connected for 3 s" passes without new events). It lives outside the view,
 * so the learner can go to Settings or the Terminal and the check keeps running; the view shows it again.
 * A page reload does not end it: the run is kept (`keep`, resume.ts) and `resume` goes on from the live
 * simulator, which the reload did not reset.
 */
import type { SimEvent, SimulatorControl } from '../../simulator/core/control';
import { evaluateCheck, type CheckResult } from './evaluate';
import { restoreHistory, savedRun, type SavedRun, type TraceHistory } from './resume';
import type { Scenario } from './scenario';
import { ScenarioTrace } from './trace';

/** How often the simulator is asked for a snapshot while the scenario runs, ms. */
export const SNAPSHOT_EVERY_MS = 1000;
/** A burst of events is checked once, this long after its first event, ms. */
const CHECK_AFTER_MS = 100;

export type RunStatus =
  | { readonly kind: 'starting' }
  | { readonly kind: 'refused'; readonly error: string }
  | { readonly kind: 'running'; readonly result: CheckResult | undefined }
  | { readonly kind: 'solved'; readonly result: CheckResult; readonly at: number };

export class ScenarioRun {
  private readonly trace = new ScenarioTrace();
  private recording = false;
  private status: RunStatus = { kind: 'starting' };
  private readonly listeners = new Set<(s: RunStatus) => void>();
  private unsubscribe: (() => void) | undefined;
  private poll: ReturnType<typeof setInterval> | undefined;
  private checkQueued: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly scenario: Scenario,
    private readonly sim: SimulatorControl,
    /** Called once, with the wall time, when the check first passes. */
    private readonly onSolved: (at: number) => void,
    private readonly now: () => number = () => Date.now(),
    /** Told the run to keep after each check while it runs; `null` when it is over (solved, refused, stopped). */
    private readonly keep: (run: SavedRun | null) => void = () => undefined,
  ) {}

  get current(): RunStatus {
    return this.status;
  }

  /** Sets the simulator up and starts watching. */
  start(): void {
    this.unsubscribe = this.sim.onEvent((e) => this.onEvent(e));
    // Kept before the start is sent: a refusal (told at once in Node) then clears it.
    this.keep(savedRun(this.scenario.id, this.trace));
    this.sim.control({ type: 'load-state', state: this.scenario.start });
  }

  /**
   * Goes on with a run kept over a page reload: the history recorded before, then the live simulator as it
   * is (no `load-state`: the learner's work stays).
   */
  resume(history: TraceHistory): void {
    restoreHistory(this.trace, history);
    this.unsubscribe = this.sim.onEvent((e) => this.onEvent(e));
    this.startRecording();
  }

  private startRecording(): void {
    this.recording = true;
    this.set({ kind: 'running', result: undefined });
    this.poll = setInterval(() => this.sim.control({ type: 'get-snapshot' }), SNAPSHOT_EVERY_MS);
    // Not from inside an event: the module may still be restarting (in Node the snapshot would arrive
    // before the restart's own events).
    setTimeout(() => this.sim.control({ type: 'get-snapshot' }), 0);
  }

  /** Stops watching (the simulator stays as it is). */
  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (this.poll !== undefined) clearInterval(this.poll);
    if (this.checkQueued !== undefined) clearTimeout(this.checkQueued);
    this.poll = undefined;
    this.checkQueued = undefined;
    this.listeners.clear();
    if (this.status.kind === 'running' || this.status.kind === 'starting') this.keep(null);
  }

  subscribe(listener: (s: RunStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  private set(status: RunStatus): void {
    this.status = status;
    for (const l of this.listeners) l(status);
  }

  private onEvent(e: SimEvent): void {
    if (!this.recording) {
      // Events before this scenario's start belong to whatever ran before.
      if (e.type !== 'state-loaded' || this.status.kind !== 'starting') return;
      if (e.error !== undefined) {
        this.set({ kind: 'refused', error: e.error });
        this.keep(null);
        this.stop();
        return;
      }
      this.startRecording();
    }
    this.trace.add(e);
    if (this.status.kind === 'running' && this.checkQueued === undefined) {
      this.checkQueued = setTimeout(() => {
        this.checkQueued = undefined;
        this.check();
      }, CHECK_AFTER_MS);
    }
  }

  private check(): void {
    if (this.status.kind !== 'running' || !this.trace.snapshot) return;
    const result = evaluateCheck(this.scenario.check, this.trace);
    if (!result.passed) {
      this.set({ kind: 'running', result });
      this.keep(savedRun(this.scenario.id, this.trace));
      return;
    }
    const at = this.now();
    if (this.poll !== undefined) clearInterval(this.poll);
    this.poll = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.set({ kind: 'solved', result, at });
    this.keep(null);
    this.onSolved(at);
  }
}

let active: ScenarioRun | undefined;

/** The scenario being worked on in this page, if any. */
export function activeRun(): ScenarioRun | undefined {
  return active;
}

/** Makes `run` the one being worked on (the previous one stops). */
export function setActiveRun(run: ScenarioRun | undefined): void {
  if (active !== run) active?.stop();
  active = run;
}
