import { expect, test, type Page } from '@playwright/test';
import { connectSimulator, openApp, showView, waitIdle } from './ui-helpers';

/**
 * "What the screen says is true" through the real UI on the simulator: one device model fed by the
 * terminal as well as by reads (a set not read back is marked, a read makes it plain; compare and "save
 * device configuration" use it), nothing lost on reload (pending edits and the simulated module's stored
 * settings; leaving with edits asks first; "Reset the demo" forgets the module's state), and a preset that
 * opens in the link review and applies.
 */

/** The record under `key` in the workspace store (storage/workspace.ts), as the page's IndexedDB has it. */
function workspace(page: Page, key: 'draft' | 'simulator'): Promise<unknown> {
  return page.evaluate(
    (k) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('usr-7s4-configurator');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('workspace')) {
            db.close();
            resolve(undefined);
            return;
          }
          const get = db.transaction('workspace').objectStore('workspace').get(k);
          get.onsuccess = () => {
            db.close();
            resolve(get.result);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    key,
  );
}

/** Screenshots at 1280 and 390 px: the whole page, or the viewport around `focus`. */
async function shoot(page: Page, name: string, focus?: string): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    if (focus) {
      await page.locator(focus).first().scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, -200));
    }
    await page.screenshot({ path: `artifacts/screenshots/${name}-${width}.png`, fullPage: !focus });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

async function terminal(page: Page, line: string, reply: string): Promise<void> {
  await showView(page, 'terminal');
  const input = page.getByLabel('Command', { exact: true });
  await input.fill(line);
  await input.press('Enter');
  await expect(page.getByTestId('terminal-log')).toContainText(reply);
  await waitIdle(page);
}

test('a terminal set is in the device model: marked until read, then used by compare and save', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  await connectSimulator(page);
  await showView(page, 'settings');
  await expect(page.getByTestId('settings-source')).toContainText('Values read from the device', {
    timeout: 30_000,
  });
  await waitIdle(page);
  const heart = page.locator('fieldset[data-setting="HEARTTM"]');
  await expect(heart.getByTestId('provenance')).toHaveAttribute('data-kind', 'read');

  await terminal(page, 'AT+HEARTTM=90', 'OK');
  await showView(page, 'settings');
  await expect(heart.locator('input')).toHaveValue('90');
  await expect(heart.getByTestId('provenance')).toHaveAttribute('data-kind', 'set');
  await expect(heart.getByTestId('provenance')).toContainText('set in the terminal');
  await expect(heart.getByTestId('provenance')).toContainText('not read back yet');
  await expect(page.getByTestId('model-note')).toContainText('not read back yet: Heartbeat');
  await shoot(page, 'model-set-not-read-back', 'fieldset[data-setting="HEARTTM"]');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, 'model-note-settings', 'dtu-settings-view');

  // Saving the device's configuration asks to read first; reading makes it plain 90.
  await showView(page, 'profiles');
  await page.getByTestId('profile-from-device').click();
  await expect(page.getByTestId('save-check')).toContainText('AT+HEARTTM');
  await shoot(page, 'model-save-check');
  await page.getByTestId('save-read-first').click();
  await expect(page.getByTestId('editor-note')).toContainText('only the 1 settings that differ');
  await expect(page.getByTestId('included-count')).toContainText('1 of 47');
  await expect(page.locator('fieldset[data-setting="HEARTTM"] input')).toHaveValue('90');
  await page.getByTestId('profile-name').fill('Heartbeat 90');
  await page.getByTestId('profile-save').click();
  const card = page.locator('dtu-profile-card').filter({ hasText: 'Heartbeat 90' });
  await card.locator('button[data-action="compare"]').click();
  await expect(page.getByTestId('compare-same')).toBeVisible();
  await page.getByRole('button', { name: 'Back to the list' }).click();

  await showView(page, 'settings');
  await expect(heart.getByTestId('provenance')).toHaveAttribute('data-kind', 'read');
  await expect(heart.locator('input')).toHaveValue('90');
  await expect(page.getByTestId('model-note')).toHaveCount(0);

  // A disconnect keeps the values, as last known.
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByTestId('model-note')).toContainText('Not connected');
  await expect(heart.locator('input')).toHaveValue('90');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, 'model-offline', 'dtu-settings-view');
});

