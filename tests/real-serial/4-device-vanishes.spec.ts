import { expect, test } from '@playwright/test';
import { openApp, showView } from '../e2e/ui-helpers';
import { control, dtuStatus, readTraceFile, requireRealSerial, step, until } from './support';

const env = requireRealSerial();

/**
 * The device vanishes in the middle of "read all": the DTU cuts its TCP connection, socat's end dies,
 * and Chromium's port loses its device (a fatal read error, `readable` null). The UI says the port went
 * away. Connecting again then fails in Chromium with `NetworkError: Failed to open serial port.` — the
 * same error as a port held by another program — and the app must say the device went away, not that
 * another program holds the port.
 */
test('the device vanishes mid-read, and reopening says it went away (not "in use")', async ({ page }) => {
  await step(env, 'connect to the granted port', async () => {
    await openApp(page);
    await page.getByRole('radio', { name: 'USB serial (Web Serial)' }).check();
    await page.locator('dtu-connect-view form button[type=submit]').click();
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'command', {
      timeout: 30_000,
    });
  });

  await step(env, 'the device vanishes while every setting is being read', async () => {
    await showView(page, 'settings'); // starts "read all"
    // Mid-read as the module sees it: a dozen queries have arrived at the TCP end.
    await until(
      'a dozen queries of "read all" at the TCP end',
      async () => {
        const queries = readTraceFile(env).filter(
          (e) => e.dir === 'in' && /^41542b[0-9a-f]+3f0d$/.test(e.hex), // AT+…?\r
        );
        return queries.length >= 12 ? true : undefined;
      },
      30_000,
    );
    expect((await control(env, { cmd: 'drop-client' }))['dropped']).toBe(true);
    expect((await dtuStatus(env)).connected).toBe(false);
  });

  await step(env, 'the UI says the port went away', async () => {
    const help = page.getByTestId('help-dialog');
    await expect(help).toBeVisible({ timeout: 15_000 });
    await expect(help).toHaveAttribute('data-kind', 'disconnected');
    await expect(help).toContainText('went away');
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'failed');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'disconnected');
  });

  await step(env, 'connecting again: "the device went away", not "in use by another program"', async () => {
    await showView(page, 'connect');
    await page.getByRole('radio', { name: 'USB serial (Web Serial)' }).check();
    await page.locator('dtu-connect-view form button[type=submit]').click();
    const help = page.getByTestId('help-dialog');
    await expect(help).toBeVisible({ timeout: 15_000 });
    await expect(help).toHaveAttribute('data-kind', 'disconnected');
    await expect(help).toContainText('The device went away and its port cannot be opened again.');
    await expect(help).toContainText('Plug the USB-serial cable back in');
    await expect(help).not.toContainText('in use by another program');
    await expect(page.getByTestId('connect-failed')).toContainText('The device went away');
  });

  await step(env, 'the same in Chinese', async () => {
    await page.getByLabel('Language').selectOption('zh');
    const help = page.getByTestId('help-dialog');
    await expect(help).toContainText('设备已断开，其串口无法再次打开。');
    await expect(help).not.toContainText('正被其他程序');
  });
});
