/**
 * One AT command on the line: tell the parser what was sent, send it, gather its reply until OK or an
 * error answer, within a timeout that includes the wire time at the open baud rate. Echo on or off makes
 * no difference (the parser recognises the echo). Afterwards the parser is idle, so a late or extra byte is
 * unsolicited, never the next command's answer.
 */
import { ReplyAssembler, type AssembledReply } from '../protocol/reply-parser';
import { portLostError, toSessionError } from './errors';
import type { Line } from './line';
import type { SessionTimeouts } from './timing';

const encoder = new TextEncoder();

export interface ExchangeOptions {
  readonly signal?: AbortSignal;
  /** Overrides the computed timeout. */
  readonly timeoutMs?: number;
  /** Password AT (manual 3.1.3): the CMDPW bytes sent before the command, in a working mode. */
  readonly prefix?: string;
  /** Added to the computed timeout: the module's framing time (UARTFT) and its processing time. */
  readonly extraMs?: number;
  /**
   * A query: its `+NAME:` line, followed by `queryQuietMs` of silence, completes the answer also without
   * OK (USR-G761w firmware answers queries that way).
   */
  readonly query?: string;
}

/**
 * Sends `commandLine` as the protocol's builders make it (`AT+VER?\r`; a missing CR is added) and
 * resolves with the reply (`status: 'ok' | 'error'`). Rejects with a SessionError: timeout, aborted, port.
 */
export async function exchange(
  line: Line,
  commandLine: string,
  timeouts: SessionTimeouts,
  options: ExchangeOptions = {},
): Promise<AssembledReply> {
  const command = commandLine.replace(/\r$/, '');
  const text = (options.prefix ?? '') + command;
  const bytes = encoder.encode(`${text}\r`);
  const wire = bytes.length + timeouts.replyChars;
  const timeoutMs = options.timeoutMs ?? timeouts.replyMs + line.wireMs(wire) + (options.extraMs ?? 0);
  const assembler = new ReplyAssembler();
  const query = options.query;
  line.setMode({ kind: 'command', line: text });
  const reply = line.waitFor(
    (event) => {
      const r = assembler.add(event);
      return r ? { value: r } : undefined;
    },
    timeoutMs,
    command,
    options.signal,
    query === undefined
      ? undefined
      : {
          ms: timeouts.queryQuietMs + line.wireMs(8),
          ready: () => assembler.hasInfo(query),
          value: () => assembler.endWithoutOk(),
        },
  );
  try {
    await line.write(bytes);
  } catch (e) {
    line.failWait(e instanceof Error ? toSessionError(e) : portLostError(e));
  }
  try {
    const answer = await reply;
    line.confirmReceipt();
    return answer;
  } finally {
    line.setMode({ kind: 'idle' });
  }
}
