import { expect, test, type Page } from '@playwright/test';
import { connectSimulator, openApp, showView } from './ui-helpers';

test.setTimeout(120_000);

/** What the module sent, packet by packet, as the terminal's log shows it. */
function received(page: Page): Promise<string[]> {
  return page.locator('dtu-byte-log .entry.rx .text').allTextContents();
}

test('raw mode: +++ typed quickly after a pause enters command mode by hand ("a"), and "a" gets "+ok"', async ({
  page,
}) => {
  await openApp(page);
  await connectSimulator(page);
  await showView(page, 'terminal');

  await test.step('the module goes back to working mode (AT+ENTM through the session)', async () => {
    const input = page.getByLabel('Command', { exact: true });
    await input.fill('AT+ENTM');
    await input.press('Enter');
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'working');
  });

  await test.step('the raw mode toggle explains itself', async () => {
    await page.getByRole('checkbox', { name: 'Raw mode' }).check();
    await expect(page.locator('dtu-terminal-view #raw-explain')).toContainText('exactly as typed');
    await expect(page.getByLabel('Command', { exact: true })).toHaveCount(0);
  });

  const raw = page.getByTestId('raw-input');

  await test.step('+++ typed slowly is data: the module does not answer', async () => {
    const before = (await received(page)).length;
    for (let i = 0; i < 3; i++) {
      await raw.pressSequentially('+');
      await page.waitForTimeout(250); // longer than the module's packing interval (50 ms)
    }
    await page.waitForTimeout(800);
    expect((await received(page)).slice(before).map((t) => t.trim())).not.toContain('a');
  });

  await test.step('+++ typed quickly after a pause gets "a"', async () => {
    // A person types three keys within a few ms; on a loaded machine a gap can exceed 50 ms, so a trainer
    // (and this test) simply tries again after a pause.
    let answered = false;
    for (let attempt = 0; attempt < 4 && !answered; attempt++) {
      await page.waitForTimeout(1200);
      const before = (await received(page)).length;
      await raw.pressSequentially('+++');
      answered = await expect
        .poll(async () => (await received(page)).slice(before).map((t) => t.trim()), { timeout: 1500 })
        .toContain('a')
        .then(() => true)
        .catch(() => false);
    }
    expect(answered).toBe(true);
  });

  await test.step('typing "a" within 3 s gets "+ok": command mode, entered by hand', async () => {
    const before = (await received(page)).length;
    await raw.pressSequentially('a');
    await expect
      .poll(async () => (await received(page)).slice(before).join(''), { timeout: 5000 })
      .toContain('+ok');
  });
});
