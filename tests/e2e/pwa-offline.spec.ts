import { expect, test } from '@playwright/test';

// The app registers its service worker itself (src/main.ts → registerServiceWorker(), a module worker);
// the test only waits for that registration to be active.
test('after one visit the app reloads with the network off, from the service worker cache', async ({
  page,
  context,
}) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/USR-LTE-7S4/);
  const scriptURL = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
  expect(scriptURL).toMatch(/\/sw\.js$/);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/USR-LTE-7S4/);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const manifest = await page.evaluate(async () => (await fetch('/manifest.webmanifest')).json());
  expect(manifest).toMatchObject({ display: 'standalone', start_url: '/' });
  const icon = await page.evaluate(async () => (await fetch('/icons/icon-512.png')).status);
  expect(icon).toBe(200);
  expect(violations.filter((v) => /script/i.test(v))).toEqual([]);
});
