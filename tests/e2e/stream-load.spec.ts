/**
 * A module that streams, spams or lies must not freeze or fool the app (issue). Through the real UI on the
 * simulator in its worker:
 *
 * - a virtual server streams to the module for 60 s at the highest rate its UART runs (230400: AT+UART
 *   allows no more, manual table 2; 921600 is measured by `npm run bench` with a fake Web Serial device):
 *   clicks land fast, no long task comes from the stream, a terminal command (with its `+++` entry in the
 *   middle of the stream) works, the page's memory stays flat;
 * - a device that answers OK to everything, one that answers with another command's reply, and a loopback
 *   each end in "This does not behave like a USR-LTE-7S4" with its help.
 */
import { cpus, loadavg } from 'node:os';
import { expect, test, type Page } from '@playwright/test';
import { clickFor, heapAfterGc, installLatencyProbe, percentile, readProbe, resetProbe } from './stream-load';
import { BOOT_TIMEOUT, connectSimulator, openApp, showView, waitIdle } from './ui-helpers';

test.setTimeout(150_000);

const STREAM_SECONDS = 60;

/**
 * The goals (no long task over 50 ms from the stream, p95 click ≤ 100 ms) hold on a machine running this
 * test alone (bench: 0 long tasks in 60 s at 921600). When other processes keep the CPUs busy every task
 * stretches; then only gross freezes fail the test, and the numbers are annotated.
 */
function limits(): { readonly busy: boolean; readonly longTask: number; readonly p95: number } {
  const busy = (loadavg()[0] ?? 0) > cpus().length * 1.5;
  return busy ? { busy, longTask: 200, p95: 250 } : { busy, longTask: 50, p95: 100 };
}

async function sendLine(page: Page, line: string): Promise<void> {
  const input = page.getByLabel('Command', { exact: true });
  await input.fill(line);
  await input.press('Enter');
}

/** The text of the newest received entries in the terminal. */
async function lastReceived(page: Page, n = 3): Promise<string> {
  const rows = await page.getByTestId('terminal-log').locator('.entry.rx .text').allTextContents();
  return rows.slice(-n).join('');
}

async function connectAt(page: Page, baud: number): Promise<void> {
  await showView(page, 'connect');
  await page.getByRole('radio', { name: /Simulator|模拟器/ }).check();
  const auto = page.getByRole('checkbox', { name: /Detect automatically|自动检测/ });
  if (await auto.isChecked()) await auto.uncheck();
  await page.getByLabel(/Baud rate|波特率/).selectOption(String(baud));
  await page.locator('dtu-connect-view form button[type=submit]').click();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'command', {
    timeout: BOOT_TIMEOUT,
  });
}

