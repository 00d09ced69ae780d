/**
 * The open serial line of one session: it owns the port's reader (a loop that takes the reader
 * synchronously, releases it and reports the end in `finally`) and writer, logs every byte with its time,
 * feeds the reply parser, and hands parser events to whoever waits for them (`waitFor`). Bytes nobody
 * waits for — transparent data, heartbeats to COM, the start message — go out as `unsolicited`.
 *
 * It also keeps the time of the last byte sent (when it will have left the wire, from the line's character
 * time) and received, because entry to command mode needs measured silence (manual 3.1.2, T1).
 */
import { sleep, type Clock } from '../clock/clock';
import { bitsPerCharacter, type UartSettings } from '../protocol/uart';
import { ReplyParser, type ReplyEvent } from '../protocol/reply-parser';
import type { SerialPortLike } from '../serial/serial-port-like';
import { Emitter } from './emitter';
import { abortedError, closedError, portLostError, timeoutError, type SessionError } from './errors';
import { UNANSWERED_WRITE_MS } from './timing';
import type { TrafficLog } from './traffic-log';

export type ParserMode =
  | { readonly kind: 'idle' }
  | { readonly kind: 'command'; readonly line: string }
  | { readonly kind: 'entry' };

/** Send and receive times that outlive the line (the module's silence does not restart with our port). */
export interface LineHistory {
  readonly txEnd: number;
  readonly rxAt: number;
  readonly answeredTxEnd: number;
}

/** What a waiter does with one event: `undefined` = keep waiting; `{ value }` = done. */
export type EventPick<T> = (event: ReplyEvent) => { readonly value: T } | undefined;

/**
 * An answer that may end without a terminator: once `ready()` has a value, the wait ends with it when
 * nothing more has come for `ms` (queries of firmware that sends no OK after `+NAME:value`).
 */
export interface QuietEnd<T> {
  readonly ms: number;
  /** The answer could end here. */
  ready(): boolean;
  /** The answer as it stands (called once, when the quiet time has passed). */
  value(): T;
}

interface Waiter {
  readonly pick: (event: ReplyEvent) => boolean;
  readonly fail: (error: SessionError) => void;
}

export interface LineEvents extends Record<string, unknown> {
  /** Bytes that are not part of any reply, in order. */
  unsolicited: Uint8Array;
  /** Every chunk received, as it came (before the parser: also bytes of replies nobody waits for any more). */
  received: Uint8Array;
  /** The reader loop ended: `error` when the port failed or went away, undefined after `close()`. */
  end: SessionError | undefined;
}

const encoder = new TextEncoder();

/** Chunks remembered for rxBytesWithin: enough for a second of 921600 in 64-byte reads. */
const RECENT_RX_CHUNKS = 2048;

export class Line {
  readonly events = new Emitter<LineEvents>();
  private readonly parser = new ReplyParser();
  private reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  private writer: WritableStreamDefaultWriter<Uint8Array> | undefined;
  private loop: Promise<void> = Promise.resolve();
  private waiter: Waiter | undefined;
  private closing = false;
  private endedWith: SessionError | undefined;
  private ended = false;
  private txEnd = -Infinity;
  private rxAt = -Infinity;
  /** Arrival time and size of the chunks received lately (rxBytesWithin). */
  private readonly recentRx: [number, number][] = [];
  /** `txEnd` when the module last answered: bytes up to there have provably reached it. */
  private answeredTxEnd = -Infinity;

  /** Wire time of one character at the open line settings (bits per character / baud), ms: when a write has left the wire. */
  readonly charMs: number;

  constructor(
    private readonly port: SerialPortLike,
    readonly clock: Clock,
    private readonly log: TrafficLog,
    /** The line settings the port was opened with. */
    readonly uart: UartSettings,
    /**
     * When the previous line on this module last sent and received: the module's silence does not start
     * again because the host reopened its port (baud search, reconnect).
     */
    before?: LineHistory,
  ) {
    this.charMs = (bitsPerCharacter(uart) * 1000) / uart.baud;
    if (before) {
      this.txEnd = before.txEnd;
      this.rxAt = before.rxAt;
      this.answeredTxEnd = before.answeredTxEnd;
    }
  }

  /** What the next line on this module must know of this one's timing. */
  get history(): LineHistory {
    return { txEnd: this.txEnd, rxAt: this.rxAt, answeredTxEnd: this.answeredTxEnd };
  }

