/**
 * The trainer's simulator panel (issue 12) through the real UI on the simulator worker: the world's log
 * says who sent what, in order; a line at 9600 is one row; the server cards show host:port; the cable
 * comes back after "unplug"; a power cycle shows in the LEDs and the log; the one-click faults have a
 * visible effect; projector mode is readable (screenshots at 1280×720 and 390×844 in /tmp/panel-shots/,
 * axe on the panel in projector mode).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { BOOT_TIMEOUT, connectSimulator, openApp, seriousViolations, showView, waitIdle } from './ui-helpers';

const SHOTS = '/tmp/panel-shots';

/** The world log's rows as "from>to kind: text", oldest first. */
async function rows(page: Page): Promise<string[]> {
  return page
    .getByTestId('world-log')
    .locator('li[data-kind]')
    .evaluateAll((items) =>
      items.map(
        (li) =>
          `${li.getAttribute('data-from') ?? ''}>${li.getAttribute('data-to') ?? ''} ${li.getAttribute('data-kind') ?? ''}: ${(li.querySelector('.who')?.textContent ?? '').trim()} | ${(li.querySelector('.text')?.textContent ?? '').trim()}`,
      ),
    );
}

function firstIndex(list: readonly string[], re: RegExp): number {
  return list.findIndex((r) => re.test(r));
}

async function sendFrom(form: Locator, text: string): Promise<void> {
  await form.locator('input[type=text]').fill(text);
  await form.locator('button[type=submit]').click();
}

const serverForm = (page: Page, s: string): Locator =>
  page.locator(`section.server[data-socket="${s}"] form`);
const fault = (page: Page, id: string): Locator => page.getByTestId(`fault-${id}`);

test('the log says who sent what, in order: host command, module reply, server message, SMS and its answer', async ({
  page,
}) => {
  await openApp(page);
  await connectSimulator(page);
  await showView(page, 'simulator');
  const log = page.getByTestId('world-log');
  // The configurator's commands at connect time and the module's answers, labelled as such.
  await expect(log.locator('li[data-from="host"][data-to="module"]').first()).toContainText(
    'Serial host → Module',
  );
  await expect(log.locator('li[data-from="module"][data-to="host"]').first()).toContainText(
    'Module → Serial host',
  );
  await expect(page.getByTestId('server-address-A')).toContainText('test.usr.cn:2317 (TCP)');
  await expect(page.getByTestId('link-A')).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });

  await sendFrom(serverForm(page, 'A'), 'news from the server\\r\\n');
  await expect(log.locator('li[data-from="server"][data-socket="A"]')).toContainText('news from the server');
  await page.locator('[data-testid=phone-sms] ~ form input').fill('usr.cnAT+VER');
  await page.locator('[data-testid=phone-sms] ~ form button').click();
  await expect(log.locator('li[data-from="module"][data-to="phone"]')).toContainText('+VER', {
    timeout: 20_000,
  });

  const list = await rows(page);
  const hostCmd = firstIndex(list, /^host>module serial: Serial host → Module \| serial\s*AT/);
  const reply = firstIndex(list, /^module>host serial: Module → Serial host \| serial\s*AT.*OK/s);
  const server = firstIndex(list, /^server>module packet: Server A → Module \| data\s*news from the server/);
  const question = firstIndex(list, /^phone>module sms: Phone → Module \| SMS\s*usr\.cnAT\+VER/);
  const answer = firstIndex(list, /^module>phone sms: Module → Phone \| SMS\s*\+VER/);
  expect(
    [hostCmd, reply, server, question, answer].every((i) => i >= 0),
    list.join('\n'),
  ).toBe(true);
  expect(hostCmd).toBeLessThan(reply);
  expect(reply).toBeLessThan(server);
  expect(server).toBeLessThan(question);
  // The SMS answer comes below its question, in the log and on the phone.
  expect(question).toBeLessThan(answer);
  const bubbles = page.getByTestId('phone-sms').locator('li');
  await expect(bubbles.nth(0)).toContainText('Phone → Module');
  await expect(bubbles.nth(1)).toContainText('Module → Phone');
});

