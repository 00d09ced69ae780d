/**
 * One late answer anywhere in the field engineer's flow. On a busy laptop Chromium can hand the module's
 * bytes to the page seconds after the module sent them (real-serial saw 2.3 s): the command's reply budget
 * runs out although nothing was lost. Whatever command it hits — the `a` and `+ok` of entry, a query, a
 * set's OK, AT+Z's OK, the first answers after the restart, AT+ENTM's OK — the flow must end as it would on
 * a prompt line: the module's values, an honest apply report, nothing written twice, no cascade of retries
 * or confirmation rounds, no error for what was only late.
 *
 * The flow: enter command mode (or find the baud rate) → identify → read all → apply HEARTTM and SOCKA
 * (need AT+Z: restart, re-entry, read-back) with WKMOD unchanged → prove the links → leave command mode.
 */
import { describe, expect, it } from 'vitest';
import type { Identity } from '../../src/session/ops/identify';
import type { ApplyResult } from '../../src/session/ops/apply';
import type { LinkProof } from '../../src/session/ops/link-proof';
import type { ReadAllResult } from '../../src/session/ops/read-all';
import { toSessionError, type SessionError } from '../../src/session/errors';
import { FaultyPort } from './faulty-port';
import { simSetup } from './sim-setup';

const decoder = new TextDecoder();
const UARTFT = 200;
const TARGET = { HEARTTM: '60', SOCKA: 'TCP,demo.usr.cn,2318', WKMOD: 'NET' };

interface Stall {
  /** What is late, as the test names it. */
  readonly what: string;
  /** The stall starts with the nth write containing `text`. */
  readonly text: string;
  readonly nth: number;
}

interface FlowRun {
  readonly errors: Record<string, SessionError>;
  readonly identity: Identity | undefined;
  readonly all: ReadAllResult | undefined;
  readonly applied: ApplyResult | undefined;
  readonly links: LinkProof | undefined;
  /** Every write the session made, as text. */
  readonly sent: string[];
  readonly moduleMode: string;
  readonly stored: Readonly<Record<string, string>>;
  readonly state: string;
  /** Data the module forwarded to a server from the serial side: anything here came from us. */
  readonly serverData: string;
}

async function runFlow(firmware: string, entry: 'enter' | 'find-baud', stall?: Stall & { ms: number }) {
  const { clock, module, port, session } = await simSetup({
    firmware: [firmware],
    settings: { UARTFT: String(UARTFT) },
    session: { uartft: UARTFT },
    wrap: (p, c) => new FaultyPort(p, c),
  });
  if (stall) (port as FaultyPort).stallOnce(stall.text, stall.ms, stall.nth);
  const serverData: string[] = [];
  module.onEvent((e) => {
    if (e.type === 'socket-tx' && e.tag === 'data') serverData.push(`${e.socket}:${decoder.decode(e.bytes)}`);
  });
  const errors: Record<string, SessionError> = {};
  const step = async <T>(name: string, op: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await clock.run(op());
    } catch (e) {
      errors[name] = toSessionError(e);
      return undefined;
    }
  };
  await step('entry', () =>
    entry === 'enter' ? session.enterCommandMode() : session.findBaudRate().then(() => undefined),
  );
  const identity = await step('identify', () => session.identify());
  const all = await step('readAll', () => session.readAll());
  const applied = await step('apply', () => session.apply(TARGET));
  const links = await step('proveLinks', () => session.proveLinks({ timeoutMs: 10_000 }));
  await step('leave', () => session.leaveCommandMode());
  const sent = session.log
    .entries()
    .filter((e) => e.dir === 'tx')
    .map((e) => decoder.decode(e.bytes));
  const run: FlowRun = {
    errors,
    identity,
    all,
    applied,
    links,
    sent,
    moduleMode: module.mode,
    stored: module.stored,
    state: session.state.kind,
    serverData: serverData.join('|'),
  };
  return run;
}

/** The commands of the flow whose answer is held up, each in turn. */
const STALLS: readonly Stall[] = [
  { what: 'the `a` of entry', text: '+++', nth: 1 },
  { what: 'the `+ok` of entry', text: 'a', nth: 1 },
  { what: 'an identify query', text: 'AT+SN?', nth: 1 },
  { what: 'a read-all query', text: 'AT+SOCKA?', nth: 1 },
  { what: "the apply snapshot's query", text: 'AT+HEARTTM?', nth: 2 },
  { what: "a set's OK", text: 'AT+HEARTTM=', nth: 1 },
  { what: 'a read-back before the restart', text: 'AT+HEARTTM?', nth: 3 },
  { what: "AT+Z's OK", text: 'AT+Z', nth: 1 },
  { what: 'the `a` of re-entry after the restart', text: '+++', nth: 2 },
  { what: 'a read-back after the restart', text: 'AT+HEARTTM?', nth: 4 },
  { what: 'a link-proof query', text: 'AT+SOCKALK?', nth: 1 },
  { what: "AT+ENTM's OK", text: 'AT+ENTM', nth: 1 },
];
const DELAYS_MS = [1200, 2500, 4000];
/** Commands a late answer may add: the one try sent while it was on its way, a second `+++`. */
const EXTRA_WRITES = 2;

