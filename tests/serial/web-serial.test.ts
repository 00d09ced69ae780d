import { describe, expect, it } from 'vitest';
import { goneError, PortError, platformOf } from '../../src/serial/port-error';
import type {
  SerialOpenOptions,
  SerialPortInfoLike,
  SerialPortLike,
} from '../../src/serial/serial-port-like';
import { describePort, usbSerialFilters, type SerialPortFilterLike } from '../../src/serial/usb-chips';
import { WebSerialTransport, webSerialFromGlobals, type SerialLike } from '../../src/serial/web-serial';

class StubPort extends EventTarget implements SerialPortLike {
  readable: ReadableStream<Uint8Array> | null = null;
  writable: WritableStream<Uint8Array> | null = null;
  opened: SerialOpenOptions | undefined;
  closed = false;
  constructor(
    private readonly info: SerialPortInfoLike,
    public failOpen?: Error,
    private readonly streams = true,
  ) {
    super();
  }
  async open(options: SerialOpenOptions): Promise<void> {
    if (this.failOpen) throw this.failOpen;
    this.opened = options;
    if (this.streams) {
      this.readable = new ReadableStream();
      this.writable = new WritableStream();
    }
  }
  async close(): Promise<void> {
    this.closed = true;
    this.readable = null;
    this.writable = null;
  }
  getInfo(): SerialPortInfoLike {
    return this.info;
  }
  /** What Chrome does on a fatal read error ("The device has been lost."): the readable becomes null. */
  loseDevice(): void {
    this.readable = null;
  }
}

class StubSerial extends EventTarget implements SerialLike {
  lastFilters: SerialPortFilterLike[] | undefined | 'none';
  constructor(
    public granted: SerialPortLike[] = [],
    public pick: () => Promise<SerialPortLike> = async () => new StubPort({ usbVendorId: 0x1a86 }),
  ) {
    super();
  }
  requestPort(options?: { filters?: SerialPortFilterLike[] }): Promise<SerialPortLike> {
    this.lastFilters = options?.filters ?? 'none';
    return this.pick();
  }
  async getPorts(): Promise<SerialPortLike[]> {
    return this.granted;
  }
}

const domError = (name: string, message = name): Error => Object.assign(new Error(message), { name });

function transport(serial: SerialLike | undefined, platform: 'linux' | 'windows' = 'windows', secure = true) {
  return new WebSerialTransport({ serial, isSecureContext: secure, platform });
}

