import { expect, test, type Page } from '@playwright/test';
import { encodeShareLink } from '../../src/profile/share-link';
import { smallProfile } from '../profile/fixtures';
import { connectSimulator, openApp, seriousViolations, showView, waitIdle } from './ui-helpers';

/**
 * "What the screen says is true", through the real UI on the simulator, on one page: after an apply that
 * touches socket A the links are checked — a server that refuses and a name that never resolves
 * (`.invalid`) are reported down with the reason, a reachable one up with its time and the first
 * registration and heartbeat packets at the virtual server; before writing, the changes view shows what
 * the server will see; a baud change is flagged, needs a confirmation, and the app follows the module to
 * 9600 and remembers it; a shared link applied says so in its status line; counts are in the right plural.
 */
test.setTimeout(150_000);

const DIR = 'artifacts/screenshots';

async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${DIR}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function serverBehaviour(page: Page, behaviour: 'echo' | 'refuse'): Promise<void> {
  await showView(page, 'simulator');
  await page.locator('section.server[data-socket="A"] select').first().selectOption(behaviour);
}

async function editSocketA(page: Page, host: string, port: string): Promise<void> {
  await showView(page, 'settings');
  const socketA = page.locator('fieldset[data-setting="SOCKA"]');
  await socketA.getByLabel('Server address').fill(host);
  await socketA.getByLabel('Port').fill(port);
}

const summary = (page: Page) => page.getByTestId('apply-report').getByTestId('apply-summary');

