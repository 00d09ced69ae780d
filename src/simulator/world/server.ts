import type { PacketTag, ServerBehaviour, SocketId } from '../core/control';

/** One packet a virtual server received, with the time it arrived. */
export interface ReceivedPacket {
  readonly at: number;
  readonly bytes: Uint8Array;
  readonly tag: PacketTag;
}

/** What the server side of a connection can do. */
export interface ServerSideLink {
  readonly protocol: 'TCP' | 'UDP';
  /** Sends to the module (after the network's latency). */
  toModule(bytes: Uint8Array): void;
  /** Closes the connection from the server side. */
  drop(): void;
}

/** Everything a server keeps at most, so a long benchmark does not fill memory. */
export const SERVER_RECORD_BYTES = 1 << 20;

/**
 * The virtual server behind one socket: echoes by default, records everything it receives with the time,
 * can send to the module, refuse new connections and drop the current one.
 */
export class VirtualServer {
  behaviour: ServerBehaviour = 'echo';
  private link: ServerSideLink | undefined;
  private records: ReceivedPacket[] = [];
  private recordHead = 0;
  private recordBytes = 0;
  /** Every byte received since the last reset, including those no longer recorded. */
  totalBytes = 0;
  /** Connections accepted since the last reset. */
  connections = 0;
  /** A connection on which nothing arrived from the module for this long is closed (0: never). */
  idleCloseMs = 0;
  /** Echoed data goes back this long after it arrived (0: at once). */
  echoDelayMs = 0;
  /** Runs `fn` after `ms` of the world's clock (set by the world; without it a delayed echo is immediate). */
  schedule: ((ms: number, fn: () => void) => void) | undefined;

  constructor(readonly socket: SocketId) {}

  get connected(): boolean {
    return this.link !== undefined;
  }

  /** The packets received, oldest first (the last ~1 MB). */
  get received(): readonly ReceivedPacket[] {
    return this.records.slice(this.recordHead);
  }

  /** All recorded bytes of a tag (default data) joined, oldest first. */
  receivedBytes(tag: PacketTag | 'any' = 'data'): Uint8Array {
    const list = this.received.filter((p) => tag === 'any' || p.tag === tag);
    const out = new Uint8Array(list.reduce((n, p) => n + p.bytes.length, 0));
    let at = 0;
    for (const p of list) {
      out.set(p.bytes, at);
      at += p.bytes.length;
    }
    return out;
  }

  clearRecords(): void {
    this.records = [];
    this.recordHead = 0;
    this.recordBytes = 0;
    this.totalBytes = 0;
  }

  /** A new connection from the module; false = refused. */
  accept(link: ServerSideLink): boolean {
    if (this.behaviour === 'refuse' && link.protocol === 'TCP') return false;
    this.link = link;
    this.connections++;
    return true;
  }

  /** The connection ended (either side). */
  detach(link: ServerSideLink): void {
    if (this.link === link) this.link = undefined;
  }

  /** A packet from the module arrived. */
  receive(at: number, bytes: Uint8Array, tag: PacketTag): void {
    // A UDP "server" that refuses simply does not listen: the datagram is lost.
    if (this.behaviour === 'refuse' && this.link?.protocol === 'UDP') return;
    this.records.push({ at, bytes, tag });
    this.recordBytes += bytes.length;
    this.totalBytes += bytes.length;
    while (this.recordBytes > SERVER_RECORD_BYTES && this.recordHead < this.records.length - 1) {
      const old = this.records[this.recordHead++] as ReceivedPacket;
      this.recordBytes -= old.bytes.length;
    }
    if (this.recordHead > 4096) {
      this.records = this.records.slice(this.recordHead);
      this.recordHead = 0;
    }
    // Only user data is echoed: registration, heartbeat and AT answers are recognised and kept.
    if (this.behaviour !== 'echo' || tag !== 'data' || !this.link) return;
    const link = this.link;
    if (this.echoDelayMs > 0 && this.schedule) {
      // A slow server: the answer is lost when the connection has gone in the meantime.
      this.schedule(this.echoDelayMs, () => {
        if (this.link === link) link.toModule(bytes);
      });
    } else link.toModule(bytes);
  }

  /** Sends to the module; false when nothing is connected. */
  send(bytes: Uint8Array): boolean {
    if (!this.link) return false;
    this.link.toModule(bytes);
    return true;
  }

  /** Closes the current connection; false when there is none. */
  drop(): boolean {
    const link = this.link;
    if (!link) return false;
    this.link = undefined;
    link.drop();
    return true;
  }
}