  /** Takes the reader and writer (synchronously) and starts the reader loop. */
  start(): void {
    const readable = this.port.readable;
    const writable = this.port.writable;
    if (!readable || !writable) throw portLostError();
    this.writer = writable.getWriter();
    this.reader = readable.getReader();
    this.loop = this.readLoop(readable, this.reader);
  }

  get isOpen(): boolean {
    return !this.ended;
  }

  /** The error the line ended with, if it ended by failure. */
  get failure(): SessionError | undefined {
    return this.endedWith;
  }

  /** When the last byte sent will have left the wire (clock ms). */
  get lastTxEnd(): number {
    return this.txEnd;
  }

  /** When the last byte was received (clock ms). */
  get lastRxAt(): number {
    return this.rxAt;
  }

  /**
   * Bytes were sent since the module last answered: nothing proves they have reached it. Chromium settles a
   * write when the bytes are in its pipe; on a loaded machine they reached the tty up to 166 ms later
   * (358 ms with several browsers running) — docs/real-serial.md.
   */
  get unansweredTail(): boolean {
    return this.txEnd > this.answeredTxEnd;
  }

  /** The module answered what was sent so far (a reply, `a`, `+ok`, an error line). */
  confirmReceipt(): void {
    this.answeredTxEnd = this.txEnd;
  }

  /** Wire time of `n` characters, ms. */
  wireMs(n: number): number {
    return n * this.charMs;
  }

  /** Tells the parser what is in flight; leftovers of an unfinished earlier reply become unsolicited. */
  setMode(mode: ParserMode): void {
    const leftover =
      mode.kind === 'command'
        ? this.parser.expect(mode.line)
        : mode.kind === 'entry'
          ? this.parser.expectEntry()
          : this.parser.idle();
    this.route(leftover);
  }

  async write(data: Uint8Array | string): Promise<void> {
    const bytes = typeof data === 'string' ? encoder.encode(data) : data;
    if (this.ended || !this.writer) throw this.endedWith ?? closedError();
    const now = this.clock.now();
    this.log.add(now, 'tx', bytes);
    const wire = this.wireMs(bytes.length);
    this.txEnd = Math.max(this.txEnd, now) + wire;
    try {
      await this.writer.write(bytes);
    } catch (e) {
      throw portLostError(e);
    }
    // A write settles once the bytes were handed to the device: on a busy machine that is tens of ms after
    // the call (Chromium's write path, a USB adapter's latency timer), and the module's silence starts only
    // when they have left the wire.
    this.txEnd = Math.max(this.txEnd, this.clock.now() + wire);
  }

