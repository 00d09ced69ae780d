import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { BOOT_TIMEOUT, openApp, seriousViolations } from './ui-helpers';

test.setTimeout(180_000);

const card = (page: Page, name: string) =>
  page.locator('dtu-profile-card').filter({ has: page.locator('h3', { hasText: new RegExp(`^${name}$`) }) });

/** Ticks a setting in the editor, opening its section first. */
async function include(page: Page, setting: string): Promise<void> {
  const box = page.locator(`div.setting[data-setting="${setting}"] input[type=checkbox]`);
  if (!(await box.isVisible())) {
    await page.locator('dtu-profile-editor details').filter({ has: box }).locator('summary').click();
  }
  await box.check();
}

/** New profile → name, notes, socket A and the heartbeat interval → Save. */
async function createProfile(page: Page, name: string, notes: string): Promise<void> {
  await page.getByTestId('profile-new').click();
  await page.getByTestId('profile-name').fill(name);
  await page.getByTestId('profile-notes').fill(notes);
  await include(page, 'SOCKA');
  await page.locator('fieldset[data-setting="SOCKA"]').getByLabel('Server address').fill('demo.usr.cn');
  await include(page, 'HEARTTM');
  await page.locator('fieldset[data-setting="HEARTTM"] input').fill('45');
  await page.getByTestId('profile-save').click();
  await expect(card(page, name)).toBeVisible();
}

/**
 * Offline work without a device: create a profile in the validated editor, find it again after a reload,
 * rename, duplicate, delete with undo, restore from the trash, export and import files. axe finds no
 * serious or critical violation in the list or the editor, and the view works at 360 px.
 */