describe('Web Serial transport', () => {
  it('asks for the usual USB-serial chips (CH340, CP210x, FTDI, PL2303, CDC-ACM vendors), or for all ports', async () => {
    const serial = new StubSerial();
    const t = transport(serial);
    await t.requestPort();
    const ids = (serial.lastFilters as SerialPortFilterLike[]).map((f) => f.usbVendorId);
    expect(ids).toEqual(expect.arrayContaining([0x1a86, 0x10c4, 0x0403, 0x067b, 0x2341]));
    await t.requestPort({ showAll: true });
    expect(serial.lastFilters).toBe('none');
    expect(usbSerialFilters().length).toBe(ids.length);
  });

  it('nothing picked (NotFoundError) gets its own message and advice, with dialout help on Linux', async () => {
    const serial = new StubSerial([], () =>
      Promise.reject(domError('NotFoundError', 'No port selected by the user.')),
    );
    const error = await transport(serial, 'linux')
      .requestPort()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortError);
    expect(error).toMatchObject({ kind: 'nothing-picked' });
    expect((error as PortError).advice.en).toMatch(/show all ports/);
    expect((error as PortError).advice.en).toMatch(/dialout/);
    expect((error as PortError).text.zh).toBe('没有选择串口。');
  });

  it('reopens a port granted before without a chooser', async () => {
    const mine = new StubPort({ usbVendorId: 0x10c4, usbProductId: 0xea60 });
    const other = new StubPort({ usbVendorId: 0x1234 });
    const serial = new StubSerial([other, mine], () => Promise.reject(new Error('chooser must not open')));
    const t = transport(serial);
    const reusable = await t.reusablePort();
    expect(reusable?.getInfo()).toEqual({ usbVendorId: 0x10c4, usbProductId: 0xea60 });
    const granted = await t.grantedPorts();
    expect(granted.map((p) => p.getInfo())).toEqual([other.getInfo(), mine.getInfo()]);
    // The same port object every time, from every transport of the page (it remembers a lost device).
    expect(granted[1]).toBe(reusable);
    expect(await transport(serial).reusablePort()).toBe(reusable);
  });

  it('opens with the module UART settings (7E2 at 9600 as Web Serial options)', async () => {
    const port = new StubPort({});
    await transport(new StubSerial()).open(port, { baud: 9600, dataBits: 7, stopBits: 2, parity: 'EVEN' });
    expect(port.opened).toEqual({
      baudRate: 9600,
      dataBits: 7,
      stopBits: 2,
      parity: 'even',
      flowControl: 'none',
    });
  });

  it('a port held by another program or tab (InvalidStateError, NetworkError) is "port-busy"', async () => {
    for (const name of ['InvalidStateError', 'NetworkError']) {
      const port = new StubPort({}, domError(name, 'Failed to open serial port.'));
      const error = await transport(new StubSerial())
        .open(port, { baudRate: 115200 })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'port-busy' });
      expect((error as PortError).advice.zh).toMatch(/关闭其他串口工具/);
    }
  });

  it('a port that opens without streams is held elsewhere, and is closed again', async () => {
    const port = new StubPort({}, undefined, false);
    const error = await transport(new StubSerial())
      .open(port, { baudRate: 115200 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'port-busy' });
    expect(port.closed).toBe(true);
  });

  it('permission denied on Linux points to the dialout group', async () => {
    const port = new StubPort({}, domError('NetworkError', 'Permission denied (EACCES)'));
    const error = await transport(new StubSerial(), 'linux')
      .open(port, { baudRate: 115200 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'permission-denied' });
    expect((error as PortError).advice.en).toMatch(/usermod -aG dialout/);
  });

  it('a browser without Web Serial, or an insecure page, says so before any chooser', async () => {
    const none = await transport(undefined)
      .requestPort()
      .catch((e: unknown) => e);
    expect(none).toMatchObject({ kind: 'unsupported' });
    const insecure = await transport(new StubSerial(), 'windows', false)
      .requestPort()
      .catch((e: unknown) => e);
    expect(insecure).toMatchObject({ kind: 'insecure-context' });
    expect(transport(undefined).available).toBe(false);
    expect(await transport(undefined).grantedPorts()).toEqual([]);
  });

  it('reports connect and disconnect of ports, also from fakes that carry the port on the event', async () => {
    const serial = new StubSerial();
    const t = transport(serial);
    const seen: string[] = [];
    const port = new StubPort({ usbVendorId: 0x0403 });
    const off = t.onConnect((p) => seen.push(`connect ${describePort(p.getInfo())}`));
    t.onDisconnect((p) => seen.push(`disconnect ${describePort(p.getInfo())}`));
    serial.dispatchEvent(Object.assign(new Event('connect'), { port }));
    serial.dispatchEvent(Object.assign(new Event('disconnect'), { port }));
    off();
    serial.dispatchEvent(Object.assign(new Event('connect'), { port }));
    expect(seen).toEqual([
      'connect FTDI FT232/FT2232 (0403:????)',
      'disconnect FTDI FT232/FT2232 (0403:????)',
    ]);
  });

  it('builds itself from browser globals and names ports for a list', () => {
    const t = webSerialFromGlobals({
      navigator: { serial: new StubSerial(), userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/126' },
      isSecureContext: true,
    });
    expect(t.available).toBe(true);
    expect(t.platform).toBe('linux');
    expect(platformOf('Mozilla/5.0 (Windows NT 10.0; Win64; x64)')).toBe('windows');
    expect(describePort({ usbVendorId: 0x1a86, usbProductId: 0x7523 })).toBe(
      'WCH CH340/CH341/CH9102 (1a86:7523)',
    );
    expect(describePort({ usbVendorId: 0x1234, usbProductId: 0x5678 })).toBe('USB 1234:5678');
    expect(describePort({})).toBe('Serial port');
  });
});

/** Chrome's answer to opening a port whose device is gone, and to one held by another program: the same. */
const chromeOpenFailure = (): Error =>
  domError('NetworkError', "Failed to execute 'open' on 'SerialPort': Failed to open serial port.");

