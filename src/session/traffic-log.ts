/**
 * Every byte that crossed the serial line, with its time (from the session's clock) and direction, for the
 * terminal (text and hex) and for export. Memory is bounded: a ring of at most `maxBytes` bytes and
 * `maxEntries` entries; the oldest entries go first and are counted.
 */
import { redactLog } from '../protocol/redact-log';
import { Emitter } from './emitter';
import { LogRing } from './log-ring';

/** `tx`: host → module; `rx`: module → host; `note`: what the session did (mode changes, reopen at a baud). */
export type Direction = 'tx' | 'rx' | 'note';

export interface LogEntry {
  /** Sequence number since the session started (gaps show dropped entries). */
  readonly seq: number;
  /** Clock time, ms. */
  readonly at: number;
  readonly dir: Direction;
  readonly bytes: Uint8Array;
}

/** What a log file holds: secrets withheld unless the person asks for them. */
export interface ExportLogOptions {
  readonly includeSecrets?: boolean;
  /** Settings whose data the person marked private (REGDT, HEARTDT…), withheld like passwords. */
  readonly markedPrivate?: ReadonlySet<string>;
}

export interface TrafficLogOptions {
  readonly maxBytes?: number;
  readonly maxEntries?: number;
}

export class TrafficLog {
  private readonly ring: LogRing<LogEntry>;
  private seq = 0;
  /** What `clear()` took away: counted as dropped, as the ring's own evictions are. */
  private cleared = { entries: 0, bytes: 0 };
  private readonly emitter = new Emitter<{ entry: LogEntry }>();

  constructor(options: TrafficLogOptions = {}) {
    this.ring = new LogRing({
      maxBytes: Math.max(1024, options.maxBytes ?? 1_048_576),
      maxEntries: Math.max(16, options.maxEntries ?? 20_000),
    });
  }

  add(at: number, dir: Direction, bytes: Uint8Array): LogEntry {
    const entry: LogEntry = { seq: this.seq++, at, dir, bytes: bytes.slice() };
    this.ring.push(entry);
    this.emitter.emit('entry', entry);
    return entry;
  }

  /** A line of text from the session itself (`reopened at 9600`, `entered command mode`). */
  note(at: number, text: string): LogEntry {
    return this.add(at, 'note', new TextEncoder().encode(text));
  }

  /** Live entries for the terminal; returns the unsubscribe function. */
  subscribe(listener: (entry: LogEntry) => void): () => void {
    return this.emitter.on('entry', listener);
  }

  /** Entries kept, oldest first. */
  entries(): LogEntry[] {
    return this.ring.toArray();
  }

  get dropped(): { readonly entries: number; readonly bytes: number } {
    const evicted = this.ring.dropped;
    return { entries: evicted.entries + this.cleared.entries, bytes: evicted.bytes + this.cleared.bytes };
  }

  get size(): { readonly entries: number; readonly bytes: number } {
    return { entries: this.ring.length, bytes: this.ring.size };
  }

  clear(): void {
    const { entries, bytes } = this.dropped;
    this.cleared = { entries: entries + this.ring.length, bytes: bytes + this.ring.size };
    this.ring.clear();
  }

  /**
   * JSON lines: a header `{"format":"usr-7s4-traffic","version":1,"dropped":{…}}`, then one object per
   * entry `{"seq":0,"t":12.5,"dir":"tx","hex":"41540D","text":"AT\r"}` (text with control bytes escaped).
   * Passwords and credentials are withheld (protocol/redact-log.ts; the header's `withheld` counts the
   * lines) unless `includeSecrets`: a log file is shared far more often than it should hold a password.
   */
  exportLog(options: ExportLogOptions = {}): string {
    const redacted = options.includeSecrets
      ? { entries: this.entries(), lines: 0 }
      : redactLog(this.entries(), options.markedPrivate);
    const header = JSON.stringify({
      format: 'usr-7s4-traffic',
      version: 1,
      dropped: this.dropped,
      entries: redacted.entries.length,
      ...(options.includeSecrets ? {} : { withheld: redacted.lines }),
    });
    const lines = redacted.entries.map((e) =>
      JSON.stringify({ seq: e.seq, t: e.at, dir: e.dir, hex: toHex(e.bytes), text: toPrintable(e.bytes) }),
    );
    return [header, ...lines].join('\n') + '\n';
  }
}

/** `41 54 0D` style, upper case, space separated when `spaced`. */
export function toHex(bytes: Uint8Array, spaced = false): string {
  let s = '';
  for (const b of bytes) s += (spaced && s ? ' ' : '') + b.toString(16).toUpperCase().padStart(2, '0');
  return s;
}

/** UTF-8 text with CR, LF, TAB and other control bytes written as `\r`, `\n`, `\t`, `\xNN`. */
export function toPrintable(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch === '\r') out += '\\r';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
    else out += ch;
  }
  return out;
}
