/**
 * Every byte that crossed the serial line, with its time (from the session's clock) and direction, for the
 * terminal (text and hex) and for export. Memory is bounded: a ring of at most `maxBytes` bytes and
 * `maxEntries` entries; the oldest entries go first and are counted.
 */
import { Emitter } from './emitter';

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

export interface TrafficLogOptions {
  readonly maxBytes?: number;
  readonly maxEntries?: number;
}

export class TrafficLog {
  private readonly maxBytes: number;
  private readonly maxEntries: number;
  private ring: (LogEntry | undefined)[];
  private head = 0;
  private count = 0;
  private bytes = 0;
  private seq = 0;
  private droppedEntries = 0;
  private droppedBytes = 0;
  private readonly emitter = new Emitter<{ entry: LogEntry }>();

  constructor(options: TrafficLogOptions = {}) {
    this.maxBytes = Math.max(1024, options.maxBytes ?? 1_048_576);
    this.maxEntries = Math.max(16, options.maxEntries ?? 20_000);
    this.ring = new Array<LogEntry | undefined>(this.maxEntries);
  }

  add(at: number, dir: Direction, bytes: Uint8Array): LogEntry {
    const entry: LogEntry = { seq: this.seq++, at, dir, bytes: bytes.slice() };
    while (this.count > 0 && (this.count >= this.maxEntries || this.bytes + bytes.length > this.maxBytes)) {
      this.dropOldest();
    }
    this.ring[(this.head + this.count) % this.maxEntries] = entry;
    this.count++;
    this.bytes += entry.bytes.length;
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
    const out: LogEntry[] = [];
    for (let i = 0; i < this.count; i++) {
      const e = this.ring[(this.head + i) % this.maxEntries];
      if (e) out.push(e);
    }
    return out;
  }

  get dropped(): { readonly entries: number; readonly bytes: number } {
    return { entries: this.droppedEntries, bytes: this.droppedBytes };
  }

  get size(): { readonly entries: number; readonly bytes: number } {
    return { entries: this.count, bytes: this.bytes };
  }

  clear(): void {
    this.droppedEntries += this.count;
    this.droppedBytes += this.bytes;
    this.ring = new Array<LogEntry | undefined>(this.maxEntries);
    this.head = 0;
    this.count = 0;
    this.bytes = 0;
  }

  /**
   * JSON lines: a header `{"format":"usr-7s4-traffic","version":1,"dropped":{…}}`, then one object per
   * entry `{"seq":0,"t":12.5,"dir":"tx","hex":"41540D","text":"AT\r"}` (text with control bytes escaped).
   */
  exportLog(): string {
    const header = JSON.stringify({
      format: 'usr-7s4-traffic',
      version: 1,
      dropped: this.dropped,
      entries: this.count,
    });
    const lines = this.entries().map((e) =>
      JSON.stringify({ seq: e.seq, t: e.at, dir: e.dir, hex: toHex(e.bytes), text: toPrintable(e.bytes) }),
    );
    return [header, ...lines].join('\n') + '\n';
  }

  private dropOldest(): void {
    const e = this.ring[this.head];
    this.ring[this.head] = undefined;
    this.head = (this.head + 1) % this.maxEntries;
    this.count--;
    if (e) {
      this.bytes -= e.bytes.length;
      this.droppedEntries++;
      this.droppedBytes += e.bytes.length;
    }
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
