import { expect, test, type Page } from '@playwright/test';
import { buildBundle, bundleToJson } from '../../src/profile/bundle';
import { connectSimulator, openApp, seriousViolations, showView } from './ui-helpers';

/**
 * "Only what differs" against the module in the field, not the one last read over this app's cable
 * (docs/remote.md), through the real UI on the simulator: someone texted the module HTPTO=25 (the app does
 * not see that), and a profile differs from it only in HEARTTM. Reading the field
 * module through the virtual phone gives its real values, and "only what differs from the field module's
 * answers" sends exactly `AT+HEARTTM=77` and `AT+Z`, answered and verified.
 */
test.setTimeout(90_000);

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

/** A support bundle a customer made with the module on its cable (no passwords in it). */
function bundleOf(after: Record<string, string>): string {
  return bundleToJson(
    buildBundle({
      createdAt: new Date('2026-11-28T09:30:00Z'),
      app: { version: '0.1.0', browser: 'e2e' },
      transport: 'serial',
      identity: { version: 'V1.0.0', sn: 'SN1', imei: '860000000000001', iccid: '8986' },
      device: after,
      report: undefined,
      linkProof: undefined,
      traffic: [],
      dropped: { entries: 0, bytes: 0 },
      includeSecrets: false,
    }),
  );
}

test('the field module read through the virtual phone: only its one differing setting is sent', async ({
  page,
}) => {
  await openApp(page);
  await connectSimulator(page);

  await test.step('someone texted the field module a change earlier (this app did not see it)', async () => {
    // Stored at once, in force after the next restart; a query answers the stored value (module-behaviour.md).
    await showView(page, 'simulator');
    await page.getByLabel('SMS to the module').fill('usr.cnAT+HTPTO=25');
    await page.getByRole('button', { name: 'Send SMS' }).click();
    const bubbles = page.getByTestId('phone-sms').locator('li');
    await expect(bubbles.nth(1)).toContainText('OK', { timeout: 15_000 });
    await showView(page, 'profiles');
  });

  await importScript(page, 'Site', 'AT+HTPTO=25\r\nAT+HEARTTM=77\r\n');
  await openPanel(page, 'Site');
  const field = panel(page).getByTestId('remote-field-read');

  await test.step('before the field module is read, every setting of the profile is sent', async () => {
    await expect(panel(page).getByTestId('remote-only-field-diff')).toBeDisabled();
    await expect(panel(page).getByTestId('remote-baseline')).toHaveAttribute('data-baseline', 'all');
    await expect(panel(page).getByTestId('sms-row')).toHaveCount(3);
  });

  await test.step('pasted lines that are not answers are named by line; missing settings too', async () => {
    await field.locator('summary').click();
    const queries = field.getByTestId('field-query-sms').getByTestId('query-row');
    await expect(queries).toHaveText([/••••••AT\+HEARTTM\?/, /••••••AT\+HTPTO\?/]);
    await expect(queries.nth(0)).not.toContainText('usr.cn');
    await field.getByTestId('field-answers-text').fill('+HTPTO:25\r\nOK\r\nthanks, sent from the site\r\n');
    await field.getByTestId('field-read-pasted').click();
    const problems = field.getByTestId('field-problems');
    await expect(problems).toContainText('Line 3: “thanks, sent from the site” is not an answer');
    await expect(problems).toContainText('No answer for AT+HEARTTM');
    await expect(panel(page).getByTestId('remote-only-field-diff')).toBeDisabled();
  });

  await test.step('read through the virtual phone: the answers fill in, HEARTTM differs', async () => {
    await field.getByTestId('field-read-sms').click();
    await expect(field.getByTestId('field-answers-read')).toContainText(
      'answers for 2 settings (read through the virtual phone',
      { timeout: 30_000 },
    );
    await expect(field.getByTestId('field-problems')).toHaveCount(0);
    await expect(field.getByTestId('field-answers-text')).toHaveValue('');
    const rows = field.getByTestId('field-answer-row');
    await expect(rows.and(page.locator('[data-setting="HTPTO"]'))).toHaveAttribute('data-state', 'same');
    await expect(rows.and(page.locator('[data-setting="HEARTTM"]'))).toHaveAttribute('data-state', 'differs');
  });

  await test.step('a support bundle of the module as the baseline: the same one setting', async () => {
    await panel(page)
      .getByTestId('remote-bundle-file')
      .setInputFiles({
        name: 'profile.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"kind":"x"}'),
      });
    await expect(panel(page).getByTestId('remote-bundle-error')).toContainText(
      'This is not a support bundle',
    );
    await panel(page)
      .getByTestId('remote-bundle-file')
      .setInputFiles({
        name: 'support-bundle.json',
        mimeType: 'application/json',
        buffer: Buffer.from(bundleOf({ HTPTO: '25', HEARTTM: '30' })),
      });
    await expect(panel(page).getByTestId('remote-bundle-error')).toHaveCount(0);
    await panel(page).getByTestId('remote-only-bundle-diff').check();
    await expect(panel(page).getByTestId('remote-baseline')).toContainText(
      'Compared with the support bundle’s configuration (IMEI 860000000000001',
    );
    await expect(panel(page).getByTestId('sms-row')).toHaveText([/AT\+HEARTTM=77/, /AT\+Z/]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  await test.step('only what differs from the field module: AT+HEARTTM=77 then AT+Z, sent and verified', async () => {
    await panel(page).getByTestId('remote-only-field-diff').check();
    await expect(panel(page).getByTestId('remote-baseline')).toContainText(
      'Compared with the field module’s answers (read through the virtual phone',
    );
    await expect(panel(page).getByTestId('sms-row')).toHaveText([/••••••AT\+HEARTTM=77/, /••••••AT\+Z/]);
    await panel(page).getByTestId('remote-send-sms').click();
    await expect(panel(page).getByTestId('remote-outcome')).toHaveAttribute('data-outcome', 'verified', {
      timeout: 40_000,
    });
    await expect(panel(page).getByTestId('sms-row').getByTestId('payload-result')).toHaveText([
      'answered OK',
      'answered OK',
    ]);
    const back = panel(page).getByTestId('readback-row');
    await expect(back).toHaveCount(1);
    await expect(back).toHaveAttribute('data-setting', 'HEARTTM');
    await expect(back).toHaveAttribute('data-state', 'same');
    await field.scrollIntoViewIfNeeded();
    await panel(page).screenshot({ path: 'artifacts/screenshots/remote-field-diff-1280.png' });
  });
});
