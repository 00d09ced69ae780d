/**
 * Helpers for the UI's end-to-end specs: connecting to the built-in simulator through the Connect view,
 * moving between views, the axe check. Every step goes through the real UI.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The simulated module boots as long as a real one (~18 s) before it answers. */
export const BOOT_TIMEOUT = 45_000;

export async function openApp(page: Page, hash = '#connect', lang: 'en' | 'zh' = 'en'): Promise<void> {
  await page.addInitScript((l) => localStorage.setItem('dtu.language', l), lang);
  await page.goto(`/${hash}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

export async function showView(page: Page, view: string): Promise<void> {
  await page.locator(`nav a[data-view="${view}"]`).click();
  await expect(page.locator(`nav a[data-view="${view}"]`)).toHaveAttribute('aria-current', 'page');
}

/** Connect → Simulator → Connect, then wait for command mode. */
export async function connectSimulator(page: Page): Promise<void> {
  await showView(page, 'connect');
  await page.getByRole('radio', { name: /Simulator|模拟器/ }).check();
  await page.locator('dtu-connect-view form button[type=submit]').click();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'command', {
    timeout: BOOT_TIMEOUT,
  });
  await expect(page.getByTestId('connected')).toBeVisible();
}

/** The session is idle again (no operation running). */
export async function waitIdle(page: Page, timeout = 30_000): Promise<void> {
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', /command|working/, {
    timeout,
  });
}

/** Serious and critical axe violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}
