/**
 * Values from the device are data, never markup (issue "A module that streams, spams or lies…"): a module
 * whose identity (SimulatedModuleOptions.identity) holds markup, a closing `</style>`, an attribute break-out
 * and a right-to-left override is read through the real UI — dashboard, terminal, a profile saved from the
 * device — and everything shows as text: no element is created, no handler runs, the override is shown
 * as `[U+202E]` instead of turning the number around.
 *
 * The module runs in this test process behind a fake `navigator.serial` (as web-serial-fake.spec.ts), so
 * its options can be set; the app's Web Serial path runs unchanged.
 */
import { expect, test, type Page } from '@playwright/test';
import { realClock } from '../../src/clock/clock';
import type { UartSettings } from '../../src/protocol/uart';
import { SimulatedModule } from '../../src/simulator/core';
import { openApp, showView, waitIdle } from './ui-helpers';

test.setTimeout(120_000);

const VERSION = 'V1.0.6<img src=x onerror="window.__pwned=\'ver\'">';
const SN = '</style><script>window.__pwned="sn"</script>';
const IMEI = '868323023456780" onmouseover="window.__pwned=1';
const ICCID = '\u202E89860117851012345678';

interface FakeWindow {
  __pwned?: unknown;
  __simOpen(o: Record<string, unknown>): Promise<void>;
  __simWrite(b: number[]): Promise<void>;
  __simClose(): Promise<void>;
  __simPush?: (b: number[]) => void;
}

async function serialBackedBy(page: Page, module: SimulatedModule): Promise<void> {
  let line: UartSettings | null = null;
  let connected = false;
  module.onSerialOutput((bytes) => {
    if (connected)
      void page
        .evaluate((b) => (window as unknown as FakeWindow).__simPush?.(b), [...bytes])
        .catch(() => undefined);
  });
  await page.exposeFunction('__simOpen', (o: { baudRate: number }) => {
    line = { baud: o.baudRate, dataBits: 8, stopBits: 1, parity: 'NONE' };
    module.setHostLine(line);
    connected = true;
  });
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
    const port = Object.assign(new EventTarget(), {
      readable: null as ReadableStream<Uint8Array> | null,
      writable: null as WritableStream<Uint8Array> | null,
      getInfo: () => ({ usbVendorId: 0x1a86, usbProductId: 0x7523 }),
      async open(options: Record<string, unknown>) {
        await w.__simOpen(options);
        port.readable = new ReadableStream<Uint8Array>({ start: (c) => void (readController = c) });
        w.__simPush = (b: number[]) => readController?.enqueue(Uint8Array.from(b));
        port.writable = new WritableStream<Uint8Array>({ write: (chunk) => w.__simWrite([...chunk]) });
      },
      async close() {
        const r = port.readable;
        const wr = port.writable;
        port.readable = null;
        port.writable = null;
        await Promise.allSettled([r?.cancel(), wr?.abort()]);
        await w.__simClose();
      },
    });
    serial['requestPort'] = async () => {
      granted = true;
      return port;
    };
    serial['getPorts'] = async () => (granted ? [port] : []);
    Object.defineProperty(navigator, 'serial', { value: serial, configurable: true });
  });
}

/** Elements that markup from the device would have created, anywhere in the page's shadow roots. */
function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot): void => {
      for (const el of root.querySelectorAll('*')) {
        if (el.matches('img[src="x"], [onerror], [onmouseover]')) found.push(el.outerHTML.slice(0, 80));
        if (el.tagName === 'SCRIPT' && (el.textContent ?? '').includes('__pwned')) found.push('script');
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return found;
  });
}

test('identity values holding markup, </style>, an attribute break-out and U+202E are shown as text', async ({
  page,
}) => {
  const module = new SimulatedModule({
    clock: realClock,
    wireTiming: true,
    startRunning: true,
    identity: { version: VERSION, sn: SN, imei: IMEI, iccid: ICCID },
  });
  await serialBackedBy(page, module);
  await openApp(page);

  await test.step('connect over (fake) Web Serial', async () => {
    await page.getByRole('radio', { name: 'USB serial (Web Serial)' }).check();
    await page.locator('dtu-connect-view form button[type=submit]').click();
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'command', {
      timeout: 30_000,
    });
  });

  await test.step('dashboard: the identity as text, the override visible', async () => {
    await showView(page, 'dashboard');
    const identity = page.getByTestId('identity');
    await expect(identity).toContainText(VERSION, { timeout: 30_000 });
    await expect(identity).toContainText(SN);
    await expect(identity).toContainText(IMEI);
    await expect(identity).toContainText('[U+202E]89860117851012345678');
    await waitIdle(page);
  });

  await test.step('terminal: the replies as text', async () => {
    await showView(page, 'terminal');
    const input = page.getByLabel('Command', { exact: true });
    await input.fill('AT+SN');
    await input.press('Enter');
    // A reply may come in several reads (several rows): what the module sent is the rows joined.
    const received = () => page.getByTestId('terminal-log').locator('.entry.rx .text').allTextContents();
    await expect.poll(async () => (await received()).join('')).toContain(`+SN:${SN}`);
    await input.fill('AT+ICCID');
    await input.press('Enter');
    await expect.poll(async () => (await received()).join('')).toContain('+ICCID:[U+202E]8986');
    await waitIdle(page);
  });

  await test.step('a profile saved from the device names it as text', async () => {
    await showView(page, 'profiles');
    const read = page.getByTestId('profile-device-read');
    // Values already read for the dashboard may be reused; otherwise read them now.
    const readButton = page.getByTestId('profile-read-device');
    await expect(read.or(readButton)).toBeVisible({ timeout: 30_000 });
    if (await readButton.isVisible()) await readButton.click();
    await expect(read).toContainText(IMEI, { timeout: 60_000 });
    await page.getByTestId('profile-from-device').click();
    await expect(page.getByTestId('profile-name')).toHaveValue(new RegExp(IMEI.slice(0, 15)));
    // Saved, or refused by the profile rules (a source device is letters, digits and . _ : -): either way
    // the IMEI is shown as text.
    await page.getByTestId('profile-save').click();
    await expect(
      page
        .getByText(`Read from device ${IMEI}`)
        .or(page.getByRole('alert').filter({ hasText: 'source device' })),
    ).toBeVisible({ timeout: 30_000 });
  });

  expect(await injected(page)).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as FakeWindow).__pwned)).toBeUndefined();
});