test('links proven after an apply, what the server will see, risky changes, the link page', async ({
  page,
}) => {
  await openApp(page);
  await connectSimulator(page);
  await showView(page, 'settings');
  await expect(page.getByTestId('settings-source')).toContainText('Values read from the device', {
    timeout: 60_000,
  });
  await waitIdle(page);

  await test.step('a server that refuses: the report says socket A is down and why', async () => {
    await serverBehaviour(page, 'refuse');
    await editSocketA(page, 'test.usr.cn', '2318');
    await expect(page.getByTestId('review-changes')).toHaveText('Review 1 change');
    await page.getByTestId('review-changes').click();
    await expect(page.getByTestId('server-preview')).toContainText('Socket A → test.usr.cn port 2318 (TCP)');
    await expect(page.getByTestId('apply')).toHaveText('Write 1 change to the module');
    await page.getByTestId('apply').click();
    await expect(summary(page)).toContainText(
      'Settings applied — socket A could not connect: the server refused the connection.',
      { timeout: 60_000 },
    );
    await expect(summary(page)).toHaveAttribute('data-tone', 'warn');
    await expect(summary(page)).not.toContainText('applied.');
    const row = page.getByTestId('link-proof').locator('li[data-socket="A"]');
    await expect(row).toHaveAttribute('data-cause', 'refused');
    // "Applied" per setting stays.
    await expect(page.locator('tr[data-setting="SOCKA"]')).toHaveAttribute('data-outcome', 'applied');
    // The way back is offered: the server before may be the one that worked.
    await expect(page.getByTestId('restore')).toBeVisible();
    await shoot(page, 'link-proof-down');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Language').selectOption('zh');
    await expect(summary(page)).toContainText('参数已写入——Socket A 无法连接：服务器拒绝连接。');
    await page.setViewportSize({ width: 390, height: 900 });
    await page.screenshot({ path: `${DIR}/link-proof-down-zh-390.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByLabel('语言').selectOption('en');

    await showView(page, 'dashboard');
    await expect(page.getByTestId('link-why')).toContainText('the server refused the connection', {
      timeout: 30_000,
    });
  });

  await test.step('a name that never resolves: down, and the name is named', async () => {
    await editSocketA(page, 'nowhere.invalid', '2318');
    await page.getByTestId('review-changes').click();
    // The report of the last apply is gone once there are new pending changes.
    await expect(page.getByTestId('apply-report')).toHaveCount(0);
    await page.getByTestId('apply').click();
    // Written and read back, the links not yet proven: neither green nor "applied".
    await expect(summary(page)).toHaveAttribute('data-tone', 'checking', { timeout: 60_000 });
    await expect(page.getByTestId('proof-stop')).toBeVisible();
    await page.screenshot({ path: `${DIR}/link-proof-checking-1280.png`, fullPage: true });
    await expect(summary(page)).toContainText(
      'socket A could not connect: the name nowhere.invalid does not resolve (DNS)',
      { timeout: 60_000 },
    );
  });

  await test.step('a reachable server: what it will see, then up with the time and the packets', async () => {
    await serverBehaviour(page, 'echo');
    await editSocketA(page, 'demo.usr.cn', '2318');
    await page.locator('fieldset[data-setting="REGEN"] select').selectOption('ON');
    await page.locator('fieldset[data-setting="HEARTTM"] input').fill('2');
    await expect(page.getByTestId('review-changes')).toHaveText('Review 3 changes');
    await page.getByTestId('review-changes').click();
    const preview = page.getByTestId('server-preview');
    await expect(preview.locator('[data-part="registration"]')).toContainText(
      'Sent once, each time a socket connects',
    );
    await expect(preview.locator('[data-part="registration"]')).toContainText('www.usr.cn');
    await expect(preview.locator('[data-part="heartbeat"]')).toContainText('no data has passed for 2 s');
    await expect(preview.locator('[data-part="framing"]')).toContainText(
      'after 50 ms of silence or 1024 bytes',
    );
    await expect(preview.locator('[data-changed="registration"]')).toBeVisible();
    await shoot(page, 'server-preview');

    await page.getByTestId('apply').click();
    await expect(summary(page)).toContainText('All 3 settings were applied. Socket A is connected.', {
      timeout: 60_000,
    });
    await expect(summary(page)).toHaveAttribute('data-tone', 'ok');
    const row = page.getByTestId('link-proof').locator('li[data-socket="A"]');
    await expect(row).toHaveAttribute('data-verdict', 'up');
    await expect(row).toContainText(/connected \d+(\.\d)? s after the restart/);
    await expect(row.getByTestId('seen-registration')).toContainText('www.usr.cn');
    await expect(row.getByTestId('seen-registration')).toContainText('✓ as expected');
    await expect(row.getByTestId('seen-heartbeat')).toContainText('www.usr.cn', { timeout: 15_000 });
    await expect(row.getByTestId('seen-heartbeat')).toContainText(
      /\d\d:\d\d:\d\d \([\d.]+ s after the restart\)/,
    );
    await shoot(page, 'link-proof-up');
    expect(await seriousViolations(page)).toEqual([]);
  });

  await test.step('a baud change is flagged, needs a confirmation, and the app follows to 9600', async () => {
    await showView(page, 'settings');
    await page.locator('fieldset[data-setting="UART"] select').first().selectOption('9600');
    await page.getByTestId('review-changes').click();
    const risky = page.getByTestId('risky-changes');
    await expect(risky.locator('li[data-risk="uart"]')).toContainText('Serial port: 115200 8N1 → 9600 8N1');
    await expect(risky).toContainText('The app reconnects at 9600 8N1 by itself');
    await expect(page.getByTestId('apply')).toBeDisabled();
    await shoot(page, 'risky-change');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('risk-confirm').check();
    await expect(page.getByTestId('apply')).toBeEnabled();
    await page.getByTestId('apply').click();
    await expect(summary(page)).toHaveText('The setting was applied.', { timeout: 60_000 });
    await waitIdle(page);
    await showView(page, 'connect');
    await expect(page.getByTestId('connected')).toContainText('9600 8N1');

    // Remembered for the device: a new connect with Detect automatically starts at 9600.
    await page.locator('.statusbar button').click(); // Disconnect
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'disconnected');
    await page.locator('dtu-connect-view form button[type=submit]').click();
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'command', {
      timeout: 30_000,
    });
    await expect(page.getByTestId('connected')).toContainText('9600 8N1');
    // What the app keeps for this device (storage `ports`, key `simulator`): the line that reached it.
    const remembered = await page.evaluate(
      () =>
        new Promise<unknown>((resolve, reject) => {
          const open = indexedDB.open('usr-7s4-configurator');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('ports').objectStore('ports').get('simulator');
            get.onsuccess = () => resolve(get.result);
            get.onerror = () => reject(get.error);
          };
        }),
    );
    expect(remembered).toMatchObject({ line: { baud: 9600 } });
  });

  await test.step('a shared link: flagged baud change, and its status line follows the report', async () => {
    const link = await encodeShareLink(smallProfile('Back to 115200', { UART: '115200,8,1,NONE,NFC' }));
    await page.evaluate((f) => (location.hash = `#${f}`), link.fragment);
    await expect(page.getByTestId('link-safe')).toContainText('Nothing from this link has been saved');
    await page.getByTestId('link-apply').click();
    // The reconnect above forgot what was read: the apply reads the device first.
    await page.getByTestId('profile-read-device').click();
    const risky = page.getByTestId('risky-changes');
    await expect(risky.locator('li[data-risk="uart"]')).toContainText('9600 8N1 → 115200 8N1', {
      timeout: 30_000,
    });
    await expect(page.getByTestId('profile-apply-confirm')).toBeDisabled();
    await page.getByTestId('risk-confirm').check();
    await page.getByTestId('profile-apply-confirm').click();
    const report = page.getByTestId('profile-apply-report');
    await expect(report.getByTestId('apply-summary')).toContainText(
      'All 2 settings were applied. Socket A is connected.',
      {
        timeout: 60_000,
      },
    );
    await expect(page.getByTestId('link-safe')).toHaveAttribute('data-status', /applied-(ok|warn)/);
    await expect(page.getByTestId('link-safe')).not.toContainText('Nothing from this link');
    await expect(page.getByTestId('link-safe')).toContainText(/(Applied|Written) to the connected device at/);
    await shoot(page, 'link-applied');
  });
});
