import type { Clock } from '../../clock/clock';
import type {
  HttpRequestRecord,
  PacketTag,
  RadioState,
  ServerBehaviour,
  ServerStreamState,
  SocketId,
  StreamPattern,
} from '../core/control';
import { SOCKET_IDS } from '../core/control';
import { EventHub } from '../core/events';
import { DelayLine, TimerGroup } from '../core/timers';
import { Dns } from './dns';
import { DEFAULT_HTTP_RESPONSE, encodeResponse, parseRequest, VirtualHttpServer } from './http-server';
import { VirtualPhone } from './phone';
import { DEFAULT_RADIO, latencyMs, Radio } from './radio';
import { VirtualServer, type ServerSideLink } from './server';
import { ServerStream, STREAM_MAX_BYTES_PER_SECOND } from './stream';

export interface ConnectTarget {
  readonly protocol: 'TCP' | 'UDP';
  readonly host: string;
  readonly port: number;
}

/** The module's end of a connection. */
export interface ModuleSideLink {
  readonly protocol: 'TCP' | 'UDP';
  /** Sends a packet to the server (it arrives after the network latency). */
  send(bytes: Uint8Array, tag: PacketTag): void;
  /** Closes the connection from the module's side. */
  close(): void;
}

export interface ModuleSideHandlers {
  /** A packet from the server. */
  onData(bytes: Uint8Array): void;
  /** The server closed the connection. */
  onClose(): void;
}

export type ConnectResult =
  | { readonly ok: true; readonly link: ModuleSideLink }
  | { readonly ok: false; readonly reason: 'dns' | 'refused' | 'no-network' };

/** What the world needs from the module it hosts (SMS in). */
export interface ModuleSmsSink {
  /** An SMS for the module; false when it cannot take it now (off, no network): the world retries. */
  receiveSms(from: string, text: string): boolean;
  /**
   * Whether the module can take an SMS now. When given, the world reports `sms-in` before handing the SMS
   * over, so an answer the module sends at once (SMS AT, 3.1.5) comes after the question in the events.
   */
  canReceiveSms?(): boolean;
}

/** Time the SMS centre takes to deliver, and to retry while the module is unreachable, ms. */
export const SMS_DELIVERY_MS = 2000;
export const SMS_RETRY_MS = 5000;

export interface WorldOptions {
  readonly clock: Clock;
  readonly radio?: RadioState;
  readonly phoneNumber?: string;
  readonly hub?: EventHub;
}

/**
 * The virtual world around the module: one server per socket, an HTTP server, a phone, the radio and name
 * resolution. Decision (docs/simulator.md): whatever address a socket is set to, its own virtual server
 * answers, unless the name does not resolve.
 */
export class VirtualWorld {
  readonly clock: Clock;
  readonly hub: EventHub;
  readonly radio: Radio;
  readonly dns = new Dns();
  readonly servers: Readonly<Record<SocketId, VirtualServer>>;
  readonly http = new VirtualHttpServer();
  readonly phone: VirtualPhone;
  private timers: TimerGroup;
  private smsSink: ModuleSmsSink | undefined;
  private readonly initialRadio: RadioState;
  private readonly streams = new Map<SocketId, ServerStream>();

  constructor(options: WorldOptions) {
    this.clock = options.clock;
    this.hub = options.hub ?? new EventHub();
    this.initialRadio = options.radio ?? DEFAULT_RADIO;
    this.radio = new Radio(this.initialRadio);
    this.phone = new VirtualPhone(options.phoneNumber);
    this.timers = new TimerGroup(this.clock);
    this.servers = {
      A: new VirtualServer('A'),
      B: new VirtualServer('B'),
      C: new VirtualServer('C'),
      D: new VirtualServer('D'),
    };
    for (const id of SOCKET_IDS) {
      this.servers[id].schedule = (ms, fn) => {
        this.timers.after(ms, fn);
      };
    }
  }

  /**
   * The socket's server closes a connection idle (nothing from the module) for `idleCloseSeconds` (0:
   * never) and echoes `echoDelayMs` late (0: at once). Bad or negative numbers are read as 0. From the next
   * packet or connection on.
   */
  setServerTiming(socket: SocketId, idleCloseSeconds: number, echoDelayMs: number): void {
    const server = this.servers[socket];
    const clean = (n: number, max: number): number =>
      Number.isFinite(n) ? Math.min(max, Math.max(0, Math.floor(n))) : 0;
    server.idleCloseMs = clean(idleCloseSeconds, 86_400) * 1000;
    server.echoDelayMs = clean(echoDelayMs, 600_000);
  }

