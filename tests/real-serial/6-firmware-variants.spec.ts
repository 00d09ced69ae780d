import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, showView, waitIdle } from '../e2e/ui-helpers';
import {
  clientSegment,
  hexToBytes,
  parsePageLog,
  plusGaps,
  readDelays,
  strayServerData,
  summarise,
  summaryText,
  type TraceEntry,
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

/** The module's packing interval for this run: `a` and `+ok` each come this late (G786/G809 timing). */
const UARTFT = 200;

/** Settings whose shown value is compared with the module's (plain fields, no secrets). */
const COMPARED = ['WKMOD', 'SOCKA', 'SOCKAEN', 'HEARTEN', 'HEARTTM', 'UART', 'UARTFT', 'REGEN', 'STMSG'];

/** What the settings form shows for one setting: its parameters' main controls, joined as the module does. */
async function shownValue(page: Page, name: string): Promise<string> {
  const field = page.locator(`fieldset[data-setting="${name}"]`);
  const parts: string[] = [];
  for (let i = 0; ; i++) {
    const control = field.locator(`#p${i}`);
    if ((await control.count()) === 0) break;
    parts.push(await control.inputValue());
  }
  return parts.join(',');
}

function text(hex: string): string {
  return Buffer.from(hexToBytes(hex)).toString('latin1');
}

/** The trace from the mark of a step (support.ts `step` writes `step: NAME`) on, to the next step's mark. */
function ofStep(trace: readonly TraceEntry[], name: string, toEnd = false): TraceEntry[] {
  const i = trace.findIndex((e) => e.dir === 'mark' && e.label === `step: ${name}`);
  if (i < 0) return [];
  const next = trace.findIndex((e, k) => k > i && e.dir === 'mark' && e.label.startsWith('step: '));
  return trace.slice(i, toEnd || next < 0 ? undefined : next);
}

/**
 * The command lines that reached the module, each with the longest pause inside it (0: in one chunk): a
 * firmware that frames input by UARTFT (`split-input`) ends the line at a pause longer than UARTFT.
 */
function hostLines(segment: readonly TraceEntry[]): { line: string; pause: number }[] {
  const out: { line: string; pause: number }[] = [];
  let open: { line: string; t: number; pause: number } | undefined;
  for (const e of segment) {
    if (e.dir !== 'in') continue;
    const t = text(e.hex);
    if (open) open = { line: open.line + t, t: e.t, pause: Math.max(open.pause, e.t - open.t) };
    else if (t === '+++' || t === 'a') continue;
    else open = { line: t, t: e.t, pause: 0 };
    if (open.line.endsWith('\r')) {
      out.push({ line: open.line, pause: open.pause });
      open = undefined;
    }
  }
  return out;
}

/**
 * Each entry (`+++` answered `a`): how late the module's `a` came after `+++`, and its `+ok` after the
 * host's `a`, at the TCP end.
 */
function entryTimes(segment: readonly TraceEntry[]): { a: number; ok: number; total: number }[] {
  const out: { a: number; ok: number; total: number }[] = [];
  segment.forEach((e, i) => {
    if (e.dir !== 'in' || e.hex !== '2b2b2b') return;
    const rest = segment.slice(i + 1);
    const a = rest.find((x) => x.dir === 'out' || x.dir === 'in');
    if (a?.dir !== 'out' || !text(a.hex).startsWith('a')) return;
    const hostA = rest.find((x) => x.dir === 'in' && x.t >= a.t);
    const ok = rest.find(
      (x) => x.dir === 'out' && hostA !== undefined && x.t >= hostA.t && text(x.hex).includes('+ok'),
    );
    if (!hostA || !ok) return;
    out.push({ a: a.t - e.t, ok: ok.t - hostA.t, total: ok.t - e.t });
  });
  return out;
}

const ms = (x: number): string => `${x.toFixed(0)} ms`;

/**
 * A module with every firmware variant at once (core/variants.ts `worst-case`: `a` and `+ok` UARTFT late,
 * `+OK` for sets, queries without OK, a blank after the colon, slow replies, an extra CR LF after OK, the V2
 * start message, notices in working mode, `+++` silent in command mode, input split at UARTFT pauses) at
 * UARTFT 200, left in command mode by another program, through Chromium's real Web Serial stack: connect
 * with "Detect automatically", read all (the form shows the module's values), change socket A and the
 * heartbeat, apply (AT+Z, the V2 banner, re-entry with late `a`/`+ok`, read-back). Then, page closed, Node
 * asks the module over TCP; the TCP end shows every `+++` guarded and no byte from the app at the servers.
 */
test('every firmware variant at once, through the real serial stack', async ({ page }, testInfo) => {
  const connectStep = 'connect with "Detect automatically" to a module left in command mode';
  const readStep = 'read every setting: the form shows what the module holds';
  const applyStep = 'apply: +OK, AT+Z, the V2 banner, re-entry with late a/+ok, read-back';
  const measured: Record<string, number> = {};
  const shown: Record<string, string> = {};

  await step(env, 'the software DTU runs the worst-case firmware', async () => {
    const answer = await control(env, {
      cmd: 'sim',
      command: { type: 'set-firmware', selection: ['worst-case'] },
    });
    expect(answer['firmware']).toEqual(['worst-case']);
    expect((await dtuStatus(env)).firmware).toEqual(['worst-case']);
  });

  await step(env, `Node over the pty: UARTFT ${UARTFT}, restart, back into command mode`, async () => {
    const at = AtClient.pty(env.pty);
    try {
      expect(await at.enter(50)).toMatch(/^a$/);
      // Not the factory values, so the form can only show them by reading them (`+OK`: plus-ok firmware).
      expect(await at.command(`AT+UARTFT=${UARTFT}`)).toMatch(/\r\n\+OK\r\n/);
      expect(await at.command('AT+HEARTTM=37')).toMatch(/\r\n\+OK\r\n/);
      expect(await at.command('AT+STMSG=FIELD 7S4')).toMatch(/\r\n\+OK\r\n/);
      expect(await at.command('AT+Z')).toMatch(/OK/);
      await at.until(/\[USR-7S4 V2\]\r\n/, 30_000); // the V2 start message after the restart
      // Another program's session that ended without AT+ENTM: `+++` will get no answer (silent-plus).
      expect(await at.enter(UARTFT)).toMatch(/^a$/);
      expect(await at.query('UARTFT')).toBe(String(UARTFT));
    } catch (e) {
      throw new Error(`${e instanceof Error ? e.message : String(e)}\nNode AT client:\n${at.log.join('\n')}`);
    } finally {
      at.close();
    }
    const s = await dtuStatus(env);
    expect(s.mode).toBe('command');
    expect(s.running['UARTFT']).toBe(String(UARTFT));
  });

  await step(env, connectStep, async () => {
    await openApp(page);
    await page.getByRole('radio', { name: 'USB serial (Web Serial)' }).check();
    await expect(page.getByRole('checkbox', { name: 'Detect automatically' })).toBeChecked();
    const clicked = Date.now();
    await page.locator('dtu-connect-view form button[type=submit]').click();
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'command', {
      timeout: 30_000,
    });
    measured['connect'] = Date.now() - clicked;
    await expect(page.getByTestId('connected')).toContainText('USB serial (Web Serial) at 115200 8N1');
    expect((await dtuStatus(env)).mode).toBe('command');
  });

  const before = await dtuStatus(env);
  await step(env, readStep, async () => {
    const started = Date.now();
    await showView(page, 'settings');
    await expect(page.getByTestId('settings-source')).toContainText('Values read from the device', {
      timeout: 60_000,
    });
    // Each compared value came from this read ("read HH:MM"), and the read is over.
    for (const name of COMPARED) {
      await expect(
        page.locator(`fieldset[data-setting="${name}"]`).getByTestId('provenance'),
      ).toHaveAttribute('data-kind', 'read', { timeout: 30_000 });
    }
    await expect(page.locator('dtu-settings-view dtu-progress-bar')).toHaveCount(0, { timeout: 30_000 });
    measured['readAll'] = Date.now() - started;
    await waitIdle(page);
    for (const name of COMPARED) shown[name] = await shownValue(page, name);
    // `+NAME: value` and no OK after queries must not change a value: the form equals the module's settings.
    const held = Object.fromEntries(COMPARED.map((name) => [name, before.running[name]]));
    expect(shown).toEqual(held);
    expect([shown['UARTFT'], shown['HEARTTM'], shown['STMSG']]).toEqual([String(UARTFT), '37', 'FIELD 7S4']);
  });

  await step(env, 'change socket A and the heartbeat', async () => {
    const socketA = page.locator('fieldset[data-setting="SOCKA"]');
    await socketA.getByLabel('Server address').fill('demo.usr.cn');
    await socketA.getByLabel('Port').fill('2318');
    await page.locator('fieldset[data-setting="HEARTTM"] input').fill('45');
    await page.getByTestId('review-changes').click();
    const list = page.getByTestId('command-list');
    const commands = (await list.innerText()).trim().split('\n');
    expect(commands).toEqual(['AT+SOCKA=TCP,demo.usr.cn,2318', 'AT+HEARTTM=45', 'AT+Z']);
    await expect(page.getByTestId('apply')).toBeEnabled();
  });

  await step(env, applyStep, async () => {
    const started = Date.now();
    await page.getByTestId('apply').click();
    const report = page.getByTestId('apply-report');
    await expect(report).toBeVisible({ timeout: 60_000 });
    measured['apply'] = Date.now() - started;
    for (const name of ['SOCKA', 'HEARTTM']) {
      await expect(report.locator(`tr[data-setting="${name}"]`)).toHaveAttribute('data-outcome', 'applied');
    }
    await waitIdle(page);
    const s = await dtuStatus(env);
    expect(s.running['SOCKA']).toBe('TCP,demo.usr.cn,2318');
    expect(s.running['HEARTTM']).toBe('45');
  });

  let pageLog = '';
  let timeOrigin = 0;
  await step(env, "the page's traffic log (every byte as it crossed the line)", async () => {
    timeOrigin = await page.evaluate(() => performance.timeOrigin);
    await showView(page, 'terminal');
    await waitIdle(page);
    await page.getByTestId('export-log-secrets').check();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-log').click();
    pageLog = readFileSync(await (await download).path(), 'utf8');
    writeFileSync(join(env.out, 'page-log.jsonl'), pageLog);
  });

  await step(env, 'disconnect, close the page', async () => {
    await page.locator('.statusbar button').click(); // Disconnect
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'disconnected');
    await until('the module back in working mode', async () =>
      (await dtuStatus(env)).mode === 'net' ? true : undefined,
    );
    await page.close();
  });

  const socat = clientSegment(readTraceFile(env), 0);
  const expected: Record<string, string> = {
    ...shown,
    SOCKA: 'TCP,demo.usr.cn,2318',
    HEARTTM: '45',
  };
  const node: Record<string, string> = {};

  await step(env, 'Node over TCP: the module holds the new values and the rest as shown', async () => {
    expect((await control(env, { cmd: 'drop-client' }))['dropped']).toBe(true);
    await until('the line to be free', async () => ((await dtuStatus(env)).connected ? undefined : true));
    const at = await AtClient.tcp(env.tcp.host, env.tcp.port);
    try {
      // Guarded +++ with real time: `a` (UARTFT late) proves the app left the module in working mode.
      expect(await at.enter(UARTFT)).toMatch(/^a$/);
      for (const name of COMPARED) node[name] = await at.query(name);
      expect(node).toEqual(expected);
      expect(await at.command('AT+ENTM')).toMatch(/OK/);
    } catch (e) {
      throw new Error(`${e instanceof Error ? e.message : String(e)}\nNode AT client:\n${at.log.join('\n')}`);
    } finally {
      at.close();
    }
  });

  await step(env, 'the TCP end: every +++ guarded, nothing from the app at the servers', async () => {
    const app = ofStep(socat, connectStep, true);
    const { gaps, split } = plusGaps(socat);
    const appGaps = gaps.filter((g) => g.t >= (app[0]?.t ?? Infinity));
    expect(split, 'a +++ glued to other bytes or split over chunks').toEqual([]);
    // Connect (unanswered in command mode), re-entry after AT+Z, disconnect's check.
    expect(appGaps.length).toBeGreaterThan(0);
    for (const g of gaps) {
      expect(g.gap, `+++ at ${g.t}: gap ${g.gap.toFixed(1)} ms, UARTFT ${g.uartft}`).toBeGreaterThan(
        g.uartft,
      );
    }
    expect(strayServerData(readTraceFile(env))).toEqual([]);
    // The sets as they reached the module: only the changes, then AT+Z.
    const sets = hostLines(app)
      .map((l) => l.line)
      .filter((t) => /^AT\+[A-Z]+=|^AT\+Z\r/.test(t));
    expect(sets).toEqual(['AT+SOCKA=TCP,demo.usr.cn,2318\r', 'AT+HEARTTM=45\r', 'AT+Z\r']);
    // split-input: a pause longer than UARTFT inside a line would have cut the command in two.
    for (const l of hostLines(app)) expect(l.pause, JSON.stringify(l.line)).toBeLessThan(UARTFT);
    const entries = entryTimes(ofStep(socat, applyStep));
    expect(entries.length, 'the re-entry after AT+Z (a and +ok UARTFT late)').toBeGreaterThan(0);
    for (const e of entries) {
      expect(e.a, '`a` UARTFT after +++').toBeGreaterThanOrEqual(UARTFT - 5);
      expect(e.ok, '`+ok` UARTFT after our a').toBeGreaterThanOrEqual(UARTFT - 5);
    }
    const read = ofStep(socat, readStep).filter((e) => e.dir === 'in' || e.dir === 'out');
    const asked = hostLines(read)
      .map((l) => l.line)
      .filter((l) => /^AT\+\w+\?\r$/.test(l));
    const queries = asked.length;
    const repeated = asked.filter((l, i) => asked.indexOf(l) !== i).length;
    const pieces = hostLines(app).filter((l) => l.pause > 0);
    const notices = socat.filter((e) => e.dir === 'out' && text(e.hex).includes('[USR]')).length;
    const reads = readDelays(parsePageLog(pageLog), timeOrigin, socat);
    recordMeasurements(env, testInfo, {
      firmware: `worst-case, UARTFT ${UARTFT}, module left in command mode`,
      connect: `${ms(measured['connect'] ?? NaN)} from the click to command mode (Detect automatically)`,
      readAll: `${ms(measured['readAll'] ?? NaN)} in the page; ${queries} queries, ${ms((read.at(-1)?.t ?? NaN) - (read[0]?.t ?? NaN))} first query to last answer at the TCP end`,
      splitCommands: `${pieces.length} command lines reached the module in pieces${pieces.length ? `, longest pause ${Math.max(...pieces.map((l) => l.pause)).toFixed(1)} ms (UARTFT ${UARTFT})` : ''}`,
      apply: `${ms(measured['apply'] ?? NaN)} from Apply to the report (2 sets, AT+Z, re-entry, read-back)`,
      lateEntry: entries
        .map((e) => `a ${ms(e.a)} after +++, +ok ${ms(e.ok)} after our a, ${ms(e.total)} in all`)
        .join('; '),
      plusGaps: appGaps
        .map((g) => `${g.gap.toFixed(1)} ms (UARTFT ${g.uartft}, ${g.mode}${g.answeredA ? ', a' : ''})`)
        .join('; '),
      repeatedQueries: `${repeated} of ${queries} queries of the read were asked again (a retry, or a suspect line confirming values)`,
      noticesSeen: String(notices),
      readDelay: summaryText(summarise((reads ?? []).map((d) => d.delay))),
      gaps,
      entries,
    });
  });
});
