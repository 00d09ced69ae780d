/**
 * What the UI remembers about the device behind a port (storage `ports`): the line settings that last
 * reached it and its packing interval (UARTFT). The session adapter looks it up before connecting (the
 * remembered baud rate is tried first, the UARTFT times `+++`) and updates it after a connect, a read-all
 * and a successful apply. Never a secret: no password, no values besides UART and UARTFT.
 *
 * Best effort: storage that fails or hangs (private window, another tab upgrading) means "nothing
 * remembered", never a failed connect.
 */
import { parseUartValue, type UartSettings } from '../../protocol/uart';
import type { PortRecord, PortUpdate, RememberedLine } from '../../storage';
import { getPort, rememberPort } from '../../storage';

/** What is known of a device before connecting. */
export interface KnownDevice {
  /** The host line settings that last worked. */
  readonly line?: UartSettings;
  /** Its AT+UARTFT, ms. */
  readonly uartft?: number;
}

export interface DeviceMemory {
  lookup(key: string): Promise<KnownDevice | undefined>;
  remember(key: string, learnt: KnownDevice): Promise<void>;
}

function toRemembered(line: UartSettings): RememberedLine | undefined {
  if (line.dataBits !== 7 && line.dataBits !== 8) return undefined;
  if (line.parity === 'MARK') return undefined;
  return { baud: line.baud, dataBits: line.dataBits, stopBits: line.stopBits, parity: line.parity };
}

function fromRecord(record: PortRecord | undefined): KnownDevice | undefined {
  if (!record) return undefined;
  return {
    ...(record.line ? { line: { ...record.line } } : {}),
    ...(record.uartft !== undefined ? { uartft: record.uartft } : {}),
  };
}

/** The UARTFT among values read from the device (`AT+UARTFT?`), when it is a valid one. */
export function uartftOf(values: Readonly<Record<string, string>> | undefined): number | undefined {
  const text = values?.['UARTFT'];
  if (text === undefined || !/^\d+$/.test(text.trim())) return undefined;
  const ms = Number(text.trim());
  return ms >= 50 && ms <= 60000 ? ms : undefined;
}

/** The module's line among values read (`AT+UART?`), when it is one the host can open. */
export function uartOf(values: Readonly<Record<string, string>> | undefined): UartSettings | undefined {
  const text = values?.['UART'];
  return text === undefined ? undefined : parseUartValue(text);
}

/** The devices store in IndexedDB (src/storage/devices.ts). */
export const storedDeviceMemory: DeviceMemory = {
  lookup: async (key) => {
    try {
      return fromRecord(await getPort(key));
    } catch {
      return undefined;
    }
  },
  remember: async (key, learnt) => {
    const line = learnt.line ? toRemembered(learnt.line) : undefined;
    const update: PortUpdate = {
      ...(line ? { line } : {}),
      ...(learnt.uartft !== undefined ? { uartft: learnt.uartft } : {}),
    };
    if (update.line === undefined && update.uartft === undefined) return;
    try {
      await rememberPort(key, update);
    } catch {
      // Not remembered: the next connect searches as for a new device.
    }
  },
};

/** Remembers nothing (tests, and hosts without storage). */
export const noDeviceMemory: DeviceMemory = {
  lookup: () => Promise.resolve(undefined),
  remember: () => Promise.resolve(),
};
