import type { UartSettings } from '../../protocol/uart';
import type { SimulatorControl } from '../core/control';
import type { SerialDevice } from './serial-device';

/** The serial side of a simulation, seen through its control API. */
export function serialDeviceOf(sim: SimulatorControl): SerialDevice {
  return {
    hostWrite(bytes: Uint8Array, line: UartSettings) {
      sim.control({ type: 'serial-write', bytes, line });
    },
    setHostLine(line: UartSettings | null) {
      sim.control({ type: 'serial-line', line });
    },
    onSerialOutput(listener) {
      return sim.onEvent((e) => {
        if (e.type === 'serial-out') listener(e.bytes);
      });
    },
  };
}
