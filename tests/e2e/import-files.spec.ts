/**
 * Files and links from the real world, through the real UI in Chromium: a profile file with good and bad
 * profiles mixed is imported — the good ones appear in the list, each bad one is named (hidden characters
 * made visible) with its reason — a terminal log starting with a bracketed timestamp is read as a log, and
 * a share link whose fragment a chat app percent-encoded opens, and a huge paste into a setting is cut with
 * a message instead of breaking the page. An import worker that cannot start is an "unexpected problem" with
 * its detail, and nothing is imported.
 */
import { expect, test, type Page } from '@playwright/test';
import { encodeShareLink } from '../../src/profile/share-link';
import { smallProfile } from '../profile/fixtures';
import { openApp, seriousViolations } from './ui-helpers';

test.setTimeout(60_000);

const card = (page: Page, name: string) =>
  page.locator('dtu-profile-card').filter({ has: page.locator('h3').getByText(name, { exact: true }) });

test('a mixed file: the good profiles are imported, each left-out one is named with its reason', async ({
  page,
}) => {
  await openApp(page, '#profiles');
  const good = ['Pump 1', 'Pump 2', 'Pump 3'].map((name) => smallProfile(name));
  const file = {
    format: 'usr-7s4-profiles',
    version: 1,
    profiles: [
      good[0],
      { ...smallProfile('Long value'), values: { STMSG: 'x'.repeat(300_000) } },
      good[1],
      smallProfile('abc\u202Etxt.exe'),
      { ...smallProfile('Typed'), created: '2026-03-14' },
      good[2],
    ],
  };
  await page.getByTestId('profile-import').setInputFiles({
    name: 'mixed.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  const report = page.getByTestId('import-report');
  await expect(report.getByTestId('import-saved')).toHaveText('Imported 3 profiles.');
  for (const name of ['Pump 1', 'Pump 2', 'Pump 3']) await expect(card(page, name)).toBeVisible();

  const leftOut = report.getByTestId('import-left-out');
  await expect(leftOut).toHaveCount(3);
  await expect(leftOut.nth(0)).toContainText('Profile 2 "Long value"');
  await expect(leftOut.nth(0)).toContainText('too long: 300000 characters');
  await expect(leftOut.nth(1)).toContainText('Profile 4 "abc[U+202E]txt.exe"');
  await expect(leftOut.nth(1)).toContainText('text-direction override');
  await expect(leftOut.nth(2)).toContainText('Profile 5 "Typed"');
  await expect(leftOut.nth(2)).toContainText('must be a time in milliseconds');
  await expect(report).not.toContainText(/TypeError|RangeError|call stack|Cannot convert/);
  await expect(page.getByTestId('unexpected-problem')).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    report.getByTestId('import-download-report').click(),
  ]);
  expect(download.suggestedFilename()).toBe('usr-7s4-import-report-mixed.txt');

  await page.getByTestId('profile-import').setInputFiles({
    name: 'session.log',
    mimeType: 'text/plain',
    buffer: Buffer.from(
      '[10:41:07.123] AT+VER\r\n[10:41:07.200] +VER:V1.0.5\r\n[10:41:08.000] AT+HEARTTM=45\r\n[10:41:08.050] OK\r\n',
    ),
  });
  await expect(page.getByTestId('import-saved')).toHaveText('Imported “session”.');
  await expect(page.getByTestId('import-kind')).toContainText('as a terminal log');
  await expect(card(page, 'session')).toBeVisible();
});

test('an import worker that cannot start is an unexpected problem, and nothing is imported', async ({
  page,
}) => {
  // As a blocked or missing script would be (a broken deployment, a CSP without worker-src).
  await page.route(/import-worker[^/]*\.js/, (route) => route.abort());
  await openApp(page, '#profiles');
  await page.getByTestId('profile-import').setInputFiles({
    name: 'hb.at',
    mimeType: 'text/plain',
    buffer: Buffer.from('AT+HEARTTM=45\r\n'),
  });
  const problem = page.getByTestId('unexpected-problem');
  await expect(problem).toContainText('Something went wrong inside the app');
  // The detail, in the collapsed box for a bug report, names what failed.
  await expect(problem.locator('textarea')).toHaveValue(
    /ImportWorkerError: The import worker could not start/,
  );
  await expect(page.getByTestId('import-saved')).toHaveCount(0);
  await expect(page.locator('dtu-profile-card')).toHaveCount(0);
  await expect(page.getByTestId('profile-import')).toBeEnabled();
});

test('a share link whose fragment a chat app percent-encoded opens the profile', async ({ page }) => {
  const link = await encodeShareLink(smallProfile('From chat'));
  await openApp(page, `#${link.fragment.replace('p=1.', 'p%3D1.')}`);
  await expect(page.getByTestId('link-name')).toHaveText('From chat');
});

test('pasting 300 000 characters into the start-up message cuts the paste and says why', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openApp(page, '#settings');
  const field = page.locator('fieldset[data-setting="STMSG"]');
  await field.getByLabel(/escaped/).fill('x'.repeat(300_000));
  await expect(field).toContainText('The pasted text had 300000 characters; only the first 4096 were kept');
  await expect(field).toContainText('must be 1 to 20 characters (got 4096)');
  expect(errors).toEqual([]);
});
