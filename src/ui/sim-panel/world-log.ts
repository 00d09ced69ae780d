/**
 * One chronological log of the simulated world (issue 12): every row says who sent what to whom — the
 * serial host, the module, server A–D, the phone — or what happened (power, restarts, network, links, the
 * cable). Plain logic over the simulator's events, Node-tested.
 *
 * Grouping: a host write is one row (`serial-in`); the module's serial output is one row per write of the
 * module — chunks are joined until the simulator says the write is complete (`serial-out` `end`), so a line
 * the wire delivered in 10 ms pieces (about 10 characters at 9600 bit/s) is never split mid-word. A group
 * stops at `MAX_GROUP` bytes, so a stream saturating the line still moves on.
 */
import type { PacketTag, SimEvent, SocketId } from '../../simulator/core/control';
import { bytesToTerminalText } from '../logic/bytes';

export type Party = 'host' | 'module' | 'server' | 'phone';

export type NoteKind =
  | 'power-off'
  | 'power-on'
  | 'reboot'
  | 'app-restart'
  | 'started'
  | 'attached'
  | 'detached'
  | 'link-up'
  | 'link-down'
  | 'uart-fault'
  | 'uart-back'
  | 'cable-out'
  | 'cable-in'
  | 'factory';

interface RowBase {
  readonly id: number;
  /** Simulator clock time of the first byte or of the event, ms. */
  readonly at: number;
}

/** Bytes on the serial line or on a socket. Mutable `bytes` while a module write is still arriving. */
export interface BytesRow extends RowBase {
  readonly kind: 'serial' | 'packet';
  readonly from: Party;
  readonly to: Party;
  /** The server's socket, for rows from or to a server. */
  readonly socket?: SocketId;
  readonly tag?: PacketTag;
  bytes: Uint8Array;
}

export interface SmsRow extends RowBase {
  readonly kind: 'sms';
  readonly from: Party;
  readonly to: Party;
  readonly peer: string;
  readonly text: string;
  readonly delivered: boolean;
}

export interface NoteRow extends RowBase {
  readonly kind: 'note';
  readonly note: NoteKind;
  readonly values: Readonly<Record<string, string | number>>;
}

export type WorldRow = BytesRow | SmsRow | NoteRow;

/** Bytes one row of the module's serial output holds at most (the module's largest frame, UARTFL 1024). */
export const MAX_GROUP = 1024;
/** Rows kept; older ones are counted. */
export const MAX_ROWS = 1500;

export class WorldLog {
  private list: WorldRow[] = [];
  private nextId = 0;
  /** The module's serial write still arriving (joined until `end`). */
  private openOut: BytesRow | undefined;
  private lastAt = 0;
  private readonly seen = new WeakSet<SimEvent>();
  /** The trainer's wrong baud rate as last reported (`faults` comes before its `uart` event). */
  private wrongBaud: number | null = null;
  /** Rows dropped from the front since the last clear. */
  dropped = 0;
  /** Changes with every change of the rows (a renderer compares it). */
  version = 0;

  get rows(): readonly WorldRow[] {
    return this.list;
  }

  clear(): void {
    this.list = [];
    this.openOut = undefined;
    this.dropped = 0;
    this.version++;
  }

