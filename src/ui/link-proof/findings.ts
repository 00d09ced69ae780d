/**
 * From a link proof (and, on the simulator, what its world showed) to what the screen says: per socket up
 * (after how long) or down and the likeliest reason, and the apply report's one-line summary — green only
 * for what was proven: "All 3 settings were applied. Socket A is connected.", or in warning colour
 * "Settings applied — socket A could not connect: the server refused the connection." Never "all applied"
 * with a link down.
 */
import type { Text } from '../../protocol/types';
import { format, type Lang } from '../i18n/language';
import { listOf, pluralize } from '../i18n/plural';
import { S } from '../i18n/strings';
import { isFailure } from '../logic/profile-results';
import type { ApplyReport, LinkProof, LinkVerdict, SocketProof } from '../services/session-service';
import type { SeenPacket, SimTrace } from './sim-trace';
import { LINK_PROOF as L } from './strings';

/** The link check of one apply, as the store keeps it (state/config-store.ts `linkProof`). */
export type ProofState =
  | {
      readonly kind: 'checking';
      readonly report: ApplyReport;
      readonly timeoutMs: number;
      readonly progress?: { readonly done: number; readonly total: number };
      readonly trace?: SimTrace;
    }
  | {
      readonly kind: 'done';
      readonly report: ApplyReport;
      readonly proof: LinkProof;
      /** When the check ended (epoch ms). */
      readonly at: number;
      readonly trace?: SimTrace;
    }
  | {
      readonly kind: 'failed';
      readonly report: ApplyReport;
      readonly error: string;
      readonly trace?: SimTrace;
    }
  | { readonly kind: 'stopped'; readonly report: ApplyReport; readonly trace?: SimTrace };

export type Cause =
  /** The simulator's world knows exactly. */
  | { readonly kind: 'refused' }
  | { readonly kind: 'dns'; readonly host: string }
  | { readonly kind: 'no-answer' }
  | { readonly kind: 'dropped' }
  | { readonly kind: 'no-network' }
  /** What the module lets us know (SYSINFO, CSQ), or only that the server was not reached. */
  | { readonly kind: 'no-service' }
  | { readonly kind: 'weak-signal'; readonly dbm?: number }
  | { readonly kind: 'server-unreachable' };

export interface Finding {
  readonly socket: SocketProof['socket'];
  readonly verdict: LinkVerdict;
  /** `TCP,host,port` as set. */
  readonly server: string | undefined;
  /** From the start of the watch, ms. */
  readonly upAfterMs?: number;
  /** Simulator: from the end of the module's restart until the link came up, ms. */
  readonly upAfterRestartMs?: number;
  readonly cause?: Cause;
  /** Simulator: the first registration and heartbeat packets at the virtual server. */
  readonly registration?: SeenPacket;
  readonly heartbeat?: SeenPacket;
}

/** The host of `TCP,host,port`. */
export function hostOf(server: string | undefined): string {
  return server?.split(',')[1] ?? '';
}

/** `TCP,demo.usr.cn,2318` → `demo.usr.cn:2318 (TCP)`. */
export function serverText(server: string | undefined): string {
  if (!server) return '';
  const [protocol, host, port] = server.split(',');
  return host === undefined ? server : `${host}:${port ?? ''} (${protocol})`;
}

function simCause(reason: string | undefined, state: string | undefined, host: string): Cause | undefined {
  switch (reason) {
    case 'refused':
      return { kind: 'refused' };
    case 'dns':
      return { kind: 'dns', host };
    case 'no-network':
      return { kind: 'no-network' };
    case 'dropped':
      return { kind: 'dropped' };
  }
  if (state === 'connecting') return { kind: 'no-answer' };
  if (state === 'no-network') return { kind: 'no-network' };
  return undefined;
}

