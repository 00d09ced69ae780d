import { expect, test } from '@playwright/test';
import { connectSimulator, openApp, showView, waitIdle } from './ui-helpers';

test.setTimeout(120_000);

/**
 * The simulator as the page runs it: in its Web Worker on the real clock with wire timing, reached through
 * the transferred streams of its SerialPort-shaped port (simulator issue: entry, a query, a set, AT+Z, data
 * to a virtual server and back).
 */
test('the worker-hosted simulator: +++ entry, query, set, AT+Z, and data to a virtual server and back', async ({
  page,
}) => {
  await openApp(page);
  await connectSimulator(page); // +++ / a / +ok through the worker's port

  await showView(page, 'terminal');
  const input = page.getByLabel('Command', { exact: true });
  const log = page.getByTestId('terminal-log');
  const send = async (line: string): Promise<void> => {
    await input.fill(line);
    await input.press('Enter');
  };

  await send('AT+HEARTTM');
  await expect(log).toContainText('+HEARTTM:30');
  await send('AT+HEARTTM=45');
  await send('AT+HEARTTM?');
  await expect(log).toContainText('+HEARTTM:45');
  await send('AT+Z');
  await waitIdle(page, 60_000);

  // After the restart the module is back in NET mode: what the serial side sends goes to server A, whose
  // echo comes back to the serial side; what the server sends down arrives too.
  await showView(page, 'simulator');
  await expect(page.getByTestId('link-A')).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  const serialForm = page.getByTestId('serial-log').locator('xpath=..').locator('form');
  await serialForm.getByRole('textbox').fill('hello-from-serial');
  await serialForm.getByRole('button').click();
  await expect(page.getByTestId('server-log-A')).toContainText('hello-from-serial');
  await expect(page.getByTestId('serial-log')).toContainText('hello-from-serial');

  const serverForm = page.locator('section[data-socket="A"] form');
  await serverForm.getByRole('textbox').fill('down-from-server');
  await serverForm.getByRole('button').click();
  await expect(page.getByTestId('serial-log')).toContainText('down-from-server');

  // Entry never leaked: the server saw no "+++" as data.
  await expect(page.getByTestId('server-log-A')).not.toContainText('+++');
});
