/**
 * Which help goes with which failure (the esp-web-tools idea: a failure names its own help). The views
 * show the session's `error` and `advice` first, then these topics.
 */
import type { Problem, ProblemKind } from '../services/session-service';

export type HelpTopic = 'checklist' | 'drivers' | 'linux' | 'browsers' | 'simulator' | 'wrong-device';

const TOPICS: Readonly<Record<ProblemKind, readonly HelpTopic[]>> = {
  unsupported: ['browsers', 'simulator'],
  'insecure-context': ['browsers', 'simulator'],
  'nothing-picked': ['drivers', 'linux', 'simulator'],
  blocked: ['browsers'],
  'port-busy': ['linux', 'checklist'],
  'permission-denied': ['linux'],
  disconnected: ['checklist', 'drivers'],
  'bad-settings': ['checklist'],
  'no-answer': ['checklist', 'drivers'],
  'device-error': ['checklist'],
  // Wrong port or device, a loopback plug, another product (ui/not-a-7s4/), then the wiring.
  'not-a-7s4': ['wrong-device', 'checklist'],
  unknown: ['checklist', 'drivers', 'linux'],
};

/** Help topics for a problem, most useful first; Linux help only where the person is on Linux. */
export function helpTopics(kind: ProblemKind, onLinux: boolean): HelpTopic[] {
  return TOPICS[kind].filter((topic) => topic !== 'linux' || onLinux);
}

/** The kinds a person can fix by choosing the simulator instead. */
export function simulatorHelps(kind: ProblemKind): boolean {
  return TOPICS[kind].includes('simulator');
}

interface PortErrorShape {
  readonly kind: string;
  readonly text: { readonly en: string; readonly zh: string };
  readonly advice: { readonly en: string; readonly zh: string };
  readonly message?: string;
  readonly cause?: unknown;
}

const KINDS: readonly ProblemKind[] = Object.keys(TOPICS) as ProblemKind[];

function isPortErrorShape(e: unknown): e is PortErrorShape {
  return (
    typeof e === 'object' &&
    e !== null &&
    'kind' in e &&
    'text' in e &&
    'advice' in e &&
    typeof (e as { kind: unknown }).kind === 'string'
  );
}

/** The help kind of a session error code (src/session/errors.ts `SessionErrorCode`), when it has its own. */
export function sessionProblemKind(code: string): ProblemKind | undefined {
  switch (code) {
    case 'port':
      return 'disconnected';
    case 'timeout':
    case 'not-answering':
    case 'garbled':
    case 'restart-timeout':
    case 'baud-not-found':
      return 'no-answer';
    case 'at-error':
    case 'verify-mismatch':
    case 'invalid-value':
      return 'device-error';
    case 'not-a-7s4':
      return 'not-a-7s4';
    default:
      return undefined;
  }
}

/**
 * A problem from anything thrown: a `PortError` (serial/port-error.ts) keeps its kind, text and advice;
 * anything else becomes `unknown` with its message as detail.
 */
export function problemFrom(e: unknown): Problem {
  if (isPortErrorShape(e)) {
    const kind = KINDS.includes(e.kind as ProblemKind) ? (e.kind as ProblemKind) : 'unknown';
    const cause = e.cause instanceof Error ? e.cause.message : undefined;
    return { kind, error: e.text, advice: e.advice, ...(cause ? { detail: cause } : {}) };
  }
  const detail = e instanceof Error ? e.message : String(e);
  return {
    kind: 'unknown',
    error: { en: 'Something went wrong.', zh: '出现错误。' },
    advice: { en: 'Disconnect, check the cable and try again.', zh: '请断开连接，检查数据线后重试。' },
    detail,
  };
}
