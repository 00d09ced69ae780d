/**
 * AT commands with meaning: a query returns the value of its `+CMD:` line, a set or an action returns when
 * OK came. Queries and sets are idempotent, so after a timeout or an unreadable answer they are sent again
 * (after letting a late answer drain); an error answer is asked once more too, because a byte lost on the
 * way in can turn a good command into ERR1–ERR4 (and an error answer means it did not run). Restarts and
 * AT+SMSEND are not repeated after a lost answer: they may have run.
 *
 * A byte lost inside a value cannot be seen in one answer (`+HEARTTM:3` for 30 reads fine). So once the
 * line has shown it is unreliable — an answer was lost or unreadable, or carried stray lines — the channel
 * is `suspect` and every query is confirmed by answers that agree. Callers re-check what they read before
 * that moment (ops/read-settings.ts). A timeout whose answers all turn up whole, only late (a browser that
 * stalled), shows no loss: it leaves the line trusted.
 */
import { findCommand } from '../protocol/catalogue';
import { buildAction, buildQuery, buildSet, withPassword } from '../protocol/command';
import { infoValue, ReplyParser, type AssembledReply } from '../protocol/reply-parser';
import { validateValue } from '../protocol/validate';
import {
  atErrorOf,
  frameTooLongError,
  garbledError,
  notA7s4Error,
  toSessionError,
  type SessionError,
} from './errors';
import { silenceFrom } from './entry';
import { exchange } from './exchange';
import type { Line } from './line';
import { guardMs, type SessionTimeouts } from './timing';

/** On a suspect line: answers that must agree on a value, and the most asked for. */
const AGREEING_ANSWERS = 3;
const MAX_ANSWERS = 8;

/** Actions that may be sent again after a lost answer: running them twice does no harm. */
const REPEATABLE_ACTIONS = new Set(['', 'H', 'CFGTF', 'ENTM']);

const encoder = new TextEncoder();

export interface CommandOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  /** Not repeated after a lost answer (a set with a side effect: AT+SMSEND sends a message each time). */
  readonly once?: boolean;
}

/**
 * How commands reach the module right now: plainly in command mode, or behind the CMDPW password in a
 * working mode (manual 3.1.3). `uartft` matters for the latter: the module answers a password command only
 * once its frame has ended, UARTFT after the last byte, and the command must start a frame of its own.
 */
export interface Route {
  readonly password: string | undefined;
  readonly uartft: number;
  /**
   * The module's UARTFL (packing length) when known: a password command longer than one frame is cut and
   * forwarded to the server as data (manual 2.2.2, 3.1.3), so it is refused before sending.
   */
  readonly uartfl?: number | undefined;
  /** Set when nothing may be sent now (the module is no longer in command mode): the error to give. */
  readonly blocked?: SessionError;
}

export class AtChannel {
  constructor(
    private readonly line: Line,
    private readonly timeouts: SessionTimeouts,
    private readonly route: () => Route,
  ) {}

  /** One command line exactly as given (terminal); no retry. The reply may be an error answer. */
  async send(commandLine: string, options: CommandOptions = {}): Promise<AssembledReply> {
    const { password, uartft, uartfl, blocked } = this.route();
    if (blocked) throw blocked;
    // Firmware that frames its input by UARTFT answers once the frame has ended, and real modules take
    // 5–300 ms to process a command (module-behaviour.md, firmware variants): both are in the budget.
    const query = /^AT\+([A-Z0-9_]+)\?$/i.exec(commandLine.trim())?.[1];
    const base = { ...options, extraMs: uartft, ...(query ? { query } : {}) };
    if (password === undefined) return exchange(this.line, commandLine, this.timeouts, base);
    const bytes = encoder.encode(`${withPassword(password, commandLine.replace(/\r$/, ''))}\r`).length;
    if (uartfl !== undefined && bytes > uartfl) throw frameTooLongError(bytes, uartfl);
    // The command must start a frame of its own, and the module answers once that frame has ended
    // (UARTFT after the CR): the guard comes before and on top of any timeout.
    const guard = guardMs(uartft);
    await this.line.waitUntil(silenceFrom(this.line) + guard, options.signal);
    const timeoutMs =
      (options.timeoutMs ?? this.timeouts.replyMs + this.line.wireMs(this.timeouts.replyChars + 64)) + guard;
    return exchange(this.line, commandLine, this.timeouts, {
      ...base,
      timeoutMs,
      prefix: withPassword(password, ''),
    });
  }

  private anomalies = 0;

  /** The line has dropped, garbled or added bytes since it was opened: values need a second answer. */
  get suspect(): boolean {
    return this.anomalies > 0;
  }

