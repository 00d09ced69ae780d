/**
 * Incremental parser of what the module sends back on the serial line.
 *
 * The session tells the parser what it is waiting for, and the parser reads the bytes in that light:
 * - `expect(command)`: an AT command was just sent. Lines are read as its answer (manual 3.1.6.3, tables
 *   12–13: `\r\n+CMD:PARA\r\n\r\nOK\r\n`, `\r\nOK\r\n`, or an error, at-error.ts). Its echo is recognised
 *   whether echo is on or off (module-behaviour.md: echo is ON by default), also with or without the
 *   password prefix of password AT (3.1.3).
 * - `expectEntry()`: `+++` was just sent (3.1.2, figure 27). The lone `a` and then `+ok` (with or without a
 *   trailing `\r\n`, *tolerate*) are recognised; any other byte is passed on as data.
 * - `idle()`: nothing is in flight. Bytes are passed on untouched as `unsolicited` (transparent data,
 *   heartbeats, the start message): they are never read as replies.
 * After `ok` or `error` the parser goes idle by itself, so data that follows a reply in the same chunk (a
 * password-AT reply in working mode, then server data) stays data.
 *
 * Lines end in `\r\n`; a bare `\r` or `\n` also ends a line (a `\n` right after a line-ending `\r` is part of
 * that line end). Text is UTF-8 (STMSG and SMS text can be Chinese). A line that reaches `maxLineBytes`
 * without a line end is emitted as `text` and the buffer cleared, so memory stays bounded.
 *
 * The events do not depend on how the bytes were split into chunks, except that a run of unsolicited bytes
 * comes out as one event per `push` (passing data on at once matters more than batching it); consecutive
 * `unsolicited` events are one run.
 */
import { parseErrorLine, type AtError } from './at-error';

export type ReplyEvent =
  /** The command's own echo. */
  | { readonly type: 'echo'; readonly line: string }
  /** A `+CMD:value` line; `name` upper case, blanks after `+` and around `:` removed. */
  | { readonly type: 'info'; readonly name: string; readonly value: string }
  | { readonly type: 'ok' }
  | { readonly type: 'error'; readonly error: AtError }
  /** Any other non-blank line during a command (the AT+H help message, for example). */
  | { readonly type: 'text'; readonly line: string }
  /** Bytes that are not part of a reply; never parsed. */
  | { readonly type: 'unsolicited'; readonly bytes: Uint8Array }
  /** The module's `a` after `+++`. */
  | { readonly type: 'entry-a' }
  /** The module's `+ok`: temporary command mode. */
  | { readonly type: 'entry-ok' };

export type ReplyParserMode = 'idle' | 'command' | 'entry';

export interface ReplyParserOptions {
  /** Longest line kept in memory; default 4096 bytes. */
  readonly maxLineBytes?: number;
}

const CR = 0x0d;
const LF = 0x0a;
const LOWER_A = 0x61;
const PLUS = 0x2b;
/** CMDPW is 1–10 bytes (3.1.7.8): the most an echo's password prefix can add. */
const MAX_PASSWORD = 10;

const INFO_LINE = /^\+\s*([A-Za-z][A-Za-z0-9_]*)\s*:[ \t]*(.*)$/s;
/** `OK`, and `+OK` of USR-G761w/N668/WIFI232 firmware (module-behaviour.md, firmware variants). */
const OK_LINE = /^\+?OK$/i;
const decoder = new TextDecoder('utf-8');

/** Normalises a command line for echo comparison: no line end, no surrounding blanks, upper case. */
function echoKey(line: string): string {
  return line
    .replace(/[\r\n]+$/, '')
    .trim()
    .toUpperCase();
}

function isEchoOf(line: string, command: string): boolean {
  const l = echoKey(line);
  if (l === '' || command === '') return false;
  if (l === command) return true;
  // Echo carries the password prefix the caller left out: `usr.cnAT+VER` for `AT+VER`.
  if (command.startsWith('AT') && l.endsWith(command) && l.length - command.length <= MAX_PASSWORD)
    return true;
  // The caller gave the prefixed line, the module echoed only the command.
  return l.startsWith('AT') && command.endsWith(l) && command.length - l.length <= MAX_PASSWORD;
}

export class ReplyParser {
  private mode: 'idle' | 'command' | 'entry-a' | 'entry-ok' = 'idle';
  private readonly maxLineBytes: number;
  private readonly line: Uint8Array;
  private lineLength = 0;
  /** The previous byte was a CR that ended a line: a LF now belongs to it. */
  private skipLf = false;
  /** `+ok` just ended: an optional CR LF (or LF) belongs to it. */
  private afterEntryOk = false;
  /** The command awaiting its echo (echoKey form); cleared once any non-blank line arrives. */
  private echoOf = '';
  /** The byte being read is the last of the chunk pushed. */
  private chunkLast = false;
  /** Bytes of `+ok` matched so far. */
  private entryMatched: number[] = [];
  private unsolicited: number[] = [];
  private events: ReplyEvent[] = [];

