/**
 * The one port shape every transport offers (architecture.md, "Port"): the Web Serial `SerialPort`
 * interface, restated here without DOM lib types so session code and Node tests can use it. A real
 * `SerialPort`, the simulator's virtual port (worker or in-process) and test fakes all satisfy it.
 */

export type ParityType = 'none' | 'even' | 'odd';
export type FlowControlType = 'none' | 'hardware';

/** Options of `SerialPort.open()` (Web Serial spec, SerialOptions). */
export interface SerialOpenOptions {
  readonly baudRate: number;
  readonly dataBits?: 7 | 8;
  readonly stopBits?: 1 | 2;
  readonly parity?: ParityType;
  readonly bufferSize?: number;
  readonly flowControl?: FlowControlType;
}

export interface SerialPortInfoLike {
  readonly usbVendorId?: number;
  readonly usbProductId?: number;
}

/**
 * `readable`/`writable` are null until `open()` resolves and after `close()`; a fatal error (the cable
 * pulled) also leaves them null and fires `disconnect`, as the Web Serial spec describes.
 */
export interface SerialPortLike extends EventTarget {
  open(options: SerialOpenOptions): Promise<void>;
  close(): Promise<void>;
  readonly readable: ReadableStream<Uint8Array> | null;
  readonly writable: WritableStream<Uint8Array> | null;
  getInfo(): SerialPortInfoLike;
}
