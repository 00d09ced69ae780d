/**
 * The batch station through the real UI in Chromium, on the built-in simulator: a profile and a CSV of
 * nine rows keyed by IMEI (one row invalid), ten modules put on the cable one after another ("Next
 * module": each a virtual module with its own IMEI; the first module on the cable is not in the table).
 * Eight are provisioned, the invalid row's module and the unknown one are recorded with nothing applied,
 * and the results are exported as CSV and JSON. On the way: a pause (the module put on meanwhile is not
 * touched until Resume and "Check the module now"), a look at another view mid-run, and after a reload the run is still there (IndexedDB).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { virtualIdentity } from '../../src/ui/batch/logic/virtual-modules';
import { smallProfile } from '../profile/fixtures';
import { connectSimulator, openApp, seriousViolations, showView } from './ui-helpers';

test.setTimeout(150_000);

const ROWS = 9;
const INVALID_ROW = 5;
const PAUSED_AT = 7;
const AWAY_AT = 3;
const imei = (n: number): string => virtualIdentity(n).imei;

function table(): string {
  const lines = ['imei,REGDT,SOCKA.port'];
  for (let n = 1; n <= ROWS; n++)
    lines.push(`${imei(n)},${n === INVALID_ROW ? 'XYZ' : `00${String(n).padStart(2, '0')}`},${5000 + n}`);
  return `${lines.join('\r\n')}\r\n`;
}

async function text(download: Download): Promise<string> {
  return readFileSync(await download.path(), 'utf8');
}

async function exportFile(page: Page, name: string): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name }).click(),
  ]);
  return download;
}

test('the batch station provisions 10 simulated modules from a CSV, with one invalid row and one unknown module, and exports the results', async ({
  page,
}) => {
  const started = Date.now();
  await openApp(page, '#profiles');
  await page.getByTestId('profile-import').setInputFiles({
    name: 'site.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        format: 'usr-7s4-profiles',
        version: 1,
        profiles: [smallProfile('Site A', { REGEN: 'ON', REGTP: 'USER' })],
      }),
    ),
  });
  await expect(page.getByTestId('import-saved')).toHaveText('Imported “Site A”.');
  await connectSimulator(page);
  await showView(page, 'batch');

  // The table is checked against the catalogue before any module is touched.
  await page.getByTestId('batch-table-file').setInputFiles({
    name: 'units.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(table()),
  });
  const report = page.getByTestId('batch-table-report');
  await expect(report).toContainText('9 rows, 8 valid, matched by IMEI.');
  await expect(page.getByTestId('batch-invalid-rows')).toContainText(
    `Row ${INVALID_ROW} (line ${INVALID_ROW + 1}), column REGDT:`,
  );
  const start = page.getByRole('button', { name: 'Start', exact: true });
  await expect(start).toBeDisabled();
  await page.getByTestId('batch-skip-invalid').check();
  await start.click();

  const state = page.getByTestId('batch-state');
  const rows = page.getByTestId('batch-results').locator('tbody tr');
  // The module on the cable now is the simulator's own: not in the table.
  await expect(rows).toHaveCount(1, { timeout: 30_000 });
  await expect(rows.first()).toContainText('is not in the table: nothing applied');
  for (let n = 1; n <= ROWS; n++) {
    await expect(state).toHaveAttribute('data-state', 'waiting', { timeout: 30_000 });
    if (n === PAUSED_AT) {
      // Paused: the module put on now is not touched; after Resume the person asks for it.
      await page.getByRole('button', { name: 'Pause' }).click();
      await expect(state).toHaveAttribute('data-state', 'paused');
      await page.getByTestId('batch-next-module').click();
      await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'working', {
        timeout: 30_000,
      });
      await expect(rows).toHaveCount(n);
      await page.getByRole('button', { name: 'Resume' }).click();
      await page.getByRole('button', { name: 'Check the module now' }).click();
    } else await page.getByTestId('batch-next-module').click();
    if (n === AWAY_AT) {
      // The run outlives the view: look at another view while the module is provisioned, then come back.
      await showView(page, 'profiles');
      await showView(page, 'batch');
    }
    await expect(rows).toHaveCount(n + 1, { timeout: 30_000 });
    const row = page.locator(`[data-imei="${imei(n)}"]`);
    await expect(row).toHaveAttribute('data-outcome', n === INVALID_ROW ? 'skipped' : 'pass');
  }
  await expect(page.getByTestId('batch-progress')).toHaveText(
    '8 passed · 0 failed · 2 skipped · 0 rows left',
  );
  await expect(page.locator(`[data-imei="${imei(INVALID_ROW)}"]`)).toContainText(
    `Row ${INVALID_ROW} is invalid, nothing applied`,
  );
  expect(await seriousViolations(page)).toEqual([]);

  const csv = await text(await exportFile(page, 'Export CSV'));
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe('seq,time,imei,iccid,sn,firmware,row,result,reason,message,seconds,REGDT,SOCKA');
  expect(lines).toHaveLength(11);
  const line = (n: number) => lines.find((l) => l.includes(imei(n))) ?? '';
  expect(line(3)).toContain(`${virtualIdentity(3).iccid},${virtualIdentity(3).sn},`);
  expect(line(3)).toMatch(/,3,pass,,,[\d.]+,0003,"TCP,iot\.example\.com,5003"$/);
  expect(line(INVALID_ROW)).toContain(`,${INVALID_ROW},skipped,row-invalid,`);
  expect(lines[1]).toContain(',skipped,not-in-table,');

  const json = JSON.parse(await text(await exportFile(page, 'Export JSON'))) as {
    summary: Record<string, number>;
    records: { imei: string; result: string; values: Record<string, string> }[];
  };
  expect(json.summary).toEqual({ pass: 8, fail: 0, skipped: 2 });
  expect(json.records.find((r) => r.imei === imei(9))).toMatchObject({
    result: 'pass',
    values: { REGDT: '0009', SOCKA: 'TCP,iot.example.com,5009' },
  });

  // Kept in IndexedDB: after a reload the view shows the last run.
  await page.reload();
  await expect(
    page.getByRole('heading', { name: 'Results of the last run (Site A, units.csv)' }),
  ).toBeVisible();
  await expect(rows).toHaveCount(10);

  // The same table again continues that run: the module on the cable (the simulator keeps the last one
  // over the reload) was provisioned by it, so nothing is applied to it a second time.
  await connectSimulator(page);
  await showView(page, 'batch');
  await page.getByTestId('batch-table-file').setInputFiles({
    name: 'units.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(table()),
  });
  await expect(page.getByTestId('batch-continue')).toBeChecked();
  await page.getByTestId('batch-skip-invalid').check();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(rows).toHaveCount(11, { timeout: 30_000 });
  await expect(rows.first()).toHaveAttribute('data-imei', imei(ROWS));
  await expect(rows.first()).toContainText(`IMEI ${imei(ROWS)} was already provisioned at`);
  await expect(page.getByTestId('batch-progress')).toHaveText(
    '8 passed · 0 failed · 3 skipped · 0 rows left',
  );
  // The sequence goes on after the reload: the next module is the tenth, not the first again.
  await page.getByTestId('batch-next-module').click();
  await expect(rows).toHaveCount(12, { timeout: 30_000 });
  await expect(rows.first()).toHaveAttribute('data-imei', imei(ROWS + 1));
  await expect(rows.first()).toContainText('is not in the table: nothing applied');
  console.log(`batch station e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
