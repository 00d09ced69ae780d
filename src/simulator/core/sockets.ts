/**
 * One of the four sockets A–D (manual 2.1.1, 3.1.7.25–48): TCP/UDP client to the socket's virtual server,
 * long or short connection, reconnect after SOCKxTO, the 10 KB cache while the link is down, registration
 * packets (2.3.1) and network heartbeats (2.3.2).
 */
import type { Clock } from '../../clock/clock';
import type { ModuleSideLink, VirtualWorld } from '../world/world';
import type { LinkState, PacketTag, SocketId } from './control';
import type { SocketConfig } from './config';
import type { EventHub } from './events';
import { SOCKET_CACHE_BYTES } from './timings';
import { Deadline, type TimerGroup } from './timers';

export interface ChannelHost {
  readonly clock: Clock;
  readonly group: TimerGroup;
  readonly world: VirtualWorld;
  readonly hub: EventHub;
  /** The radio is attached. */
  attached(): boolean;
  /** REGEN=ON: the registration bytes; `everyPacket` for REGSND=DATA. */
  readonly registration: { readonly bytes: Uint8Array; readonly everyPacket: boolean } | undefined;
  /** HEARTEN=ON with HEARTSND=NET: heartbeat bytes and interval. */
  readonly heartbeat: { readonly bytes: Uint8Array; readonly intervalMs: number } | undefined;
  /** A packet arrived from the network. */
  received(socket: SocketId, bytes: Uint8Array): void;
  /** The link state changed (LINKA/LINKB pins, LEDs). */
  linkChanged(socket: SocketId, state: LinkState): void;
}

export class SocketChannel {
  private state: LinkState = 'disabled';
  private link: ModuleSideLink | undefined;
  private pendingConnect: { cancel(): void } | undefined;
  private cache: Uint8Array[] = [];
  private cacheSize = 0;
  /** Bytes dropped from the cache since start. */
  dropped = 0;
  private lastData = 0;
  private lastTraffic = 0;
  private readonly retry: Deadline;
  private readonly idle: Deadline;
  private readonly heartbeat: Deadline;

  constructor(
    readonly config: SocketConfig,
    private readonly host: ChannelHost,
  ) {
    this.retry = new Deadline(host.clock, host.group, () => {
      // A short connection with nothing to send waits for serial data instead of reconnecting.
      if (this.config.short && this.cacheSize === 0) this.setState('idle');
      else this.connect();
    });
    this.idle = new Deadline(host.clock, host.group, () => this.idleTimeout());
    this.heartbeat = new Deadline(host.clock, host.group, () => this.sendHeartbeat());
  }

  get id(): SocketId {
    return this.config.id;
  }

  get linkState(): LinkState {
    return this.state;
  }

  get cachedBytes(): number {
    return this.cacheSize;
  }

  /** Firmware started in NET mode. */
  start(): void {
    if (!this.config.enabled) return this.setState('disabled');
    if (!this.host.attached()) return this.setState('no-network');
    if (this.config.short) return this.setState('idle');
    this.connect();
  }

  /** The radio attached or detached. */
  networkChanged(): void {
    if (!this.config.enabled) return;
    if (this.host.attached()) {
      if (this.state === 'no-network') {
        if (this.config.short && this.cacheSize === 0) this.setState('idle');
        else this.connect();
      }
    } else {
      this.close();
      this.setState('no-network', 'no-network');
    }
  }

  /** Firmware stops (restart, power off, mode change). */
  stop(): void {
    this.close();
    this.cache = [];
    this.cacheSize = 0;
    this.setState('disabled', 'restart');
  }

  /** A packet from the serial side for this socket. */
  send(frame: Uint8Array): void {
    if (!this.config.enabled) return;
    if (this.state === 'connected' && this.link) {
      this.transmit(frame);
      return;
    }
    this.addToCache(frame);
    if (this.state === 'idle') this.connect();
  }

  /** The server side closes (dropLink) — or the module's link is gone. */
  private closedByServer(): void {
    this.link = undefined;
    this.heartbeat.clear();
    this.idle.clear();
    this.setState('waiting', 'dropped');
    this.retry.set(this.host.clock.now() + this.config.reconnectMs);
  }