  /** One-way latency of the current network, ms. */
  get latency(): number {
    return latencyMs(this.radio.current.network);
  }

  attachModule(sink: ModuleSmsSink): void {
    this.smsSink = sink;
  }

  setBehaviour(socket: SocketId, behaviour: ServerBehaviour): void {
    this.servers[socket].behaviour = behaviour;
  }

  /**
   * The socket's server streams to the module at `bytesPerSecond` (0 or less stops it; clamped to
   * `STREAM_MAX_BYTES_PER_SECOND`); a new rate restarts the stream. Returns the stream now.
   */
  setStream(socket: SocketId, bytesPerSecond: number, pattern: StreamPattern = 'text'): ServerStreamState {
    this.streams.get(socket)?.stop();
    this.streams.delete(socket);
    const rate = Number.isFinite(bytesPerSecond)
      ? Math.min(STREAM_MAX_BYTES_PER_SECOND, Math.max(0, Math.floor(bytesPerSecond)))
      : 0;
    const kind: StreamPattern = pattern === 'binary' ? 'binary' : 'text';
    if (rate === 0) return { bytesPerSecond: 0, pattern: kind };
    const stream = new ServerStream(this.clock, rate, kind, (bytes) => this.servers[socket].send(bytes));
    this.streams.set(socket, stream);
    stream.start();
    return { bytesPerSecond: rate, pattern: kind };
  }

  /** The socket's stream (`bytesPerSecond` 0: none). */
  stream(socket: SocketId): ServerStreamState {
    const s = this.streams.get(socket);
    return s
      ? { bytesPerSecond: s.bytesPerSecond, pattern: s.pattern }
      : { bytesPerSecond: 0, pattern: 'text' };
  }

  /** Back to the start: echo servers with empty records, default radio, HTTP answer, no unknown hosts. */
  reset(): void {
    for (const id of SOCKET_IDS) this.setStream(id, 0);
    this.timers.cancelAll();
    this.timers = new TimerGroup(this.clock);
    for (const id of SOCKET_IDS) {
      const s = this.servers[id];
      s.drop();
      s.behaviour = 'echo';
      s.clearRecords();
      s.connections = 0;
      s.idleCloseMs = 0;
      s.echoDelayMs = 0;
    }
    this.http.response = DEFAULT_HTTP_RESPONSE;
    this.http.requests.length = 0;
    this.phone.clear();
    this.dns.setUnknown([]);
    this.radio.set(this.initialRadio);
  }

  /**
   * Opens a connection for `socket` to `target`. The answer comes after DNS (one round trip for a name) and
   * the TCP handshake (one round trip; a refusal is an RST after one round trip). UDP needs only DNS.
   */
  connect(
    socket: SocketId,
    target: ConnectTarget,
    handlers: ModuleSideHandlers,
    done: (r: ConnectResult) => void,
  ): { cancel(): void } {
    let cancelled = false;
    const rtt = 2 * this.latency;
    const isIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(target.host.trim());
    const dnsMs = isIp ? 0 : rtt;
    const finish = (r: ConnectResult): void => {
      if (!cancelled) done(r);
    };
    const timer = this.timers.after(dnsMs, () => {
      if (cancelled) return;
      if (this.radio.current.network === 'none') return finish({ ok: false, reason: 'no-network' });
      if (!this.dns.resolves(target.host)) return finish({ ok: false, reason: 'dns' });
      const handshakeMs = target.protocol === 'TCP' ? rtt : 0;
      this.timers.after(handshakeMs, () => {
        if (cancelled) return;
        const link = this.makeLink(socket, target.protocol, handlers);
        if (!this.servers[socket].accept(link.serverSide)) return finish({ ok: false, reason: 'refused' });
        link.heard();
        finish({ ok: true, link: link.moduleSide });
      });
    });
    return {
      cancel: () => {
        cancelled = true;
        timer.cancel();
      },
    };
  }

