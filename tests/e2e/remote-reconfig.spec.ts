import { expect, test, type Page } from '@playwright/test';
import { connectSimulator, openApp, seriousViolations, showView } from './ui-helpers';

/**
 * Remote reconfiguration through the real UI on the simulator (docs/remote.md): a saved profile becomes
 * SMS-AT payloads (masked until asked), sent one by one through the virtual phone, answered OK, AT+Z last,
 * and every setting read back by SMS after the restart; a profile with a setting too long for one SMS is
 * flagged there and goes through virtual server A as network AT instead.
 */
test.setTimeout(120_000);

const panel = (page: Page) => page.getByTestId('remote-reconfig');

async function importScript(page: Page, name: string, script: string): Promise<void> {
  await page.getByTestId('profile-import').setInputFiles({
    name: `${name}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(script),
  });
  await expect(page.getByTestId('import-report')).toContainText(`Imported “${name}”`);
}

async function openPanel(page: Page, profile: string): Promise<void> {
  const details = panel(page);
  if ((await details.getAttribute('open')) === null) await details.locator('summary').first().click();
  await details.getByTestId('remote-profile').selectOption({ label: profile });
}

test('a profile as SMS payloads through the virtual phone, verified; a too-long one by network AT', async ({
  page,
}) => {
  await openApp(page);
  await connectSimulator(page);
  await showView(page, 'profiles');

  await test.step('the SMS payloads: one command each, masked, AT+Z last, lengths against 160', async () => {
    await importScript(page, 'Field 7', 'AT+HEARTTM=77\r\nAT+HTPTO=25\r\n');
    await openPanel(page, 'Field 7');
    const rows = panel(page).getByTestId('sms-row');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText('••••••AT+HEARTTM=77');
    await expect(rows.nth(0)).not.toContainText('usr.cn');
    await expect(rows.nth(0).getByTestId('sms-length')).toContainText('19 / 160 (GSM 7-bit)');
    await expect(rows.nth(2)).toContainText('AT+Z');
    await panel(page).getByTestId('remote-reveal').check();
    await expect(rows.nth(0)).toContainText('usr.cnAT+HEARTTM=77');
    await expect(panel(page).getByTestId('network-row').nth(0)).toContainText('usr.cnAT+HEARTTM=77{CR}');
    await expect(panel(page).getByTestId('remote-warnings')).toHaveCount(0);
  });

  await test.step('sent through the virtual phone, each answered OK, read back after AT+Z', async () => {
    await panel(page).getByTestId('remote-send-sms').click();
    await expect(panel(page).getByTestId('remote-outcome')).toHaveAttribute('data-outcome', 'verified', {
      timeout: 60_000,
    });
    const results = panel(page).getByTestId('sms-row').getByTestId('payload-result');
    await expect(results).toHaveText(['answered OK', 'answered OK', 'answered OK']);
    const back = panel(page).getByTestId('readback-row');
    await expect(back).toHaveCount(2);
    await expect(back.nth(0)).toHaveAttribute('data-state', 'same');
    await expect(back.nth(0)).toContainText('77');
    await expect(back.nth(1)).toHaveAttribute('data-state', 'same');
    await expect(back.nth(1)).toContainText('25');
    await panel(page).getByTestId('remote-sms').scrollIntoViewIfNeeded();
    await panel(page).screenshot({ path: 'artifacts/screenshots/remote-sms-verified-1280.png' });
  });

  await test.step('too long for one SMS: flagged, SMS refused; sent through virtual server A', async () => {
    const head = `X-Site-Tag: ${'a'.repeat(150)}[0D][0A]`;
    await importScript(page, 'Long header', `AT+HTPHD=${head}\r\nAT+HEARTTM=78\r\n`);
    await openPanel(page, 'Long header');
    const sms = panel(page).getByTestId('sms-row');
    await expect(sms.nth(0)).toHaveAttribute('data-fits', 'yes');
    const long = panel(page).locator('[data-testid="sms-row"][data-fits="no"]');
    await expect(long).toHaveCount(1);
    await expect(long).toContainText('Too long for one SMS');
    await expect(panel(page).getByTestId('remote-send-sms')).toBeDisabled();
    await expect(panel(page).locator('[data-testid="network-row"][data-fits="no"]')).toHaveCount(0);

    await panel(page).getByTestId('remote-send-network').click();
    await expect(panel(page).getByTestId('remote-outcome')).toHaveAttribute('data-outcome', 'verified', {
      timeout: 30_000,
    });
    await expect(panel(page).getByTestId('network-row').getByTestId('payload-result')).toHaveText([
      'answered OK',
      'answered OK',
      'answered OK',
    ]);
    await expect(panel(page).locator('[data-testid="readback-row"][data-state="same"]')).toHaveCount(2);
  });

  await test.step('a UARTFL smaller than a line flags it; a new password and socket warn and ask first', async () => {
    await panel(page).getByTestId('remote-uartfl').fill('100');
    await expect(panel(page).locator('[data-testid="network-row"][data-fits="no"]')).toContainText(
      "longer than the module's UARTFL (100 bytes)",
    );
    await expect(panel(page).getByTestId('remote-send-network')).toBeDisabled();
    await importScript(page, 'Move', 'AT+CMDPW=n3w.pw\r\nAT+SOCKA=TCP,other.example,9000\r\n');
    await openPanel(page, 'Move');
    const warnings = panel(page).getByTestId('remote-warnings');
    await expect(warnings.locator('li[data-setting="CMDPW"]')).toContainText('only to the new password');
    await expect(warnings.locator('li[data-setting="SOCKA"]')).toContainText('other.example,9000');
    // Sending waits for the person to confirm they keep another way back.
    await panel(page).getByTestId('remote-uartfl').fill('1024');
    await expect(panel(page).getByTestId('remote-send-sms')).toBeDisabled();
    await warnings.getByTestId('remote-understood').check();
    await expect(panel(page).getByTestId('remote-send-sms')).toBeEnabled();
    await expect(panel(page).getByTestId('sms-row').nth(1)).toContainText('AT+CMDPW=••••••');
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await panel(page).screenshot({ path: 'artifacts/screenshots/remote-warnings-390.png' });
  });
});
