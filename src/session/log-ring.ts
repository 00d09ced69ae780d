/**
 * A bounded ring of log entries (the session's traffic log, the views' logs): pushing is O(1) (no copy of the log per chunk), the oldest
 * entries go first once `maxEntries` or `maxBytes` is reached, and what went is counted so the log can say
 * "N earlier bytes not shown". `version` changes on every change, so a view can tell cheaply whether to
 * redraw; listeners are told synchronously and are expected to coalesce (frame-batch.ts).
 */
export interface RingEntry {
  readonly bytes: Uint8Array;
}

export interface LogRingOptions {
  readonly maxEntries?: number;
  readonly maxBytes?: number;
}

/** What a log view reads: entries by index (0 = oldest kept), and what is no longer kept. */
export interface LogSource<T> {
  readonly length: number;
  at(index: number): T | undefined;
  readonly version: number;
  readonly dropped: { readonly entries: number; readonly bytes: number };
  /** Called after every change (push, clear); returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export class LogRing<T extends RingEntry> implements LogSource<T> {
  readonly maxEntries: number;
  readonly maxBytes: number;
  private slots: (T | undefined)[];
  private head = 0;
  private count = 0;
  private bytes = 0;
  private droppedEntries = 0;
  private droppedBytes = 0;
  private changes = 0;
  private listeners: (() => void)[] = [];

  constructor(options: LogRingOptions = {}) {
    this.maxEntries = Math.max(1, Math.floor(options.maxEntries ?? 5000));
    this.maxBytes = Math.max(1, Math.floor(options.maxBytes ?? 512 * 1024));
    this.slots = new Array<T | undefined>(this.maxEntries);
  }

  get length(): number {
    return this.count;
  }

  get version(): number {
    return this.changes;
  }

  /** Bytes of the entries kept. */
  get size(): number {
    return this.bytes;
  }

  get dropped(): { readonly entries: number; readonly bytes: number } {
    return { entries: this.droppedEntries, bytes: this.droppedBytes };
  }

  at(index: number): T | undefined {
    if (index < 0 || index >= this.count) return undefined;
    return this.slots[(this.head + index) % this.maxEntries];
  }

  /** The newest entry. */
  get last(): T | undefined {
    return this.at(this.count - 1);
  }

  push(entry: T): void {
    const n = entry.bytes.length;
    while (this.count > 0 && (this.count >= this.maxEntries || this.bytes + n > this.maxBytes))
      this.dropOldest();
    this.slots[(this.head + this.count) % this.maxEntries] = entry;
    this.count++;
    this.bytes += n;
    this.changed();
  }

  /**
   * Puts `entry` in place of the newest one (a view joining the pieces of one reply that the line delivered
   * in several reads). Pushes it when the ring is empty.
   */
  replaceLast(entry: T): void {
    if (this.count === 0) {
      this.push(entry);
      return;
    }
    const index = (this.head + this.count - 1) % this.maxEntries;
    this.bytes += entry.bytes.length - (this.slots[index]?.bytes.length ?? 0);
    this.slots[index] = entry;
    this.changed();
  }

  /** Forgets everything, counts included (the person cleared the log). */
  clear(): void {
    this.slots = new Array<T | undefined>(this.maxEntries);
    this.head = 0;
    this.count = 0;
    this.bytes = 0;
    this.droppedEntries = 0;
    this.droppedBytes = 0;
    this.changed();
  }

  /** The entries kept, oldest first (a copy: for tests and exports, never per chunk). */
  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.at(i) as T);
    return out;
  }

  subscribe(listener: () => void): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  private dropOldest(): void {
    const e = this.slots[this.head];
    this.slots[this.head] = undefined;
    this.head = (this.head + 1) % this.maxEntries;
    this.count--;
    if (e) {
      this.bytes -= e.bytes.length;
      this.droppedEntries++;
      this.droppedBytes += e.bytes.length;
    }
  }

  private changed(): void {
    this.changes++;
    for (const l of this.listeners) l();
  }
}

/** A fixed array seen as a log source (the byte log's `entries` property). */
export class ArraySource<T> implements LogSource<T> {
  readonly dropped = { entries: 0, bytes: 0 };

  constructor(
    private readonly items: readonly T[],
    readonly version: number,
  ) {}

  get length(): number {
    return this.items.length;
  }

  at(index: number): T | undefined {
    return this.items[index];
  }

  subscribe(): () => void {
    return () => undefined;
  }
}
