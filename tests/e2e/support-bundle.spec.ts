import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { connectSimulator, openApp, seriousViolations, showView, waitIdle } from './ui-helpers';

test.setTimeout(90_000);

/** Downloads the bundle from the Support view, kept as `name` in the test's output; its path and text. */
async function downloadBundle(page: Page, name: string): Promise<{ path: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('bundle-download').click(),
  ]);
  // Kept past the customer's context (a download goes with its context).
  const path = test.info().outputPath(name);
  await download.saveAs(path);
  return { path, text: await readFile(path, 'utf8') };
}

/**
 * Issue 13, support bundle and replay: a customer reads the simulated module, changes its start-up message
 * and applies it, and sends a support bundle; support opens it in a fresh browser context, sees the values,
 * the diff and the log read-only, and replays the exchange on its own simulator — matched on the manual's
 * firmware, and marked different where the firmware answers `+OK` (a planted firmware difference).
 */
test('a bundle exported in one browser context is opened and replayed on the simulator in a fresh one', async ({
  browser,
}) => {
  const customer = await browser.newContext({ acceptDownloads: true });
  const page = await customer.newPage();
  await openApp(page);
  await connectSimulator(page);

  await test.step('customer: read, change the start-up message, apply', async () => {
    await showView(page, 'settings');
    await expect(page.getByTestId('settings-source')).toContainText('Values read from the device', {
      timeout: 30_000,
    });
    await waitIdle(page);
    await page.locator('fieldset[data-setting="STMSG"] input').first().fill('SUPPORT-CASE');
    await page.getByTestId('review-changes').click();
    await page.getByTestId('apply').click();
    await expect(page.getByTestId('apply-report')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('apply-summary')).toHaveAttribute('data-tone', 'ok');
    await waitIdle(page);
  });

  let withheldPath = '';
  let link = '';
  await test.step('customer: the bundle holds the module, the diff and the log; the password stays out', async () => {
    await showView(page, 'support');
    const holds = page.getByTestId('bundle-holds');
    await expect(holds).toBeVisible();
    await page.screenshot({ path: 'artifacts/screenshots/support-make-1280.png', fullPage: true });
    await expect(holds).toContainText('IMEI');
    await expect(holds).toContainText('last apply’s report');
    await expect(page.getByTestId('bundle-withheld')).toContainText('Command password');
    const withheld = await downloadBundle(page, 'bundle.json');
    withheldPath = withheld.path;
    const json = JSON.parse(withheld.text) as {
      kind: string;
      withheld: string[];
      after: Record<string, string>;
    };
    expect(json.kind).toBe('usr-lte-7s4-support-bundle');
    expect(json.withheld).toContain('CMDPW');
    expect(json.after['STMSG']).toBe('SUPPORT-CASE');
    // The command password read by the session is not in the file, not even in the log.
    expect(withheld.text).not.toContain('+CMDPW:usr.cn');
    // `••••••` in the log's byte text (\xE2\x80\xA2 …), itself escaped in JSON.
    expect(withheld.text).toContain(String.raw`+CMDPW:\\xE2\\x80\\xA2`);

    // A session this short also fits a link (#support/b=1.…), without the password as the file.
    link = await page.getByTestId('bundle-link').inputValue();
    expect(link).toMatch(/#support\/b=1\.[A-Za-z0-9_-]+$/);

    await page.getByTestId('bundle-include-secrets').check();
    await expect(page.getByTestId('bundle-secrets-warning')).toContainText('Command password');
    const included = await downloadBundle(page, 'bundle-with-secrets.json');
    expect(included.text).toContain('+CMDPW:usr.cn');
  });
  await customer.close();

  const support = await browser.newContext();
  const sp = await support.newPage();
  await openApp(sp, '#support');

  await test.step('support: the link opens the same bundle, read-only', async () => {
    await sp.goto(link.replace(/^https?:\/\/[^/]+/, ''));
    await expect(sp.getByTestId('bundle-read-only')).toBeVisible();
    await expect(sp.getByTestId('bundle-diff').locator('tr[data-setting="STMSG"]')).toContainText(
      'SUPPORT-CASE',
    );
  });

  await test.step('support: the bundle opens read-only — identity, before and after, report, log', async () => {
    await sp.getByTestId('bundle-open').setInputFiles(withheldPath);
    await expect(sp.getByTestId('bundle-read-only')).toBeVisible();
    await expect(sp.getByTestId('bundle-identity')).toContainText('IMEI');
    const row = sp.getByTestId('bundle-diff').locator('tr[data-setting="STMSG"]');
    await expect(row).toHaveAttribute('data-changed', 'true');
    await expect(row).toContainText('USR-LTE-7S4');
    await expect(row).toContainText('SUPPORT-CASE');
    await sp.getByTestId('bundle-changed-only').uncheck();
    await expect(
      sp.getByTestId('bundle-diff').locator('tr[data-setting="CMDPW"]').getByTestId('withheld-mark').first(),
    ).toContainText('withheld by the sender');
    await expect(sp.getByTestId('bundle-report').locator('tr[data-setting="STMSG"]')).toHaveAttribute(
      'data-outcome',
      'applied',
    );
    // The log in the terminal's byte-log view, following its end: the read-back after the restart.
    await expect(sp.getByTestId('bundle-log').locator('.entry.tx').last()).toContainText('AT+STMSG?');
    await expect(sp.getByTestId('bundle-log')).toContainText('SUPPORT-CASE');
    await expect(sp.getByTestId('bundle-secrets')).toContainText('Command password');
    // Read-only: nothing on the page writes to a device.
    await expect(sp.getByTestId('apply')).toHaveCount(0);
    expect(await seriousViolations(sp)).toEqual([]);
    // Its configuration becomes a profile only when asked, and without the password.
    await sp.getByTestId('bundle-to-profile').click();
    await expect(sp.getByTestId('bundle-profile-saved')).toContainText('Nothing was written to a device');
    await expect(sp.getByTestId('bundle-profile-saved')).toContainText('Support bundle IMEI');
  });

  await test.step('support: replayed on the manual’s firmware, every exchange matches', async () => {
    await sp.getByTestId('replay-load').click();
    await expect(sp.getByTestId('replay-loaded')).toBeVisible({ timeout: 15_000 });
    // One step: +++ and the host's a go together.
    await sp.getByTestId('replay-step').click();
    await expect(sp.getByTestId('replay-list').locator('li')).toHaveCount(2);
    await expect(sp.getByTestId('replay-detail')).toHaveAttribute('data-verdict', 'same');
    await sp.getByTestId('replay-run').click();
    const summary = sp.getByTestId('replay-summary');
    await expect(summary).toHaveAttribute('data-done', 'true', { timeout: 40_000 });
    await expect(summary).toHaveAttribute('data-differs', '0');
    await expect(sp.getByTestId('replay-list').locator('li[data-verdict="differs"]')).toHaveCount(0);
    await expect(sp.getByTestId('replay-list').locator('li')).not.toHaveCount(2);
    expect(await seriousViolations(sp)).toEqual([]);
    await sp.screenshot({ path: 'artifacts/screenshots/support-replay-1280.png', fullPage: true });
  });

  await test.step('support: with plus-ok firmware the answers with +OK are marked different', async () => {
    await showView(sp, 'simulator');
    await sp.getByTestId('firmware-plus-ok').check();
    await expect(sp.getByTestId('firmware-current')).toContainText('+OK');
    await showView(sp, 'support');
    await sp.getByTestId('bundle-open').setInputFiles(withheldPath);
    await sp.getByTestId('replay-load').click();
    await expect(sp.getByTestId('replay-loaded')).toContainText('plus-ok', { timeout: 15_000 });
    // Step by step: the entry (+++ → a → +ok) is the same on both firmwares; the first query, where the
    // module says +OK instead of OK, is where they part.
    await sp.getByTestId('replay-step').click();
    await expect(sp.getByTestId('replay-list').locator('li')).toHaveCount(2);
    await expect(sp.getByTestId('replay-list').locator('li[data-verdict="same"]')).toHaveCount(2);
    await sp.getByTestId('replay-step').click();
    await expect(sp.getByTestId('replay-list').locator('li')).toHaveCount(3);
    await expect(sp.getByTestId('replay-detail')).toHaveAttribute('data-verdict', 'differs');
    await expect(sp.getByTestId('replay-sent')).toHaveText('AT+VER?\\r');
    await expect(sp.getByTestId('replay-expected')).toContainText('\\r\\nOK\\r\\n');
    await expect(sp.getByTestId('replay-expected')).not.toContainText('+OK');
    await expect(sp.getByTestId('replay-actual')).toContainText('+OK');
    // Where the two answers part is marked: the simulator's + before OK.
    await expect(sp.getByTestId('replay-actual').getByTestId('replay-mark')).toHaveText('+OK\\r\\n');
    await sp
      .getByTestId('replay-detail')
      .screenshot({ path: 'artifacts/screenshots/support-replay-differs-1280.png' });
    // Previous goes back to what was replayed before.
    await sp.getByTestId('replay-previous').click();
    await expect(sp.getByTestId('replay-detail')).toHaveAttribute('data-verdict', 'same');
  });
  await support.close();
});
