import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openApp, showView, waitIdle } from '../e2e/ui-helpers';
import {
  clientSegment,
  parsePageLog,
  plusGaps,
  readDelays,
  strayServerData,
  summarise,
  summaryText,
  writeDelays,
} from './analysis';
import {
  AtClient,
  control,
  dtuStatus,
  readTraceFile,
  recordMeasurements,
  requireRealSerial,
  step,
  until,
} from './support';

const env = requireRealSerial();

/**
 * The field engineer's task through Chromium's real Web Serial stack: the granted port (no chooser),
 * automatic line settings, read all, change socket A, the heartbeat and the packing interval (UARTFT),
 * apply (AT+Z, re-entry timed from the new UARTFT, read-back), AT+VER in the terminal, disconnect. Then,
 * with the page closed, Node asks the module itself over the DTU's TCP port: the new values are held and
 * the module was back in working mode; and the TCP end's trace shows every `+++` guarded and no byte
 * from the app at socket A's server.
 */
test('configure through the real serial stack, then check the module from Node over TCP', async ({
  page,
}, testInfo) => {
  let pageLog = '';
  let timeOrigin = 0;

  await step(env, 'open the app: the granted pty is offered as USB serial without a chooser', async () => {
    await openApp(page);
    const serial = page.getByRole('radio', { name: 'USB serial (Web Serial)' });
    await expect(serial).toBeEnabled();
    await expect(serial).toBeChecked(); // a granted port → USB serial preselected (connect view)
    const ports = await page.evaluate(async () => {
      const serial = (navigator as unknown as { serial: { getPorts(): Promise<unknown[]> } }).serial;
      return (await serial.getPorts()).length;
    });
    expect(ports).toBe(1);
    timeOrigin = await page.evaluate(() => performance.timeOrigin);
  });

  await step(env, 'connect with "Detect automatically"', async () => {
    await page.getByRole('radio', { name: 'USB serial (Web Serial)' }).check();
    await expect(page.getByRole('checkbox', { name: 'Detect automatically' })).toBeChecked();
    await page.locator('dtu-connect-view form button[type=submit]').click();
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'command', {
      timeout: 30_000,
    });
    await expect(page.getByTestId('connected')).toContainText('USB serial (Web Serial) at 115200 8N1');
    expect((await dtuStatus(env)).mode).toBe('command');
  });

  await step(env, 'read every setting', async () => {
    await showView(page, 'settings');
    await expect(page.getByTestId('settings-source')).toContainText('Values read from the device', {
      timeout: 60_000,
    });
    await waitIdle(page);
    await expect(page.locator('fieldset[data-setting="SOCKA"] input').first()).toHaveValue('test.usr.cn');
    await expect(page.locator('fieldset[data-setting="HEARTTM"] input')).toHaveValue('30');
    await expect(page.locator('fieldset[data-setting="UARTFT"] input')).toHaveValue('50');
  });

  await step(env, 'change socket A, the heartbeat and the packing interval', async () => {
    const socketA = page.locator('fieldset[data-setting="SOCKA"]');
    await socketA.getByLabel('Server address').fill('demo.usr.cn');
    await socketA.getByLabel('Port').fill('2318');
    await page.locator('fieldset[data-setting="HEARTTM"] input').fill('45');
    await page.locator('fieldset[data-setting="UARTFT"] input').fill('200');
    await page.getByTestId('review-changes').click();
    const list = page.getByTestId('command-list');
    await expect(list).toContainText('AT+Z');
    // The preview lists the commands in the order the session sends them; the order that actually reached
    // the module is checked at the TCP end below.
    const shown = (await list.innerText()).trim().split('\n');
    expect(shown).toEqual(['AT+SOCKA=TCP,demo.usr.cn,2318', 'AT+HEARTTM=45', 'AT+UARTFT=200', 'AT+Z']);
    // A new packing interval changes how the module is reached: flagged, and confirmed before Apply.
    const risky = page.getByTestId('risky-changes');
    await expect(risky.locator('li[data-risk="uartft"]')).toContainText('50 → 200 ms');
    await expect(page.getByTestId('apply')).toBeDisabled();
    await page.getByTestId('risk-confirm').check();
  });

  await step(env, 'apply: write, AT+Z, re-entry with the new UARTFT, read-back', async () => {
    await page.getByTestId('apply').click();
    const report = page.getByTestId('apply-report');
    await expect(report).toBeVisible({ timeout: 90_000 });
    for (const name of ['SOCKA', 'HEARTTM', 'UARTFT']) {
      await expect(report.locator(`tr[data-setting="${name}"]`)).toHaveAttribute('data-outcome', 'applied');
    }
    await waitIdle(page);
    const s = await dtuStatus(env);
    expect(s.running['UARTFT']).toBe('200');
    expect(s.running['SOCKA']).toBe('TCP,demo.usr.cn,2318');
  });

  await step(env, 'terminal: AT+VER', async () => {
    await showView(page, 'terminal');
    const input = page.getByLabel('Command', { exact: true });
    await input.fill('AT+VER');
    await input.press('Enter');
    await expect(page.getByTestId('terminal-log')).toContainText('+VER:');
    await waitIdle(page);
    // Every byte as it crossed the line (nothing withheld), to compare with the TCP end.
    await page.getByTestId('export-log-secrets').check();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-log').click();
    const path = await (await download).path();
    pageLog = readFileSync(path, 'utf8');
  });

  await step(env, 'disconnect, close the page', async () => {
    await page.locator('.statusbar button').click(); // Disconnect
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'disconnected');
    await until('the module back in working mode', async () =>
      (await dtuStatus(env)).mode === 'net' ? true : undefined,
    );
    await page.close();
  });

  const appTrace = clientSegment(readTraceFile(env), 0);

  await step(env, 'Node over TCP: the module holds the new values and was in working mode', async () => {
    // The pty's socat holds the TCP line: pull it (the page is closed), then take the line from Node.
    expect((await control(env, { cmd: 'drop-client' }))['dropped']).toBe(true);
    await until('the line to be free', async () => ((await dtuStatus(env)).connected ? undefined : true));
    const at = await AtClient.tcp(env.tcp.host, env.tcp.port);
    try {
      // Guarded +++ with real time: `a` proves the module was in a working mode.
      expect(await at.enter(200)).toMatch(/^a$/);
      expect(await at.query('SOCKA')).toBe('TCP,demo.usr.cn,2318');
      expect(await at.query('HEARTTM')).toBe('45');
      expect(await at.query('UARTFT')).toBe('200');
      expect(await at.query('WKMOD')).toBe('NET');
      expect(await at.command('AT+ENTM')).toMatch(/OK/);
      await until('working mode after AT+ENTM', async () =>
        (await dtuStatus(env)).mode === 'net' ? true : undefined,
      );
    } catch (e) {
      throw new Error(`${e instanceof Error ? e.message : String(e)}\nNode AT client:\n${at.log.join('\n')}`);
    } finally {
      at.close();
    }
  });

  await step(env, 'the TCP end: every +++ guarded, nothing from the app at the servers', async () => {
    const { gaps, split } = plusGaps(appTrace);
    expect(split, 'a +++ glued to other bytes or split over chunks').toEqual([]);
    expect(gaps.length, 'the app sent +++ (connect, re-entry after AT+Z, disconnect)').toBeGreaterThan(0);
    for (const g of gaps) {
      expect(g.gap, `+++ at ${g.t}: gap ${g.gap.toFixed(1)} ms, UARTFT ${g.uartft}`).toBeGreaterThan(
        g.uartft,
      );
    }
    expect(strayServerData(readTraceFile(env))).toEqual([]);
    // The writes as they reached the module: only the changes, UARTFT after the others, then AT+Z.
    const sets = appTrace
      .filter((e) => e.dir === 'in')
      .map((e) => Buffer.from(e.hex, 'hex').toString('latin1'))
      .filter((text) => /^AT\+[A-Z]+=|^AT\+Z\r/.test(text));
    expect(sets).toEqual(['AT+SOCKA=TCP,demo.usr.cn,2318\r', 'AT+HEARTTM=45\r', 'AT+UARTFT=200\r', 'AT+Z\r']);
    const page = parsePageLog(pageLog);
    const writes = writeDelays(page, timeOrigin, appTrace);
    const reads = readDelays(page, timeOrigin, appTrace);
    expect(writes, 'the page log found in the TCP trace').toBeDefined();
    recordMeasurements(env, testInfo, {
      plusGaps: gaps
        .map(
          (g) => `${Number.isFinite(g.gap) ? g.gap.toFixed(1) : 'first'} ms (UARTFT ${g.uartft}, ${g.mode})`,
        )
        .join('; '),
      writeDelayIdle: summaryText(summarise((writes ?? []).map((d) => d.delay))),
      readDelayIdle: summaryText(summarise((reads ?? []).map((d) => d.delay))),
      gaps,
      writes,
    });
  });
});