test('at 9600 bit/s a server line reaches the serial side as one row, not split mid-word', async ({
  page,
}) => {
  await openApp(page);
  await showView(page, 'simulator');
  await expect(page.getByTestId('link-A')).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  // Nothing has the port open: the module's UART at 9600 is read at 9600 (no mismatch to garble it).
  await fault(page, 'wrong-baud').click();
  await expect(fault(page, 'wrong-baud')).toHaveAttribute('aria-pressed', 'true');
  const line = 'the quick brown fox jumps over the lazy dog while the class watches the serial line';
  await sendFrom(serverForm(page, 'A'), `${line}\\r\\n`);
  const out = page.getByTestId('world-log').locator('li[data-from="module"][data-to="host"]').last();
  await expect(out).toContainText(line);
  const text = await out.locator('.text').textContent();
  expect(text?.replace(/^serial/, '').trim()).toBe(line);
  await fault(page, 'clear').click();
  await expect(fault(page, 'wrong-baud')).toHaveAttribute('aria-pressed', 'false');
});

test('unplug, then plug the cable back in: the app connects and reads again', async ({ page }) => {
  await openApp(page);
  await connectSimulator(page);
  await showView(page, 'simulator');
  await page.getByTestId('unplug').click();
  await expect(page.getByTestId('help-dialog')).toHaveAttribute('data-kind', 'disconnected', {
    timeout: 30_000,
  });
  await page.getByRole('button', { name: 'Try again' }).click();
  await showView(page, 'simulator');
  await expect(page.getByTestId('cable-state')).toHaveAttribute('data-unplugged', 'true');
  await expect(page.getByTestId('world-log')).toContainText('The USB cable was pulled out.');
  // While it is out the port cannot be opened: the help is about the cable, not a busy port.
  await showView(page, 'connect');
  await page.locator('dtu-connect-view form button[type=submit]').click();
  await expect(page.getByTestId('help-dialog')).toHaveAttribute('data-kind', 'disconnected', {
    timeout: 15_000,
  });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await showView(page, 'simulator');
  await page.getByTestId('unplug').click(); // now "Plug the cable back in"
  await expect(page.getByTestId('cable-state')).toHaveAttribute('data-unplugged', 'false');
  await expect(page.getByTestId('world-log')).toContainText('The USB cable is plugged back in.');
  await connectSimulator(page);
  await showView(page, 'terminal');
  await page.locator('dtu-terminal-view input[placeholder="AT+VER"]').fill('AT+VER');
  await page.locator('dtu-terminal-view input[placeholder="AT+VER"]').press('Enter');
  await expect(page.getByTestId('terminal-log')).toContainText('+VER:');
  await waitIdle(page);
});

test('a power cycle turns the LEDs off, boots visibly and says so in the log', async ({ page }) => {
  await openApp(page);
  await showView(page, 'simulator');
  const led = (name: string): Locator => page.getByTestId('sim-leds').locator(`dtu-led[data-led="${name}"]`);
  await expect(led('work')).toHaveAttribute('data-on', 'true', { timeout: 30_000 });
  // Every value PWR takes from now on (it is dark for only a second).
  await led('pwr').evaluate((el) => {
    const seen: string[] = [];
    (window as unknown as { pwrSeen: string[] }).pwrSeen = seen;
    new MutationObserver(() => seen.push(el.getAttribute('data-on') ?? '')).observe(el, {
      attributes: true,
      attributeFilter: ['data-on'],
    });
  });
  await page.getByTestId('power-cycle').click();
  const log = page.getByTestId('world-log');
  await expect(log.locator('li[data-note="power-off"]')).toContainText('Power off');
  await expect(log.locator('li[data-note="power-on"]')).toContainText('boots');
  // Booting: power is back, the firmware is not up yet.
  await expect(led('pwr')).toHaveAttribute('data-on', 'true');
  expect(await page.evaluate(() => (window as unknown as { pwrSeen: string[] }).pwrSeen)).toEqual([
    'false',
    'true',
  ]);
  await expect(led('work')).toHaveAttribute('data-on', 'false');
  await expect(page.getByTestId('sim-mode')).toHaveAttribute('data-mode', 'booting');
  await expect(led('work')).toHaveAttribute('data-on', 'true', { timeout: BOOT_TIMEOUT });
  await expect(log.locator('li[data-note="started"]')).toBeVisible();
});

