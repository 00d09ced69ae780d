/**
 * The support bundle (docs/support.md): one file with what happened on a customer's bench — the module's
 * identity, its configuration before and after, the apply report with its link check, the session's
 * traffic log with times, the app version and the browser. Versioned JSON of kind
 * `usr-lte-7s4-support-bundle`; read back only through `readBundle` (read.ts), which checks every field.
 *
 * Secrets (protocol/secrets.ts) are withheld unless the sender opted in: the settings that hold one are left
 * out of `before`/`after` and named in `withheld`, a withheld value in the apply report is `SECRET_MASK`,
 * and log lines are redacted with `redactAtLine` (protocol/redact-log.ts).
 */

export const BUNDLE_KIND = 'usr-lte-7s4-support-bundle';
export const BUNDLE_VERSION = 1;

/** A bundle file larger than this is refused unread (characters). The log's own bound is far below it. */
export const MAX_BUNDLE_CHARS = 6_000_000;
/** Log entries kept: the session's traffic log keeps at most 20 000 (session/traffic-log.ts). */
export const MAX_BUNDLE_LOG_ENTRIES = 20_000;
/** Log bytes kept: the session's traffic log keeps at most 1 MiB. */
export const MAX_BUNDLE_LOG_BYTES = 1_048_576;
/** Settings in `before`/`after`: the catalogue has 47; a file with far more is not ours. */
export const MAX_BUNDLE_SETTINGS = 200;
/** A value (a setting, an identity field, a browser string) longer than this is refused. */
export const MAX_BUNDLE_VALUE_CHARS = 4096;

export type BundleDir = 'tx' | 'rx' | 'note';

export interface BundleLogEntry {
  /** ms since the session opened. */
  readonly t: number;
  readonly dir: BundleDir;
  readonly bytes: Uint8Array;
}

export interface BundleIdentity {
  /** AT+VER */
  readonly version: string;
  readonly sn: string;
  readonly imei: string;
  readonly iccid: string;
}

export type BundleOutcome = 'applied' | 'unchanged' | 'rejected' | 'not-reached';

export interface BundleResult {
  readonly name: string;
  /** The value written, or `SECRET_MASK` when withheld. */
  readonly value: string;
  readonly outcome: BundleOutcome;
  /** For `rejected`: the module's error line (`+ERR:3`) and what it means. */
  readonly error?: { readonly raw: string; readonly meaning: { readonly en: string; readonly zh: string } };
}

export interface BundleApply {
  readonly results: readonly BundleResult[];
  /** Values before the first write (withheld ones left out). */
  readonly snapshot: Readonly<Record<string, string>>;
  readonly restarted: boolean;
  /** Values read back after the restart (withheld ones left out). */
  readonly confirmed: Readonly<Record<string, string>>;
}

export type BundleVerdict = 'up' | 'down' | 'on-demand' | 'disabled';
export type BundleDownReason = 'no-service' | 'weak-signal' | 'server-unreachable';

export interface BundleSocketProof {
  readonly socket: 'A' | 'B' | 'C' | 'D';
  readonly verdict: BundleVerdict;
  readonly server?: string;
  readonly upAfterMs?: number;
  readonly reason?: BundleDownReason;
}

/** The link check after the apply, as far as the module told (the simulator's world trace is not kept). */
export interface BundleLinkProof {
  readonly state: 'done' | 'failed' | 'stopped' | 'checking';
  /** When it ended (epoch ms), for `done`. */
  readonly at?: number;
  readonly error?: string;
  readonly mode?: string;
  readonly watchedMs?: number;
  readonly sockets: readonly BundleSocketProof[];
}

export interface SupportBundle {
  readonly kind: typeof BUNDLE_KIND;
  readonly version: typeof BUNDLE_VERSION;
  /** ISO 8601, when the bundle was made. */
  readonly createdAt: string;
  readonly app: { readonly version: string; readonly browser: string };
  /** What the customer's session was connected to; null when it never connected. */
  readonly transport: 'serial' | 'simulator' | null;
  /** The simulator's firmware variant, when the transport was the simulator (its selection). */
  readonly firmware?: readonly string[];
  /** `included`: the sender opted in to send passwords and credentials. */
  readonly secrets: 'withheld' | 'included';
  /** Settings left out because they hold a secret (empty when included). */
  readonly withheld: readonly string[];
  /** Log lines whose secrets were replaced by `SECRET_MASK`. */
  readonly redactedLines: number;
  readonly identity: BundleIdentity | null;
  /** The module's settings before the session changed them (canonical values). */
  readonly before: Readonly<Record<string, string>>;
  /** The settings as last known (read, or accepted and not read back). */
  readonly after: Readonly<Record<string, string>>;
  readonly apply: BundleApply | null;
  readonly linkProof: BundleLinkProof | null;
  readonly log: {
    /** What the session's bounded log no longer held when the bundle was made. */
    readonly dropped: { readonly entries: number; readonly bytes: number };
    readonly entries: readonly BundleLogEntry[];
  };
}