  /** An HTTP request (HTTPD mode); `respond` gets the response bytes unless the server stays silent. */
  httpRequest(
    host: string,
    port: number,
    raw: Uint8Array,
    respond: (bytes: Uint8Array) => void,
    fail: (reason: 'dns' | 'no-network') => void,
  ): { cancel(): void } {
    let cancelled = false;
    const rtt = 2 * this.latency;
    const timer = this.timers.after(rtt, () => {
      if (cancelled) return;
      if (this.radio.current.network === 'none') return fail('no-network');
      if (!this.dns.resolves(host)) return fail('dns');
      this.timers.after(this.latency, () => {
        if (cancelled) return;
        const record: HttpRequestRecord = parseRequest(this.clock.now(), host, port, raw);
        this.http.record(record);
        this.hub.emit({ type: 'http-request', at: this.clock.now(), request: record });
        const spec = this.http.response;
        if (spec.noReply) return;
        const bytes = encodeResponse(spec);
        this.timers.after((spec.delayMs ?? 0) + this.latency, () => {
          if (!cancelled) respond(bytes);
        });
      });
    });
    return {
      cancel: () => {
        cancelled = true;
        timer.cancel();
      },
    };
  }

  /** The phone sends an SMS to the module (store and forward until the module can take it). */
  phoneSend(text: string): void {
    this.phone.sent.push({ at: this.clock.now(), peer: 'module', text });
    const attempt = (delay: number): void => {
      this.timers.after(delay, () => {
        const sink = this.smsSink;
        if (sink?.canReceiveSms) {
          if (!sink.canReceiveSms()) return attempt(SMS_RETRY_MS);
          this.hub.emit({ type: 'sms-in', at: this.clock.now(), from: this.phone.number, text });
          sink.receiveSms(this.phone.number, text);
        } else if (sink?.receiveSms(this.phone.number, text)) {
          this.hub.emit({ type: 'sms-in', at: this.clock.now(), from: this.phone.number, text });
        } else attempt(SMS_RETRY_MS);
      });
    };
    attempt(SMS_DELIVERY_MS);
  }

  /** The module sends an SMS; the phone gets it after the delivery time. */
  moduleSendsSms(to: string, text: string, fromNumber: string): void {
    const delivered = this.radio.current.network !== 'none';
    this.hub.emit({ type: 'sms-out', at: this.clock.now(), to, text, delivered });
    if (!delivered) return;
    this.timers.after(SMS_DELIVERY_MS, () => {
      if (to === this.phone.number || to.replace(/^\+/, '') === this.phone.number) {
        this.phone.inbox.push({ at: this.clock.now(), peer: fromNumber, text });
      }
    });
  }

  private makeLink(
    socket: SocketId,
    protocol: 'TCP' | 'UDP',
    handlers: ModuleSideHandlers,
  ): { moduleSide: ModuleSideLink; serverSide: ServerSideLink; heard: () => void } {
    const server = this.servers[socket];
    let open = true;
    let idle: { cancel(): void } | undefined;
    // The server's idle timer (set-server-timing) starts at accept and again at each packet from the module.
    const heard = (): void => {
      idle?.cancel();
      idle = undefined;
      if (!open || server.idleCloseMs <= 0) return;
      idle = this.timers.after(server.idleCloseMs, () => {
        if (!open) return;
        server.detach(serverSide);
        serverSide.drop();
      });
    };
    // Packets already sent still arrive after the module closes (TCP sends its data before the FIN).
    const toServer = new DelayLine<{ bytes: Uint8Array; tag: PacketTag }>(this.clock, this.timers, (p) => {
      server.receive(this.clock.now(), p.bytes, p.tag);
      heard();
    });
    const toModule = new DelayLine<Uint8Array>(this.clock, this.timers, (bytes) => {
      if (open) handlers.onData(bytes);
    });
    const serverSide: ServerSideLink = {
      protocol,
      toModule: (bytes) => {
        if (open) toModule.push(bytes.slice(), this.clock.now() + this.latency);
      },
      drop: () => {
        if (!open) return;
        open = false;
        idle?.cancel();
        toServer.clear();
        toModule.clear();
        handlers.onClose();
      },
    };
    const moduleSide: ModuleSideLink = {
      protocol,
      send: (bytes, tag) => {
        if (open) toServer.push({ bytes, tag }, this.clock.now() + this.latency);
      },
      close: () => {
        if (!open) return;
        open = false;
        idle?.cancel();
        toModule.clear();
        server.detach(serverSide);
      },
    };
    return { moduleSide, serverSide, heard };
  }
}
