/**
 * Sends a remote plan to the simulated module through its virtual world, as a person in the field would
 * with a phone or a server, and verifies it (docs/remote.md):
 * - by SMS: each SMS through the virtual phone (`phone-send`), the next only after the module's SMS answer
 *   (`sms-out`), because SMS are not delivered in order; `AT+Z` only after every set was answered `OK`.
 *   Then the read-back: one query SMS per setting with the password in force after the restart, all at
 *   once (each answer names its setting), matched as they come.
 * - over the network: each line from the virtual server of one socket (`server-send`), one line per
 *   packet, the next after the answer on that socket (`socket-tx` tagged `at-reply`); after `AT+Z` the
 *   module restarts and reconnects (`link` connected), then each setting is queried the same way.
 * A refused or unanswered payload stops the run: what was sent before it is stored on the module but takes
 * effect only at its next restart, and the report says so. No DOM: Node-tested on the virtual clock.
 */
import type { Clock } from '../../clock/clock';
import type { RemotePlan } from '../../profile/remote/remote-plan';
import { queryValue, sameValue, setAnswer } from '../../profile/remote/replies';
import type { SimEvent, SimulatorControl, SocketId } from '../../simulator/core/control';
import { PHONE_NUMBER } from '../../simulator/world/phone';

export type PayloadState = 'pending' | 'sending' | 'ok' | 'refused' | 'no-answer' | 'not-sent';
export type ReadBackState = 'pending' | 'same' | 'differs' | 'no-answer';

export interface PayloadResult {
  readonly number: number;
  readonly command: string;
  readonly state: PayloadState;
  /** The module's answer as received. */
  readonly answer?: string;
}

export interface ReadBackResult {
  readonly name: string;
  readonly expected: string;
  readonly state: ReadBackState;
  readonly value?: string;
}

export type SendOutcome =
  /** Every payload answered OK and every setting read back as written. */
  | 'verified'
  /** Every payload answered OK, but some setting read back differently or not at all. */
  | 'not-verified'
  /** A payload was refused or not answered: the rest was not sent. */
  | 'stopped'
  /** Network: the socket had no connection to its virtual server; nothing was sent. */
  | 'not-connected';

export interface SendReport {
  readonly channel: 'sms' | 'network';
  readonly payloads: readonly PayloadResult[];
  readonly readBack: readonly ReadBackResult[];
  /** Set when the run ended. */
  readonly outcome?: SendOutcome;
}

export interface SendTimeouts {
  /** For the answer to one SMS (delivery both ways, a restart in between). */
  readonly smsAnswerMs: number;
  /** For every read-back SMS answer. */
  readonly smsReadBackMs: number;
  /** For the answer to one network-AT line. */
  readonly networkAnswerMs: number;
  /** For the socket to connect again after `AT+Z`. */
  readonly reconnectMs: number;
}

export const SEND_TIMEOUTS: SendTimeouts = {
  smsAnswerMs: 45_000,
  smsReadBackMs: 60_000,
  networkAnswerMs: 10_000,
  reconnectMs: 60_000,
};

/** What a run needs (also the field read, sim-read.ts). */
export interface SendDeps {
  readonly sim: SimulatorControl;
  readonly clock: Clock;
  /** Every change of the report (a new object each time). */
  readonly onUpdate?: (report: SendReport) => void;
  readonly timeouts?: SendTimeouts;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Waits for the first event that `pick` turns into a value, for at most `ms`; undefined on timeout. */
export function waitFor<T>(
  deps: SendDeps,
  ms: number,
  pick: (e: SimEvent) => T | undefined,
): Promise<T | undefined> {
  return new Promise<T | undefined>((resolve) => {
    const finish = (v: T | undefined): void => {
      timer.cancel();
      off();
      resolve(v);
    };
    const timer = deps.clock.setTimer(ms, () => finish(undefined));
    const off = deps.sim.onEvent((e) => {
      const v = pick(e);
      if (v !== undefined) finish(v);
    });
  });
}

class Reporter {
  report: SendReport;

  constructor(
    channel: 'sms' | 'network',
    plan: RemotePlan,
    private readonly deps: SendDeps,
  ) {
    const list = channel === 'sms' ? plan.sms : plan.network;
    this.report = {
      channel,
      payloads: list.map((p) => ({ number: p.number, command: p.command, state: 'pending' })),
      readBack: plan.writes.map((w) => ({ name: w.name, expected: w.to, state: 'pending' })),
    };
    deps.onUpdate?.(this.report);
  }

  payload(i: number, state: PayloadState, answer?: string): void {
    const payloads = this.report.payloads.map((p, k) =>
      k === i ? { ...p, state, ...(answer === undefined ? {} : { answer }) } : p,
    );
    this.set({ ...this.report, payloads });
  }

  readBack(name: string, value: string | undefined): void {
    const readBack = this.report.readBack.map((r) => {
      if (r.name !== name) return r;
      if (value === undefined) return { ...r, state: 'no-answer' as const };
      return {
        ...r,
        value,
        state: sameValue(name, r.expected, value) ? ('same' as const) : ('differs' as const),
      };
    });
    this.set({ ...this.report, readBack });
  }