test('60 s of a server streaming at 230400: clicks land, no long task, the terminal and +++ entry work, memory stays flat', async ({
  page,
}) => {
  await installLatencyProbe(page);
  await openApp(page);

  await test.step('the module runs at 230400, the highest rate of AT+UART', async () => {
    await connectSimulator(page);
    await showView(page, 'terminal');
    await sendLine(page, 'AT+UART=230400,8,1,NONE,NFC');
    await expect(page.getByTestId('terminal-log')).toContainText('AT+UART=230400,8,1,NONE,NFC');
    await waitIdle(page);
    await sendLine(page, 'AT+Z');
    await waitIdle(page, 30_000);
    await showView(page, 'simulator');
    await expect(page.getByTestId('sim-mode')).toHaveAttribute('data-mode', 'net', { timeout: 30_000 });
    await page.locator('.statusbar button').click(); // Disconnect
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'disconnected');
    await connectAt(page, 230400);
    await expect(page.getByTestId('connected')).toContainText('230400 8N1');
  });

  await test.step('back to the working mode; server A streams 23 040 bytes/s (the line rate)', async () => {
    await showView(page, 'terminal');
    await sendLine(page, 'AT+ENTM');
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'working');
    await showView(page, 'simulator');
    await page.getByTestId('stream-preset-230400').click();
    await expect(page.getByTestId('stream-rate')).toHaveValue('23040');
    await page.getByTestId('stream-start').click();
    await expect(page.getByTestId('stream-status')).toHaveAttribute('data-streaming', 'yes');
    await expect(page.getByTestId('serial-log')).toContainText(/#\d{7} ABCDEF/);
    await showView(page, 'terminal');
    await expect.poll(() => lastReceived(page), { timeout: 10_000 }).toMatch(/#\d{7} ABCDEF/);
  });

  const heapStart = await heapAfterGc(page);

  await test.step('a quiet stretch of streaming: no long task at all', async () => {
    await resetProbe(page);
    await page.waitForTimeout(5000);
    const quiet = await readProbe(page);
    const limit = limits();
    test
      .info()
      .annotations.push({ type: 'load average', description: `${loadavg()[0] ?? 0} (busy: ${limit.busy})` });
    test.info().annotations.push({
      type: 'long tasks while only streaming (ms)',
      description: String(quiet.allLongTasks),
    });
    expect(quiet.allLongTasks.filter((d) => d > limit.longTask)).toEqual([]);
  });

  let roundTrip = 0;
  await test.step(`${STREAM_SECONDS} s of clicks between views and the text/hex switch, a command in the middle`, async () => {
    await resetProbe(page);
    const targets = [
      page.getByRole('radio', { name: 'Hex' }),
      page.getByRole('radio', { name: 'Text' }),
      page.locator('nav a[data-view="simulator"]'),
      page.locator('nav a[data-view="terminal"]'),
    ];
    await clickFor(page, targets, STREAM_SECONDS * 1000, 400, async (round) => {
      // Just after "Text" on the terminal, a third of the way in: AT+VER enters command mode by the guarded
      // +++ while the data flows, then AT+ENTM goes back and the stream reaches the serial side again.
      if (round !== 41) return;
      const t0 = Date.now();
      await sendLine(page, 'AT+VER');
      await expect(
        page
          .getByTestId('terminal-log')
          .locator('.entry.rx')
          .filter({ hasText: /\+VER:V/ }),
      ).not.toHaveCount(0, {
        timeout: 15_000,
      });
      roundTrip = Date.now() - t0;
      await expect(page.getByTestId('terminal-error')).toHaveCount(0);
      await sendLine(page, 'AT+ENTM');
      await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'working');
    });
    const r = await readProbe(page);
    const p95 = percentile(r.clicks, 95);
    test
      .info()
      .annotations.push(
        { type: 'clicks', description: String(r.clicks.length) },
        { type: 'p95 click latency (ms)', description: p95.toFixed(0) },
        { type: 'max click latency (ms)', description: Math.max(...r.clicks).toFixed(0) },
        { type: 'long tasks not caused by a click (ms)', description: String(r.streamLongTasks) },
        { type: 'AT+VER round trip with +++ entry mid-stream (ms)', description: String(roundTrip) },
      );
    console.log(
      `stream 230400: ${r.clicks.length} clicks, p95 ${p95.toFixed(0)} ms, max ${Math.max(...r.clicks).toFixed(0)} ms; ` +
        `long tasks not from clicks ${JSON.stringify(r.streamLongTasks)}; AT+VER ${roundTrip} ms`,
    );
    expect(r.clicks.length).toBeGreaterThan(STREAM_SECONDS); // every click landed, ~2 a second
    const limit = limits();
    expect(p95).toBeLessThanOrEqual(limit.p95);
    // Long tasks that are not a click's own work (a view switch): none over the limit.
    expect(r.streamLongTasks.filter((d) => d > limit.longTask)).toEqual([]);
    expect(roundTrip).toBeGreaterThan(0);
  });

  await test.step('the stream still reaches the terminal; memory stayed flat', async () => {
    await showView(page, 'terminal');
    await page.getByRole('radio', { name: 'Text' }).check();
    const before = await lastReceived(page, 1);
    await expect.poll(() => lastReceived(page, 1), { timeout: 10_000 }).not.toBe(before);
    expect(await lastReceived(page)).toMatch(/#\d{7} ABCDEF/);
    // The terminal keeps the newest entries; the rest is counted, not kept.
    await page
      .getByTestId('terminal-log')
      .locator('.log')
      .evaluate((el) => (el.scrollTop = 0));
    await expect(page.getByTestId('terminal-log').getByTestId('not-shown')).toBeVisible();
    const growth = (await heapAfterGc(page)) - heapStart;
    test.info().annotations.push({ type: 'JS heap growth (MB)', description: (growth / 1e6).toFixed(2) });
    console.log(`JS heap growth over the stream: ${(growth / 1e6).toFixed(2)} MB`);
    expect(growth).toBeLessThan(5e6);
  });

  await test.step('"Record the whole log" saves everything from the session\'s log on to a file', async () => {
    await showView(page, 'terminal');
    await page.getByTestId('record-log').click();
    await expect(page.getByTestId('record-status')).toContainText('Recording');
    await page.waitForTimeout(2000);
    const download = page.waitForEvent('download');
    await page.getByTestId('record-log').click(); // Stop and save
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^dtu-terminal-\d{8}-\d{6}\.jsonl$/);
    const text = await (await import('node:fs/promises')).readFile(await file.path(), 'utf8');
    const lines = text.trim().split('\n');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ format: 'usr-7s4-traffic', recording: true });
    // The session's last 1 MiB, then 2 s more at 23 KB/s.
    expect(lines.length).toBeGreaterThan(1000);
    // The stream still arrives at the end of the recording. Reads cut lines anywhere, so the newest
    // entries are joined before looking for a whole line (one entry can be `IJKLMNOPQRSTUV`).
    const tail = lines.slice(-200).map((line) => String((JSON.parse(line) as { text?: unknown }).text ?? ''));
    expect(tail.join('')).toMatch(/#\d{7} ABCDEF/);
  });

  await test.step('stop the stream', async () => {
    await showView(page, 'simulator');
    await page.getByTestId('stream-stop').click();
    await expect(page.getByTestId('stream-status')).toHaveAttribute('data-streaming', 'no');
  });
});

