/**
 * A support bundle from what the app knows at the end of a customer's session (the UI passes the store's
 * and the session's data; plain types here, so this stays free of the UI). Secrets are withheld unless
 * `includeSecrets` (format.ts); "before" is the values as last known with the apply's snapshot over them
 * (the values before its first write).
 */
import { concatBytes } from '../../protocol/bytes';
import { SECRET_MASK } from '../../protocol/secrets';
import { privateSettings, withholdsSecret } from '../secrets';
import { bytesToBundleText } from './byte-text';
import {
  BUNDLE_KIND,
  BUNDLE_VERSION,
  type BundleApply,
  type BundleIdentity,
  type BundleLinkProof,
  type BundleLogEntry,
  type BundleOutcome,
  type SupportBundle,
} from './format';
import { redactLog } from '../../protocol/redact-log';

/** An apply report as the session gives it (ui/services/session-service.ts `ApplyReport`). */
export interface ApplyReportLike {
  readonly results: readonly {
    readonly name: string;
    readonly value: string;
    readonly outcome: BundleOutcome;
    readonly error?: { readonly raw: string; readonly meaning: { readonly en: string; readonly zh: string } };
  }[];
  readonly snapshot: Readonly<Record<string, string>>;
  readonly restarted: boolean;
  readonly confirmed: Readonly<Record<string, string>>;
}

/** The link check as the store keeps it (ui/link-proof/findings.ts `ProofState`), the parts a module tells. */
export interface LinkProofLike {
  readonly kind: 'checking' | 'done' | 'failed' | 'stopped';
  readonly at?: number;
  readonly error?: string;
  readonly proof?: {
    readonly mode: string | undefined;
    readonly watchedMs: number;
    readonly sockets: readonly {
      readonly socket: 'A' | 'B' | 'C' | 'D';
      readonly verdict: 'up' | 'down' | 'on-demand' | 'disabled';
      readonly server: string | undefined;
      readonly upAfterMs?: number;
      readonly reason?: 'no-service' | 'weak-signal' | 'server-unreachable';
    }[];
  };
}

export interface BundleSource {
  readonly createdAt: Date;
  readonly app: { readonly version: string; readonly browser: string };
  readonly transport: 'serial' | 'simulator' | null;
  readonly firmware?: readonly string[];
  readonly identity: BundleIdentity | undefined;
  /** The device's values as last known (canonical). */
  readonly device: Readonly<Record<string, string>>;
  readonly report: ApplyReportLike | undefined;
  readonly linkProof: LinkProofLike | undefined;
  /** The session's traffic log, `at` in ms since it opened. */
  readonly traffic: readonly {
    readonly at: number;
    readonly dir: 'tx' | 'rx' | 'note';
    readonly bytes: Uint8Array;
  }[];
  readonly dropped: { readonly entries: number; readonly bytes: number };
  /** The sender opted in to include passwords and credentials. */
  readonly includeSecrets: boolean;
}

function withoutSecrets(
  values: Readonly<Record<string, string>>,
  withheld: Set<string>,
  include: boolean,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (!include && withholdsSecret(name, value)) withheld.add(name);
    else out[name] = value;
  }
  return out;
}

function applyOf(report: ApplyReportLike, withheld: Set<string>, include: boolean): BundleApply {
  return {
    results: report.results.map((r) => {
      const hide = !include && withholdsSecret(r.name, r.value);
      if (hide) withheld.add(r.name);
      return {
        name: r.name,
        value: hide ? SECRET_MASK : r.value,
        outcome: r.outcome,
        ...(r.outcome === 'rejected' && r.error
          ? { error: { raw: r.error.raw, meaning: { en: r.error.meaning.en, zh: r.error.meaning.zh } } }
          : {}),
      };
    }),
    snapshot: withoutSecrets(report.snapshot, withheld, include),
    restarted: report.restarted,
    confirmed: withoutSecrets(report.confirmed, withheld, include),
  };
}

