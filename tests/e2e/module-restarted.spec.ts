import { expect, test } from '@playwright/test';
import { BOOT_TIMEOUT, connectSimulator, openApp, showView, waitIdle } from './ui-helpers';

test.setTimeout(150_000);

test('after a power cycle while connected, the status area says the module restarted, until the next read', async ({
  page,
}) => {
  await openApp(page);
  await connectSimulator(page); // command mode
  await showView(page, 'simulator');
  await page.getByRole('button', { name: 'Power cycle' }).click();

  const notice = page.getByTestId('module-restarted');
  await expect(notice).toBeVisible({ timeout: BOOT_TIMEOUT });
  await expect(notice).toContainText('The module restarted (power cycle or scheduled restart)');
  await expect(notice).toContainText('The next read enters command mode again.');
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'working');

  await showView(page, 'dashboard'); // refreshes: an operation, which enters command mode again
  await expect(notice).toBeHidden({ timeout: 30_000 });
  await waitIdle(page);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'command');
});