test('create, reload, rename, duplicate, delete with undo, trash, export and import', async ({ page }) => {
  await openApp(page, '#profiles');
  await expect(page.getByRole('heading', { level: 2, name: 'Profiles' })).toBeVisible();
  await expect(page.getByTestId('profiles-empty')).toBeVisible();

  await test.step('the editor refuses invalid values and a missing name, saying which', async () => {
    await page.getByTestId('profile-new').click();
    await include(page, 'HEARTTM');
    await page.locator('fieldset[data-setting="HEARTTM"] input').fill('0');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('profile-save').click();
    const problems = page.getByTestId('editor-problems');
    await expect(problems).toContainText('AT+HEARTTM');
    await expect(problems).toContainText('1 to 6000');
    await expect(problems).toContainText('name');
    await page.getByRole('button', { name: 'Back to the list' }).click();
  });

  await test.step('save a profile and find it after a reload', async () => {
    await createProfile(page, 'Pump station 7', 'Meter on COM at 9600 8E1.\nCall operations first.');
    await expect(page.getByTestId('profiles-status')).toContainText('Saved “Pump station 7”');
    await page.reload();
    const saved = card(page, 'Pump station 7');
    await expect(saved).toBeVisible();
    await expect(saved.getByTestId('profile-card-notes')).toHaveText(
      'Meter on COM at 9600 8E1.\nCall operations first.',
    );
    await expect(saved).toContainText('2 settings');
  });

  await test.step('edit it: the saved values come back in the editor', async () => {
    await card(page, 'Pump station 7').locator('button[data-action="edit"]').click();
    await expect(page.locator('fieldset[data-setting="SOCKA"]').getByLabel('Server address')).toHaveValue(
      'demo.usr.cn',
    );
    await page.locator('fieldset[data-setting="HEARTTM"] input').fill('60');
    await page.getByTestId('profile-save').click();
    await card(page, 'Pump station 7').locator('button[data-action="compare"]').click();
    await expect(page.getByTestId('compare-with')).toBeVisible();
    await page.getByRole('button', { name: 'Back to the list' }).click();
  });

  await test.step('rename and duplicate', async () => {
    await card(page, 'Pump station 7').locator('button[data-action="rename"]').click();
    await page.getByTestId('rename-input').fill('Pump station 7B');
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect(card(page, 'Pump station 7B')).toBeVisible();
    await card(page, 'Pump station 7B').locator('button[data-action="duplicate"]').click();
    await expect(card(page, 'Pump station 7B \\(copy\\)')).toBeVisible();
  });

  await test.step('compare two profiles', async () => {
    await card(page, 'Pump station 7B \\(copy\\)').locator('button[data-action="edit"]').click();
    await page.locator('fieldset[data-setting="HEARTTM"] input').fill('90');
    await page.getByTestId('profile-save').click();
    await card(page, 'Pump station 7B').locator('button[data-action="compare"]').click();
    const select = page.getByTestId('compare-with');
    await select.selectOption({ label: 'Profile “Pump station 7B (copy)”' });
    const table = page.getByTestId('compare-table');
    await expect(table.locator('tr[data-setting="HEARTTM"]')).toContainText('60');
    await expect(table.locator('tr[data-setting="HEARTTM"]')).toContainText('90');
    await expect(table.locator('tbody tr')).toHaveCount(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Back to the list' }).click();
  });

  await test.step('delete with undo, then from the trash', async () => {
    await card(page, 'Pump station 7B').locator('button[data-action="delete"]').click();
    await expect(card(page, 'Pump station 7B')).toHaveCount(0);
    await expect(page.getByTestId('profile-toast')).toContainText('moved to the trash');
    await page.getByTestId('toast-action').click();
    await expect(card(page, 'Pump station 7B')).toBeVisible();
    await expect(page.getByTestId('profile-toast')).toContainText('is back');

    await card(page, 'Pump station 7B').locator('button[data-action="delete"]').click();
    await expect(card(page, 'Pump station 7B')).toHaveCount(0);
    await page.reload();
    await expect(card(page, 'Pump station 7B \\(copy\\)')).toBeVisible();
    await expect(card(page, 'Pump station 7B')).toHaveCount(0);
    const trash = page.getByTestId('profile-trash');
    await trash.locator('summary').click();
    await expect(trash.getByTestId('trash-item')).toHaveCount(1);
    await trash.getByTestId('trash-restore').click();
    await expect(card(page, 'Pump station 7B')).toBeVisible();
  });

  await test.step('export one profile as JSON and as an AT script, and all profiles', async () => {
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      card(page, 'Pump station 7B').locator('button[data-action="export-json"]').click(),
    ]);
    expect(json.suggestedFilename()).toBe('usr-7s4-Pump station 7B.json');
    const file = JSON.parse(readFileSync(await json.path(), 'utf8')) as {
      format: string;
      profiles: { name: string }[];
    };
    expect(file.format).toBe('usr-7s4-profiles');
    expect(file.profiles.map((p) => p.name)).toEqual(['Pump station 7B']);

    const [script] = await Promise.all([
      page.waitForEvent('download'),
      card(page, 'Pump station 7B').locator('button[data-action="export-script"]').click(),
    ]);
    const text = readFileSync(await script.path(), 'utf8');
    expect(text).toContain('AT+SOCKA=TCP,demo.usr.cn,2317\r\n');
    expect(text).toContain('# name: "Pump station 7B"');

    const [all] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('profile-export-all').click(),
    ]);
    const everything = JSON.parse(readFileSync(await all.path(), 'utf8')) as { profiles: unknown[] };
    expect(everything.profiles).toHaveLength(2);
  });

  await test.step('import: good profiles are saved, bad ones named with the reason', async () => {
    const good = {
      formatVersion: 1,
      name: 'Imported A',
      notes: '',
      values: { WKMOD: 'NET' },
      created: 1,
      updated: 2,
    };
    const bad = { ...good, name: 'Broken B', values: { SOCKA: 'TCP,http://x.cn,2317' } };
    await page.getByTestId('profile-import').setInputFiles({
      name: 'two.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'usr-7s4-profiles', version: 1, profiles: [good, bad] })),
    });
    const report = page.getByTestId('import-report');
    await expect(report).toContainText('Imported “Imported A”');
    await expect(report.getByTestId('import-problems')).toContainText('Profile 2 "Broken B"');
    await expect(report.getByTestId('import-problems')).toContainText('AT+SOCKA');
    await expect(card(page, 'Imported A')).toBeVisible();

    await page.getByTestId('profile-import').setInputFiles({
      name: 'photo.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello": "world"}'),
    });
    await expect(page.getByTestId('import-problems')).toContainText('not a profile file');

    await page.getByTestId('profile-import').setInputFiles({
      name: 'Site 4.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('AT+WKMOD=HTTPD\r\nAT+FOO=1\r\n'),
    });
    await expect(page.getByTestId('import-report')).toContainText('Imported “Site 4”');
    await expect(page.getByTestId('import-problems')).toContainText('Line 2');
  });

  await test.step('axe and a phone-width layout', async () => {
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await page.getByTestId('profile-new').click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

/**
 * With the simulator: save the device's configuration as a profile, compare another profile with the
 * device (only the settings it holds), and see the exact commands an apply would send.
 */
test('save the device configuration as a profile and compare a profile with the device', async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page, '#profiles');
  await page.getByTestId('profile-connect-simulator').click();
  await page.getByTestId('profile-read-device').click({ timeout: BOOT_TIMEOUT });
  await expect(page.getByTestId('profile-device-read')).toBeVisible({ timeout: 60_000 });

  await page.getByTestId('profile-from-device').click();
  await expect(page.getByTestId('profile-name')).toHaveValue(/^Device \d{15} \d{4}-\d{2}-\d{2}$/);
  // Only what differs from the factory defaults (nothing, as shipped); the choice to keep every setting.
  await expect(page.getByTestId('included-count')).toContainText('0 of 47');
  await page.getByTestId('include-all-device').click();
  await expect(page.getByTestId('included-count')).toContainText('47 of 47');
  await page.getByTestId('profile-name').fill('Simulator as shipped');
  await page.getByTestId('profile-save').click();
  const saved = card(page, 'Simulator as shipped');
  await expect(saved).toContainText('47 settings');
  await expect(saved).toContainText(/Read from device \d{15}/);

  await saved.locator('button[data-action="compare"]').click();
  await expect(page.getByTestId('compare-same')).toBeVisible();
  await page.getByRole('button', { name: 'Back to the list' }).click();

  await createProfile(page, 'Demo server', '');
  await card(page, 'Demo server').locator('button[data-action="compare"]').click();
  const table = page.getByTestId('compare-table');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(table.locator('tr[data-setting="SOCKA"]')).toContainText('TCP,test.usr.cn,2317');
  await page.getByRole('button', { name: 'Back to the list' }).click();

  await card(page, 'Demo server').locator('button[data-action="apply"]').click();
  await expect(page.getByTestId('profile-apply-commands')).toHaveText(
    ['AT+SOCKA=TCP,demo.usr.cn,2317', 'AT+HEARTTM=45', 'AT+Z'].join('\n'),
  );
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(card(page, 'Demo server')).toBeVisible();
});

