import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openApp, showView, waitIdle } from '../e2e/ui-helpers';
import { clientSegment, parsePageLog, strayServerData } from './analysis';
import {
  AtClient,
  control,
  dtuStatus,
  epochNow,
  readTraceFile,
  recordMeasurements,
  requireRealSerial,
  step,
  until,
} from './support';

const env = requireRealSerial();

/**
 * A module at 9600 found by "Detect automatically" through the real stack. Baud rates do not exist on a
 * pty, so the software DTU follows the pty's termios (`follow-tty`, polled every 20 ms): when Chromium opens
 * the port at 115200, the module at 9600 sees garbage and the page gets garbage back, as on a real line;
 * at 9600 they match.
 */
test('Detect automatically finds a module at 9600 (the DTU follows the pty line settings)', async ({
  page,
}, testInfo) => {
  await step(env, 'the DTU follows the pty; a new pty (speed 0) leaves the module line', async () => {
    await control(env, { cmd: 'follow-tty', path: env.pty });
    await new Promise((r) => setTimeout(r, 200));
    expect((await dtuStatus(env)).hostLine).toBe('115200 8N1');
  });

  await step(env, 'Node over the pty sets the module to 9600 and restarts it', async () => {
    const at = AtClient.pty(env.pty);
    try {
      expect(await at.enter(50)).toMatch(/^a$/);
      expect(await at.command('AT+UART=9600,8,1,NONE,NFC')).toMatch(/OK/);
      expect(await at.command('AT+Z')).toMatch(/OK/);
    } catch (e) {
      throw new Error(`${e instanceof Error ? e.message : String(e)}\nNode AT client:\n${at.log.join('\n')}`);
    } finally {
      at.close();
    }
    await until(
      'the module running at 9600 in working mode',
      async () => {
        const s = await dtuStatus(env);
        return s.uart === '9600 8N1' && s.mode === 'net' ? true : undefined;
      },
      30_000,
    );
  });

  let found = 0;
  const searchFrom = epochNow();
  await step(env, 'one connect with "Detect automatically" finds 9600', async () => {
    await openApp(page);
    await page.getByRole('radio', { name: 'USB serial (Web Serial)' }).check();
    await expect(page.getByRole('checkbox', { name: 'Detect automatically' })).toBeChecked();
    const clicked = Date.now();
    await page.locator('dtu-connect-view form button[type=submit]').click();
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'command', {
      timeout: 60_000,
    });
    found = Date.now() - clicked;
    await expect(page.getByTestId('connected')).toContainText('9600 8N1');
    await expect(page.getByRole('dialog')).toBeHidden();
    expect((await dtuStatus(env)).hostLine).toBe('9600 8N1');
  });

  await step(env, 'the DTU saw the page open at 115200 (garbage), then at 9600', async () => {
    const lines = clientSegment(readTraceFile(env), 0)
      .filter((e) => e.dir === 'line' && e.t >= searchFrom && e.source === 'tty')
      .map((e) => (e.dir === 'line' ? e.line : ''));
    expect(lines[0]).toBe('115200 8N1');
    expect(lines.at(-1)).toBe('9600 8N1');
  });

  await step(env, 'the terminal talks at 9600', async () => {
    await showView(page, 'terminal');
    const input = page.getByLabel('Command', { exact: true });
    await input.fill('AT+UART?');
    await input.press('Enter');
    await expect(page.getByTestId('terminal-log')).toContainText('+UART:');
    await waitIdle(page);
    // Every byte as it crossed the line (nothing withheld), to compare with the TCP end.
    await page.getByTestId('export-log-secrets').check();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-log').click();
    const log = parsePageLog(readFileSync(await (await download).path(), 'utf8'));
    const received = log
      .filter((e) => e.dir === 'rx')
      .map((e) => Buffer.from(e.hex, 'hex').toString('latin1'))
      .join('');
    expect(received).toContain('\r\n+UART:9600,8,1,NONE,NFC\r\n');
    const opens = log.filter((e) => e.dir === 'note' && e.text.startsWith('open ')).map((e) => e.text);
    expect(opens[0]).toBe('open 115200 8N1');
    expect(opens.at(-1)).toBe('open 9600 8N1');
    await page.locator('.statusbar button').click();
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'disconnected');
    // The noise of the wrong rate reached the server (the connect view warns about it): how much.
    const noise = strayServerData(readTraceFile(env).filter((e) => e.t >= searchFrom));
    recordMeasurements(env, testInfo, {
      autoDetect: `found 9600 in ${found} ms; opens: ${opens.join(', ')}`,
      noiseAtServer: `${noise.reduce((n, e) => n + (e.dir === 'server' ? e.n : 0), 0)} bytes in ${noise.length} packets`,
    });
  });
});
