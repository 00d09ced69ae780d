/**
 * A session against the simulator core with a virtual clock: the module booted (or not), its port, a
 * session opened on it. Settings given are stored before power-up, so the module runs with them.
 */
import { VirtualClock } from '../../src/clock/virtual-clock';
import { parseUartValue, type UartSettings } from '../../src/protocol/uart';
import { AtSession, type SessionOptions } from '../../src/session/session';
import type { SerialPortLike } from '../../src/serial/serial-port-like';
import { SimulatedModule } from '../../src/simulator/core';
import { createSimulatorPort, type SimulatorPort } from '../../src/simulator/host/in-process-port';

export interface SimSetupOptions {
  readonly settings?: Readonly<Record<string, string>>;
  readonly wireTiming?: boolean;
  /** The line the session opens with (default 115200 8N1). */
  readonly hostUart?: UartSettings;
  readonly session?: Omit<SessionOptions, 'clock'>;
  /** Wraps the simulator's port (fault injection). */
  readonly wrap?: (port: SimulatorPort, clock: VirtualClock) => SerialPortLike;
  readonly seed?: number;
  /** Firmware variant presets or switches of the simulator (src/simulator/core/variants.ts). */
  readonly firmware?: readonly string[];
}

export interface SimSetup {
  readonly clock: VirtualClock;
  readonly module: SimulatedModule;
  readonly simPort: SimulatorPort;
  readonly port: SerialPortLike;
  readonly session: AtSession;
}

export const UART_115200: UartSettings = { baud: 115200, dataBits: 8, stopBits: 1, parity: 'NONE' };

export function uart(value: string): UartSettings {
  const u = parseUartValue(value);
  if (!u) throw new Error(`bad UART ${value}`);
  return u;
}

/** Boots a module (past its start message and network attach), opens a session on its port. */
export async function simSetup(options: SimSetupOptions = {}): Promise<SimSetup> {
  const clock = new VirtualClock();
  const module = new SimulatedModule({
    clock,
    poweredOn: false,
    wireTiming: options.wireTiming ?? true,
    seed: options.seed ?? 7,
    ...(options.firmware ? { firmware: options.firmware } : {}),
  });
  Object.assign(module.flash.stored, options.settings ?? {});
  module.powerOn();
  clock.advanceSync(module.timings.bootMs + 5000);
  const simPort = createSimulatorPort(module);
  const port = options.wrap ? options.wrap(simPort, clock) : simPort;
  const session = new AtSession({ clock, ...options.session });
  await clock.run(session.open(port, options.hostUart ?? UART_115200));
  return { clock, module, simPort, port, session };
}
