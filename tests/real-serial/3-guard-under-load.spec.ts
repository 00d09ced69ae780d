import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openApp, showView, waitIdle } from '../e2e/ui-helpers';
import {
  clientSegment,
  gapShrinks,
  parsePageLog,
  plusGaps,
  readDelays,
  strayServerData,
  summarise,
  summaryText,
  writeDelays,
  type Delay,
  type GapShrink,
  type PlusGap,
} from './analysis';
import {
  control,
  cpuLoad,
  epochNow,
  readTraceFile,
  recordMeasurements,
  requireRealSerial,
  step,
} from './support';

const env = requireRealSerial();

/** AT+ENTM (back to working mode), then AT+VER: the session enters again with a guarded `+++`. */
async function reenter(page: Page, times: number): Promise<void> {
  const input = page.getByLabel('Command', { exact: true });
  const state = page.getByTestId('connection-state');
  for (let i = 0; i < times; i++) {
    await input.fill('AT+ENTM');
    await input.press('Enter');
    await expect(state).toHaveAttribute('data-state', 'working');
    await input.fill('AT+VER');
    await input.press('Enter');
    await expect(state).toHaveAttribute('data-state', 'command', { timeout: 30_000 });
  }
}

/**
 * Data nobody answers, then a command: raw mode sends one byte `x` in working mode (socket A's server is
 * silent, so no echo comes back), then AT+VER enters with a `+++` guarded from that write alone.
 */
async function rawThenCommand(page: Page, times: number): Promise<void> {
  const input = page.getByLabel('Command', { exact: true });
  const state = page.getByTestId('connection-state');
  const rawToggle = page.getByTestId('raw-mode');
  for (let i = 0; i < times; i++) {
    await input.fill('AT+ENTM');
    await input.press('Enter');
    await expect(state).toHaveAttribute('data-state', 'working');
    await page.waitForTimeout(300);
    await rawToggle.check();
    await page.getByTestId('raw-input').pressSequentially('x');
    await rawToggle.uncheck();
    await input.fill('AT+VER');
    await input.press('Enter');
    await expect(state).toHaveAttribute('data-state', 'command', { timeout: 30_000 });
  }
}

/**
 * The app's own `+++` guard, measured where it counts: at the TCP end, the module's side of the cable.
 * The session waits UARTFT + max(75 ms, 10 %) after its last byte left; Chromium's write path delays
 * bytes by tens of ms on a loaded machine. Each `+++` must arrive more than UARTFT (50 ms, factory) after
 * the previous byte from the host — idle, and with two busy processes on the two cores.
 */
test('every +++ of the app keeps the UARTFT guard at the TCP end, idle and under CPU load', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  let timeOrigin = 0;
  let loadFrom = 0;

  await step(env, 'connect (UARTFT 50, the tightest guard)', async () => {
    await openApp(page);
    timeOrigin = await page.evaluate(() => performance.timeOrigin);
    await page.getByRole('radio', { name: 'USB serial (Web Serial)' }).check();
    await page.locator('dtu-connect-view form button[type=submit]').click();
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'command', {
      timeout: 30_000,
    });
    await showView(page, 'settings'); // read all: the session now knows UARTFT 50
    await expect(page.getByTestId('settings-source')).toContainText('Values read from the device', {
      timeout: 60_000,
    });
    await waitIdle(page);
    await showView(page, 'terminal');
  });

  await step(env, 'idle: leave and re-enter command mode 8 times', async () => {
    await reenter(page, 8);
  });

  await step(env, 'under load (2 busy processes on 2 cores): leave and re-enter 12 times', async () => {
    const load = cpuLoad(2);
    loadFrom = epochNow();
    try {
      await new Promise((r) => setTimeout(r, 500));
      await reenter(page, 12);
    } finally {
      load.stop();
    }
  });

  let rawFrom = 0;
  await step(env, 'under load: unanswered data (raw mode) then a command, 8 times', async () => {
    await control(env, {
      cmd: 'sim',
      command: { type: 'set-server-behaviour', socket: 'A', behaviour: 'silent' },
    });
    const load = cpuLoad(2);
    rawFrom = epochNow();
    try {
      await new Promise((r) => setTimeout(r, 500));
      await rawThenCommand(page, 8);
    } finally {
      load.stop();
    }
  });

  await step(
    env,
    'at the TCP end: each +++ more than UARTFT after the previous byte, each answered',
    async () => {
      await waitIdle(page);
      // Every byte as it crossed the line (nothing withheld), to compare with the TCP end.
      await page.getByTestId('export-log-secrets').check();
      const download = page.waitForEvent('download');
      await page.getByTestId('export-log').click();
      const pageLog = parsePageLog(readFileSync(await (await download).path(), 'utf8'));
      const trace = clientSegment(readTraceFile(env), 0);
      const { gaps, split } = plusGaps(trace);
      expect(split, 'a +++ glued to other bytes or split over chunks').toEqual([]);
      const measured = gaps.filter((g) => Number.isFinite(g.gap));
      expect(measured.length).toBeGreaterThanOrEqual(28);
      const bad = measured.filter((g) => !(g.gap > g.uartft) || !g.answeredA);
      expect(
        bad.map(
          (g) =>
            `+++ at ${g.t}: ${g.gap.toFixed(1)} ms after the previous byte (UARTFT ${g.uartft}), a: ${g.answeredA}`,
        ),
      ).toEqual([]);
      // Only the typed `x` bytes reached the server (data, as the person meant); never a `+` or AT.
      const atServer = strayServerData(trace).map((e) =>
        e.dir === 'server' ? Buffer.from(e.hex, 'hex').toString() : '',
      );
      expect(atServer.join('')).toMatch(/^x*$/);
      expect(atServer.join('').length).toBe(8);

      const writes = writeDelays(pageLog, timeOrigin, trace);
      const reads = readDelays(pageLog, timeOrigin, trace);
      expect(writes, 'the page log found in the TCP trace').toBeDefined();
      // Three phases: idle; load with answered commands before `+++`; load with unanswered raw data.
      type Timed = { t: number } | Delay | GapShrink;
      const when = (x: Timed): number => ('pageT' in x ? x.pageT : x.t);
      const phases = {
        Idle: (x: Timed) => when(x) < loadFrom,
        Load: (x: Timed) => when(x) >= loadFrom && when(x) < rawFrom,
        RawLoad: (x: Timed) => when(x) >= rawFrom,
      };
      const gapText = (list: PlusGap[]): string =>
        `${summaryText(summarise(list.map((g) => g.gap)))}; margin over UARTFT min ${Math.min(
          ...list.map((g) => g.gap - g.uartft),
        ).toFixed(1)} ms`;
      const shrinks = gapShrinks(writes ?? []);
      const numbers: Record<string, unknown> = {};
      for (const [phase, inPhase] of Object.entries(phases)) {
        numbers[`plusGap${phase}`] = gapText(measured.filter(inPhase));
        numbers[`writeDelay${phase}`] = summaryText(
          summarise((writes ?? []).filter(inPhase).map((d) => d.delay)),
        );
        numbers[`readDelay${phase}`] = summaryText(
          summarise((reads ?? []).filter(inPhase).map((d) => d.delay)),
        );
        numbers[`plusSilenceLost${phase}`] = summaryText(
          summarise(shrinks.filter(inPhase).map((g) => g.shrink)),
        );
        numbers[`plusPageWait${phase}`] = summaryText(
          summarise(shrinks.filter(inPhase).map((g) => g.pageGap)),
        );
      }
      recordMeasurements(env, testInfo, {
        ...numbers,
        gaps: measured,
        writes,
      });
    },
  );
});
