/**
 * "Record the whole log": while recording, every entry becomes a JSON line collected into Blob parts (the
 * browser keeps blob data outside the JS heap, on disk when large), so a long recording does not grow the
 * page's memory the way keeping entries would; stopping gives one file. The format is the session's export
 * (docs/session.md, "Traffic log"): a header line, then `{"seq","t","dir","hex","text"}` per entry.
 */
export interface RecordedEntry {
  /** ms, as the log shows it. */
  readonly at: number;
  readonly dir: 'tx' | 'rx' | 'note';
  readonly bytes: Uint8Array;
}

/** JSON lines gathered in a string before they go into a Blob part. */
const PART_CHARS = 256 * 1024;

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).toUpperCase().padStart(2, '0'));
const utf8 = new TextDecoder('utf-8', { fatal: false });

export function hexOf(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += HEX[bytes[i] as number];
  return s;
}

/** UTF-8 text with CR, LF, TAB and other control bytes written `\r`, `\n`, `\t`, `\xNN` (as the export). */
export function printableOf(bytes: Uint8Array): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  return utf8.decode(bytes).replace(/[\u0000-\u001f\u007f]/g, (ch) => {
    if (ch === '\r') return '\\r';
    if (ch === '\n') return '\\n';
    if (ch === '\t') return '\\t';
    return `\\x${HEX[ch.charCodeAt(0)] ?? '00'}`;
  });
}

export interface RecordingSummary {
  readonly entries: number;
  readonly bytes: number;
}

export class LogRecorder {
  private parts: Blob[] = [];
  private text = '';
  private seq = 0;
  private byteCount = 0;
  private active = false;
  private startedAt = 0;

  constructor(private readonly source: string) {}

  get recording(): boolean {
    return this.active;
  }

  /** Entries and payload bytes recorded so far. */
  get summary(): RecordingSummary {
    return { entries: this.seq, bytes: this.byteCount };
  }

  start(now: Date = new Date()): void {
    this.parts = [];
    this.seq = 0;
    this.byteCount = 0;
    this.active = true;
    this.startedAt = now.getTime();
    this.text =
      JSON.stringify({
        format: 'usr-7s4-traffic',
        version: 1,
        source: this.source,
        recording: true,
        started: now.toISOString(),
      }) + '\n';
  }

  add(entry: RecordedEntry): void {
    if (!this.active) return;
    this.text +=
      JSON.stringify({
        seq: this.seq++,
        t: entry.at,
        dir: entry.dir,
        hex: hexOf(entry.bytes),
        text: printableOf(entry.bytes),
      }) + '\n';
    this.byteCount += entry.bytes.length;
    if (this.text.length >= PART_CHARS) this.seal();
  }

  /** Ends the recording: the whole file. */
  stop(): Blob {
    this.seal();
    this.active = false;
    const blob = new Blob(this.parts, { type: 'application/jsonl;charset=utf-8' });
    this.parts = [];
    return blob;
  }

  /** How long the recording has run, ms. */
  elapsed(now: Date = new Date()): number {
    return this.active ? now.getTime() - this.startedAt : 0;
  }

  private seal(): void {
    if (this.text === '') return;
    this.parts.push(new Blob([this.text]));
    this.text = '';
  }
}

/** `dtu-recording-20240131-154502.jsonl` for a date. */
export function recordingFileName(date: Date, prefix = 'dtu-recording'): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${prefix}-${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}.jsonl`;
}
