import { expect, test, type Browser, type Page } from '@playwright/test';
import { BOOT_TIMEOUT, openApp, seriousViolations } from './ui-helpers';

test.setTimeout(180_000);

const card = (page: Page, name: string) =>
  page.locator('dtu-profile-card').filter({ has: page.locator('h3').getByText(name, { exact: true }) });

async function include(page: Page, setting: string): Promise<void> {
  const box = page.locator(`div.setting[data-setting="${setting}"] input[type=checkbox]`);
  if (!(await box.isVisible())) {
    await page.locator('dtu-profile-editor details').filter({ has: box }).locator('summary').click();
  }
  await box.check();
}

/** Creates a profile with socket A, the heartbeat interval and, when `apnPassword`, an APN with a password. */
async function createProfile(page: Page, name: string, notes: string, apnPassword?: string): Promise<void> {
  await page.getByTestId('profile-new').click();
  await page.getByTestId('profile-name').fill(name);
  await page.getByTestId('profile-notes').fill(notes);
  await include(page, 'SOCKA');
  await page.locator('fieldset[data-setting="SOCKA"]').getByLabel('Server address').fill('demo.usr.cn');
  await include(page, 'HEARTTM');
  await page.locator('fieldset[data-setting="HEARTTM"] input').fill('45');
  if (apnPassword) {
    await include(page, 'APN');
    const apn = page.locator('fieldset[data-setting="APN"]');
    await apn.getByLabel(/^APN name —/).fill('CMIOT');
    await apn.getByLabel(/^APN user name —/).fill('iotuser');
    await apn
      .getByLabel(/^APN password/)
      .first()
      .fill(apnPassword);
  }
  await page.getByTestId('profile-save').click();
  await expect(card(page, name)).toBeVisible();
}

/** Opens the share dialog of `name` and returns the link it shows. */
async function shareLink(page: Page, name: string): Promise<string> {
  await card(page, name).locator('button[data-action="share"]').click();
  const link = page.getByTestId('share-link');
  await expect(link).toHaveValue(/#p=1\./);
  return link.inputValue();
}

/** A fresh browser context (no saved profiles), opened at `url`. */
async function fresh(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => localStorage.setItem('dtu.language', 'en'));
  await page.goto(url);
  return page;
}