test('a device that answers OK to everything, with another command’s reply, or only echoes is named as not a USR-LTE-7S4', async ({
  page,
}) => {
  await openApp(page, '#simulator', 'zh');
  await expect(page.getByTestId('sim-stress')).toBeVisible({ timeout: 30_000 });

  await test.step('OK to everything (also to +++): the connect ends in the message and its help (zh)', async () => {
    await page.getByTestId('broken-spam-ok').check();
    await expect(page.getByTestId('broken-now')).toHaveAttribute('data-broken', 'spam-ok');
    await showView(page, 'connect');
    await page.getByRole('radio', { name: /模拟器/ }).check();
    await page.locator('dtu-connect-view form button[type=submit]').click();
    const help = page.getByTestId('help-dialog');
    await expect(help).toBeVisible({ timeout: 30_000 });
    await expect(help).toHaveAttribute('data-kind', 'not-a-7s4');
    await expect(help.locator('p').first()).toHaveText(/^该设备的行为不像 USR-LTE-7S4：/);
    await expect(page.getByTestId('help-wrong-device')).toContainText('回环');
    await expect(page.getByRole('heading', { name: '这不是 USR-LTE-7S4' })).toBeVisible();
    await page.getByRole('button', { name: '关闭' }).click();
    await expect(help).toBeHidden();
  });

  await test.step("another command's reply: the first values read end in the message (en)", async () => {
    await page.getByTestId('language').selectOption('en');
    await showView(page, 'simulator');
    await page.getByTestId('broken-wrong-reply').check();
    await expect(page.getByTestId('broken-now')).toHaveAttribute('data-broken', 'wrong-reply');
    // Its +++ entry is a 7S4's; the first query answered with another command's reply gives it away,
    // in the connect itself or when the dashboard reads the identity (AT+VER? → +SN:…).
    await showView(page, 'connect');
    await page.locator('dtu-connect-view form button[type=submit]').click();
    const state = page.getByTestId('connection-state');
    await expect(state).toHaveAttribute('data-state', /^(command|failed)$/, { timeout: BOOT_TIMEOUT });
    if ((await state.getAttribute('data-state')) === 'command') await showView(page, 'dashboard');
    const help = page.getByTestId('help-dialog');
    await expect(help).toBeVisible({ timeout: 30_000 });
    await expect(help).toHaveAttribute('data-kind', 'not-a-7s4');
    await expect(help.locator('p').first()).toHaveText(/^This does not behave like a USR-LTE-7S4:/);
    await expect(page.getByTestId('help-wrong-device')).toContainText('loopback');
    await expect(page.getByRole('heading', { name: 'This is not a USR-LTE-7S4' })).toBeVisible();
  });

  await test.step('only an echo (a loopback plug), at a set line: the connect ends in the message', async () => {
    await page.getByRole('button', { name: 'Close' }).click();
    await showView(page, 'simulator');
    await page.getByTestId('broken-echo-only').check();
    await expect(page.getByTestId('broken-now')).toHaveAttribute('data-broken', 'echo-only');
    // With "Detect automatically" the search tries every rate and ends in "no clean answer at any baud
    // rate" after ~30 s instead (reported to the session); at a set line the echo is named.
    await showView(page, 'connect');
    const auto = page.getByRole('checkbox', { name: 'Detect automatically' });
    if (await auto.isChecked()) await auto.uncheck();
    await page.locator('dtu-connect-view form button[type=submit]').click();
    const help = page.getByTestId('help-dialog');
    await expect(help).toHaveAttribute('data-kind', 'not-a-7s4', { timeout: 30_000 });
    await expect(help.locator('p').first()).toHaveText(/^This does not behave like a USR-LTE-7S4:/);
  });
});