/**
 * Another tab opens a newer version of the saved data: this tab closes its connection at once (so the
 * other one's upgrade is not held up), asks the person to reload, and a later read says why it fails.
 */
test('a newer version of the saved data in another tab is shown, with Reload', async ({ page, context }) => {
  await openApp(page, '#profiles');
  await createProfile(page, 'Kept safe', '');
  const other = await context.newPage();
  await other.goto('/icon.svg');
  await other.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('usr-7s4-configurator', 99);
        open.onsuccess = () => {
          open.result.close();
          resolve();
        };
        open.onerror = () => reject(new Error(String(open.error)));
      }),
  );
  const notice = page.getByTestId('storage-notice');
  await expect(notice).toHaveAttribute('data-kind', 'versionchange');
  await expect(notice).toContainText('newer version of the app');
  await expect(notice.getByRole('button', { name: 'Reload' })).toBeVisible();

  await card(page, 'Kept safe').locator('button[data-action="duplicate"]').click();
  await expect(page.getByTestId('profiles-error')).toContainText(
    'newer version of the app is open in another tab',
  );
  expect(await seriousViolations(page)).toEqual([]);
});

/** A damaged record is shown with its problems and can be downloaded as stored; it is never dropped. */
test('damaged saved records are shown as a warning and can be downloaded as stored', async ({ page }) => {
  await openApp(page, '#profiles');
  await createProfile(page, 'Good one', '');
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('usr-7s4-configurator');
        open.onsuccess = () => {
          const tx = open.result.transaction('profiles', 'readwrite');
          tx.objectStore('profiles').put({
            id: 'broken-1',
            profile: { formatVersion: 1, name: 42, values: { FOO: '1' } },
          });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      }),
  );
  await page.reload();
  const corrupt = page.getByTestId('corrupt-records');
  await expect(corrupt).toContainText('Saved records that cannot be read as profiles: 1.');
  await expect(corrupt.locator('li[data-id="broken-1"]')).toContainText('AT+FOO');
  await expect(card(page, 'Good one')).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    corrupt.getByRole('button', { name: 'Download as stored' }).click(),
  ]);
  const raw = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
    id: string;
    profile: { name: unknown };
  };
  expect(raw).toMatchObject({ id: 'broken-1', profile: { name: 42 } });
  expect(await seriousViolations(page)).toEqual([]);
});