test('reload keeps pending edits and the simulated module; leaving with edits asks; reset forgets', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await openApp(page);
  await connectSimulator(page);
  await showView(page, 'settings');
  await expect(page.getByTestId('settings-source')).toContainText('Values read from the device', {
    timeout: 30_000,
  });
  await waitIdle(page);
  const heart = page.locator('fieldset[data-setting="HEARTTM"]');
  await heart.locator('input').fill('77');
  await page.getByTestId('review-changes').click();
  await page.getByTestId('apply').click();
  await expect(page.getByTestId('apply-report')).toContainText('applied', { timeout: 60_000 });
  // The worker reports the module's new state; the page keeps it.
  await expect
    .poll(async () => JSON.stringify(await workspace(page, 'simulator')), { timeout: 10_000 })
    .toContain('"HEARTTM":"77"');

  // A pending edit, kept in this browser a moment later.
  await showView(page, 'settings');
  await page.locator('fieldset[data-setting="SOCKASL"] select').selectOption('SHORT');
  await expect
    .poll(async () => JSON.stringify(await workspace(page, 'draft')), { timeout: 10_000 })
    .toContain('"SOCKASL":["SHORT"]');

  let asked = false;
  page.on('dialog', (d) => {
    if (d.type() === 'beforeunload') asked = true;
    void d.accept();
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(asked).toBe(true);

  await showView(page, 'settings');
  await expect(page.getByTestId('draft-restored')).toContainText('unapplied edit');
  await expect(page.locator('fieldset[data-setting="SOCKASL"] select')).toHaveValue('SHORT');
  await expect(page.locator('nav a[data-view="changes"] .count')).toHaveText('1');
  await shoot(page, 'draft-restored', 'dtu-settings-view');

  // The simulator did not go back to the factory settings.
  await connectSimulator(page);
  await showView(page, 'settings');
  await expect(heart.locator('input')).toHaveValue('77', { timeout: 30_000 });
  await expect(heart.getByTestId('provenance')).toHaveAttribute('data-kind', 'read');
  await expect(page.locator('fieldset[data-setting="SOCKASL"]')).toContainText('Device: LONG');

  // "Reset the demo" returns the module to the factory state and forgets the kept one.
  await showView(page, 'simulator');
  await page.getByRole('button', { name: 'Reset the demo' }).click();
  await expect.poll(() => workspace(page, 'simulator'), { timeout: 10_000 }).toBeUndefined();
});

test('a preset opens in the link review and applies to the simulator', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page, '#profiles');
  await expect(page.getByTestId('preset-library')).toContainText('SMS transparent mode');
  await shoot(page, 'preset-library', '[data-testid="preset-library"]');
  await page.getByTestId('preset-tcp-client').click();
  await expect(page.getByTestId('link-name')).toHaveText(
    'TCP client with registration and heartbeat (preset)',
  );
  await expect(page.getByTestId('link-safe')).toContainText('Nothing from this link has been saved');
  await shoot(page, 'preset-review');
  await page.getByTestId('link-apply').click();
  await page.getByTestId('profile-connect-simulator').click();
  await page.getByTestId('profile-read-device').click({ timeout: 45_000 });
  await expect(page.getByTestId('profile-apply-commands')).toHaveText(['AT+REGEN=ON', 'AT+Z'].join('\n'), {
    timeout: 30_000,
  });
  await page.getByTestId('profile-apply-confirm').click();
  const report = page.getByTestId('profile-apply-report');
  await expect(report.locator('tr[data-setting="REGEN"]')).toHaveAttribute('data-outcome', 'applied', {
    timeout: 60_000,
  });
});
