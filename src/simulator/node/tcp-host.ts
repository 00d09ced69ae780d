import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { realClock, type Clock } from '../../clock/clock';
import type { UartSettings } from '../../protocol/uart';
import { SimulatedModule, type SimulatedModuleOptions } from '../core';
import { toHex, traceNow, type TraceSink } from './trace';
import { followTty, type TtyFollower } from './tty-follow';

export interface TcpHostOptions {
  readonly host: string;
  readonly port: number;
  /** Bytes take their wire time at the module's UART setting (default true). */
  readonly wireTiming?: boolean;
  /**
   * The serial settings of the "cable" on the host side. Undefined: always the module's current UART,
   * as when a serial device server is set to match the module. Set it to see what a mismatch does.
   */
  readonly hostLine?: UartSettings;
  /**
   * A tty whose termios settings are the host side's line (`--follow-tty /dev/pts/N`): polled every
   * ~20 ms, they replace `hostLine` while the tty has a speed (speed 0 is ignored). For a pty bridged to
   * this port (socat), so a host that opens the pty at the wrong rate gets garbage as on a real line.
   */
  readonly followTty?: string;
  /** How often a followed tty is polled, ms (default 20). Bytes from the host trigger a reading anyway. */
  readonly followIntervalMs?: number;
  /** Where to record every chunk and event at the TCP end (trace.ts). */
  readonly trace?: TraceSink;
  readonly clock?: Clock;
  /** A module to host (for tests and --real-network); a new one on the real clock when absent. */
  readonly module?: SimulatedModule;
  readonly moduleOptions?: Partial<SimulatedModuleOptions>;
  readonly log?: (line: string) => void;
}

export interface TcpHost {
  readonly module: SimulatedModule;
  readonly address: AddressInfo;
  /** The host line in use now (followed tty, fixed `hostLine`, or the module's UART). */
  readonly hostLine: UartSettings;
  /** True while a client holds the line. */
  readonly connected: boolean;
  /**
   * Follows the termios settings of `path` from now on (undefined: stop; the fixed line or the module's
   * UART again). `forClient`: only until the current client disconnects.
   */
  follow(path: string | undefined, options?: { forClient?: boolean }): void;
  /** Cuts the current client's connection, as a pulled cable (false: nobody was connected). */
  dropClient(): boolean;
  /** Writes a label into the trace. */
  mark(label: string): void;
  close(): Promise<void>;
}

function lineText(line: UartSettings): string {
  return `${line.baud} ${line.dataBits}${line.parity.charAt(0)}${line.stopBits}`;
}

/**
 * The module's serial side on a raw TCP port, like a serial device server: whatever a client writes is
 * what the module's UART receives, and what the module sends comes back on the connection. One client at
 * a time, as one cable; a second connection is told so and closed.
 */