  /**
   * `AT+NAME?` → the value of `+NAME:` (canonical when the catalogue can read it). On a suspect line it is
   * asked again until one value has come three times: at 1 % loss, two answers damaged the same way (the
   * same byte of a short value lost twice) happen about once in a thousand values; three, practically never.
   */
  async query(name: string, options: CommandOptions = {}): Promise<string> {
    const first = await this.queryOnce(name, options);
    if (!this.suspect) return first;
    const counts = new Map([[first, 1]]);
    for (let i = 1; i < MAX_ANSWERS; i++) {
      const again = await this.queryOnce(name, options);
      const n = (counts.get(again) ?? 0) + 1;
      if (n >= AGREEING_ANSWERS) return again;
      counts.set(again, n);
    }
    throw garbledError(`AT+${name}?`, 'answers differ each time');
  }

  private queryOnce(name: string, options: CommandOptions): Promise<string> {
    const entry = findCommand(name);
    let previousInvalid: string | undefined;
    const command = buildQuery(name).trim().toUpperCase();
    return this.reliable(buildQuery(name), options, (reply, label) => {
      // A query's answer is `+NAME:value` and OK; anything else in it was noise. Not noise: the answer to an
      // earlier try of this same query that reached us late (its echo, the same value again).
      const noise = reply.text.some((t) => t.trim().toUpperCase() !== command);
      const values = new Set(reply.info.map((i) => `${i.name}:${i.value}`));
      if (noise || values.size > 1) this.anomalies++;
      const value = infoValue(reply, name);
      if (value === undefined) throw nonsenseAnswer(label, name, reply);
      if (!entry || entry.kind !== 'setting') return value;
      const checked = validateValue(entry, value);
      if (checked.ok) return checked.value;
      // Twice the same value the catalogue cannot read: that is what this firmware holds, not noise.
      if (previousInvalid === value) return value;
      previousInvalid = value;
      throw garbledError(label, `unexpected value "${value}"`);
    });
  }

  /** `AT+NAME=value` → OK. */
  async set(name: string, value: string, options: CommandOptions = {}): Promise<void> {
    await this.reliable(
      buildSet(name, value),
      options,
      () => undefined,
      () => undefined,
    );
  }

  /**
   * `AT+NAME` (AT+Z, AT+CFGTF…). An error answer means it did not run, so it is sent again like a set; a
   * lost answer is retried only for actions that do no harm twice — a restart may have begun (the caller
   * finds out by waiting for the start message). Rejects with the error answer or a timeout.
   */
  async action(name: string, options: CommandOptions = {}): Promise<void> {
    const once = options.once ?? !REPEATABLE_ACTIONS.has(name);
    await this.reliable(
      buildAction(name),
      { ...options, once },
      () => undefined,
      () => undefined,
    );
  }

  private async reliable<T>(
    commandLine: string,
    options: CommandOptions,
    read: (reply: AssembledReply & { status: 'ok' }, label: string) => T,
    /** The result when the answer (OK) came only after its try timed out; none for a query (its value). */
    late?: () => T,
  ): Promise<T> {
    const label = commandLine.trim();
    let errorAnswers = 0;
    let failures = 0;
    let attempts = 0;
    // Tries that timed out: a lost byte, or an answer still on its way (a browser that stalled).
    let timeouts = 0;
    const answers = countAnswers(this.line, commandLine);
    // Every failure so far was a clean answer that made no sense: not line noise, another device.
    let nonsense: SessionError | undefined;
    try {
      for (;;) {
        try {
          attempts++;
          const reply = await this.send(commandLine, options);
          if (reply.status === 'error') throw atErrorOf(label, reply.error);
          const value = read(reply, label);
          if (timeouts > 0) {
            // The answer that ended this try may be an earlier try's, late: the others follow right behind
            // (the module answers in order). All of them whole: the line lost nothing, they were only late
            // (a browser that stalled), and the line stays trusted. Their bytes must not meet the next
            // command either.
            if (answers.count() < attempts) {
              await this.line.quietRx(this.timeouts.resyncQuietMs, this.timeouts.resyncMaxMs, options.signal);
            }
            // Whole but disagreeing (the late answer says one value, the retry's another): not only late.
            if (answers.count() < attempts || answers.values() > 1) this.anomalies++;
          }
          return value;
        } catch (e) {
          const error = e instanceof NonsenseAnswer ? e.error : toSessionError(e);
          nonsense = e instanceof NonsenseAnswer && (failures === 0 || nonsense) ? e.notA7s4 : undefined;
          if (options.once && error.code === 'timeout') throw error;
          if (!this.worthRetry(error, error.code === 'at-error' ? ++errorAnswers : ++failures))
            throw nonsense ?? error;
          // A timeout is judged once the command has been answered (above); anything else is line trouble.
          if (error.code === 'timeout') timeouts++;
          else this.anomalies++;
          if (error.code === 'timeout' && timeouts === 1 && !this.suspect) {
            // A stalled browser, not a lost byte, is the likely cause on a line that has lost nothing: wait
            // for the answer before sending again. A set or action answered OK late has run (once); a
            // query is asked again for its value. Nothing by then: it was lost, and the line is suspect.
            if (await this.lateAnswer(answers, attempts, options.signal)) {
              if (late) return late();
            } else this.anomalies++;
          }
          await this.line.quietRx(this.timeouts.resyncQuietMs, this.timeouts.resyncMaxMs, options.signal);
        }
      }
    } finally {
      answers.stop();
    }
  }

