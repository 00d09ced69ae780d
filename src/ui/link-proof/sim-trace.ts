/**
 * What the simulator's virtual world shows during an apply and its link check: per socket the link's
 * states and why a connect failed (`link` events: `refused`, `dns`, `no-network`, `dropped`…), and the first
 * registration and heartbeat packets at the virtual server (`socket-tx` with tag `registration` /
 * `heartbeat`). A real module tells none of this; on the simulator it makes "socket A is down" precise.
 *
 * `at` is the simulator's clock (ms); `time` is when the event reached the page (epoch ms), for showing a
 * time of day.
 */
import type { LinkState, SimEvent, SocketId } from '../services/simulator-service';

export interface SeenPacket {
  readonly bytes: Uint8Array;
  readonly at: number;
  readonly time: number;
}

export interface SocketTrace {
  /** The latest link state seen. */
  readonly state?: LinkState;
  /** The latest failed connect (`waiting` with a reason) since the restart. */
  readonly failure?: { readonly reason: string; readonly at: number };
  /** When the link came up (first time since the restart). */
  readonly connectedAt?: number;
  readonly registration?: SeenPacket;
  readonly heartbeat?: SeenPacket;
}

export interface SimTrace {
  /** When the module's restart ended (simulator clock), when one was seen. */
  readonly restartedAt?: number;
  readonly sockets: Readonly<Partial<Record<SocketId, SocketTrace>>>;
}

export const EMPTY_TRACE: SimTrace = { sockets: {} };

/** Failures after which a socket's fate is known without waiting longer (the world will not change). */
const DEFINITIVE = new Set(['refused', 'dns', 'no-network']);

/** The trace after one more event (pure). */
export function traceEvent(trace: SimTrace, e: SimEvent, time: number): SimTrace {
  if (e.type === 'restart') {
    // What happened before the restart belongs to the old settings.
    if (e.phase === 'start') return { sockets: {} };
    return { ...trace, restartedAt: e.at };
  }
  if (e.type === 'link') {
    const old = trace.sockets[e.socket] ?? {};
    const next: SocketTrace = {
      ...old,
      state: e.state,
      ...(e.state === 'waiting' && e.reason ? { failure: { reason: e.reason, at: e.at } } : {}),
      ...(e.state === 'no-network' ? { failure: { reason: 'no-network', at: e.at } } : {}),
      ...(e.state === 'connected' && old.connectedAt === undefined ? { connectedAt: e.at } : {}),
    };
    return { ...trace, sockets: { ...trace.sockets, [e.socket]: next } };
  }
  if (e.type === 'socket-tx' && (e.tag === 'registration' || e.tag === 'heartbeat')) {
    const old = trace.sockets[e.socket] ?? {};
    if (old[e.tag]) return trace;
    const seen: SeenPacket = { bytes: e.bytes, at: e.at, time };
    return { ...trace, sockets: { ...trace.sockets, [e.socket]: { ...old, [e.tag]: seen } } };
  }
  return trace;
}

/** The simulator says this socket cannot connect as things are (refused, unknown name, no network). */
export function settledDown(trace: SimTrace | undefined, socket: SocketId): boolean {
  const s = trace?.sockets[socket];
  return !!s?.failure && DEFINITIVE.has(s.failure.reason) && s.state !== 'connected';
}

/** Something that sends simulator events (SimulatorControl). */
export interface SimEventSource {
  onEvent(listener: (event: SimEvent) => void): () => void;
}

/** Records a trace from a simulator while it runs; `onChange` after every event that changed it. */
export class SimTraceRecorder {
  private current: SimTrace = EMPTY_TRACE;
  private off: (() => void) | undefined;

  constructor(
    source: SimEventSource,
    private readonly onChange: (trace: SimTrace) => void = () => undefined,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.off = source.onEvent((e) => {
      const next = traceEvent(this.current, e, this.now());
      if (next === this.current) return;
      this.current = next;
      this.onChange(next);
    });
  }

  get trace(): SimTrace {
    return this.current;
  }

  stop(): void {
    this.off?.();
    this.off = undefined;
  }
}
