/**
 * Link proof: after an apply that touches sockets, registration, heartbeat or the work mode, the only thing
 * that proves the module works is its links coming up. Written and read back is not enough: a server that
 * cannot be reached reads back as perfectly as one that can. This watches SOCKxLK (3.1.7.41–44) of every
 * enabled socket for a bounded time and, for a socket that stays down, asks the module what it knows that
 * explains it: no SIM or no service (SYSINFO, 3.1.7.12), a weak signal (CSQ, 3.1.7.11). What the module
 * cannot tell (refused, a name that does not resolve, no answer) stays "the server could not be reached";
 * the simulator's world knows more, and the UI adds it.
 */
import { parseCsqValue, csqToSignal, type Signal } from '../../protocol/signal';
import { parseSysinfo, type SysinfoResult } from '../../protocol/sysinfo';
import type { OperationHost } from './host';
import { readSettings } from './read-settings';

export type SocketLetter = 'A' | 'B' | 'C' | 'D';
const LETTERS: readonly SocketLetter[] = ['A', 'B', 'C', 'D'];

export type LinkVerdict =
  /** SOCKxLK read ON within the time. */
  | 'up'
  /** Still OFF at the end; `reason` says why as far as the module lets us know. */
  | 'down'
  /** A short-connection socket (SOCKxSL=SHORT): it connects only when serial data arrives. */
  | 'on-demand'
  /** SOCKxEN=OFF, or the work mode is not NET: nothing to prove. */
  | 'disabled';

export type DownReason =
  /** SYSINFO: no service (no SIM, no coverage, not registered). */
  | 'no-service'
  /** The network is there but the signal is too weak for a data link (CSQ ≤ WEAK_RSSI or unknown). */
  | 'weak-signal'
  /** Network and signal are fine: the server refused, did not answer, or its name does not resolve. */
  | 'server-unreachable';

export interface SocketProof {
  readonly socket: SocketLetter;
  readonly verdict: LinkVerdict;
  /** The socket's server as set (`TCP,host,port`). */
  readonly server: string | undefined;
  /** ms from the start of the watch until SOCKxLK read ON. */
  readonly upAfterMs?: number;
  readonly reason?: DownReason;
}

export interface LinkProof {
  readonly sockets: readonly SocketProof[];
  /** The work mode read (NET, HTTPD…). */
  readonly mode: string | undefined;
  readonly sysinfo: SysinfoResult | undefined;
  readonly signal: Signal | undefined;
  /** When the watch began (session clock ms; compare with ApplyResult.backAt for "N s after the restart"). */
  readonly startedAt: number;
  /** How long the watch ran, ms. */
  readonly watchedMs: number;
}

export interface LinkProofOptions {
  /** How long to wait for the links (default 45 s: attach 3.5–6 s after a reboot, then the connect). */
  readonly timeoutMs?: number;
  /** Between two SOCKxLK reads (default 1 s). */
  readonly pollMs?: number;
  /**
   * The caller knows this socket will stay down (the simulator's world says the server refused, the name
   * does not resolve): stop watching it. The watch ends when every socket is up or settled.
   */
  readonly settled?: (socket: SocketLetter) => boolean;
}

/** At or below this CSQ rssi (0–31 scale, about −103 dBm) a data link is unlikely to hold. */
const WEAK_RSSI = 5;

/** Settings whose change calls for a link proof (the apply report waits for it). */
export function needsLinkProof(names: Iterable<string>): boolean {
  for (const n of names)
    if (/^(WKMOD|APN|SOCK[A-D](EN|SL)?|REG(EN|TP|DT|SND)|CLOUD|HEART(EN|TP|DT|SND|TM))$/.test(n)) return true;
  return false;
}

export async function proveLinks(
  host: OperationHost,
  options: LinkProofOptions = {},
  signal?: AbortSignal,
): Promise<LinkProof> {
  const timeoutMs = options.timeoutMs ?? 45_000;
  const pollMs = options.pollMs ?? 1000;
  const start = host.now();
  const config = await readSettings(
    host,
    ['WKMOD', ...LETTERS.flatMap((s) => [`SOCK${s}`, `SOCK${s}EN`, `SOCK${s}SL`])],
    signal,
    (name, i) => host.progress({ done: i, total: 13, step: `AT+${name}?` }),
  );
  if (config.error) throw config.error;
  const v = config.values;
  const mode = v['WKMOD'];
  const watched = LETTERS.filter(
    (s) => mode === 'NET' && v[`SOCK${s}EN`] === 'ON' && v[`SOCK${s}SL`] !== 'SHORT',
  );
  const upAt = new Map<SocketLetter, number>();
  const open = (s: SocketLetter): boolean => !upAt.has(s) && options.settled?.(s) !== true;
  while (watched.some(open)) {
    for (const s of watched) {
      if (!open(s)) continue;
      if ((await host.query(`SOCK${s}LK`, signal)) === 'ON') upAt.set(s, host.now() - start);
    }
    const elapsed = host.now() - start;
    host.progress({ done: upAt.size, total: watched.length, step: 'links' });
    if (elapsed >= timeoutMs || !watched.some(open)) break;
    await host.wait(Math.min(pollMs, timeoutMs - elapsed), signal);
  }

  const down = watched.some((s) => !upAt.has(s));
  const why = down ? await explain(host, signal) : undefined;
  return {
    mode,
    sysinfo: why?.sysinfo,
    signal: why?.signal,
    startedAt: start,
    watchedMs: host.now() - start,
    sockets: LETTERS.map((s): SocketProof => {
      const server = v[`SOCK${s}`];
      const base = { socket: s, server };
      if (mode !== 'NET' || v[`SOCK${s}EN`] !== 'ON') return { ...base, verdict: 'disabled' };
      if (v[`SOCK${s}SL`] === 'SHORT') return { ...base, verdict: 'on-demand' };
      const at = upAt.get(s);
      if (at !== undefined) return { ...base, verdict: 'up', upAfterMs: at };
      return { ...base, verdict: 'down', reason: why?.reason ?? 'server-unreachable' };
    }),
  };
}

/** What the module knows about why a link stays down. */
async function explain(
  host: OperationHost,
  signal?: AbortSignal,
): Promise<{ reason: DownReason; sysinfo: SysinfoResult | undefined; signal: Signal | undefined }> {
  const read = await readSettings(host, ['SYSINFO', 'CSQ'], signal, () => undefined);
  if (read.error) throw read.error;
  const sysinfo = read.values['SYSINFO'] === undefined ? undefined : parseSysinfo(read.values['SYSINFO']);
  const csq = read.values['CSQ'] === undefined ? undefined : parseCsqValue(read.values['CSQ']);
  const network = sysinfo?.ok ? sysinfo.networkType : 'GSM';
  const level = csq ? csqToSignal(csq.rssi, network) : undefined;
  const noService = !sysinfo?.ok || sysinfo.state !== 2 || sysinfo.network === 'No Network';
  if (noService) return { reason: 'no-service', sysinfo, signal: level };
  // Table 16–19 scales differ; `unknown` (99/199) and the lowest bars mean no usable link.
  const weak =
    !csq || level?.unknown === true || (network === 'GSM' ? csq.rssi <= WEAK_RSSI : level?.bars === 0);
  return { reason: weak ? 'weak-signal' : 'server-unreachable', sysinfo, signal: level };
}
