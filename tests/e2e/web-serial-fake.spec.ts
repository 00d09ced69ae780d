import { expect, test, type Page } from '@playwright/test';
import { realClock } from '../../src/clock/clock';
import type { UartSettings } from '../../src/protocol/uart';
import { SimulatedModule } from '../../src/simulator/core';
import { openApp, showView, waitIdle } from './ui-helpers';

test.setTimeout(150_000);

/**
 * A fake `navigator.serial` installed before the page loads (Playwright "mock browser APIs"): its one port
 * (a CH340 by its USB ids) is backed by a SimulatedModule running in this test process on the real clock
 * with wire timing. The app's Web Serial code path — requestPort, getPorts, open with the line settings,
 * readable/writable, close, the disconnect event — runs unchanged against it.
 */
async function installSerialBackedBySimulator(page: Page): Promise<SimulatedModule> {
  const module = new SimulatedModule({ clock: realClock, wireTiming: true, startRunning: true });
  let line: UartSettings | null = null;
  let connected = false;
  module.onSerialOutput((bytes) => {
    if (connected)
      void page
        .evaluate((b) => (window as unknown as FakeWindow).__simPush?.(b), [...bytes])
        .catch(() => undefined);
  });
  await page.exposeFunction(
    '__simOpen',
    (o: { baudRate: number; dataBits?: 7 | 8; stopBits?: 1 | 2; parity?: string }) => {
      const parity = o.parity === 'even' ? 'EVEN' : o.parity === 'odd' ? 'ODD' : 'NONE';
      line = { baud: o.baudRate, dataBits: o.dataBits ?? 8, stopBits: o.stopBits ?? 1, parity };
      module.setHostLine(line);
      connected = true;
    },
  );
  await page.exposeFunction('__simWrite', (bytes: number[]) => {
    if (line) module.hostWrite(Uint8Array.from(bytes), line);
  });
  await page.exposeFunction('__simClose', () => {
    connected = false;
    module.setHostLine(null);
  });
  await page.addInitScript(() => {
    const w = window as unknown as FakeWindow;
    let granted = false;
    let readController: ReadableStreamDefaultController<Uint8Array> | undefined;
    const serial = new EventTarget() as EventTarget & Record<string, unknown>;
    class FakePort extends EventTarget {
      readable: ReadableStream<Uint8Array> | null = null;
      writable: WritableStream<Uint8Array> | null = null;
      getInfo() {
        return { usbVendorId: 0x1a86, usbProductId: 0x7523 };
      }
      async open(options: Record<string, unknown>) {
        if (this.readable) throw new DOMException('The port is already open.', 'InvalidStateError');
        await w.__simOpen(options);
        this.readable = new ReadableStream<Uint8Array>({
          start(c) {
            readController = c;
          },
        });
        w.__simPush = (b: number[]) => readController?.enqueue(Uint8Array.from(b));
        this.writable = new WritableStream<Uint8Array>({
          write: (chunk) => w.__simWrite([...chunk]),
        });
      }
      async close() {
        const r = this.readable;
        const wr = this.writable;
        this.readable = null;
        this.writable = null;
        await Promise.allSettled([r?.cancel(), wr?.abort()]);
        await w.__simClose();
      }
    }
    const port = new FakePort();
    serial['requestPort'] = async () => {
      granted = true;
      return port;
    };
    serial['getPorts'] = async () => (granted ? [port] : []);
    Object.defineProperty(navigator, 'serial', { value: serial, configurable: true });
    w.__unplug = () => {
      readController?.error(new DOMException('The device has been lost.', 'NetworkError'));
      port.readable = null;
      port.writable = null;
      void w.__simClose();
      port.dispatchEvent(new Event('disconnect'));
      serial.dispatchEvent(new Event('disconnect'));
    };
  });
  return module;
}

interface FakeWindow {
  __simOpen(o: Record<string, unknown>): Promise<void>;
  __simWrite(b: number[]): Promise<void>;
  __simClose(): Promise<void>;
  __simPush?: (b: number[]) => void;
  __unplug(): void;
}

test('Web Serial path: choose a port, open, read all, apply, unplug', async ({ page }) => {
  const module = await installSerialBackedBySimulator(page);
  await openApp(page);

  await test.step('choose the USB serial port and open it at 115200 8N1', async () => {
    await page.getByRole('radio', { name: 'USB serial (Web Serial)' }).check();
    await page.locator('dtu-connect-view form button[type=submit]').click();
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'command', {
      timeout: 30_000,
    });
    expect(module.mode).toBe('command');
  });

  await test.step('read every setting', async () => {
    await showView(page, 'settings');
    await expect(page.getByTestId('settings-source')).toContainText('Values read from the device', {
      timeout: 60_000,
    });
    await waitIdle(page);
    await expect(page.locator('fieldset[data-setting="HEARTTM"] input')).toHaveValue('30');
  });

  await test.step('apply a change and see it stored in the module', async () => {
    await page.locator('fieldset[data-setting="HEARTTM"] input').fill('90');
    await page.getByTestId('review-changes').click();
    await expect(page.getByTestId('command-list')).toHaveText(['AT+HEARTTM=90', 'AT+Z'].join('\n'));
    await page.getByTestId('apply').click();
    await expect(page.getByTestId('apply-report')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('apply-report').locator('tr[data-setting="HEARTTM"]')).toHaveAttribute(
      'data-outcome',
      'applied',
    );
    expect(module.stored['HEARTTM']).toBe('90');
    expect(module.running['HEARTTM']).toBe('90');
  });

  await test.step('unplug: the failure help explains the cable', async () => {
    await page.evaluate(() => (window as unknown as FakeWindow).__unplug());
    const help = page.getByTestId('help-dialog');
    await expect(help).toBeVisible({ timeout: 30_000 });
    await expect(help).toHaveAttribute('data-kind', 'disconnected');
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'failed');
  });
  module.powerOff();
});
