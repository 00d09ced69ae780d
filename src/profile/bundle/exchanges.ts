/**
 * A bundle's log as the exchanges a replay drives (replay.ts): each write of the host (`tx`) with the
 * module's bytes that came after it until the next write (its reply, `expected`), the logged silence
 * before it, and the host line it went out on (from the session's `open 115200 8N1` notes). What the module
 * said before the first write (a start message) is the prelude, not compared.
 */
import { concatBytes } from '../../protocol/bytes';
import { parseUartValue, type UartSettings } from '../../protocol/uart';
import { SECRET_MASK } from '../../protocol/secrets';
import type { BundleLogEntry } from './format';

export interface ReplayExchange {
  readonly index: number;
  /** Logged time of the write, ms since the session opened. */
  readonly at: number;
  /** Logged silence before the write: since the entry before it (either direction), ms. */
  readonly gapMs: number;
  /** Logged time since the previous write (the first: since the log began), ms. */
  readonly sinceWriteMs: number;
  readonly sent: Uint8Array;
  /** What the module sent after this write and before the next one, as logged. */
  readonly expected: Uint8Array;
  /** From the write to the last logged byte of `expected`, ms (0 without a reply). */
  readonly replySpanMs: number;
  readonly line: UartSettings;
  /** The write was redacted in the bundle (secrets withheld): it is not replayed. */
  readonly withheld: boolean;
  /**
   * Replayed together with the exchange before it: the host's `a` answers the module's `a` within 3 s
   * (manual 3.1.2, T5), so a person stepping slowly must not come between `+++` and it.
   */
  readonly bound: boolean;
  /** The command's name for `AT+NAME…` writes (`VER`, `CSQ`), `''` for a bare `AT`, else undefined. */
  readonly command: string | undefined;
}

export interface ReplayScript {
  readonly prelude: Uint8Array;
  readonly exchanges: readonly ReplayExchange[];
}

export const DEFAULT_LINE: UartSettings = { baud: 115200, dataBits: 8, stopBits: 1, parity: 'NONE' };

const PARITY: Readonly<Record<string, string>> = { N: 'NONE', O: 'ODD', E: 'EVEN' };
const MASK = new TextEncoder().encode(SECRET_MASK);
const latin1 = new TextDecoder('latin1');

/** `open 115200 8N1` (session/connection.ts) → the line, else undefined. */
export function lineOfNote(text: string): UartSettings | undefined {
  const m = /^open (\d+) ([78])([NOE])([12])$/.exec(text);
  if (!m) return undefined;
  return parseUartValue(`${m[1]},${m[2]},${m[4]},${PARITY[m[3] ?? 'N'] ?? 'NONE'},NFC`);
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export function hasMask(bytes: Uint8Array): boolean {
  return contains(bytes, MASK);
}

function commandOf(sent: Uint8Array): string | undefined {
  const m = /^AT(?:\+([A-Za-z0-9]+))?[?=]?/i.exec(latin1.decode(sent));
  if (!m) return undefined;
  return (m[1] ?? '').toUpperCase();
}

const PLUS3 = '+++';

export function replayScript(entries: readonly BundleLogEntry[]): ReplayScript {
  const prelude: Uint8Array[] = [];
  const exchanges: ReplayExchange[] = [];
  let line = DEFAULT_LINE;
  let lastAt = entries[0]?.t ?? 0;
  let lastWriteAt = lastAt;
  let current:
    | { base: Omit<ReplayExchange, 'expected' | 'replySpanMs'>; reply: Uint8Array[]; lastRx: number }
    | undefined;
  const close = (): void => {
    if (!current) return;
    exchanges.push({
      ...current.base,
      expected: concatBytes(current.reply),
      replySpanMs: current.reply.length > 0 ? Math.max(0, current.lastRx - current.base.at) : 0,
    });
    current = undefined;
  };
  for (const e of entries) {
    if (e.dir === 'note') {
      line = lineOfNote(new TextDecoder().decode(e.bytes)) ?? line;
      continue;
    }
    if (e.dir === 'rx') {
      if (current) {
        current.reply.push(e.bytes);
        current.lastRx = e.t;
      } else prelude.push(e.bytes);
      lastAt = e.t;
      continue;
    }
    const previous = current?.base ?? exchanges[exchanges.length - 1];
    close();
    const sentText = latin1.decode(e.bytes);
    current = {
      base: {
        index: exchanges.length,
        at: e.t,
        gapMs: Math.max(0, e.t - lastAt),
        sinceWriteMs: Math.max(0, e.t - lastWriteAt),
        sent: e.bytes,
        line,
        withheld: hasMask(e.bytes),
        bound: previous !== undefined && latin1.decode(previous.sent) === PLUS3 && sentText === 'a',
        command: commandOf(e.bytes),
      },
      reply: [],
      lastRx: e.t,
    };
    lastAt = e.t;
    lastWriteAt = e.t;
  }
  close();
  return { prelude: concatBytes(prelude), exchanges: rejoinLineEnds(exchanges) };
}

/**
 * A host reads a line when its CR arrives and may write again before the LF: the LF then lands after the
 * next write. It belongs to the reply before; moved back, so a reply never differs by where the write fell.
 */
function rejoinLineEnds(exchanges: ReplayExchange[]): ReplayExchange[] {
  for (let i = 1; i < exchanges.length; i++) {
    const before = exchanges[i - 1] as ReplayExchange;
    const ex = exchanges[i] as ReplayExchange;
    if (endsWithCr(before.expected) && ex.expected[0] === 0x0a) {
      exchanges[i - 1] = { ...before, expected: concatBytes([before.expected, ex.expected.subarray(0, 1)]) };
      exchanges[i] = { ...ex, expected: ex.expected.subarray(1) };
    }
  }
  return exchanges;
}

export function endsWithCr(bytes: Uint8Array): boolean {
  return bytes.length > 0 && bytes[bytes.length - 1] === 0x0d;
}
