import { expect, test } from '@playwright/test';
import { connectSimulator, openApp, showView, waitIdle } from './ui-helpers';

test.setTimeout(150_000);

/**
 * The field engineer's task on the simulator (manual 2.1.1, 2.3.1, 2.3.2): read the module, point socket A
 * at another server, turn on the registration packet and shorten the heartbeat, check the diff and the AT
 * commands, apply, and see on the virtual server what the module now sends.
 */
test('connect, read, change socket A and heartbeat, apply, and see the server receive them', async ({
  page,
}) => {
  await openApp(page);
  await connectSimulator(page);

  await test.step('read every setting from the module', async () => {
    await showView(page, 'settings');
    await expect(page.getByTestId('settings-source')).toContainText('Values read from the device', {
      timeout: 60_000,
    });
    await waitIdle(page);
    await expect(page.locator('fieldset[data-setting="SOCKA"] input').first()).toHaveValue('test.usr.cn');
  });

  await test.step('edit socket A, the registration packet and the heartbeat', async () => {
    const socketA = page.locator('fieldset[data-setting="SOCKA"]');
    await socketA.getByLabel('Server address').fill('demo.usr.cn');
    await socketA.getByLabel('Port').fill('2318');
    await expect(socketA).toHaveClass(/changed/);

    await page.locator('fieldset[data-setting="REGEN"] select').selectOption('ON');
    const heart = page.locator('fieldset[data-setting="HEARTTM"] input');
    await heart.fill('0');
    await expect(page.locator('fieldset[data-setting="HEARTTM"]')).toContainText('1 to 6000');
    await heart.fill('2');
    await expect(page.locator('fieldset[data-setting="HEARTTM"] .msg')).toHaveCount(0);

    // The heartbeat data in hex with its ASCII view.
    await expect(page.locator('fieldset[data-setting="HEARTDT"]').getByLabel('As ASCII')).toHaveValue(
      'www.usr.cn',
    );
  });

  await test.step('review the diff and the exact AT commands, in the order they are sent', async () => {
    await page.getByTestId('review-changes').click();
    const table = page.getByTestId('changes-table');
    await expect(table.locator('tr[data-setting="SOCKA"]')).toContainText('TCP,test.usr.cn,2317');
    await expect(table.locator('tr[data-setting="SOCKA"]')).toContainText('TCP,demo.usr.cn,2318');
    await expect(page.getByTestId('command-list')).toHaveText(
      // Parameters first, then switches turned on (protocol/apply-plan.ts), then the restart.
      ['AT+SOCKA=TCP,demo.usr.cn,2318', 'AT+HEARTTM=2', 'AT+REGEN=ON', 'AT+Z'].join('\n'),
    );
  });

  await test.step('apply with progress and a result per setting', async () => {
    await page.getByTestId('apply').click();
    await expect(page.getByTestId('apply-progress')).toBeVisible();
    const report = page.getByTestId('apply-report');
    await expect(report).toBeVisible({ timeout: 60_000 });
    await expect(report).toContainText('All 3 settings were applied');
    for (const name of ['SOCKA', 'REGEN', 'HEARTTM']) {
      await expect(report.locator(`tr[data-setting="${name}"]`)).toHaveAttribute('data-outcome', 'applied');
    }
    await expect(page.getByTestId('no-changes')).toBeVisible();
  });

  await test.step('the virtual server of socket A gets the registration packet and heartbeats', async () => {
    await showView(page, 'simulator');
    const log = page.getByTestId('server-log-A');
    await expect(page.getByTestId('link-A')).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
    await expect(log.locator('[data-tag="registration"]').first()).toContainText('www.usr.cn', {
      timeout: 30_000,
    });
    await expect(log.locator('[data-tag="heartbeat"]')).not.toHaveCount(0, { timeout: 20_000 });
    await expect(log.locator('[data-tag="heartbeat"]').first()).toContainText('www.usr.cn');
  });

  await test.step('the dashboard shows socket A connected to the new server', async () => {
    await showView(page, 'dashboard');
    const a = page.getByTestId('sockets').locator('li[data-socket="A"]');
    await expect(a).toHaveAttribute('data-link', 'ON', { timeout: 30_000 });
    await expect(a).toContainText('demo.usr.cn');
    await expect(page.getByTestId('identity')).toContainText(/\d{15}/);
    await expect(page.getByTestId('signal')).toContainText('dBm');
  });
});
