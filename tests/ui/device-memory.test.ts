import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore } from '../../src/storage/connection';
import { connectPlan, preferredRates, profileLine } from '../../src/ui/auto-detect/rate-order';
import { deviceKey } from '../../src/ui/device-memory/device-key';
import { storedDeviceMemory, uartftOf, uartOf } from '../../src/ui/device-memory/device-memory';
import { freshStore } from '../storage/helpers';

const L8N1 = { baud: 115200, dataBits: 8, stopBits: 1, parity: 'NONE' } as const;

describe('the key a device is remembered under', () => {
  it('is the USB ids of the adapter, in lower-case hex', () => {
    expect(deviceKey('serial', { usbVendorId: 0x1a86, usbProductId: 0x7523 })).toBe('usb:1a86:7523');
    expect(deviceKey('serial', { usbVendorId: 0x0403, usbProductId: 0x6001 })).toBe('usb:0403:6001');
  });

  it('is "serial" for a port without USB ids and "simulator" for the simulator', () => {
    expect(deviceKey('serial', {})).toBe('serial');
    expect(deviceKey('serial', { usbVendorId: 0x1a86 })).toBe('serial');
    expect(deviceKey('serial', { usbVendorId: -1, usbProductId: 0x10000 })).toBe('serial');
    expect(deviceKey('serial')).toBe('serial');
    expect(deviceKey('simulator', { usbVendorId: 0x1a86, usbProductId: 0x7523 })).toBe('simulator');
  });
});

describe('the order auto-detect tries baud rates in', () => {
  it('starts with the rate last used with the device, then the profile, then 115200 and 9600', () => {
    expect(preferredRates(57600, 19200)).toEqual([57600, 19200, 115200, 9600]);
    expect(preferredRates(undefined, 19200)).toEqual([19200, 115200, 9600]);
    expect(preferredRates()).toEqual([115200, 9600]);
  });

  it('names each rate once and only rates the module has', () => {
    expect(preferredRates(9600, 9600)).toEqual([9600, 115200]);
    expect(preferredRates(115200, 115200)).toEqual([115200, 9600]);
    expect(preferredRates(12345, 250000)).toEqual([115200, 9600]);
  });

  it('opens at the first of them with the framing that worked last (else the profile’s, else 8N1)', () => {
    const known = { line: { baud: 9600, dataBits: 8, stopBits: 1, parity: 'EVEN' } as const };
    expect(connectPlan('auto', known).line).toEqual({ baud: 9600, dataBits: 8, stopBits: 1, parity: 'EVEN' });
    const profile = profileLine({ UART: '4800,7,2,ODD,NFC' });
    expect(connectPlan('auto', undefined, profile).line).toEqual({
      baud: 4800,
      dataBits: 7,
      stopBits: 2,
      parity: 'ODD',
    });
    expect(connectPlan('auto').line).toEqual(L8N1);
    expect(connectPlan({ ...L8N1, baud: 2400 }, known).line.baud).toBe(2400);
  });

  it('passes the UARTFT only when known, the longer one when the device and the profile differ', () => {
    expect(connectPlan('auto').uartft).toBeUndefined();
    expect(connectPlan('auto', { uartft: 200 }).uartft).toBe(200);
    expect(connectPlan('auto', undefined, profileLine({ UARTFT: '300' })).uartft).toBe(300);
    expect(connectPlan('auto', { uartft: 500 }, profileLine({ UARTFT: '300' })).uartft).toBe(500);
    expect(profileLine({ UARTFT: '20', UART: 'fast' })).toEqual({});
  });
});

describe('values read that say how to reach the module', () => {
  it('takes UARTFT and UART from values read, when valid', () => {
    expect(uartftOf({ UARTFT: '200' })).toBe(200);
    expect(uartftOf({ UARTFT: 'x' })).toBeUndefined();
    expect(uartftOf({ UARTFT: '10' })).toBeUndefined();
    expect(uartftOf(undefined)).toBeUndefined();
    expect(uartOf({ UART: '9600,8,1,NONE,NFC' })).toMatchObject({ baud: 9600 });
  });
});

describe('the stored device memory', () => {
  beforeEach(() => freshStore());
  afterEach(() => closeStore());

  it('remembers the line and UARTFT per device and finds them again', async () => {
    expect(await storedDeviceMemory.lookup('usb:1a86:7523')).toBeUndefined();
    await storedDeviceMemory.remember('usb:1a86:7523', { line: { ...L8N1, baud: 9600 } });
    await storedDeviceMemory.remember('usb:1a86:7523', { uartft: 300 });
    expect(await storedDeviceMemory.lookup('usb:1a86:7523')).toEqual({
      line: { ...L8N1, baud: 9600 },
      uartft: 300,
    });
    expect(await storedDeviceMemory.lookup('simulator')).toBeUndefined();
  });

  it('never fails a connect: bad values are not kept, a storage failure is "nothing remembered"', async () => {
    await storedDeviceMemory.remember('simulator', { uartft: 5 });
    expect(await storedDeviceMemory.lookup('simulator')).toBeUndefined();
    await closeStore();
    expect(await storedDeviceMemory.lookup('not a key')).toBeUndefined();
  });
});
