/**
 * Whether the simulator answered a write as the customer's module did (docs/support.md, "What differs
 * means"). Bytes are compared exactly — echo, CR LF, `OK` or `+OK` — because those are the firmware
 * differences worth knowing. Two things are not held against the simulator:
 *
 * - values that change by themselves: the signal (`+CSQ:`), the network (`+SYSINFO:`) and link states
 *   (`+SOCKALK:` …) — when only those values differ the exchange "was expected to differ";
 * - secrets the sender withheld: where the logged reply says `••••••`, the simulator's is redacted the same
 *   way first (redactAtLine), so a withheld password does not count as a difference.
 */
import { redactAtLine } from '../../protocol/secrets';
import { hasMask, type ReplayExchange } from './exchanges';

export type Verdict = 'same' | 'differs' | 'missing' | 'expected-to-differ' | 'withheld';

/** Queries whose answers change by themselves (radio, links): their values are expected to differ. */
export const VOLATILE_COMMANDS: ReadonlySet<string> = new Set([
  'CSQ',
  'SYSINFO',
  'SOCKALK',
  'SOCKBLK',
  'SOCKCLK',
  'SOCKDLK',
]);

const VOLATILE_LINE = /^(\+(?:CSQ|SYSINFO|SOCK[A-D]LK):\s?)[^\r\n]*/gm;
const decoder = new TextDecoder();

function text(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

function redactLines(s: string): string {
  return s
    .split(/(?<=\n)|(?<=\r)(?!\n)/)
    .map((l) => redactAtLine(l))
    .join('');
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function verdictOf(exchange: ReplayExchange, actual: Uint8Array): Verdict {
  if (exchange.withheld) return 'withheld';
  const expected = exchange.expected;
  if (sameBytes(expected, actual)) return 'same';
  let e = text(expected);
  let a = text(actual);
  if (hasMask(expected)) {
    a = redactLines(a);
    if (a === e) return 'same';
  }
  if (actual.length === 0) return 'missing';
  if (exchange.command !== undefined && VOLATILE_COMMANDS.has(exchange.command)) {
    e = e.replace(VOLATILE_LINE, '$1…');
    a = a.replace(VOLATILE_LINE, '$1…');
    if (a === e) return 'expected-to-differ';
  }
  return 'differs';
}
