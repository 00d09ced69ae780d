import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { openApp, showView } from './ui-helpers';

test('the app shell renders with the simulator as the default connection', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('USR-LTE-7S4 Configurator');
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'disconnected');
  await expect(page.locator('input[name=transport][value=simulator]')).toBeChecked();
});

test('switching to Chinese relabels the page and is remembered', async ({ page }) => {
  // No stored choice: the English browser's language, then the person's choice survives a reload.
  await page.goto('/');
  await page.getByLabel('Language').selectOption('zh');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('USR-LTE-7S4 配置工具');
  await expect(page.locator('nav a[data-view="settings"]')).toHaveText('参数设置');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  expect(await page.evaluate(() => localStorage.getItem('dtu.language'))).toBe('zh');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('USR-LTE-7S4 配置工具');
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Connect');
});

test.describe('with a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });
  test('the language comes from the browser the first time', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('USR-LTE-7S4 配置工具');
    await expect(page.getByTestId('connection-state')).toHaveText('未连接');
  });
});

test('views are loaded on demand and the initial JavaScript stays under 30 KB gzip', async ({
  page,
  request,
}) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await openApp(page);
  await expect(page.locator('dtu-connect-view')).toBeVisible();
  expect(scripts.some((s) => s.includes('settings-view'))).toBe(false);
  expect(scripts.some((s) => s.includes('simulator-view'))).toBe(false);
  // The help dialog shows only after a failure or when asked for: not part of the first view.
  expect(scripts.some((s) => s.includes('help-dialog'))).toBe(false);
  await showView(page, 'settings');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Settings');
  expect(scripts.some((s) => s.includes('settings-view'))).toBe(true);

  // Initial = the entry script and what it imports statically (modulepreload), as the built page lists them.
  const html = await (await request.get('/')).text();
  const urls = [
    ...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g),
  ].map((m) => m[1] ?? '');
  expect(urls.length).toBeGreaterThan(0);
  let gzipped = 0;
  for (const url of urls) gzipped += gzipSync(await (await request.get(url)).body()).length;
  console.log(`initial JS: ${(gzipped / 1024).toFixed(1)} KB gzip in ${urls.length} file(s)`);
  expect(gzipped).toBeLessThanOrEqual(30 * 1024);
});

test('the page is usable from the keyboard: skip link, navigation, dialogs', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await page.locator('nav a[data-view="tools"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Tools');
  await showView(page, 'connect');
  await page.getByRole('button', { name: 'Connection problems?' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
});

test('the settings editor works before connecting, with validation from the catalogue', async ({ page }) => {
  await openApp(page, '#settings');
  await expect(page.getByTestId('settings-source')).toContainText('factory defaults');
  // The sections are drawn a few per frame; the table of contents reaches the last one and focuses it.
  await page.getByRole('list', { name: 'Settings' }).getByRole('button', { name: 'Management' }).click();
  await expect(page.getByRole('heading', { name: 'Management' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Management' })).toBeInViewport();
  const url = page.locator('fieldset[data-setting="HTPURL"]');
  await expect(url.getByLabel(/escaped/)).toHaveValue('/1.php[3F]');
  await expect(url.getByLabel('Plain text')).toHaveValue('/1.php?');
  await url.getByLabel('Plain text').fill('/data.php?id=7');
  await url.getByLabel('Plain text').press('Tab');
  await expect(url.getByLabel(/escaped/)).toHaveValue('/data.php[3F]id[3D]7');
  await url.getByLabel(/escaped/).fill('/a?b');
  await expect(url).toContainText('"?" must be written as [3F]');

  const pw = page.locator('fieldset[data-setting="CMDPW"]');
  const input = pw.getByLabel('Command password', { exact: true });
  await expect(input).toHaveAttribute('type', 'password');
  await pw.getByRole('button', { name: /Show/ }).click();
  await expect(input).toHaveAttribute('type', 'text');
  await expect(input).toHaveValue('usr.cn');

  await page.locator('fieldset[data-setting="REGDT"]').getByLabel('As ASCII').fill('hello');
  await page.locator('fieldset[data-setting="REGDT"]').getByLabel('As ASCII').press('Tab');
  await expect(page.locator('fieldset[data-setting="REGDT"] input').first()).toHaveValue('68656C6C6F');

  await showView(page, 'changes');
  await expect(page.getByTestId('command-list')).toContainText('AT+REGDT=68656C6C6F');
  await expect(page.getByTestId('apply')).toBeDisabled();
});
