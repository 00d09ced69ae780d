import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { BOOT_TIMEOUT, openApp } from './ui-helpers';

/** The app registers its service worker on load (src/main.ts); wait until it controls the page. */
async function controlledAfterReload(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

async function include(page: Page, setting: string): Promise<void> {
  const box = page.locator(`div.setting[data-setting="${setting}"] input[type=checkbox]`);
  if (!(await box.isVisible())) {
    await page.locator('dtu-profile-editor details').filter({ has: box }).locator('summary').click();
  }
  await box.check();
}

/**
 * The trainer's room without internet: after one visit the app reloads offline from the service worker,
 * a profile is written without a device, then the built-in simulator (its worker precached too) is read
 * and the profile applied, with the review, the result per setting and the history record.
 */
test('offline: reload, run the simulator, read the device and apply a profile', async ({ page, context }) => {
  test.setTimeout(240_000);
  await openApp(page, '#profiles');
  await controlledAfterReload(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Profiles' })).toBeVisible();

  await page.getByTestId('profile-new').click();
  await page.getByTestId('profile-name').fill('Training room');
  await include(page, 'SOCKA');
  await page.locator('fieldset[data-setting="SOCKA"]').getByLabel('Server address').fill('train.usr.cn');
  await include(page, 'REGEN');
  await page.locator('fieldset[data-setting="REGEN"] select').selectOption('ON');
  await page.getByTestId('profile-save').click();
  const card = page.locator('dtu-profile-card').filter({ hasText: 'Training room' });
  await expect(card).toBeVisible();

  await page.getByTestId('profile-connect-simulator').click();
  await page.getByTestId('profile-read-device').click({ timeout: BOOT_TIMEOUT });
  await expect(page.getByTestId('profile-device-read')).toBeVisible({ timeout: 60_000 });

  await card.locator('button[data-action="apply"]').click();
  await expect(page.getByTestId('profile-apply-commands')).toHaveText(
    ['AT+SOCKA=TCP,train.usr.cn,2317', 'AT+REGEN=ON', 'AT+Z'].join('\n'),
  );
  await page.getByTestId('profile-apply-confirm').click();
  await expect(page.getByTestId('profile-apply-progress')).toBeVisible();
  const report = page.getByTestId('profile-apply-report');
  await expect(report).toContainText('All 2 settings were applied', { timeout: 90_000 });
  await expect(report.locator('tr[data-setting="REGEN"]')).toHaveAttribute('data-outcome', 'applied');
  await expect(page.getByTestId('profile-apply-recorded')).toContainText('Recorded');
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
});

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};

/** A static server over a copy of the build, so the test can publish a "new version" of sw.js. */
function serve(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split(/[?#]/)[0] ?? '/'));
    const file = join(root, path === '/' || path === '\\' ? 'index.html' : path);
    try {
      if (!file.startsWith(root) || !statSync(file).isFile()) throw new Error('not found');
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      res.end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * A new build: the running app's worker stays in charge until the person accepts. The test serves the
 * build, lets the app register, then publishes a changed sw.js (a test-only line that answers "v2");
 * on the next navigation the browser installs it, the app shows "Update available", and Reload makes the
 * new worker take over and reloads the page.
 */
test('a new version shows the update prompt, and Reload activates the new worker', async ({ page }) => {
  test.setTimeout(120_000);
  const root = mkdtempSync(join(tmpdir(), 'dtu-update-'));
  cpSync('dist', root, { recursive: true });
  const server = await serve(root);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await page.addInitScript(() => localStorage.setItem('dtu.language', 'en'));
    await page.goto(`${origin}/#profiles`);
    await controlledAfterReload(page);
    const prompt = page.locator('dtu-update-prompt');
    await expect(prompt.getByRole('status')).toHaveCount(0);

    appendFileSync(
      join(root, 'sw.js'),
      "\n;self.addEventListener('message', (e) => { if (e.data === 'version?') e.ports[0]?.postMessage('v2'); });\n",
    );
    await page.reload();
    await expect(prompt.getByRole('status')).toContainText('A new version of the configurator is ready', {
      timeout: 30_000,
    });
    // Still the old worker: nothing switched by itself.
    expect(
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting !== null)),
    ).toBe(true);

    const reloaded = page.waitForEvent('load');
    await prompt.getByRole('button', { name: 'Reload to update' }).click();
    await reloaded;
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(prompt.getByRole('status')).toHaveCount(0);
    const version = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = (e) => resolve(String(e.data));
          navigator.serviceWorker.controller?.postMessage('version?', [channel.port2]);
          setTimeout(() => resolve('old worker'), 5000);
        }),
    );
    expect(version).toBe('v2');
  } finally {
    server.close();
    rmSync(root, { recursive: true, force: true });
  }
});