  constructor(options: ReplyParserOptions = {}) {
    this.maxLineBytes = Math.max(16, options.maxLineBytes ?? 4096);
    this.line = new Uint8Array(this.maxLineBytes);
  }

  /** What the parser is waiting for. */
  get state(): ReplyParserMode {
    return this.mode === 'idle' ? 'idle' : this.mode === 'command' ? 'command' : 'entry';
  }

  /**
   * An AT command line was just sent (with or without its `\r`, with or without password prefix). Returns
   * what was left of an unfinished earlier reply, as unsolicited bytes.
   */
  expect(commandLine: string): ReplyEvent[] {
    const leftover = this.leftover();
    this.mode = 'command';
    this.echoOf = echoKey(commandLine);
    return leftover;
  }

  /** `+++` was just sent: wait for `a`, then (after the host's `a`) for `+ok`. */
  expectEntry(): ReplyEvent[] {
    const leftover = this.leftover();
    this.mode = 'entry-a';
    return leftover;
  }

  /** Nothing in flight: what arrives is unsolicited. */
  idle(): ReplyEvent[] {
    const leftover = this.leftover();
    this.mode = 'idle';
    return leftover;
  }

  /** Feeds bytes as they arrive; returns the events they complete. */
  push(bytes: Uint8Array): ReplyEvent[] {
    const last = bytes.length - 1;
    for (let i = 0; i <= last; i++) {
      this.chunkLast = i === last;
      this.step(bytes[i] as number);
    }
    this.flushUnsolicited();
    const events = this.events;
    this.events = [];
    return events;
  }

  private step(b: number): void {
    if (this.skipLf) {
      this.skipLf = false;
      if (b === LF) return;
    }
    if (this.afterEntryOk) {
      this.afterEntryOk = false;
      if (b === LF) return;
      if (b === CR) {
        this.skipLf = true;
        return;
      }
    }
    switch (this.mode) {
      case 'idle':
        this.unsolicited.push(b);
        return;
      case 'command':
        this.commandByte(b);
        return;
      case 'entry-a':
        // After its `a` the module sends nothing until the host's `a` (it forwards no network data while
        // switching), so its `a` is the last byte of what has arrived. An `a` with bytes after it in the
        // same chunk — a notice such as "no data, communication timeout reset", the server's data — is
        // data. An `a` that ends a chunk of streamed data is only a candidate: the caller confirms it by
        // the silence that must follow (session/entry.ts).
        if (b === LOWER_A && this.chunkLast) {
          this.emit({ type: 'entry-a' });
          this.mode = 'entry-ok';
        } else {
          this.unsolicited.push(b);
        }
        return;
      case 'entry-ok':
        this.entryOkByte(b);
        return;
    }
  }

  private commandByte(b: number): void {
    if (b === CR || b === LF) {
      this.endLine();
      this.skipLf = b === CR;
      return;
    }
    this.line[this.lineLength++] = b;
    if (this.lineLength >= this.maxLineBytes) {
      // Guard against a never-ending line: hand it on as text, keep reading.
      const text = decoder.decode(this.line.subarray(0, this.lineLength));
      this.lineLength = 0;
      this.echoOf = '';
      this.emit({ type: 'text', line: text });
    }
  }

  /** `+ok`, case-insensitive; anything else is data. */
  private entryOkByte(b: number): void {
    const expected = [PLUS, 0x6f, 0x6b][this.entryMatched.length] ?? -1;
    const lower = b >= 0x41 && b <= 0x5a ? b + 0x20 : b;
    if (lower === expected) {
      this.entryMatched.push(b);
      if (this.entryMatched.length === 3) {
        this.entryMatched = [];
        this.emit({ type: 'entry-ok' });
        this.mode = 'idle';
        this.afterEntryOk = true;
      }
      return;
    }
    this.unsolicited.push(...this.entryMatched);
    this.entryMatched = [];
    if (b === PLUS) this.entryMatched.push(b);
    else this.unsolicited.push(b);
  }