  /** Payloads after `i` were not sent. */
  stopAfter(i: number): SendReport {
    const payloads = this.report.payloads.map((p, k) => (k > i ? { ...p, state: 'not-sent' as const } : p));
    return this.end({ ...this.report, payloads, outcome: 'stopped' });
  }

  finish(): SendReport {
    const all = this.report.readBack.every((r) => r.state === 'same');
    return this.end({ ...this.report, outcome: all ? 'verified' : 'not-verified' });
  }

  end(report: SendReport): SendReport {
    this.set(report);
    return report;
  }

  private set(report: SendReport): void {
    this.report = report;
    this.deps.onUpdate?.(report);
  }
}

export const toPhone = (e: SimEvent): string | undefined =>
  e.type === 'sms-out' && e.to.replace(/^\+/, '') === PHONE_NUMBER ? e.text : undefined;

/** Sends the plan's SMS through the virtual phone, then reads every setting back by SMS. */
export async function sendBySms(plan: RemotePlan, deps: SendDeps): Promise<SendReport> {
  const t = deps.timeouts ?? SEND_TIMEOUTS;
  const r = new Reporter('sms', plan, deps);
  for (const [i, p] of plan.sms.entries()) {
    r.payload(i, 'sending');
    const answer = waitFor(deps, t.smsAnswerMs, toPhone);
    deps.sim.control({ type: 'phone-send', text: p.text });
    const text = await answer;
    if (text === undefined) {
      r.payload(i, 'no-answer');
      return r.stopAfter(i);
    }
    const a = setAnswer(text);
    r.payload(i, a.ok ? 'ok' : 'refused', text);
    if (!a.ok) return r.stopAfter(i);
  }
  // The read-back: all queries at once; each answer names its setting.
  const waiting = new Set(plan.writes.map((w) => w.name));
  const all = waitFor(deps, t.smsReadBackMs, (e) => {
    const text = toPhone(e);
    if (text === undefined) return undefined;
    for (const name of waiting) {
      const value = queryValue(text, name);
      if (value === undefined) continue;
      waiting.delete(name);
      r.readBack(name, value);
      break;
    }
    return waiting.size === 0 ? true : undefined;
  });
  for (const w of plan.writes) deps.sim.control({ type: 'phone-send', text: plan.verifyPrefix + w.query });
  await all;
  for (const name of waiting) r.readBack(name, undefined);
  return r.finish();
}

/** The socket's link state now, from a snapshot. */
export async function linkState(deps: SendDeps, socket: SocketId): Promise<string | undefined> {
  const snap = waitFor(deps, 5_000, (e) => (e.type === 'snapshot' ? e.snapshot.links[socket] : undefined));
  deps.sim.control({ type: 'get-snapshot' });
  return snap;
}

/** One network-AT line from the socket's virtual server; the module's answer, or undefined. */
export async function exchange(
  deps: SendDeps,
  socket: SocketId,
  line: string,
  ms: number,
): Promise<string | undefined> {
  const answer = waitFor(deps, ms, (e) =>
    e.type === 'socket-tx' && e.socket === socket && e.tag === 'at-reply'
      ? decoder.decode(e.bytes)
      : undefined,
  );
  deps.sim.control({ type: 'server-send', socket, bytes: encoder.encode(line) });
  return answer;
}

/** Sends the plan's network-AT lines from virtual server `socket`, then reads every setting back. */
export async function sendByNetwork(plan: RemotePlan, socket: SocketId, deps: SendDeps): Promise<SendReport> {
  const t = deps.timeouts ?? SEND_TIMEOUTS;
  const r = new Reporter('network', plan, deps);
  if ((await linkState(deps, socket)) !== 'connected') {
    const payloads = r.report.payloads.map((p) => ({ ...p, state: 'not-sent' as const }));
    return r.end({ ...r.report, payloads, outcome: 'not-connected' });
  }
  const last = plan.network.length - 1;
  for (const [i, p] of plan.network.entries()) {
    r.payload(i, 'sending');
    // After AT+Z the module restarts and connects again: wait for that before the read-back.
    const back =
      i === last
        ? waitFor(deps, t.reconnectMs, (e) =>
            e.type === 'link' && e.socket === socket && e.state === 'connected' ? true : undefined,
          )
        : undefined;
    const text = await exchange(deps, socket, p.line, t.networkAnswerMs);
    if (text === undefined) {
      r.payload(i, 'no-answer');
      return r.stopAfter(i);
    }
    const a = setAnswer(text);
    r.payload(i, a.ok ? 'ok' : 'refused', text.trim());
    if (!a.ok) return r.stopAfter(i);
    if (back) await back;
  }
  for (const w of plan.writes) {
    const text = await exchange(deps, socket, `${plan.verifyPrefix}${w.query}\r`, t.networkAnswerMs);
    r.readBack(w.name, text === undefined ? undefined : queryValue(text, w.name));
  }
  return r.finish();
}