function count(sent: readonly string[], text: string): number {
  return sent.filter((t) => t.includes(text)).length;
}

/**
 * The module waits 3 s (T5, manual 3.1.2) for our `a` after its own, then returns to its working mode and
 * forwards the `+++` to the server as data (module-behaviour.md, entry item 4). An `a` that reaches the page
 * later than that cannot be answered in time by anyone: that `+++` is lost to the server, whatever the host
 * does. What the session must still do: send nothing else meanwhile, and enter on the next try.
 */
const T5_MS = 3000;
const LOST_PLUS = 'A:+++';

function expectSameOutcome(run: FlowRun, baseline: FlowRun, serverData = ''): void {
  expect(run.errors).toEqual({});
  expect(run.serverData).toBe(serverData);
  // The module's values, as read on a prompt line.
  const ids = ['VER', 'SN', 'IMEI', 'ICCID'] as const;
  for (const id of ids) expect(run.identity?.raw[id], id).toBe(baseline.identity?.raw[id]);
  expect(run.all?.error).toBeUndefined();
  expect(run.all?.values).toEqual(baseline.all?.values);
  expect(run.all?.notReached).toEqual([]);
  // The apply report: applied / unchanged, honestly; stored once each, and running after the restart.
  expect(run.applied?.ok).toBe(true);
  expect(Object.fromEntries(run.applied?.outcomes.map((o) => [o.name, o.status]) ?? [])).toEqual({
    HEARTTM: 'applied',
    SOCKA: 'applied',
    WKMOD: 'unchanged',
  });
  expect(run.applied?.restarted).toBe(true);
  expect(run.stored['HEARTTM']).toBe('60');
  expect(run.stored['SOCKA']).toBe('TCP,demo.usr.cn,2318');
  expect(run.links?.sockets.find((s) => s.socket === 'A')?.verdict).toBe('up');
  expect(run.moduleMode).toBe('net');
  expect(run.state).toBe('working-mode');
}

describe.each(['manual', 'worst-case'])('firmware %s, UARTFT 200: one answer late', (firmware) => {
  let baseline: FlowRun | undefined;
  const base = async (): Promise<FlowRun> => (baseline ??= await runFlow(firmware, 'enter'));

  it('the flow on a prompt line: the baseline every late answer is measured against', async () => {
    const run = await base();
    expectSameOutcome(run, run);
    expect(count(run.sent, 'AT+HEARTTM=')).toBe(1);
    expect(count(run.sent, 'AT+Z')).toBe(1);
  });

  const cases = STALLS.flatMap((s) => DELAYS_MS.map((ms) => ({ ...s, ms })));
  it.each(cases)(
    '$what $ms ms late: same values and report, each setting written once, no cascade',
    async (stall) => {
      const baselineRun = await base();
      const run = await runFlow(firmware, 'enter', stall);
      const beyondT5 = stall.text === '+++' && stall.ms > T5_MS;
      expectSameOutcome(run, baselineRun, beyondT5 ? LOST_PLUS : '');
      expect(count(run.sent, 'AT+HEARTTM=')).toBe(1);
      expect(count(run.sent, 'AT+SOCKA=')).toBe(1);
      expect(count(run.sent, 'AT+Z')).toBe(1);
      expect(run.sent.length).toBeLessThanOrEqual(baselineRun.sent.length + EXTRA_WRITES);
    },
  );
});

describe.each(['manual', 'worst-case'])(
  'firmware %s, UARTFT 200: "Detect automatically", then the flow, with the entry answer late',
  (firmware) => {
    let baseline: FlowRun | undefined;
    const base = async (): Promise<FlowRun> => (baseline ??= await runFlow(firmware, 'find-baud'));
    const cases = STALLS.slice(0, 2).flatMap((s) => DELAYS_MS.map((ms) => ({ ...s, ms })));
    it.each(cases)('$what $ms ms late: found at 115200, the flow ends as on a prompt line', async (stall) => {
      const baselineRun = await base();
      expectSameOutcome(baselineRun, baselineRun);
      const run = await runFlow(firmware, 'find-baud', stall);
      if (stall.text === '+++') {
        // Known limit (docs/session.md, "Baud search"): the quick pass cannot wait out T5 at every rate, so
        // at the right rate a CR follows the unanswered `+++` and the module forwards both; then the wrong
        // rates' noise, the documented cost of auto-detect. Never an AT command or a value.
        expect(run.serverData).toMatch(/^A:\+\+\+\|A:\r/);
        expect(run.serverData).not.toMatch(/AT|OK/);
        expectSameOutcome(run, baselineRun, run.serverData);
        // One quick pass over every rate (+++ and a CR each) and the patient pass at most.
        expect(run.sent.length).toBeLessThanOrEqual(baselineRun.sent.length + 2 * (11 + 3) + EXTRA_WRITES);
        return;
      }
      expectSameOutcome(run, baselineRun);
      expect(run.sent.length).toBeLessThanOrEqual(baselineRun.sent.length + EXTRA_WRITES);
    });
  },
);