test('share a profile as a link with a QR code, open it elsewhere, preview and save it', async ({
  page,
  browser,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page, '#profiles');
  await createProfile(
    page,
    'Pump station 7',
    'Meter on COM at 9600 8E1.\nCall operations first.',
    's3cretPw',
  );

  const url = await shareLink(page, 'Pump station 7');
  await test.step('the dialog: link, copy, QR code, passwords left out unless ticked', async () => {
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect(page.getByTestId('share-withheld')).toContainText('APN');
    expect(url).not.toContain('s3cretPw');
    await expect(page.getByTestId('share-qr')).toHaveAttribute('src', /^data:image\/svg\+xml/);
    await page.getByTestId('share-copy').click();
    await expect(page.getByTestId('share-copy-status')).toHaveText('Link copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('share-include-secrets').check();
    await expect(page.getByTestId('share-secrets-warning')).toContainText('APN');
    await expect(page.getByTestId('share-link')).not.toHaveValue(url);
    const withSecrets = await page.getByTestId('share-link').inputValue();
    expect(withSecrets.length).toBeGreaterThan(url.length);
    await page.getByTestId('share-include-secrets').uncheck();
    await expect(page.getByTestId('share-link')).toHaveValue(url);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  await test.step('a fresh browser shows a read-only preview and saves it on request', async () => {
    const other = await fresh(browser, url);
    await expect(other.getByRole('heading', { level: 2, name: 'Profile from a link' })).toBeVisible();
    await expect(other.getByTestId('link-safe')).toContainText('Nothing from this link has been saved');
    await expect(other.getByTestId('link-name')).toHaveText('Pump station 7');
    await expect(other.getByTestId('link-notes')).toHaveText(
      'Meter on COM at 9600 8E1.\nCall operations first.',
    );
    const values = other.getByTestId('profile-values');
    await expect(values.locator('tr[data-setting="SOCKA"]')).toContainText('Socket A');
    await expect(values.locator('tr[data-setting="SOCKA"]')).toContainText('TCP,demo.usr.cn,2317');
    await expect(values.locator('tr[data-setting="APN"]')).toHaveCount(0);
    expect(await seriousViolations(other)).toEqual([]);

    await other.setViewportSize({ width: 360, height: 740 });
    expect(await other.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await other.getByTestId('link-save').click();
    await expect(other.getByTestId('link-saved')).toContainText('Saved as “Pump station 7”');
    await other.getByRole('link', { name: 'Open Profiles' }).click();
    const saved = card(other, 'Pump station 7');
    await expect(saved).toBeVisible();
    await expect(saved).toContainText('2 settings');
    await other.context().close();
  });
});

test('hostile links: markup stays text, damaged links say why, nothing runs', async ({ page, browser }) => {
  const hostile = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
  await openApp(page, '#profiles');
  await createProfile(page, hostile, '<b>bold</b> & <i>notes</i>');
  const url = await shareLink(page, hostile);

  await test.step('a name with <script> and <img onerror> shows as text and runs nothing', async () => {
    const other = await fresh(browser, url);
    const dialogs: string[] = [];
    other.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await expect(other.getByTestId('link-name')).toHaveText(hostile);
    await expect(other.getByTestId('link-notes')).toHaveText('<b>bold</b> & <i>notes</i>');
    await expect(other.locator('dtu-link-preview-view img')).toHaveCount(0);
    await expect(other.locator('dtu-link-preview-view script')).toHaveCount(0);
    await expect(other.locator('dtu-link-preview-view b')).toHaveCount(0);
    expect(await other.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await other.getByTestId('link-save').click();
    await other.getByRole('link', { name: 'Open Profiles' }).click();
    await expect(card(other, hostile)).toBeVisible();
    expect(await other.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await other.context().close();
  });

  await test.step('a changed character fails the checksum, with a clear message', async () => {
    const hash = url.indexOf('#p=1.') + 5;
    const i = hash + 12;
    const swapped = url[i] === 'A' ? 'B' : 'A';
    const damaged = `${url.slice(0, i)}${swapped}${url.slice(i + 1)}`;
    const other = await fresh(browser, damaged);
    const error = other.getByTestId('link-error');
    await expect(error).toHaveAttribute('data-code', 'checksum');
    await expect(error).toContainText('checksum does not match');
    await expect(other.getByTestId('link-save')).toHaveCount(0);
    expect(await seriousViolations(other)).toEqual([]);

    // The same tab, another bad link: the preview follows the address.
    await other.evaluate(() => (location.hash = '#p=2.AAAA'));
    await expect(other.getByTestId('link-error')).toHaveAttribute('data-code', 'version');
    await expect(other.getByTestId('link-error')).toContainText('newer version of the app');
    await other.evaluate(() => (location.hash = '#p=1.<script>'));
    await expect(other.getByTestId('link-error')).toHaveAttribute('data-code', 'bad-characters');
    await other.getByRole('button', { name: 'Close this link' }).click();
    await expect(other.getByRole('heading', { level: 2, name: 'Profiles' })).toBeVisible();
    await other.context().close();
  });
});

test('a link applied to the simulator goes through the same review: diff, commands, confirm, result', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await openApp(page, '#profiles');
  await createProfile(page, 'Demo server', 'Points socket A at the demo server.');
  const url = await shareLink(page, 'Demo server');

  const other = await fresh(browser, url);
  await expect(other.getByTestId('link-name')).toHaveText('Demo server');
  await other.getByTestId('link-apply').click();
  await other.getByTestId('profile-connect-simulator').click();
  await other.getByTestId('profile-read-device').click({ timeout: BOOT_TIMEOUT });
  const commands = other.getByTestId('profile-apply-commands');
  await expect(commands).toHaveText(['AT+SOCKA=TCP,demo.usr.cn,2317', 'AT+HEARTTM=45', 'AT+Z'].join('\n'), {
    timeout: 60_000,
  });
  const plan = other.getByTestId('profile-apply-plan');
  await expect(plan.locator('tr[data-setting="SOCKA"]')).toContainText('TCP,test.usr.cn,2317');
  expect(await seriousViolations(other)).toEqual([]);

  await other.getByTestId('profile-apply-confirm').click();
  const report = other.getByTestId('profile-apply-report');
  await expect(report).toContainText('All 2 settings were applied', { timeout: 90_000 });
  await expect(report.locator('tr[data-setting="SOCKA"]')).toHaveAttribute('data-outcome', 'applied');
  await expect(other.getByTestId('profile-apply-recorded')).toContainText('Recorded');
  await other.getByTestId('profile-apply-close').click();

  // Read back: the device now matches the link, so the preview's diff is empty.
  await expect(other.getByTestId('link-diff').getByTestId('compare-same')).toBeVisible();
  await other.context().close();
});