  private endLine(): void {
    if (this.lineLength === 0) return;
    const text = decoder.decode(this.line.subarray(0, this.lineLength));
    this.lineLength = 0;
    const trimmed = text.trim();
    if (trimmed === '') return;
    if (this.echoOf !== '' && isEchoOf(trimmed, this.echoOf)) {
      this.echoOf = '';
      this.emit({ type: 'echo', line: text });
      return;
    }
    this.echoOf = '';
    const error = parseErrorLine(text);
    if (error) {
      this.emit({ type: 'error', error });
      this.mode = 'idle';
      return;
    }
    if (OK_LINE.test(trimmed)) {
      this.emit({ type: 'ok' });
      this.mode = 'idle';
      return;
    }
    const info = INFO_LINE.exec(text.trimStart());
    if (info) {
      this.emit({ type: 'info', name: (info[1] ?? '').toUpperCase(), value: info[2] ?? '' });
      return;
    }
    this.emit({ type: 'text', line: text });
  }

  /** Bytes held for an unfinished line or `+ok`, handed on as unsolicited when the mode changes. */
  private leftover(): ReplyEvent[] {
    const held = [...this.line.subarray(0, this.lineLength), ...this.entryMatched];
    this.lineLength = 0;
    this.entryMatched = [];
    this.echoOf = '';
    return held.length > 0 ? [{ type: 'unsolicited', bytes: Uint8Array.from(held) }] : [];
  }

  private emit(event: ReplyEvent): void {
    this.flushUnsolicited();
    this.events.push(event);
  }

  private flushUnsolicited(): void {
    if (this.unsolicited.length === 0) return;
    this.events.push({ type: 'unsolicited', bytes: Uint8Array.from(this.unsolicited) });
    this.unsolicited = [];
  }
}

export interface InfoLine {
  readonly name: string;
  readonly value: string;
}

interface ReplyParts {
  /** The echo line, when echo is on. */
  readonly echo: string | undefined;
  /** `+CMD:value` lines in order (a name may repeat). */
  readonly info: readonly InfoLine[];
  /** Other lines in order. */
  readonly text: readonly string[];
}

export type AssembledReply =
  | ({ readonly status: 'ok' } & ReplyParts)
  | ({ readonly status: 'error'; readonly error: AtError } & ReplyParts);

/**
 * Gathers the events of one command's reply until its terminal `ok` or `error`. Unsolicited bytes and entry
 * events are not part of a reply and are skipped (the caller logs them). After a reply completes, the
 * assembler starts afresh.
 */
export class ReplyAssembler {
  private echo: string | undefined;
  private info: InfoLine[] = [];
  private text: string[] = [];

  /** Returns the reply when `event` completes it. */
  add(event: ReplyEvent): AssembledReply | undefined {
    switch (event.type) {
      case 'echo':
        // Lines before our own echo belong to something earlier (a late answer, a notice): not ours.
        this.echo = event.line;
        this.info = [];
        this.text = [];
        return undefined;
      case 'info':
        this.info.push({ name: event.name, value: event.value });
        return undefined;
      case 'text':
        this.text.push(event.line);
        return undefined;
      case 'ok':
        return this.finish({ status: 'ok', echo: this.echo, info: this.info, text: this.text });
      case 'error':
        return this.finish({
          status: 'error',
          error: event.error,
          echo: this.echo,
          info: this.info,
          text: this.text,
        });
      default:
        return undefined;
    }
  }

  /**
   * The reply so far as a complete one: for firmware that answers a query with `+NAME:value` and no OK
   * (module-behaviour.md, firmware variants), once the line has gone quiet.
   */
  endWithoutOk(): AssembledReply {
    return this.finish({ status: 'ok', echo: this.echo, info: this.info, text: this.text });
  }

  /** A `+NAME:` line has come since the echo (or since the start, without echo). */
  hasInfo(name: string): boolean {
    const key = name.toUpperCase();
    return this.info.some((i) => i.name === key);
  }

  reset(): void {
    this.echo = undefined;
    this.info = [];
    this.text = [];
  }

  private finish(reply: AssembledReply): AssembledReply {
    this.reset();
    return reply;
  }
}

/** The first complete reply in `events`, or `undefined` when no `ok`/`error` has come yet. */
export function collectReply(events: Iterable<ReplyEvent>): AssembledReply | undefined {
  const assembler = new ReplyAssembler();
  for (const event of events) {
    const reply = assembler.add(event);
    if (reply) return reply;
  }
  return undefined;
}

/**
 * The value of the `+NAME:` line of a reply (name compared case-insensitively). When several came, the last
 * one is the answer to our command: an earlier one is a late answer or a notice that arrived before it.
 */
export function infoValue(reply: AssembledReply, name: string): string | undefined {
  const key = name.toUpperCase();
  return reply.info.findLast((i) => i.name === key)?.value;
}