export async function startTcpHost(options: TcpHostOptions): Promise<TcpHost> {
  const clock = options.clock ?? realClock;
  const log = options.log ?? (() => undefined);
  const trace = options.trace;
  const module =
    options.module ??
    new SimulatedModule({
      clock,
      wireTiming: options.wireTiming ?? true,
      startRunning: true,
      ...options.moduleOptions,
    });
  let follower: TtyFollower | undefined;
  let followerForClient = false;
  let client: Socket | undefined;

  const lineNow = (): UartSettings => follower?.line ?? options.hostLine ?? module.uart;
  const lineSource = (): 'tty' | 'fixed' | 'module' =>
    follower?.line ? 'tty' : options.hostLine ? 'fixed' : 'module';
  let lastLine = '';
  /** Tells the module the host line (when a client holds it) and traces a change. */
  const lineChanged = (): void => {
    if (!client) return;
    const line = lineNow();
    module.setHostLine(line);
    const text = `${lineText(line)} (${lineSource()})`;
    if (text === lastLine) return;
    lastLine = text;
    trace?.write({ t: traceNow(), dir: 'line', line: lineText(line), source: lineSource() });
  };

  const stopFollowing = (): void => {
    follower?.stop();
    follower = undefined;
    followerForClient = false;
  };
  const follow = (path: string | undefined, o: { forClient?: boolean } = {}): void => {
    stopFollowing();
    if (path !== undefined) {
      follower = followTty(path, {
        ...(options.followIntervalMs !== undefined ? { intervalMs: options.followIntervalMs } : {}),
        onChange: (line) => {
          log(`host line from ${path}: ${lineText(line)}`);
          lineChanged();
        },
        onError: (message) => {
          if (message) log(`cannot read ${path}: ${message}`);
        },
      });
      followerForClient = o.forClient === true;
    }
    lineChanged();
  };

  // Events the trace records: packets to the servers (a stray byte from the host shows here as `data`),
  // and mode changes. The module's UART changes at a restart: the "matching cable" follows it.
  const unsubscribeEvents = module.onEvent((e) => {
    if (e.type === 'socket-tx') {
      trace?.write({
        t: traceNow(),
        dir: 'server',
        socket: e.socket,
        tag: e.tag,
        hex: toHex(e.bytes),
        n: e.bytes.length,
      });
    } else if (e.type === 'mode') {
      trace?.write({ t: traceNow(), dir: 'mode', mode: e.mode });
    } else if (e.type === 'uart') {
      lineChanged();
    }
  });

  const server: Server = createServer((socket) => {
    socket.setNoDelay(true);
    const peer = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    if (client) {
      log(`refused ${peer}: the serial line is in use by another client`);
      trace?.write({ t: traceNow(), dir: 'client', event: 'refused', peer });
      socket.end('BUSY: another client holds the simulated serial line\r\n');
      return;
    }
    client = socket;
    lastLine = '';
    log(`client ${peer} connected`);
    trace?.write({ t: traceNow(), dir: 'client', event: 'connect', peer });
    lineChanged();
    const unsubscribe = module.onSerialOutput((bytes) => {
      if (socket.destroyed) return;
      trace?.write({ t: traceNow(), dir: 'out', hex: toHex(bytes), n: bytes.length });
      socket.write(bytes);
    });
    // With a followed tty, the line settings are read again the moment bytes arrive (a poll may be up
    // to 20 ms old: a host that reopens its port at another rate writes at once); bytes wait for the
    // reading taken after they arrived (~1 ms), in order.
    const held: Uint8Array[] = [];
    let refreshing = false;
    const deliver = (count: number): void => {
      for (const bytes of held.splice(0, count)) module.hostWrite(bytes, lineNow());
    };
    const pump = (): void => {
      if (refreshing || held.length === 0) return;
      if (!follower) return deliver(held.length);
      refreshing = true;
      const count = held.length;
      void follower.refresh().then(() => {
        refreshing = false;
        if (client !== socket) return;
        deliver(count);
        pump();
      });
    };
    socket.on('data', (chunk: Buffer) => {
      const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      trace?.write({
        t: traceNow(),
        dir: 'in',
        hex: toHex(bytes),
        n: bytes.length,
        mode: module.mode,
        uartft: Number(module.running['UARTFT'] ?? NaN),
      });
      held.push(bytes);
      pump();
    });
    const done = (): void => {
      if (client !== socket) return;
      client = undefined;
      unsubscribe();
      module.setHostLine(null);
      if (followerForClient) stopFollowing();
      log(`client ${peer} disconnected`);
      trace?.write({ t: traceNow(), dir: 'client', event: 'disconnect', peer });
      trace?.write({ t: traceNow(), dir: 'line', line: null, source: 'closed' });
    };
    socket.on('close', done);
    socket.on('error', done);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  if (options.followTty !== undefined) follow(options.followTty);

  return {
    module,
    address: server.address() as AddressInfo,
    get hostLine() {
      return lineNow();
    },
    get connected() {
      return client !== undefined;
    },
    follow,
    dropClient() {
      const c = client;
      if (!c) return false;
      const peer = `${c.remoteAddress ?? '?'}:${c.remotePort ?? '?'}`;
      log(`dropping client ${peer}`);
      trace?.write({ t: traceNow(), dir: 'client', event: 'dropped', peer });
      c.destroy();
      return true;
    },
    mark(label) {
      trace?.write({ t: traceNow(), dir: 'mark', label });
    },
    close: () =>
      new Promise<void>((resolve) => {
        stopFollowing();
        unsubscribeEvents();
        client?.destroy();
        server.close(() => resolve());
      }),
  };
}
