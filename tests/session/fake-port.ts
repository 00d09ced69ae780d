/**
 * A scripted SerialPort-shaped fake for the session's plumbing (queue, reader loop, parser wiring): every
 * write is handed to `respond`, which may push bytes back at once or after a delay on the test's clock.
 */
import type { Clock } from '../../src/clock/clock';
import type {
  SerialOpenOptions,
  SerialPortInfoLike,
  SerialPortLike,
} from '../../src/serial/serial-port-like';

export type Responder = (written: string, port: FakePort) => void;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class FakePort extends EventTarget implements SerialPortLike {
  readable: ReadableStream<Uint8Array> | null = null;
  writable: WritableStream<Uint8Array> | null = null;
  readonly written: string[] = [];
  openedWith: SerialOpenOptions | undefined;
  opens = 0;
  closes = 0;
  private controller: ReadableStreamDefaultController<Uint8Array> | undefined;

  constructor(
    private readonly clock: Clock,
    public respond: Responder = () => undefined,
  ) {
    super();
  }

  async open(options: SerialOpenOptions): Promise<void> {
    if (this.readable)
      throw Object.assign(new Error('The port is already open.'), { name: 'InvalidStateError' });
    this.openedWith = options;
    this.opens++;
    this.readable = new ReadableStream<Uint8Array>({
      start: (c) => {
        this.controller = c;
      },
    });
    this.writable = new WritableStream<Uint8Array>({
      write: (chunk) => {
        const text = decoder.decode(chunk);
        this.written.push(text);
        this.respond(text, this);
      },
    });
  }

  async close(): Promise<void> {
    if (!this.readable || !this.writable) throw new Error('already closed');
    if (this.readable.locked || this.writable.locked) throw new TypeError('streams locked');
    this.closes++;
    await this.readable.cancel().catch(() => undefined);
    this.readable = null;
    this.writable = null;
  }

  getInfo(): SerialPortInfoLike {
    return { usbVendorId: 0x1a86, usbProductId: 0x7523 };
  }

  /** Bytes from the "module", now. */
  push(data: string | Uint8Array): void {
    try {
      this.controller?.enqueue(typeof data === 'string' ? encoder.encode(data) : data);
    } catch {
      // cancelled
    }
  }

  /** Bytes from the "module", after `ms` on the clock. */
  pushLater(ms: number, data: string | Uint8Array): void {
    this.clock.setTimer(ms, () => this.push(data));
  }

  /**
   * A recoverable read error (framing, parity, break): the current readable errors and the port offers a
   * new one, as Web Serial does.
   */
  readError(): void {
    this.controller?.error(Object.assign(new Error('Framing error'), { name: 'FramingError' }));
    this.readable = new ReadableStream<Uint8Array>({
      start: (c) => {
        this.controller = c;
      },
    });
  }

  /** The cable is pulled: reads fail, streams go, `disconnect` fires. */
  unplug(): void {
    this.controller?.error(Object.assign(new Error('The device has been lost.'), { name: 'NetworkError' }));
    this.readable = null;
    this.writable = null;
    this.dispatchEvent(new Event('disconnect'));
  }
}
