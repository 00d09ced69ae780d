/**
 * The key a device is remembered under: what the port tells before a single byte is sent. A USB-serial
 * adapter reports its USB vendor and product ids (`SerialPort.getInfo()`); a port without them (a built-in
 * COM port, a Bluetooth serial port) is `serial`; the built-in simulator is `simulator`.
 *
 * Two adapters of the same make share a key: what is remembered is a first guess for the next connect, and
 * the session still checks it (entry fails over to the baud search, longer `+++` guards).
 */
import type { SerialPortInfoLike } from '../../serial/serial-port-like';
import type { Transport } from '../services/session-service';

const isUsbId = (id: number | undefined): id is number =>
  typeof id === 'number' && Number.isInteger(id) && id >= 0 && id <= 0xffff;

const hex4 = (id: number): string => id.toString(16).padStart(4, '0');

/** `simulator`, `usb:1a86:7523` (vendor:product, lower-case hex), or `serial` for a port without USB ids. */
export function deviceKey(transport: Transport, info: SerialPortInfoLike = {}): string {
  if (transport === 'simulator') return 'simulator';
  const { usbVendorId, usbProductId } = info;
  if (isUsbId(usbVendorId) && isUsbId(usbProductId)) return `usb:${hex4(usbVendorId)}:${hex4(usbProductId)}`;
  return 'serial';
}