  /** True when every try so far has been answered within `lateAnswerMs` (its answer was late, not lost). */
  private async lateAnswer(
    answers: { count(): number },
    attempts: number,
    signal: AbortSignal | undefined,
  ): Promise<boolean> {
    if (answers.count() >= attempts) return true;
    try {
      return await this.line.waitFor(
        () => (answers.count() >= attempts ? { value: true } : undefined),
        this.timeouts.lateAnswerMs,
        'late answer',
        signal,
      );
    } catch (e) {
      const error = toSessionError(e);
      if (error.code === 'timeout') return false;
      throw error;
    }
  }

  /** On a suspect line a lost byte is likely, so more attempts are worth it than on a clean one. */
  private worthRetry(error: SessionError, count: number): boolean {
    switch (error.code) {
      case 'timeout':
      case 'garbled':
        return count <= (this.suspect ? this.timeouts.suspectRetries : this.timeouts.retries);
      case 'at-error':
        return count <= (this.suspect ? 3 : 1);
      default:
        return false;
    }
  }
}

/**
 * Counts the whole answers to `commandLine` among every byte the line receives from now on — also those
 * that come after their try timed out, while the line drains or during the next try: the `+NAME:` line of
 * a query, the OK of a set or an action. A byte lost in an answer's line end or name leaves it uncounted.
 */
function countAnswers(line: Line, commandLine: string): { count(): number; values(): number; stop(): void } {
  const query = /^AT\+([A-Z0-9_]+)\?$/i.exec(commandLine.trim())?.[1]?.toUpperCase();
  const parser = new ReplyParser();
  parser.expect(commandLine);
  let n = 0;
  // Two whole answers with different values show a damaged one — for a setting; a status (CSQ, SOCKALK)
  // may really change between a late answer and the retry's.
  const setting = query !== undefined && findCommand(query)?.kind === 'setting';
  const values = new Set<string>();
  const feed = (bytes: Uint8Array): void => {
    // The parser rests after an answer's OK or error: the bytes behind it (the next try's answer) come back
    // unsolicited, and are read again as the answer to another try.
    let answered = false;
    for (const event of parser.push(bytes)) {
      if (query ? event.type === 'info' && event.name === query : event.type === 'ok') n++;
      if (setting && event.type === 'info' && event.name === query) values.add(event.value.trim());
      if (event.type === 'ok' || event.type === 'error') answered = true;
      else if (event.type === 'unsolicited' && answered) {
        answered = false;
        parser.expect(commandLine);
        feed(event.bytes);
      }
    }
    if (answered) parser.expect(commandLine);
  };
  const stop = line.events.on('received', feed);
  return { count: () => n, values: () => values.size, stop };
}

/**
 * A clean answer to `AT+NAME?` without its `+NAME:` line. Once is line trouble (a lost byte in the name); on
 * every try it is the device: OK alone to everything, or another command's answer (module-behaviour.md has
 * no firmware that does either).
 */
class NonsenseAnswer extends Error {
  constructor(
    readonly error: SessionError,
    readonly notA7s4: SessionError,
  ) {
    super(error.message);
  }
}

function nonsenseAnswer(label: string, name: string, reply: AssembledReply): NonsenseAnswer {
  const other = reply.info.find((i) => i.name !== name.toUpperCase());
  const shown = other ? `+${other.name}:${other.value}`.slice(0, 60) : reply.text[0]?.slice(0, 60);
  const detail = other
    ? {
        en: `it answered ${label} with "${shown}", the answer of another command.`,
        zh: `它对 ${label} 的应答是“${shown}”，那是另一条指令的应答。`,
      }
    : shown !== undefined
      ? {
          en: `it answered ${label} with "${shown}" instead of +${name}:….`,
          zh: `它对 ${label} 的应答是“${shown}”，而不是 +${name}:…。`,
        }
      : {
          en: `it answered ${label} with OK and no value (it seems to answer OK to everything).`,
          zh: `它对 ${label} 只回复 OK、没有数值（似乎对任何指令都回复 OK）。`,
        };
  return new NonsenseAnswer(garbledError(label, `no +${name}: line`), notA7s4Error(detail));
}
