import { expect, test } from '@playwright/test';
import { connectSimulator, openApp, showView } from './ui-helpers';

test.setTimeout(120_000);

test('pulling the cable shows what happened and what to do', async ({ page }) => {
  await openApp(page);
  await connectSimulator(page);
  await showView(page, 'simulator');
  await page.getByTestId('unplug').click();
  // The session sees the port go away at once: the state and the help say so.
  const help = page.getByTestId('help-dialog');
  await expect(help).toBeVisible({ timeout: 30_000 });
  await expect(help).toHaveAttribute('data-kind', 'disconnected');
  await expect(help).toContainText('cable');
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'failed');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'disconnected');
});

test('closing the port chooser without a port explains drivers and offers the simulator', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const serial = (navigator as unknown as { serial: Record<string, unknown> }).serial;
    serial['getPorts'] = () => Promise.resolve([]);
    serial['requestPort'] = () =>
      Promise.reject(new DOMException('No port selected by the user.', 'NotFoundError'));
  });
  await openApp(page);
  await page.getByRole('radio', { name: 'USB serial (Web Serial)' }).check();
  await page.locator('dtu-connect-view form button[type=submit]').click();
  const help = page.getByTestId('help-dialog');
  await expect(help).toHaveAttribute('data-kind', 'nothing-picked');
  await expect(help).toContainText('CH340');
  await expect(page.getByTestId('connect-failed')).toContainText('No port was chosen');
  await page.getByRole('button', { name: 'Use the simulator instead' }).click();
  await expect(page.getByTestId('connection-state')).toHaveAttribute(
    'data-state',
    /opening|entering|command/,
  );
});

test('a port held by another program is reported as busy', async ({ page }) => {
  await page.addInitScript(() => {
    const port = {
      readable: null,
      writable: null,
      open: () => Promise.reject(new DOMException('Failed to open serial port.', 'NetworkError')),
      close: () => Promise.resolve(),
      getInfo: () => ({ usbVendorId: 0x1a86, usbProductId: 0x7523 }),
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    };
    const serial = (navigator as unknown as { serial: Record<string, unknown> }).serial;
    serial['getPorts'] = () => Promise.resolve([port]);
    serial['requestPort'] = () => Promise.resolve(port);
  });
  await openApp(page);
  await page.getByRole('radio', { name: 'USB serial (Web Serial)' }).check();
  await page.locator('dtu-connect-view form button[type=submit]').click();
  await expect(page.getByTestId('help-dialog')).toHaveAttribute('data-kind', 'port-busy');
  await expect(page.getByTestId('help-dialog')).toContainText('in use by another program');
});

test('without Web Serial the simulator is the only choice, and the help says which browsers work', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'serial', { get: () => undefined, configurable: true });
  });
  await openApp(page);
  await expect(page.locator('input[name=transport][value=serial]')).toBeDisabled();
  await expect(page.locator('input[name=transport][value=simulator]')).toBeChecked();
  await expect(page.locator('dtu-connect-view')).toContainText('Web Serial is not available here');
  await page.getByRole('button', { name: 'Connection problems?' }).click();
  await expect(page.getByTestId('help-dialog')).toContainText('Chrome, Edge and Opera');
});