describe('a port that went away and cannot be opened again', () => {
  async function openedPort(platform: 'linux' | 'windows' = 'linux') {
    const inner = new StubPort({ usbVendorId: 0x1a86, usbProductId: 0x7523 });
    const serial = new StubSerial([inner]);
    const t = transport(serial, platform);
    const port = await t.reusablePort();
    if (!port) throw new Error('no port');
    await port.open({ baudRate: 115200 });
    return { inner, serial, t, port };
  }

  it('after the device was lost while open, a reopen failing with NetworkError says the device went away (en, zh), not "in use"', async () => {
    const { inner, port } = await openedPort();
    inner.loseDevice();
    // The session's reader looks at `readable` again after the read error, then closes the port.
    expect(port.readable).toBeNull();
    await port.close();
    inner.failOpen = chromeOpenFailure();
    const error = await port.open({ baudRate: 115200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortError);
    expect(error).toMatchObject({ kind: 'disconnected' });
    const e = error as PortError;
    expect(e.text.en).toBe('The device went away and its port cannot be opened again.');
    expect(e.text.zh).toBe('设备已断开，其串口无法再次打开。');
    expect(e.advice.en).toMatch(/Plug the USB-serial cable back in/);
    expect(e.advice.zh).toMatch(/重新插好 USB 转串口线/);
    expect(e.text.en).not.toMatch(/another program/);
    expect(e.advice.en).not.toMatch(/Close other serial tools/);
    expect((e.cause as Error).message).toMatch(/Failed to open serial port/);
  });

  it('the same through the transport and through the session path (openError keeps the PortError)', async () => {
    const { inner, t, port } = await openedPort('windows');
    inner.loseDevice();
    void port.readable;
    await port.close();
    inner.failOpen = chromeOpenFailure();
    await expect(t.open(port, { baudRate: 9600 })).rejects.toMatchObject({
      kind: 'disconnected',
      text: goneError().text,
    });
    // A second attempt still says so (the device is still gone).
    await expect(port.open({ baudRate: 9600 })).rejects.toMatchObject({ kind: 'disconnected' });
  });

  it('a disconnect event marks the port gone, and is passed on with the tracked port', async () => {
    const { inner, serial, t, port } = await openedPort();
    const seen: SerialPortLike[] = [];
    t.onDisconnect((p) => seen.push(p));
    inner.dispatchEvent(new Event('disconnect'));
    serial.dispatchEvent(Object.assign(new Event('disconnect'), { port: inner }));
    expect(seen).toEqual([port]);
    await port.close();
    inner.failOpen = chromeOpenFailure();
    await expect(port.open({ baudRate: 115200 })).rejects.toMatchObject({ kind: 'disconnected' });
  });

  it('a port no longer among the granted ports (USB unplugged) is gone, even if never seen lost', async () => {
    const { inner, serial, port } = await openedPort();
    await port.close();
    serial.granted = [];
    inner.failOpen = chromeOpenFailure();
    await expect(port.open({ baudRate: 115200 })).rejects.toMatchObject({
      kind: 'disconnected',
      text: goneError().text,
    });
  });

  it('a port closed normally and still granted is "port-busy" when another program took it', async () => {
    const { inner, port } = await openedPort();
    await port.close();
    inner.failOpen = chromeOpenFailure();
    await expect(port.open({ baudRate: 115200 })).rejects.toMatchObject({ kind: 'port-busy' });
  });

  it('a reopen that works forgets the loss; a later failure is judged afresh', async () => {
    const { inner, port } = await openedPort();
    inner.loseDevice();
    void port.readable;
    await port.close();
    await port.open({ baudRate: 115200 }); // plugged back in
    await port.close();
    inner.failOpen = chromeOpenFailure();
    await expect(port.open({ baudRate: 115200 })).rejects.toMatchObject({ kind: 'port-busy' });
  });

  it('wrong options and permission errors keep their own kinds on a lost port', async () => {
    const { inner, port } = await openedPort();
    inner.loseDevice();
    void port.readable;
    await port.close();
    inner.failOpen = domError('TypeError', 'Requested baud rate is not supported.');
    await expect(port.open({ baudRate: 1 })).rejects.toMatchObject({ kind: 'bad-settings' });
    inner.failOpen = domError('NetworkError', 'Permission denied (EACCES)');
    await expect(port.open({ baudRate: 115200 })).rejects.toMatchObject({ kind: 'permission-denied' });
  });

  it('passes the browser port through: the same streams, options and info', async () => {
    const { inner, port } = await openedPort();
    expect(port.readable).toBe(inner.readable);
    expect(port.writable).toBe(inner.writable);
    expect(inner.opened).toEqual({ baudRate: 115200 });
    expect(port.getInfo()).toEqual({ usbVendorId: 0x1a86, usbProductId: 0x7523 });
    await port.close();
    expect(inner.closed).toBe(true);
    // Closed by us: a null readable now is not a loss.
    expect(port.readable).toBeNull();
    inner.failOpen = chromeOpenFailure();
    await expect(port.open({ baudRate: 115200 })).rejects.toMatchObject({ kind: 'port-busy' });
  });
});