function proofOf(p: LinkProofLike): BundleLinkProof {
  return {
    state: p.kind,
    ...(p.kind === 'done' && p.at !== undefined ? { at: p.at } : {}),
    ...(p.kind === 'failed' && p.error !== undefined ? { error: p.error } : {}),
    ...(p.proof?.mode !== undefined ? { mode: p.proof.mode } : {}),
    ...(p.proof ? { watchedMs: p.proof.watchedMs } : {}),
    sockets: (p.proof?.sockets ?? []).map((s) => ({
      socket: s.socket,
      verdict: s.verdict,
      ...(s.server !== undefined ? { server: s.server } : {}),
      ...(s.upAfterMs !== undefined ? { upAfterMs: s.upAfterMs } : {}),
      ...(s.reason !== undefined ? { reason: s.reason } : {}),
    })),
  };
}

const IDENTITY_FIELDS = { VER: 'version', SN: 'sn', IMEI: 'imei', ICCID: 'iccid' } as const;

/**
 * The identity from the module's answers in the log (`+VER:…`, `+SN:…`, `+IMEI:…`, `+ICCID:…`), for a
 * session whose identity the app did not keep; undefined unless all four were answered.
 */
export function identityFromLog(traffic: BundleSource['traffic']): BundleIdentity | undefined {
  const found: Partial<Record<keyof BundleIdentity, string>> = {};
  const text = new TextDecoder().decode(
    concatBytes(traffic.filter((e) => e.dir === 'rx').map((e) => e.bytes)),
  );
  for (const m of text.matchAll(/\+(VER|SN|IMEI|ICCID):\s?([^\r\n]*)/g)) {
    found[IDENTITY_FIELDS[m[1] as keyof typeof IDENTITY_FIELDS]] = m[2] ?? '';
  }
  const { version, sn, imei, iccid } = found;
  return version !== undefined && sn !== undefined && imei !== undefined && iccid !== undefined
    ? { version, sn, imei, iccid }
    : undefined;
}

export function buildBundle(source: BundleSource): SupportBundle {
  const include = source.includeSecrets;
  const withheld = new Set<string>();
  const report = source.report;
  const before = { ...source.device, ...(report?.snapshot ?? {}) };
  const raw = source.traffic.map((e) => ({ t: e.at, dir: e.dir, bytes: e.bytes }));
  const log = include ? { entries: raw, lines: 0 } : redactLog(raw, privateSettings());
  const entries: BundleLogEntry[] = log.entries.map((e) => ({ t: e.t, dir: e.dir, bytes: e.bytes.slice() }));
  const apply = report ? applyOf(report, withheld, include) : null;
  const identity = source.identity ?? identityFromLog(source.traffic);
  const bundle: SupportBundle = {
    kind: BUNDLE_KIND,
    version: BUNDLE_VERSION,
    createdAt: source.createdAt.toISOString(),
    app: { version: source.app.version, browser: source.app.browser },
    transport: source.transport,
    ...(source.firmware ? { firmware: [...source.firmware] } : {}),
    secrets: include ? 'included' : 'withheld',
    withheld: [],
    redactedLines: log.lines,
    identity: identity
      ? { version: identity.version, sn: identity.sn, imei: identity.imei, iccid: identity.iccid }
      : null,
    before: withoutSecrets(before, withheld, include),
    after: withoutSecrets(source.device, withheld, include),
    apply,
    linkProof: source.linkProof && report ? proofOf(source.linkProof) : null,
    log: { dropped: { ...source.dropped }, entries },
  };
  return { ...bundle, withheld: [...withheld].sort() };
}

/** Marks where the log entries go, so they can be written one per line (no string of a bundle is this). */
const ENTRIES = '\u0000entries\u0000';

/** The bundle as the file's text: JSON, indented, one log entry per line. */
export function bundleToJson(bundle: SupportBundle): string {
  const { log, ...rest } = bundle;
  const text = JSON.stringify({ ...rest, log: { dropped: log.dropped, entries: ENTRIES } }, null, 2);
  const lines = log.entries.map(
    (e) => `      ${JSON.stringify({ t: e.t, dir: e.dir, data: bytesToBundleText(e.bytes) })}`,
  );
  const list = lines.length === 0 ? '[]' : `[\n${lines.join(',\n')}\n    ]`;
  return `${text.replace(JSON.stringify(ENTRIES), () => list)}\n`;
}

/** `support-bundle-20261129-154502.json` for a date (local time). */
export function bundleFileName(date: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `support-bundle-${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}.json`;
}
