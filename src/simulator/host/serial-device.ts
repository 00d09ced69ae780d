import type { UartSettings } from '../../protocol/uart';

/**
 * What a host needs from a module's serial side: bytes in (sent with the host's line settings, so a
 * mismatch can turn into garbage as on a real line) and bytes out. The simulator core implements it.
 */
export interface SerialDevice {
  hostWrite(bytes: Uint8Array, hostLine: UartSettings): void;
  /** The host opened its port with these settings, or closed it (null). */
  setHostLine?(line: UartSettings | null): void;
  /** Subscribes to bytes the module sends to the host; returns the unsubscribe function. */
  onSerialOutput(listener: (bytes: Uint8Array) => void): () => void;
}