  /**
   * Waits for parser events until `pick` returns a value, the time runs out (`timeoutMs` from now), the
   * signal aborts, or the line ends. One waiter at a time (the session's queue guarantees it).
   */
  waitFor<T>(
    pick: EventPick<T>,
    timeoutMs: number,
    what: string,
    signal?: AbortSignal,
    quiet?: QuietEnd<T>,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.ended) {
        reject(this.endedWith ?? closedError());
        return;
      }
      if (signal?.aborted) {
        reject(abortedError(signal.reason));
        return;
      }
      let quietTimer: { cancel(): void } | undefined;
      const done = (): void => {
        timer.cancel();
        quietTimer?.cancel();
        signal?.removeEventListener('abort', onAbort);
        if (this.waiter === waiter) this.waiter = undefined;
      };
      const waiter: Waiter = {
        pick: (event) => {
          const r = pick(event);
          if (!r) {
            // Every event restarts the quiet time: the answer is over only when the module has stopped.
            quietTimer?.cancel();
            quietTimer = undefined;
            if (quiet?.ready()) {
              quietTimer = this.clock.setTimer(quiet.ms, () => {
                done();
                resolve(quiet.value());
              });
            }
            return false;
          }
          done();
          resolve(r.value);
          return true;
        },
        fail: (error) => {
          done();
          reject(error);
        },
      };
      const onAbort = (): void => waiter.fail(abortedError(signal?.reason));
      const timer = this.clock.setTimer(timeoutMs, () => waiter.fail(timeoutError(what, timeoutMs)));
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiter = waiter;
    });
  }

  /**
   * Waits until nothing has been received for `quietMs`, or `maxMs` have passed (a module that keeps
   * sending — transparent data, heartbeats to COM — cannot hold the session forever). Lets a late answer
   * drain after a timeout, so it is not taken for the next command's answer.
   */
  async quietRx(quietMs: number, maxMs: number, signal?: AbortSignal): Promise<void> {
    const limit = this.clock.now() + maxMs;
    for (;;) {
      const due = Math.min(this.rxAt + quietMs, limit);
      if (due <= this.clock.now()) return;
      await this.waitUntil(due, signal);
    }
  }

  /** Sleeps until clock time `at` (at once when past). */
  async waitUntil(at: number, signal?: AbortSignal): Promise<void> {
    const ms = at - this.clock.now();
    if (ms > 0) {
      await sleep(this.clock, ms, signal).catch((e: unknown) => {
        throw abortedError(e);
      });
    }
    if (this.ended) throw this.endedWith ?? closedError();
  }

  /** Fails the current waiter (a write that failed, a caller giving up). */
  failWait(error: SessionError): void {
    this.waiter?.fail(error);
  }

  /**
   * Cancels the reader, waits for the loop to finish, releases the writer and closes the port. `flush`: when
   * the last bytes sent were never answered (typed data, raw bytes), give them time to leave first — closing
   * the port drops what is still in the browser's write path.
   */
  async close(options: { readonly flush?: boolean } = {}): Promise<void> {
    if (options.flush && this.unansweredTail && !this.ended) {
      const until = this.txEnd + UNANSWERED_WRITE_MS;
      if (until > this.clock.now()) await sleep(this.clock, until - this.clock.now()).catch(() => undefined);
    }
    this.closing = true;
    await this.reader?.cancel().catch(() => undefined);
    await this.loop;
    // The loop's end released the writer too: Web Serial closes a port only when both streams are unlocked.
    this.finish(undefined);
    await this.port.close().catch(() => undefined);
  }

  private async readLoop(
    first: ReadableStream<Uint8Array>,
    firstReader: ReadableStreamDefaultReader<Uint8Array>,
  ): Promise<void> {
    let readable: ReadableStream<Uint8Array> | null = first;
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined = firstReader;
    let error: unknown;
    try {
      // Web Serial replaces `port.readable` after a recoverable error (framing, parity, break, overrun); a
      // fatal one (cable pulled) leaves it null. Keep reading while there is a new stream.
      while (readable && reader && !this.closing) {
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            if (value && value.length > 0) this.received(value);
          }
          break;
        } catch (e) {
          error = e;
        } finally {
          reader.releaseLock();
          this.reader = undefined;
        }
        const next: ReadableStream<Uint8Array> | null = this.port.readable;
        if (!next || next === readable || this.closing) break;
        this.log.note(this.clock.now(), `read error, continuing: ${String(error)}`);
        error = undefined;
        readable = next;
        reader = readable.getReader();
        this.reader = reader;
      }
    } catch (e) {
      error = e;
    } finally {
      // The one place the end is reported: a normal end after close(), else the port is gone.
      this.finish(this.closing ? undefined : portLostError(error));
    }
  }

  /** Bytes received in the last `windowMs` (how busy the line is: a server streaming to the serial side). */
  rxBytesWithin(windowMs: number): number {
    const from = this.clock.now() - windowMs;
    while (this.recentRx.length > 0 && (this.recentRx[0]?.[0] ?? 0) < from) this.recentRx.shift();
    let n = 0;
    for (const [, count] of this.recentRx) n += count;
    return n;
  }

  private received(bytes: Uint8Array): void {
    this.rxAt = this.clock.now();
    this.recentRx.push([this.rxAt, bytes.length]);
    if (this.recentRx.length > RECENT_RX_CHUNKS) this.recentRx.shift();
    this.log.add(this.rxAt, 'rx', bytes);
    this.events.emit('received', bytes);
    this.route(this.parser.push(bytes));
  }

  private route(events: readonly ReplyEvent[]): void {
    for (const event of events) {
      // Unsolicited bytes are always reported, also when a waiter looks at them (the start message after
      // a restart, a late answer during entry).
      if (event.type === 'unsolicited') this.events.emit('unsolicited', event.bytes);
      this.waiter?.pick(event);
    }
  }

  private finish(error: SessionError | undefined): void {
    if (this.ended) return;
    this.ended = true;
    this.endedWith = error;
    this.writer?.releaseLock();
    this.writer = undefined;
    this.waiter?.fail(error ?? closedError());
    this.events.emit('end', error);
  }
}
