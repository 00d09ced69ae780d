import { expect, test } from '@playwright/test';

test('the app shell renders with the simulator as the default device', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/USR-LTE-7S4/);
  await expect(page.getByTestId('device-kind')).toContainText(/Simulator|模拟器/);
});

test('switching the language to Chinese relabels the page', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel(/Language|语言/).selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('USR-LTE-7S4 配置工具');
});
