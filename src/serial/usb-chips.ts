/**
 * The USB-serial bridges a USR-LTE-7S4 is usually wired to, as Web Serial `requestPort` filters, and a
 * readable name for a port from its USB ids. A filter only narrows the chooser; "show all ports" drops it.
 */
import type { SerialPortInfoLike } from './serial-port-like';

export interface UsbChip {
  readonly usbVendorId: number;
  /** The vendor and its usual chips, e.g. `WCH CH340/CH341`. */
  readonly name: string;
  /** Where a driver is needed (older Windows, macOS < 10.14 for CH34x), a hint for the person. */
  readonly driverHint?: string;
}

/**
 * USB vendor ids. Web Serial filters by vendor/product id only, not by USB class, so CDC-ACM devices
 * (which need no driver) are covered by the vendors that commonly ship them; anything else is reached
 * through "show all ports".
 */
export const USB_SERIAL_CHIPS: readonly UsbChip[] = [
  { usbVendorId: 0x1a86, name: 'WCH CH340/CH341/CH9102', driverHint: 'CH34x driver (wch.cn)' },
  { usbVendorId: 0x10c4, name: 'Silicon Labs CP210x', driverHint: 'CP210x VCP driver (silabs.com)' },
  { usbVendorId: 0x0403, name: 'FTDI FT232/FT2232', driverHint: 'FTDI VCP driver (ftdichip.com)' },
  { usbVendorId: 0x067b, name: 'Prolific PL2303', driverHint: 'PL2303 driver (prolific.com.tw)' },
  // CDC-ACM (class 02): no driver needed on current systems.
  { usbVendorId: 0x0483, name: 'STMicroelectronics CDC-ACM' },
  { usbVendorId: 0x2341, name: 'Arduino CDC-ACM' },
  { usbVendorId: 0x303a, name: 'Espressif CDC-ACM' },
  { usbVendorId: 0x2e8a, name: 'Raspberry Pi CDC-ACM' },
  { usbVendorId: 0x04d8, name: 'Microchip CDC-ACM' },
  { usbVendorId: 0x1d6b, name: 'Linux USB gadget CDC-ACM' },
];

export interface SerialPortFilterLike {
  readonly usbVendorId?: number;
  readonly usbProductId?: number;
}

/** The filters for `requestPort`: one per known vendor. */
export function usbSerialFilters(): SerialPortFilterLike[] {
  return USB_SERIAL_CHIPS.map((c) => ({ usbVendorId: c.usbVendorId }));
}

/** The chip behind a port, or undefined for an unknown vendor or a non-USB port. */
export function chipOf(info: SerialPortInfoLike): UsbChip | undefined {
  return USB_SERIAL_CHIPS.find((c) => c.usbVendorId === info.usbVendorId);
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}

/** A label for a port list: `WCH CH340/CH341/CH9102 (1a86:7523)`, `USB 1234:5678`, `Serial port`. */
export function describePort(info: SerialPortInfoLike): string {
  const ids =
    info.usbVendorId === undefined
      ? undefined
      : `${hex4(info.usbVendorId)}:${info.usbProductId === undefined ? '????' : hex4(info.usbProductId)}`;
  const chip = chipOf(info);
  if (chip && ids) return `${chip.name} (${ids})`;
  if (ids) return `USB ${ids}`;
  return 'Serial port';
}
