/**
 * The link check after an apply, for any view that applies (pending changes, a profile, a link): start the
 * simulator's trace before the apply (the registration packet goes out right after the restart, before the
 * apply returns), then, when the written settings can change the links (`needsLinkProof`: sockets, work
 * mode, registration, heartbeat, APN), watch them (link-watch.ts) and keep the outcome in the store
 * (`linkProof`) for the report and the dashboard. On the simulator the trace goes on after the check until
 * the first heartbeat arrives (bounded), so the report can show it.
 *
 * The runner outlives the view that started it: the state is in the store, so leaving the page and coming
 * back shows where the check is.
 */
import { needsLinkProof } from '../../session/ops/link-proof';
import { isFailure } from '../logic/profile-results';
import type { ApplyReport, SessionService, Transport } from '../services/session-service';
import type { SimulatorService, SocketId } from '../services/simulator-service';
import type { ConfigStore } from '../state/config-store';
import type { ProofState } from './findings';
import { LINK_WATCH_MS, SIM_ROUND_MS, watchLinks } from './link-watch';
import { settledDown, SimTraceRecorder, type SimTrace } from './sim-trace';

/** The longest the trace waits after the check for a first heartbeat, ms. */
const HEARTBEAT_WAIT_CAP_MS = 65_000;

/** The apply wrote something that can change the links, and nothing failed. */
export function applyNeedsProof(report: ApplyReport): boolean {
  if (report.results.some(isFailure)) return false;
  return needsLinkProof(report.results.filter((r) => r.outcome === 'applied').map((r) => r.name));
}

export interface ProofRunnerDeps {
  readonly session: SessionService;
  readonly store: ConfigStore;
  /** The simulator, when the connection is to it. */
  readonly simulator?: SimulatorService | undefined;
  readonly transport?: Transport | undefined;
  /** Watch length (default 45 s, the session's). */
  readonly timeoutMs?: number;
}

export class ProofRunner {
  /** The runner whose check is under way (one session: one at a time), for a "Stop checking" anywhere. */
  static current: ProofRunner | undefined;

  private recorder: SimTraceRecorder | undefined;
  private abort: AbortController | undefined;
  private state: ProofState | undefined;
  private stopTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: ProofRunnerDeps) {}

  /** Before the apply: on the simulator, start recording what its world does. */
  async prepare(): Promise<void> {
    const sim = this.deps.simulator;
    if (this.deps.transport !== 'simulator' || !sim) return;
    // The simulator the session talks to (one per page; already running when connected to it).
    const control = await sim.get();
    this.recorder = new SimTraceRecorder(control, (trace) => this.traced(trace));
  }

  /** After the apply: the check, when the report calls for one. Resolves when the check is over. */
  async run(report: ApplyReport, values: Readonly<Record<string, string>>): Promise<void> {
    if (!applyNeedsProof(report)) {
      this.finish();
      return;
    }
    const timeoutMs = this.deps.timeoutMs ?? LINK_WATCH_MS;
    const abort = new AbortController();
    this.abort = abort;
    ProofRunner.current = this;
    const trace = (): { trace?: SimTrace } => (this.recorder ? { trace: this.recorder.trace } : {});
    this.set({ kind: 'checking', report, timeoutMs, ...trace() });
    try {
      const proof = await watchLinks({
        prove: (o) => this.deps.session.proveLinks(o),
        totalMs: timeoutMs,
        ...(this.recorder
          ? { roundMs: SIM_ROUND_MS, settled: (s) => settledDown(this.recorder?.trace, s) }
          : {}),
        signal: abort.signal,
        onProgress: (done, total) => {
          if (this.state?.kind === 'checking') this.set({ ...this.state, progress: { done, total } });
        },
      });
      this.set({ kind: 'done', report, proof, at: Date.now(), ...trace() });
      this.keepTracing(
        proof.sockets.filter((s) => s.verdict === 'up').map((s) => s.socket),
        values,
      );
    } catch (e) {
      this.set(
        abort.signal.aborted
          ? { kind: 'stopped', report, ...trace() }
          : { kind: 'failed', report, error: e instanceof Error ? e.message : String(e), ...trace() },
      );
      this.finish();
    } finally {
      this.abort = undefined;
      if (ProofRunner.current === this) ProofRunner.current = undefined;
    }
  }

  /** The person stopped the check. */
  stop(): void {
    this.abort?.abort();
  }

  /** No more tracing (the view that showed it is done with it). */
  finish(): void {
    if (this.stopTimer !== undefined) clearTimeout(this.stopTimer);
    this.stopTimer = undefined;
    this.recorder?.stop();
    this.recorder = undefined;
  }

  private set(state: ProofState): void {
    this.state = state;
    this.deps.store.setLinkProof(state);
  }

  private traced(trace: SimTrace): void {
    if (this.state && this.deps.store.linkProof === this.state) this.set({ ...this.state, trace });
    if (this.state?.kind === 'done' && this.heartbeatsIn(trace)) this.finish();
  }

  private upSockets: readonly SocketId[] = [];

  private heartbeatsIn(trace: SimTrace): boolean {
    return this.upSockets.every((s) => trace.sockets[s]?.heartbeat !== undefined);
  }

  /** On the simulator, the trace waits for the first heartbeat of each connected socket (bounded). */
  private keepTracing(up: readonly SocketId[], values: Readonly<Record<string, string>>): void {
    const beats = values['HEARTEN'] === 'ON' && values['HEARTSND'] !== 'COM';
    const period = Number(values['HEARTTM'] ?? '30') * 1000;
    this.upSockets = up;
    if (!this.recorder || !beats || up.length === 0 || this.heartbeatsIn(this.recorder.trace)) {
      this.finish();
      return;
    }
    this.stopTimer = setTimeout(() => this.finish(), Math.min(HEARTBEAT_WAIT_CAP_MS, period + 5000));
  }
}
