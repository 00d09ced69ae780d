import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { connectSimulator, openApp, seriousViolations, showView, waitIdle } from './ui-helpers';

test.setTimeout(240_000);

const VIEWS = ['connect', 'dashboard', 'settings', 'changes', 'terminal', 'tools', 'simulator'] as const;
const WIDTHS = [1280, 390] as const;
const DIR = 'artifacts/screenshots';

/** What shows that a view has finished loading what it shows. */
async function settled(page: Page, view: (typeof VIEWS)[number]): Promise<void> {
  const ready: Record<(typeof VIEWS)[number], string> = {
    connect: 'connected',
    dashboard: 'signal',
    settings: 'settings-source',
    changes: 'changes-table',
    terminal: 'terminal-log',
    tools: 'rfc-frame',
    simulator: 'server-log-A',
  };
  await expect(page.getByTestId(ready[view])).toBeVisible({ timeout: 60_000 });
  await waitIdle(page, 60_000);
}

/**
 * Every view, connected to the simulator with one pending change, at a desktop and a phone width: axe finds
 * no serious or critical violation, and a screenshot goes to artifacts/screenshots/ for people to look at.
 */
test('every view passes axe and is photographed at 1280 and 390 px', async ({ page }) => {
  mkdirSync(DIR, { recursive: true });
  await openApp(page);
  await connectSimulator(page);
  await showView(page, 'settings');
  await settled(page, 'settings');
  await page.locator('fieldset[data-setting="SOCKA"]').getByLabel('Server address').fill('demo.usr.cn');
  await page.locator('fieldset[data-setting="HEARTTM"] input').fill('0');

  const problems: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width > 600 ? 900 : 844 });
    for (const view of VIEWS) {
      await showView(page, view);
      await settled(page, view);
      for (const v of await seriousViolations(page)) problems.push(`${view} @${width}: ${v}`);
      await page.screenshot({ path: `${DIR}/${view}-${width}.png`, fullPage: true });
    }
  }

  // A confirmation dialog, on the phone width.
  await showView(page, 'tools');
  await page.locator('button[data-action="CLEAR"]').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  for (const v of await seriousViolations(page)) problems.push(`confirm dialog: ${v}`);
  await page.screenshot({ path: `${DIR}/confirm-dialog-390.png` });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  expect(problems).toEqual([]);
});

test('the Chinese interface and the help dialog pass axe too', async ({ page }) => {
  mkdirSync(DIR, { recursive: true });
  await openApp(page, '#connect', 'zh');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('连接设备');
  const problems = (await seriousViolations(page)).map((v) => `connect zh: ${v}`);

  await page.getByRole('button', { name: '连接有问题？' }).click();
  await expect(page.getByTestId('help-dialog')).toBeVisible();
  problems.push(...(await seriousViolations(page)).map((v) => `help zh: ${v}`));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${DIR}/help-dialog-zh-390.png` });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  await showView(page, 'settings');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('参数设置');
  problems.push(...(await seriousViolations(page)).map((v) => `settings zh: ${v}`));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${DIR}/settings-zh-1280.png` });
  expect(problems).toEqual([]);
});