  private connect(): void {
    if (!this.config.enabled || this.state === 'connecting' || this.state === 'connected') return;
    if (!this.host.attached()) return this.setState('no-network');
    this.retry.clear();
    this.setState('connecting');
    const { protocol, host, port } = this.config;
    this.pendingConnect = this.host.world.connect(
      this.id,
      { protocol, host, port },
      {
        onData: (bytes) => this.receive(bytes),
        onClose: () => this.closedByServer(),
      },
      (result) => {
        this.pendingConnect = undefined;
        if (result.ok) {
          this.link = result.link;
          this.opened();
        } else if (result.reason === 'no-network') {
          this.setState('no-network', 'no-network');
        } else {
          this.setState('waiting', result.reason);
          this.retry.set(this.host.clock.now() + this.config.reconnectMs);
        }
      },
    );
  }

  private opened(): void {
    const now = this.host.clock.now();
    this.lastData = now;
    this.lastTraffic = now;
    this.setState('connected');
    const reg = this.host.registration;
    if (reg && !reg.everyPacket && reg.bytes.length > 0) this.packet(reg.bytes, 'registration');
    const cached = this.cache;
    this.cache = [];
    this.cacheSize = 0;
    for (const frame of cached) this.transmit(frame);
    this.armHeartbeat();
    this.armIdle();
  }

  private transmit(frame: Uint8Array): void {
    const reg = this.host.registration;
    let packet = frame;
    if (reg && reg.everyPacket && reg.bytes.length > 0) {
      packet = new Uint8Array(reg.bytes.length + frame.length);
      packet.set(reg.bytes);
      packet.set(frame, reg.bytes.length);
    }
    this.packet(packet, 'data');
    this.lastData = this.host.clock.now();
    this.armIdle();
  }

  /** Sends one packet on the open link (also password-AT answers). */
  packet(bytes: Uint8Array, tag: PacketTag): boolean {
    if (!this.link) return false;
    const now = this.host.clock.now();
    this.link.send(bytes, tag);
    this.lastTraffic = now;
    if (this.host.hub.active) this.host.hub.emit({ type: 'socket-tx', at: now, socket: this.id, bytes, tag });
    this.armHeartbeat();
    return true;
  }

  private receive(bytes: Uint8Array): void {
    const now = this.host.clock.now();
    this.lastData = now;
    this.lastTraffic = now;
    this.armIdle();
    this.armHeartbeat();
    this.host.received(this.id, bytes);
  }

  private addToCache(frame: Uint8Array): void {
    this.cache.push(frame);
    this.cacheSize += frame.length;
    let dropped = 0;
    while (this.cacheSize > SOCKET_CACHE_BYTES) {
      const head = this.cache[0] as Uint8Array;
      const over = this.cacheSize - SOCKET_CACHE_BYTES;
      if (head.length <= over) {
        this.cache.shift();
        this.cacheSize -= head.length;
        dropped += head.length;
      } else {
        this.cache[0] = head.subarray(over);
        this.cacheSize -= over;
        dropped += over;
      }
    }
    if (dropped > 0) {
      this.dropped += dropped;
      this.host.hub.emit({
        type: 'cache-drop',
        at: this.host.clock.now(),
        socket: this.id,
        dropped: this.dropped,
      });
    }
  }

  private armIdle(): void {
    if (this.config.short && this.state === 'connected')
      this.idle.set(this.lastData + this.config.shortIdleMs);
  }

  private idleTimeout(): void {
    if (this.state !== 'connected') return;
    this.close();
    this.setState('idle', 'idle');
  }

  private armHeartbeat(): void {
    const hb = this.host.heartbeat;
    if (hb && this.state === 'connected') this.heartbeat.set(this.lastTraffic + hb.intervalMs);
  }

  private sendHeartbeat(): void {
    const hb = this.host.heartbeat;
    if (!hb || this.state !== 'connected') return;
    if (hb.bytes.length > 0) this.packet(hb.bytes, 'heartbeat');
    else {
      this.lastTraffic = this.host.clock.now();
      this.armHeartbeat();
    }
  }

  /** Closes the link from the module's side. */
  private close(): void {
    this.pendingConnect?.cancel();
    this.pendingConnect = undefined;
    this.retry.clear();
    this.idle.clear();
    this.heartbeat.clear();
    if (this.link) {
      this.link.close();
      this.link = undefined;
    }
  }

  private setState(state: LinkState, reason?: string): void {
    if (state === this.state) return;
    this.state = state;
    this.host.hub.emit({
      type: 'link',
      at: this.host.clock.now(),
      socket: this.id,
      state,
      ...(reason ? { reason } : {}),
    });
    this.host.linkChanged(this.id, state);
  }
}
