/**
 * The bounded watch of the links after an apply, over the session's `proveLinks`. A real module cannot
 * tell a refused connection from a slow one, so its links are watched for the whole time (45 s: network
 * attach after a restart, then the connect). The simulator's world can: there the watch runs in short
 * rounds and ends as soon as every socket still down is known to stay down (`settled`: refused, a name that
 * does not resolve, no network), instead of making a trainer wait 45 s for what is already known.
 */
import type { LinkProof, SocketProof } from '../services/session-service';

/** The session's default: attach 3.5–6 s after a reboot, then the connect. */
export const LINK_WATCH_MS = 45_000;
/** A round on the simulator. */
export const SIM_ROUND_MS = 3000;

export interface WatchOptions {
  readonly prove: (options: {
    readonly timeoutMs: number;
    readonly signal?: AbortSignal;
    readonly onProgress?: (done: number, total: number) => void;
  }) => Promise<LinkProof>;
  /** The whole watch, ms. */
  readonly totalMs?: number;
  /** One call of `prove`, ms (default: the whole watch). */
  readonly roundMs?: number;
  /** True when this down socket's fate is known for sure (the simulator tells). */
  readonly settled?: (socket: SocketProof['socket']) => boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Watches in rounds until every watched socket is up, the time is over, or every socket still down is
 * settled. A socket seen up in any round stays up, with the time from the start of the whole watch.
 */
export async function watchLinks(options: WatchOptions): Promise<LinkProof> {
  const totalMs = options.totalMs ?? LINK_WATCH_MS;
  const roundMs = Math.max(1, Math.min(options.roundMs ?? totalMs, totalMs));
  const upAt = new Map<SocketProof['socket'], number>();
  let elapsed = 0;
  for (;;) {
    const offset = elapsed;
    const round = await options.prove({
      timeoutMs: Math.max(1, Math.min(roundMs, totalMs - elapsed)),
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (done, total) => options.onProgress?.(Math.max(done, upAt.size), total),
    });
    for (const s of round.sockets) {
      if (s.verdict === 'up' && !upAt.has(s.socket)) upAt.set(s.socket, offset + (s.upAfterMs ?? 0));
    }
    elapsed += Math.max(round.watchedMs, 1);
    const proof: LinkProof = {
      ...round,
      watchedMs: elapsed,
      sockets: round.sockets.map((s): SocketProof => {
        const at = upAt.get(s.socket);
        if (at === undefined || s.verdict === 'disabled' || s.verdict === 'on-demand') return s;
        return { socket: s.socket, server: s.server, verdict: 'up', upAfterMs: at };
      }),
    };
    const down = proof.sockets.filter((s) => s.verdict === 'down');
    if (down.length === 0 || elapsed >= totalMs) return proof;
    if (options.settled && down.every((s) => options.settled?.(s.socket))) return proof;
  }
}