test('drop the network and server refuses take the link down, with the reason; clear all brings it back', async ({
  page,
}) => {
  await openApp(page);
  await showView(page, 'simulator');
  const link = page.getByTestId('link-A');
  await expect(link).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });

  await fault(page, 'no-network').click();
  await expect(fault(page, 'no-network')).toHaveAttribute('aria-pressed', 'true');
  await expect(link).not.toHaveAttribute('data-state', 'connected');
  await expect(page.getByTestId('sim-leds').locator('dtu-led[data-led="linkA"]')).toHaveAttribute(
    'data-on',
    'false',
  );
  await expect(page.getByTestId('faults-status')).toContainText('Drop the network');
  await fault(page, 'clear').click();
  await expect(fault(page, 'no-network')).toHaveAttribute('aria-pressed', 'false');
  await expect(link).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });

  await fault(page, 'server-refuses').click();
  await expect(fault(page, 'server-refuses')).toHaveAttribute('aria-pressed', 'true');
  await expect(link).toHaveAttribute('data-state', 'waiting', { timeout: 20_000 });
  await expect(link).toContainText('refused', { timeout: 20_000 });
  await expect(page.getByTestId('world-log').locator('li[data-note="link-down"]').last()).toContainText(
    'refused',
  );
  await fault(page, 'server-refuses').click();
  await expect(fault(page, 'server-refuses')).toHaveAttribute('aria-pressed', 'false');
  await expect(link).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
});

test('wrong baud on the cable: the app cannot talk at its rate until Detect automatically finds the module', async ({
  page,
}) => {
  await openApp(page);
  await showView(page, 'simulator');
  await fault(page, 'wrong-baud').click();
  await expect(fault(page, 'wrong-baud')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('world-log')).toContainText('9600 bit/s (the host was not told)');
  await showView(page, 'connect');
  const auto = page.getByRole('checkbox', { name: 'Detect automatically' });
  await page.getByRole('radio', { name: /Simulator/ }).check();
  await auto.uncheck();
  await page.locator('dtu-connect-view form button[type=submit]').click();
  await expect(page.getByTestId('help-dialog')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'failed');
  await page.keyboard.press('Escape');
  await auto.check();
  await page.locator('dtu-connect-view form button[type=submit]').click();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'command', {
    timeout: BOOT_TIMEOUT,
  });
  await expect(page.getByTestId('connected')).toContainText('9600');
});

test('projector mode: large, high-contrast panel, terminal, navigation and classroom at 1280×720 and 390×844', async ({
  page,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await connectSimulator(page);
  await showView(page, 'simulator');
  await page.getByTestId('projector-toggle').click();
  const view = page.locator('dtu-simulator-view');
  await expect(view).toHaveAttribute('projector', '');
  await fault(page, 'line-noise').click();
  await sendFrom(serverForm(page, 'A'), 'reading from the back row\\r\\n');
  await expect(page.getByTestId('world-log')).toContainText('reading from the back row');
  // Body text at least 20 px.
  const size = await view.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(20);
  expect(await seriousViolations(page)).toEqual([]);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/simulator-1280x720.png` });
  await page.getByTestId('world-log').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/simulator-log-1280x720.png` });
  await page.locator('dtu-plus-timing-panel').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/plus-timing-1280x720.png` });
  await showView(page, 'terminal');
  await expect(page.locator('dtu-terminal-view')).toHaveAttribute('projector', '');
  // Its own small controls (Download log, Record) are scaled with the rest: a target a class can see.
  expect((await page.getByTestId('export-log').boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  await page.screenshot({ path: `${SHOTS}/terminal-1280x720.png` });
  // The app's top bar and navigation are enlarged too (the shell's CSS), and the classroom.
  const navSize = await page
    .locator('dtu-app nav a')
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(navSize).toBeGreaterThanOrEqual(20);
  await showView(page, 'classroom');
  await expect(page.locator('dtu-classroom-view')).toHaveAttribute('projector', '');
  await page.screenshot({ path: `${SHOTS}/classroom-1280x720.png` });
  await showView(page, 'terminal');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/terminal-390x844.png` });
  await showView(page, 'simulator');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/simulator-390x844.png` });
  await page.getByTestId('world-log').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/simulator-log-390x844.png` });
  await page.getByTestId('faults').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/simulator-faults-390x844.png` });
  await page.locator('dtu-plus-timing-panel').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/plus-timing-390x844.png` });
  await showView(page, 'classroom');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/classroom-390x844.png` });
  await showView(page, 'simulator');
  // Projector mode and the prepared fault are both still there after a reload (F5).
  await page.reload();
  await showView(page, 'simulator');
  await expect(page.locator('dtu-simulator-view')).toHaveAttribute('projector', '');
  await expect(fault(page, 'line-noise')).toHaveAttribute('aria-pressed', 'true', { timeout: 15_000 });
});
