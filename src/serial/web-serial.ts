/**
 * The Web Serial transport: choose a port (filtered to the usual USB-serial chips, or all ports), reopen a
 * port granted before without a chooser, open it with the module's UART settings, and follow
 * connect/disconnect. It codes against an injected `navigator.serial`-like object, so tests fake it and
 * nothing here needs DOM types. Failures are `PortError`s a person can act on.
 */
import { uartToSerialOptions, type UartSettings } from '../protocol/uart';
import {
  goneError,
  openError,
  PortError,
  platformOf,
  requestError,
  unavailableError,
  type Platform,
} from './port-error';
import type { SerialOpenOptions, SerialPortInfoLike, SerialPortLike } from './serial-port-like';
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
    let port: SerialPortLike;
    try {
      port = await serial.requestPort(options.showAll ? {} : { filters: usbSerialFilters() });
    } catch (e) {
      throw requestError(e, this.env.platform);
    }
    return this.track(port);
  }

  /** Ports this site was granted before; they open without a chooser. */
  async grantedPorts(): Promise<SerialPortLike[]> {
    if (!this.available) return [];
    return (await this.serial().getPorts()).map((p) => this.track(p));
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
      if (port) listener(this.track(port));
    };
    serial.addEventListener(type, handler);
    return () => serial.removeEventListener(type, handler);
  }

  private serial(): SerialLike {
    if (!this.available || !this.env.serial) throw unavailableError(this.env.isSecureContext);
    return this.env.serial;
  }

  /** The one TrackedPort of a browser port (the same object every time it is handed out). */
  private track(port: SerialPortLike): SerialPortLike {
    if (port instanceof TrackedPort) return port;
    let tracked = tracking.get(port);
    if (!tracked) {
      tracked = new TrackedPort(port, this.env);
      tracking.set(port, tracked);
    }
    return tracked;
  }
}

/** Browser port → the TrackedPort handed out for it, for every transport of the page. */
const tracking = new WeakMap<SerialPortLike, TrackedPort>();

function errorName(e: unknown): string {
  return typeof e === 'object' && e !== null && 'name' in e ? String((e as { name: unknown }).name) : '';
}

/**
 * A granted port as the transport hands it out: the browser's SerialPort, passed through unchanged
 * (the same streams, options and info), plus the memory of whether it went away. Chrome rejects the
 * open of a port whose device is gone with the same `NetworkError: Failed to open serial port.` as a
 * port held by another program; this remembers which one it is, so the person is told to plug the
 * device back in rather than to close other programs (docs/real-serial.md, "Reopening").
 *
 * The port went away when, while it was open, its `readable` or `writable` became null (Web Serial's
 * fatal error: "The device has been lost."; the session's reader looks at `readable` again after every
 * read error), when it fired `disconnect`, or when an open fails and it is no longer among the granted
 * ports (a USB device unplugged). A successful open forgets it.
 */
class TrackedPort extends EventTarget implements SerialPortLike {
  /** Open, and it had both streams right after opening (a port that opens without is held elsewhere). */
  private opened = false;
  private lost = false;

  constructor(
    private readonly inner: SerialPortLike,
    private readonly env: WebSerialEnv,
  ) {
    super();
    if (typeof inner.addEventListener === 'function') {
      inner.addEventListener('disconnect', () => {
        this.lost = true;
        this.dispatchEvent(new Event('disconnect'));
      });
      inner.addEventListener('connect', () => this.dispatchEvent(new Event('connect')));
    }
  }

  /** The port went away since it was last opened (tests and diagnostics). */
  get wentAway(): boolean {
    return this.lost;
  }

  get readable(): ReadableStream<Uint8Array> | null {
    const r = this.inner.readable;
    if (r === null && this.opened) this.lost = true;
    return r;
  }

  get writable(): WritableStream<Uint8Array> | null {
    const w = this.inner.writable;
    if (w === null && this.opened) this.lost = true;
    return w;
  }

  getInfo(): SerialPortInfoLike {
    return this.inner.getInfo();
  }

  async open(options: SerialOpenOptions): Promise<void> {
    try {
      await this.inner.open(options);
    } catch (e) {
      throw await this.openFailure(e);
    }
    this.opened = this.inner.readable !== null && this.inner.writable !== null;
    this.lost = false;
  }

  async close(): Promise<void> {
    this.opened = false;
    await this.inner.close();
  }

  private async openFailure(e: unknown): Promise<PortError> {
    if (e instanceof PortError) return e;
    const name = errorName(e);
    // Wrong options are wrong whatever the device does; a message naming permissions is the OS's word.
    const settingsOrPermission =
      name === 'TypeError' ||
      name === 'RangeError' ||
      /permission|denied|EACCES|access is denied/i.test(e instanceof Error ? e.message : String(e));
    if (!settingsOrPermission && (this.lost || (name === 'NetworkError' && !(await this.stillGranted())))) {
      this.lost = true;
      return goneError(e);
    }
    return openError(e, this.env.platform);
  }

  /** Still among the granted ports (a USB device unplugged is not); true when that cannot be asked. */
  private async stillGranted(): Promise<boolean> {
    const serial = this.env.serial;
    if (!serial) return true;
    try {
      return (await serial.getPorts()).includes(this.inner);
    } catch {
      return true;
    }
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