/** Per socket, what the proof and the simulator's trace say (sockets off are left out). */
export function findingsOf(proof: LinkProof, trace?: SimTrace): Finding[] {
  return proof.sockets
    .filter((s) => s.verdict !== 'disabled')
    .map((s): Finding => {
      const t = trace?.sockets[s.socket];
      const base: Finding = {
        socket: s.socket,
        verdict: s.verdict,
        server: s.server,
        ...(t?.registration ? { registration: t.registration } : {}),
        ...(t?.heartbeat ? { heartbeat: t.heartbeat } : {}),
      };
      if (s.verdict === 'up') {
        const since =
          t?.connectedAt !== undefined && trace?.restartedAt !== undefined
            ? Math.max(0, t.connectedAt - trace.restartedAt)
            : undefined;
        return {
          ...base,
          ...(s.upAfterMs !== undefined ? { upAfterMs: s.upAfterMs } : {}),
          ...(since !== undefined ? { upAfterRestartMs: since } : {}),
        };
      }
      if (s.verdict !== 'down') return base;
      const precise = simCause(t?.failure?.reason, t?.state, hostOf(s.server));
      if (precise) return { ...base, cause: precise };
      switch (s.reason) {
        case 'no-service':
          return { ...base, cause: { kind: 'no-service' } };
        case 'weak-signal':
          return {
            ...base,
            cause: {
              kind: 'weak-signal',
              ...(proof.signal?.dbm !== undefined ? { dbm: proof.signal.dbm } : {}),
            },
          };
        default:
          return { ...base, cause: { kind: 'server-unreachable' } };
      }
    });
}

/** The reason in words: "the server refused the connection", "the name x.invalid does not resolve (DNS)". */
export function causeText(cause: Cause, lang: Lang): string {
  switch (cause.kind) {
    case 'dns':
      return format(L.cause.dns, lang, { host: cause.host });
    case 'weak-signal':
      return cause.dbm !== undefined
        ? format(L.cause.weakSignalDbm, lang, { dbm: cause.dbm })
        : format(L.cause['weak-signal'], lang, {});
    default:
      return format(L.cause[cause.kind], lang, {});
  }
}

/** What to do about it. */
export function causeAdvice(cause: Cause): Text {
  return L.advice[cause.kind];
}

export type SummaryTone = 'ok' | 'warn' | 'error' | 'checking';

export interface Summary {
  readonly tone: SummaryTone;
  readonly text: string;
}

/** Seconds with one decimal below 10 s ("0.1", "4.2", "12"). */
export function seconds(ms: number): string {
  const s = ms / 1000;
  return s < 10 ? s.toFixed(1) : String(Math.round(s));
}

/**
 * The report's summary. Failed settings come first (red); then the link check: checking (neutral), a link
 * down (warning colour, with the reason when one socket), checked and up (green, with "Socket A is
 * connected."), not checked (warning).
 */
export function summarize(report: ApplyReport, state: ProofState | undefined, lang: Lang): Summary {
  const n = report.results.length;
  const failed = report.results.filter(isFailure).length;
  if (failed > 0) {
    return {
      tone: 'error',
      text:
        n === 1
          ? format(S.changes.oneFailed, lang, {})
          : pluralize(S.changes.someFailed, lang, failed, { total: n }),
    };
  }
  const all = pluralize(S.changes.allApplied, lang, n);
  if (!state || state.report !== report) return { tone: 'ok', text: all };
  switch (state.kind) {
    case 'checking':
      return { tone: 'checking', text: format(L.checking, lang, { s: Math.round(state.timeoutMs / 1000) }) };
    case 'failed':
      return { tone: 'warn', text: format(L.failed, lang, { error: state.error }) };
    case 'stopped':
      return { tone: 'warn', text: format(L.stopped, lang, {}) };
    case 'done': {
      const found = findingsOf(state.proof, state.trace);
      const down = found.filter((f) => f.verdict === 'down');
      const up = found.filter((f) => f.verdict === 'up');
      const first = down[0];
      if (first && down.length === 1) {
        const cause = first.cause ? causeText(first.cause, lang) : '';
        return { tone: 'warn', text: format(L.downOne, lang, { s: first.socket, cause }) };
      }
      if (down.length > 1) {
        return {
          tone: 'warn',
          text: format(L.downMany, lang, {
            list: listOf(
              down.map((f) => f.socket),
              lang,
            ),
          }),
        };
      }
      if (up.length === 0) return { tone: 'ok', text: all };
      const list = listOf(
        up.map((f) => f.socket),
        lang,
      );
      // Chinese sentences follow one another without a blank.
      return {
        tone: 'ok',
        text: `${all}${lang === 'zh' ? '' : ' '}${pluralize(L.up, lang, up.length, { list })}`,
      };
    }
  }
}
