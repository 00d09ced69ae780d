import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { realClock, type Clock } from '../../clock/clock';
import type { UartSettings } from '../../protocol/uart';
import { SimulatedModule, type SimulatedModuleOptions } from '../core';

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
  readonly clock?: Clock;
  /** A module to host (for tests and --real-network); a new one on the real clock when absent. */
  readonly module?: SimulatedModule;
  readonly moduleOptions?: Partial<SimulatedModuleOptions>;
  readonly log?: (line: string) => void;
}

export interface TcpHost {
  readonly module: SimulatedModule;
  readonly address: AddressInfo;
  close(): Promise<void>;
}

/**
 * The module's serial side on a raw TCP port, like a serial device server: whatever a client writes is
 * what the module's UART receives, and what the module sends comes back on the connection. One client at
 * a time, as one cable; a second connection is told so and closed.
 */
export async function startTcpHost(options: TcpHostOptions): Promise<TcpHost> {
  const clock = options.clock ?? realClock;
  const log = options.log ?? (() => undefined);
  const module =
    options.module ??
    new SimulatedModule({
      clock,
      wireTiming: options.wireTiming ?? true,
      startRunning: true,
      ...options.moduleOptions,
    });
  const lineNow = (): UartSettings => options.hostLine ?? module.uart;
  let client: Socket | undefined;

  const server: Server = createServer((socket) => {
    socket.setNoDelay(true);
    const peer = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    if (client) {
      log(`refused ${peer}: the serial line is in use by another client`);
      socket.end('BUSY: another client holds the simulated serial line\r\n');
      return;
    }
    client = socket;
    log(`client ${peer} connected`);
    module.setHostLine(lineNow());
    const unsubscribe = module.onSerialOutput((bytes) => {
      if (!socket.destroyed) socket.write(bytes);
    });
    socket.on('data', (chunk: Buffer) => {
      module.hostWrite(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength), lineNow());
    });
    const done = (): void => {
      if (client !== socket) return;
      client = undefined;
      unsubscribe();
      module.setHostLine(null);
      log(`client ${peer} disconnected`);
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

  return {
    module,
    address: server.address() as AddressInfo,
    close: () =>
      new Promise<void>((resolve) => {
        client?.destroy();
        server.close(() => resolve());
      }),
  };
}
