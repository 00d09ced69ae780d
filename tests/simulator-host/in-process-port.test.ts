import { describe, expect, it } from 'vitest';
import type { UartSettings } from '../../src/protocol/uart';
import { createSimulatorPort } from '../../src/simulator/host/in-process-port';
import type { SerialDevice } from '../../src/simulator/host/serial-device';

/** A device that answers every write with the same bytes and records the host's line settings. */
function echoDevice(): SerialDevice & { lines: UartSettings[] } {
  const listeners = new Set<(b: Uint8Array) => void>();
  const lines: UartSettings[] = [];
  return {
    lines,
    hostWrite(bytes, line) {
      lines.push(line);
      for (const l of listeners) l(bytes);
    },
    onSerialOutput(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const enc = new TextEncoder();

describe('simulator port (SerialPort shape)', () => {
  it('has no streams until opened, and passes the host line settings to the module', async () => {
    const device = echoDevice();
    const port = createSimulatorPort(device);
    expect(port.readable).toBeNull();
    await port.open({ baudRate: 9600, parity: 'even', dataBits: 7, stopBits: 2 });
    const writer = port.writable?.getWriter();
    await writer?.write(enc.encode('AT\r'));
    expect(device.lines[0]).toEqual({ baud: 9600, dataBits: 7, stopBits: 2, parity: 'EVEN' });
    const reader = port.readable?.getReader();
    const { value } = (await reader?.read()) ?? {};
    expect(new TextDecoder().decode(value)).toBe('AT\r');
    writer?.releaseLock();
    reader?.releaseLock();
    await port.close();
    expect(port.readable).toBeNull();
  });

  it('rejects opening twice and bad options like Web Serial does', async () => {
    const port = createSimulatorPort(echoDevice());
    await expect(port.open({ baudRate: 0 })).rejects.toThrow(/baudRate/);
    await port.open({ baudRate: 115200 });
    await expect(port.open({ baudRate: 115200 })).rejects.toThrow(/already open/);
  });

  it('refuses to close while a reader holds the readable', async () => {
    const port = createSimulatorPort(echoDevice());
    await port.open({ baudRate: 115200 });
    const reader = port.readable?.getReader();
    await expect(port.close()).rejects.toThrow(/locked/);
    await reader?.cancel();
    reader?.releaseLock();
    await port.close();
  });

  it('unplugging fails the pending read and fires disconnect', async () => {
    const port = createSimulatorPort(echoDevice());
    await port.open({ baudRate: 115200 });
    let disconnected = false;
    port.addEventListener('disconnect', () => (disconnected = true));
    const reader = port.readable?.getReader();
    const pending = reader?.read();
    port.unplug();
    await expect(pending).rejects.toThrow(/lost/);
    expect(disconnected).toBe(true);
    expect(port.readable).toBeNull();
  });
});
