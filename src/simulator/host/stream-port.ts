import type { SerialOpenOptions, SerialPortInfoLike, SerialPortLike } from '../../serial/serial-port-like';
import { openOptionsError } from './line-options';

export interface PortConnection {
  readonly readable: ReadableStream<Uint8Array>;
  readonly writable: WritableStream<Uint8Array>;
}

/**
 * A SerialPort-shaped object over a stream pair obtained on `open()` — the shape of web-serial-polyfill:
 * streams exist only while open; `close()` cancels the readable and aborts the writable; `unplug()` makes
 * it behave like a pulled USB cable (streams error, `disconnect` fires, readable/writable become null).
 */
export class StreamPort extends EventTarget implements SerialPortLike {
  private connection: PortConnection | undefined;
  private opening = false;

  constructor(
    private readonly connect: (options: SerialOpenOptions) => Promise<PortConnection>,
    private readonly info: SerialPortInfoLike = {},
    private readonly onClose: () => void = () => undefined,
  ) {
    super();
  }

  get readable(): ReadableStream<Uint8Array> | null {
    return this.connection?.readable ?? null;
  }

  get writable(): WritableStream<Uint8Array> | null {
    return this.connection?.writable ?? null;
  }

  async open(options: SerialOpenOptions): Promise<void> {
    if (this.connection || this.opening)
      throw new DOMException('The port is already open.', 'InvalidStateError');
    const problem = openOptionsError(options);
    if (problem) throw new TypeError(problem);
    this.opening = true;
    try {
      this.connection = await this.connect(options);
    } finally {
      this.opening = false;
    }
  }

  async close(): Promise<void> {
    const c = this.connection;
    if (!c) throw new DOMException('The port is already closed.', 'InvalidStateError');
    // Web Serial rejects close() while a stream is locked; callers release their reader/writer first.
    if (c.readable.locked || c.writable.locked)
      throw new TypeError('Cannot close a port while its streams are locked by a reader or writer.');
    this.connection = undefined;
    await Promise.allSettled([c.readable.cancel(), c.writable.abort()]);
    this.onClose();
  }

  getInfo(): SerialPortInfoLike {
    return this.info;
  }

  /** Simulates pulling the cable: the streams fail and `disconnect` fires. */
  markLost(): void {
    this.connection = undefined;
    this.dispatchEvent(new Event('disconnect'));
  }
}
