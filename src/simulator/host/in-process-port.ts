import type { SerialPortInfoLike } from '../../serial/serial-port-like';
import { createDeviceStreams, type DeviceStreams } from './device-streams';
import { lineFromOpenOptions } from './line-options';
import type { SerialDevice } from './serial-device';
import { StreamPort } from './stream-port';

/** The simulator's port has no USB ids, like a built-in UART. */
export const SIMULATOR_PORT_INFO: SerialPortInfoLike = {};

export interface SimulatorPort extends StreamPort {
  /** Pulls the virtual cable: reads and writes fail, `disconnect` fires. */
  unplug(): void;
}

/**
 * A SerialPort-shaped port wired straight to a module in the same thread: for Node tests and the Node
 * hosts. The browser gets the same port shape through the worker.
 */
export function createSimulatorPort(device: SerialDevice): SimulatorPort {
  let streams: DeviceStreams | undefined;
  const port = new StreamPort(
    async (options) => {
      streams = createDeviceStreams(device, lineFromOpenOptions(options));
      return streams;
    },
    SIMULATOR_PORT_INFO,
    () => {
      streams?.detach();
      streams = undefined;
    },
  ) as SimulatorPort;
  port.unplug = () => {
    streams?.lose();
    streams = undefined;
    port.markLost();
  };
  return port;
}