  /** Adds what `e` shows; true when the rows changed. The same event object twice counts once. */
  push(e: SimEvent): boolean {
    // A view that comes back replays the service's recent events: those already here are skipped.
    if (this.seen.has(e)) return false;
    this.seen.add(e);
    if ('at' in e) this.lastAt = Math.max(this.lastAt, e.at);
    switch (e.type) {
      case 'serial-in':
        return this.add({ kind: 'serial', from: 'host', to: 'module', at: e.at, bytes: e.bytes });
      case 'serial-out':
        return this.moduleOutput(e.at, e.bytes, e.end !== false);
      case 'socket-tx':
        return this.add({
          kind: 'packet',
          from: 'module',
          to: 'server',
          socket: e.socket,
          tag: e.tag,
          at: e.at,
          bytes: e.bytes,
        });
      case 'socket-rx':
        return this.add({
          kind: 'packet',
          from: 'server',
          to: 'module',
          socket: e.socket,
          tag: e.tag,
          at: e.at,
          bytes: e.bytes,
        });
      case 'sms-in':
        return this.add({
          kind: 'sms',
          from: 'phone',
          to: 'module',
          at: e.at,
          peer: e.from,
          text: e.text,
          delivered: true,
        });
      case 'sms-out':
        return this.add({
          kind: 'sms',
          from: 'module',
          to: 'phone',
          at: e.at,
          peer: e.to,
          text: e.text,
          delivered: e.delivered,
        });
      case 'mode':
        return e.mode === 'off' ? this.note(e.at, 'power-off') : false;
      case 'restart':
        if (e.phase === 'done') return this.note(e.at, 'started');
        return this.note(
          e.at,
          e.kind === 'power' ? 'power-on' : e.kind === 'reboot' ? 'reboot' : 'app-restart',
        );
      case 'radio':
        return e.attached
          ? this.note(e.at, 'attached', { network: e.radio.network })
          : this.note(e.at, 'detached');
      case 'link':
        if (e.state === 'connected') return this.note(e.at, 'link-up', { s: e.socket });
        if (e.state === 'waiting' || (e.state === 'no-network' && e.reason))
          return this.note(e.at, 'link-down', { s: e.socket, reason: e.reason ?? 'unknown' });
        return false;
      case 'uart':
        if (e.reason !== 'fault') return false;
        return this.note(e.at, this.faultBaud(e.uart.baud), { baud: e.uart.baud });
      case 'faults':
        this.wrongBaud = e.faults.wrongBaud;
        return false;
      case 'snapshot':
        this.wrongBaud = e.snapshot.faults?.wrongBaud ?? null;
        return false;
      case 'settings-restored':
        return e.source === 'factory' ? this.note(e.at, 'factory') : false;
      default:
        return false;
    }
  }

  /** A note the page itself knows of (the cable), at the simulator's latest time. */
  pushNote(note: NoteKind, values: Readonly<Record<string, string | number>> = {}): void {
    this.note(this.lastAt, note, values);
  }

  private faultBaud(baud: number): NoteKind {
    return this.wrongBaud === baud ? 'uart-fault' : 'uart-back';
  }

  private moduleOutput(at: number, bytes: Uint8Array, end: boolean): boolean {
    const open = this.openOut;
    if (open && open.bytes.length + bytes.length <= MAX_GROUP) {
      const joined = new Uint8Array(open.bytes.length + bytes.length);
      joined.set(open.bytes);
      joined.set(bytes, open.bytes.length);
      open.bytes = joined;
      this.version++;
    } else {
      const row: BytesRow = { id: this.nextId++, kind: 'serial', from: 'module', to: 'host', at, bytes };
      this.append(row);
      this.openOut = row;
    }
    if (end) this.openOut = undefined;
    return true;
  }

  private note(at: number, note: NoteKind, values: Readonly<Record<string, string | number>> = {}): boolean {
    return this.add({ kind: 'note', at, note, values });
  }

  private add(row: Omit<BytesRow, 'id'> | Omit<SmsRow, 'id'> | Omit<NoteRow, 'id'>): boolean {
    this.append({ ...row, id: this.nextId++ } as WorldRow);
    return true;
  }

  private append(row: WorldRow): void {
    this.list.push(row);
    if (this.list.length > MAX_ROWS) {
      const extra = this.list.length - MAX_ROWS;
      if (this.openOut && this.list.indexOf(this.openOut) < extra) this.openOut = undefined;
      this.list.splice(0, extra);
      this.dropped += extra;
    }
    this.version++;
  }
}

/**
 * The page's one log of the world: it outlives the panel's element, so leaving the panel and coming back
 * keeps what the page itself added (the cable) and the order.
 */
export const pageWorldLog = new WorldLog();

/**
 * The bytes of a row as text for a classroom: control characters visible (`↵` for a CR inside a line, `[XX]`
 * for others), one line per line the module sent, empty lines left out — "\r\n+VER:V1.0.6\r\n\r\nOK\r\n"
 * reads as two lines, not five (the Terminal keeps every byte).
 */
export function rowText(bytes: Uint8Array): string {
  // Cached per byte array: a redraw under a stream decodes only rows that changed (a growing row gets a
  // new array on every chunk, so it is never stale).
  const cached = texts.get(bytes);
  if (cached !== undefined) return cached;
  const text = bytesToTerminalText(bytes)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .join('\n');
  texts.set(bytes, text);
  return text;
}

const texts = new WeakMap<Uint8Array, string>();
