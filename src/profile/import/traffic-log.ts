/**
 * The support file kind: the app's own traffic log, as the terminal's "Download log" writes it (JSON lines,
 * session/traffic-log.ts): a header `{"format":"usr-7s4-traffic","version":1,…}`, then one entry per line
 * `{"seq":0,"t":12.5,"dir":"tx","hex":"41540D","text":"AT\r"}`. It is what support staff get back from a
 * customer. The bytes of each direction are put back together into lines (a command or an answer may be
 * split over several entries) and read by the same script reader as a terminal log, in the order the
 * lines completed; a line of the file that is not an entry is listed and skipped.
 */
import { ScriptReader } from '../at-script';
import { MAX_LINE_CHARS } from './limits';
import { nameFromFile } from './at-text';
import type { KindRead, ReadContext } from './kinds';
import type { ImportItem, LeftOutList } from './report';

export const TRAFFIC_LOG_FORMAT = 'usr-7s4-traffic';
export const TRAFFIC_LOG_VERSION = 1;
const FILE: ImportItem = { type: 'file' };

/** The first line is the traffic log's header, as the app writes it (`{"format":"usr-7s4-traffic",…`). */
export function looksLikeTrafficLog(text: string): boolean {
  return /^\s*\{\s*"format"\s*:\s*"usr-7s4-traffic"/.test(text.slice(0, 256));
}

interface Entry {
  readonly dir: string;
  readonly bytes: Uint8Array;
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `\r`, `\n`, `\t`, `\xNN` back to bytes (the log's printable text form). */
function printableBytes(text: string): Uint8Array {
  const plain = text.replace(/\\(r|n|t|x[0-9A-Fa-f]{2})/g, (_m, e: string) =>
    e === 'r' ? '\r' : e === 'n' ? '\n' : e === 't' ? '\t' : String.fromCharCode(parseInt(e.slice(1), 16)),
  );
  return new TextEncoder().encode(plain);
}

function entryOf(value: unknown): Entry | undefined {
  if (!isRecord(value) || typeof value.dir !== 'string') return undefined;
  if (typeof value.hex === 'string' && /^(?:[0-9A-Fa-f]{2})*$/.test(value.hex)) {
    const hex = value.hex;
    const bytes = new Uint8Array(hex.length / 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
    return { dir: value.dir, bytes };
  }
  if (typeof value.text === 'string') return { dir: value.dir, bytes: printableBytes(value.text) };
  return undefined;
}

/** Bytes of one direction back into lines; a line is read when its CR or LF arrives. */
class LineAssembler {
  private readonly bytes: number[] = [];
  private length = 0;
  private readonly decoder = new TextDecoder('utf-8');

  constructor(private readonly reader: ScriptReader) {}

  push(data: Uint8Array, n: number): void {
    for (const b of data) {
      if (b === 0x0d || b === 0x0a) {
        this.end(n);
        continue;
      }
      // Past the line limit only the length is counted: the reader reports such a line, never reads it.
      if (this.bytes.length <= MAX_LINE_CHARS) this.bytes.push(b);
      this.length++;
    }
  }

  end(n: number): void {
    if (this.length === 0) return;
    this.reader.line(this.decoder.decode(Uint8Array.from(this.bytes)), n, this.length);
    this.bytes.length = 0;
    this.length = 0;
  }
}

export function readTrafficLog(text: string, context: ReadContext, leftOut: LeftOutList): KindRead {
  const lines = text.split(/\r\n|\r|\n/);
  const header = parseLine(lines[0] ?? '');
  if (!isRecord(header) || header.format !== TRAFFIC_LOG_FORMAT) {
    leftOut.add({
      item: FILE,
      reasons: [
        {
          path: '',
          message: {
            en: 'The first line looks like a traffic log header but cannot be read: the file was changed or cut',
            zh: '第一行像是通信日志的文件头，但无法读取：文件已被修改或截断',
          },
        },
      ],
    });
    return { profiles: [], refused: true };
  }
  if (header.version !== TRAFFIC_LOG_VERSION) {
    const newer = typeof header.version === 'number' && header.version > TRAFFIC_LOG_VERSION;
    leftOut.add({
      item: FILE,
      reasons: [
        {
          path: '',
          message: newer
            ? {
                en: 'This log was written by a newer version of the app; update the app to read it',
                zh: '该日志由更新版本的应用写入，请更新应用后再读取',
              }
            : { en: 'Unknown traffic log version', zh: '未知的通信日志版本' },
        },
      ],
    });
    return { profiles: [], refused: true };
  }
  const reader = new ScriptReader();
  const streams = new Map<string, LineAssembler>([
    ['tx', new LineAssembler(reader)],
    ['rx', new LineAssembler(reader)],
  ]);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const n = i + 1;
    const entry = entryOf(parseLine(line));
    if (!entry) {
      leftOut.add({
        item: { type: 'line', line: n },
        reasons: [
          {
            path: '',
            message: {
              en: 'Not an entry of the traffic log (the line was changed or cut): skipped',
              zh: '不是通信日志的条目（该行已被修改或截断）：已跳过',
            },
          },
        ],
      });
      continue;
    }
    // `note` entries are the session's own words, not traffic.
    streams.get(entry.dir)?.push(entry.bytes, n);
  }
  for (const stream of streams.values()) stream.end(lines.length);
  const r = reader.result({ now: context.now, name: nameFromFile(context.fileName) });
  // Why nothing was taken comes first; then every line that was read and not taken.
  if (!r.ok) leftOut.add({ item: FILE, reasons: r.problems });
  for (const note of r.notes ?? []) {
    leftOut.add({ item: { type: 'line', line: note.line }, reasons: [{ path: '', message: note.message }] });
  }
  leftOut.count(r.moreNotes ?? 0);
  if (!r.ok) return { profiles: [], refused: true };
  return { profiles: [{ item: FILE, profile: r.profile }], refused: false };
}
