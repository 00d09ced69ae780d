import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { connectSimulator, openApp, showView, waitIdle } from './ui-helpers';

test.setTimeout(150_000);

test('terminal, SMS, RFC2217 frame and a management action on the simulator', async ({ page }) => {
  await openApp(page);
  await connectSimulator(page);

  await test.step('terminal: a command and its reply, history, hex view, errors explained', async () => {
    await showView(page, 'terminal');
    const input = page.getByLabel('Command', { exact: true });
    await input.fill('AT+VER');
    await input.press('Enter');
    const log = page.getByTestId('terminal-log');
    await expect(log).toContainText('+VER:');
    await input.fill('AT+NOSUCH');
    await input.press('Enter');
    await expect(page.getByTestId('terminal-error')).toContainText('Command not found');
    await input.press('ArrowUp');
    await expect(input).toHaveValue('AT+NOSUCH');
    await input.press('ArrowUp');
    await expect(input).toHaveValue('AT+VER');
    await input.press('ArrowDown');
    await expect(input).toHaveValue('AT+NOSUCH');
    await page.getByRole('radio', { name: 'Hex' }).check();
    await expect(log).toContainText('41 54 2B 56 45 52 0D');
    // Password AT (3.1.3): back to the working mode, then the prefixed command is still answered.
    await page.getByRole('radio', { name: 'Text' }).check();
    await input.fill('AT+ENTM');
    await input.press('Enter');
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'working');
    await page.getByLabel(/Password AT/).check();
    await input.fill('AT+SN');
    await input.press('Enter');
    await expect(log).toContainText('usr.cnAT+SN');
    await expect(log).toContainText('+SN:');
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'working');
    await page.getByLabel(/Password AT/).uncheck();

    // The downloaded log withholds the command password (the password-AT prefix) unless asked for.
    const logFile = async (): Promise<string> => {
      const download = page.waitForEvent('download');
      await page.getByTestId('export-log').click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^dtu-log-\d{8}-\d{6}\.jsonl$/);
      return readFile(await file.path(), 'utf8');
    };
    const withheld = await logFile();
    expect(withheld).toContain('AT+SN');
    expect(withheld).not.toContain('usr.cn');
    await page.getByTestId('export-log-secrets').check();
    expect(await logFile()).toContain('usr.cnAT+SN');
  });

  await test.step('SMS in Chinese with its length, received by the virtual phone', async () => {
    await showView(page, 'tools');
    await page.getByLabel('Phone number, with country code').fill('8613854123456');
    await page.getByLabel('Message').fill('你好，设备在线');
    await expect(page.getByTestId('sms-length')).toHaveAttribute('data-encoding', 'ucs2');
    await expect(page.getByTestId('sms-length')).toContainText('7 characters');
    await expect(page.getByTestId('sms-length')).toContainText('70 characters per SMS');
    await page.getByRole('button', { name: 'Send SMS' }).click();
    await expect(page.getByTestId('sms-result')).toContainText('accepted', { timeout: 30_000 });
    await waitIdle(page);
    await showView(page, 'simulator');
    await expect(page.getByTestId('phone-sms')).toContainText('你好，设备在线', { timeout: 30_000 });
  });

  await test.step('RFC2217-like frame for 115200 8N1 (manual 2.2.3, table 3)', async () => {
    await showView(page, 'tools');
    const frame = page.getByTestId('rfc-frame');
    await expect(frame).toHaveText('55 AA 55 00 25 80 03 A8');
    await page.getByLabel('Baud rate').selectOption('115200');
    await expect(frame).toHaveText('55 AA 55 01 C2 00 03 C6');
  });

  await test.step('save as user defaults, after a confirmation', async () => {
    await page.locator('button[data-action="CFGTF"]').click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expect(page.getByRole('heading', { name: /Save as user defaults/ })).toBeVisible();
    await page.getByTestId('confirm').click();
    await expect(page.getByTestId('manage-result')).toContainText('done', { timeout: 30_000 });
  });
});
