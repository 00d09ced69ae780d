/**
 * The Web Serial transport: choose a port (filtered to the usual USB-serial chips, or all ports), reopen a
 * port granted before without a chooser, open it with the module's UART settings, and follow
 * connect/disconnect. It codes against an injected `navigator.serial`-like object, so tests fake it and
 * nothing here needs DOM types. Failures are `PortError`s a person can act on.
 */
import { uartToSerialOptions, type UartSettings } from '../protocol/uart';
import { openError, platformOf, requestError, unavailableError, type Platform } from './port-error';
import type { SerialOpenOptions, SerialPortLike } from './serial-port-like';
import { chipOf, usbSerialFilters, type SerialPortFilterLike } from './usb-chips';

/** The part of `navigator.serial` this transport uses. */
export interface SerialLike extends EventTarget {
  requestPort(options?: { filters?: SerialPortFilterLike[] }): Promise<SerialPortLike>;
  getPorts(): Promise<SerialPortLike[]>;
}

export interface WebSerialEnv {
  /** `navigator.serial`, undefined where the browser has none. */
  readonly serial: SerialLike | undefined;
  /** `globalThis.isSecureContext`. */
  readonly isSecureContext: boolean;
  readonly platform: Platform;
}

export type PortListener = (port: SerialPortLike) => void;

export class WebSerialTransport {
  constructor(private readonly env: WebSerialEnv) {}

  /** True when ports can be requested here. */
  get available(): boolean {
    return this.env.serial !== undefined && this.env.isSecureContext;
  }

  get platform(): Platform {
    return this.env.platform;
  }

  /**
   * Opens the browser's chooser. `showAll` drops the USB-serial filters (for unusual adapters and
   * built-in UARTs). Rejects with a PortError (`nothing-picked` when the chooser was dismissed).
   */
  async requestPort(options: { showAll?: boolean } = {}): Promise<SerialPortLike> {
    const serial = this.serial();
    try {
      return await serial.requestPort(options.showAll ? {} : { filters: usbSerialFilters() });
    } catch (e) {
      throw requestError(e, this.env.platform);
    }
  }

  /** Ports this site was granted before; they open without a chooser. */
  async grantedPorts(): Promise<SerialPortLike[]> {
    if (!this.available) return [];
    return this.serial().getPorts();
  }

  /**
   * The port to reopen without asking: the only granted port, else the first granted port on a known
   * USB-serial chip. Undefined when nothing fits (then the person picks).
   */
  async reusablePort(): Promise<SerialPortLike | undefined> {
    const ports = await this.grantedPorts();
    if (ports.length === 1) return ports[0];
    return ports.find((p) => chipOf(p.getInfo()) !== undefined);
  }

  /**
   * Opens `port` with the module's UART settings (or raw Web Serial options). A port that opens without
   * streams is held elsewhere. Rejects with a PortError.
   */
  async open(port: SerialPortLike, settings: UartSettings | SerialOpenOptions): Promise<void> {
    const options = 'baud' in settings ? uartToSerialOptions(settings) : settings;
    if (!options) throw openError(new TypeError('unsupported line settings'), this.env.platform);
    try {
      await port.open(options);
    } catch (e) {
      throw openError(e, this.env.platform);
    }
    if (!port.readable || !port.writable) {
      await port.close().catch(() => undefined);
      throw openError(new DOMExceptionLike('InvalidStateError', 'port has no streams'), this.env.platform);
    }
  }

  /** A port appeared (a granted device was plugged in). Returns the unsubscribe function. */
  onConnect(listener: PortListener): () => void {
    return this.listen('connect', listener);
  }

  /** A port went away (cable unplugged). Returns the unsubscribe function. */
  onDisconnect(listener: PortListener): () => void {
    return this.listen('disconnect', listener);
  }

  private listen(type: 'connect' | 'disconnect', listener: PortListener): () => void {
    const serial = this.env.serial;
    if (!serial) return () => undefined;
    const handler = (ev: Event): void => {
      const port = portOfEvent(ev, serial);
      if (port) listener(port);
    };
    serial.addEventListener(type, handler);
    return () => serial.removeEventListener(type, handler);
  }

  private serial(): SerialLike {
    if (!this.available || !this.env.serial) throw unavailableError(this.env.isSecureContext);
    return this.env.serial;
  }
}

/**
 * In browsers the event's target is the SerialPort (the event bubbles to `navigator.serial`). Fakes and
 * polyfills that cannot bubble dispatch on `serial` itself and carry the port as `event.port`.
 */
function portOfEvent(ev: Event, serial: SerialLike): SerialPortLike | undefined {
  if (ev.target && ev.target !== serial) return ev.target as unknown as SerialPortLike;
  return (ev as Event & { port?: SerialPortLike }).port;
}

class DOMExceptionLike extends Error {
  constructor(
    override readonly name: string,
    message: string,
  ) {
    super(message);
  }
}

/** The transport for this browser: `navigator.serial`, the page's secure-context flag, the platform. */
export function webSerialFromGlobals(g: {
  navigator?: { serial?: unknown; userAgent?: string };
  isSecureContext?: boolean;
}): WebSerialTransport {
  return new WebSerialTransport({
    serial: g.navigator?.serial as SerialLike | undefined,
    isSecureContext: g.isSecureContext ?? false,
    platform: platformOf(g.navigator?.userAgent ?? ''),
  });
}
