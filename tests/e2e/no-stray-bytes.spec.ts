import { expect, test, type Page } from '@playwright/test';
import { connectSimulator, openApp, showView, waitIdle } from './ui-helpers';

test.setTimeout(240_000);

/**
 * The customer's server must receive nothing the person did not send (issue "Field-proof session"): through
 * the real UI, on the worker-hosted simulator with real time and wire timing, with the default firmware and
 * with the `slow` variant (a real module's processing delay). After each flow the virtual server of socket A
 * is checked: only the module's own registration and heartbeat packets may be there — never `AT`, `+++` or a
 * CR from the app.
 */
async function expectNoStrayBytes(page: Page, step: string): Promise<void> {
  await showView(page, 'simulator');
  const log = page.getByTestId('server-log-A');
  await expect(log).toBeVisible();
  const stray = log.locator('.entry.tx[data-tag="data"]');
  expect(await stray.allInnerTexts(), `server A received data from the app after: ${step}`).toEqual([]);
}

for (const firmware of ['manual', 'slow'] as const) {
  test(`${firmware} firmware: connect, read, apply with restart, terminal, disconnect, reconnect and a power cycle send the server nothing`, async ({
    page,
  }) => {
    await openApp(page);

    if (firmware !== 'manual') {
      await test.step(`choose the ${firmware} firmware in the trainer's panel`, async () => {
        await showView(page, 'simulator');
        const box = page.getByTestId(`firmware-${firmware}`);
        await box.check();
        await expect(box).toBeChecked();
      });
    }

    await test.step('connect (the guarded +++ finds the working mode)', async () => {
      await connectSimulator(page);
      await expectNoStrayBytes(page, 'connect');
    });

    await test.step('read every setting', async () => {
      await showView(page, 'settings');
      await expect(page.getByTestId('settings-source')).toContainText('Values read from the device', {
        timeout: 60_000,
      });
      await waitIdle(page);
      await expectNoStrayBytes(page, 'read all');
    });

    await test.step('change the heartbeat and apply (AT+Z, re-entry, read-back)', async () => {
      await showView(page, 'settings');
      await page.locator('fieldset[data-setting="HEARTTM"] input').fill('45');
      await page.getByTestId('review-changes').click();
      await page.getByTestId('apply').click();
      const report = page.getByTestId('apply-report');
      await expect(report).toBeVisible({ timeout: 90_000 });
      await expect(report.locator('tr[data-setting="HEARTTM"]')).toHaveAttribute('data-outcome', 'applied');
      await waitIdle(page);
      await expectNoStrayBytes(page, 'apply');
    });

    await test.step('terminal', async () => {
      await showView(page, 'terminal');
      const input = page.getByLabel('Command', { exact: true });
      await input.fill('AT+VER?');
      await input.press('Enter');
      await expect(page.getByTestId('terminal-log')).toContainText('+VER:');
      await expectNoStrayBytes(page, 'terminal AT+VER?');
    });

    await test.step('disconnect and connect again', async () => {
      await page.locator('.statusbar button').click();
      await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'disconnected');
      await connectSimulator(page);
      await expectNoStrayBytes(page, 'disconnect and reconnect');
    });

    await test.step('a power cycle while connected, then a read', async () => {
      await showView(page, 'simulator');
      await page.getByRole('button', { name: 'Power cycle' }).click();
      // The module boots (~18 s); the app learns of it from the start message and re-enters by itself.
      await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'working', {
        timeout: 60_000,
      });
      await showView(page, 'settings');
      await page.getByTestId('read-settings').click();
      await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'command', {
        timeout: 60_000,
      });
      await expect(page.locator('fieldset[data-setting="HEARTTM"] input')).toHaveValue('45');
      await expectNoStrayBytes(page, 'power cycle and read');
    });

    await test.step('the check does see data when the serial side really sends some', async () => {
      await page.locator('.statusbar button').click(); // Disconnect (leaves the module in its working mode)
      await showView(page, 'simulator');
      const serialForm = page.getByTestId('serial-log').locator('xpath=..').locator('form');
      await serialForm.getByRole('textbox').fill('person-data');
      await serialForm.getByRole('button').click();
      await expect(page.getByTestId('server-log-A').locator('.entry.tx[data-tag="data"]')).toContainText(
        'person-data',
      );
    });
  });
}
