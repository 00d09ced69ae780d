/**
 * Link proof in the UI (issue "What the screen says is true"): the report is green only for what was
 * proven. Pure parts (findings, summary, the simulator trace, the watch in rounds), then the whole of it
 * through the session adapter on the simulator core with a virtual clock.
 */
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/clock/virtual-clock';
import { factoryDefaults } from '../../src/protocol/catalogue';
import { webSerialFromGlobals } from '../../src/serial/web-serial';
import { SimulatedModule } from '../../src/simulator/core';
import type { SimEvent } from '../../src/simulator/core/control';
import { createSimulatorPort } from '../../src/simulator/host/in-process-port';
import { noDeviceMemory } from '../../src/ui/device-memory/device-memory';
import { causeText, findingsOf, summarize, type ProofState } from '../../src/ui/link-proof/findings';
import { watchLinks } from '../../src/ui/link-proof/link-watch';
import { applyNeedsProof, ProofRunner } from '../../src/ui/link-proof/proof-runner';
import { EMPTY_TRACE, settledDown, traceEvent, type SimTrace } from '../../src/ui/link-proof/sim-trace';
import { SessionAdapter } from '../../src/ui/services/session-adapter';
import type { ApplyReport, LinkProof, SocketProof } from '../../src/ui/services/session-service';
import type { SimulatorService } from '../../src/ui/services/simulator-service';
import { ConfigStore } from '../../src/ui/state/config-store';

const report = (names: readonly string[], outcome: 'applied' | 'rejected' = 'applied'): ApplyReport => ({
  results: names.map((name) =>
    outcome === 'applied'
      ? { name, value: 'x', outcome }
      : { name, value: 'x', outcome, error: { raw: '+ERR:4', meaning: { en: 'bad', zh: '错' } } },
  ),
  snapshot: {},
  restarted: true,
  confirmed: {},
});

const off = (socket: SocketProof['socket']): SocketProof => ({
  socket,
  verdict: 'disabled',
  server: undefined,
});

function proof(a: Partial<SocketProof>, rest: Partial<LinkProof> = {}): LinkProof {
  return {
    sockets: [
      { socket: 'A', verdict: 'up', server: 'TCP,demo.usr.cn,2318', ...a },
      off('B'),
      off('C'),
      off('D'),
    ],
    mode: 'NET',
    watchedMs: 3000,
    ...rest,
  };
}

const done = (r: ApplyReport, p: LinkProof, trace?: SimTrace): ProofState => ({
  kind: 'done',
  report: r,
  proof: p,
  at: 0,
  ...(trace ? { trace } : {}),
});

const link = (at: number, state: string, reason?: string): SimEvent =>
  ({ type: 'link', at, socket: 'A', state, ...(reason ? { reason } : {}) }) as SimEvent;

describe('the report summary says only what was proven', () => {
  const r = report(['SOCKA', 'HEARTTM', 'REGEN']);

  it('all up: green, "All 3 settings were applied. Socket A is connected."', () => {
    const s = summarize(r, done(r, proof({ upAfterMs: 400 })), 'en');
    expect(s).toEqual({ tone: 'ok', text: 'All 3 settings were applied. Socket A is connected.' });
    expect(summarize(r, done(r, proof({})), 'zh').text).toBe('3 项参数已生效。Socket A 已连接。');
  });

  it('a link down: warning colour with the reason, never "all applied"', () => {
    const s = summarize(r, done(r, proof({ verdict: 'down', reason: 'server-unreachable' })), 'en');
    expect(s.tone).toBe('warn');
    expect(s.text).toBe('Settings applied — socket A could not connect: the server could not be reached.');
    expect(s.text).not.toMatch(/All|all/);
  });

  it('the simulator names the precise reason: refused, a name that does not resolve', () => {
    const down = proof({ verdict: 'down', reason: 'server-unreachable', server: 'TCP,nowhere.invalid,2318' });
    const refused = traceEvent(EMPTY_TRACE, link(10, 'waiting', 'refused'), 0);
    expect(summarize(r, done(r, down, refused), 'en').text).toBe(
      'Settings applied — socket A could not connect: the server refused the connection.',
    );
    const dns = traceEvent(EMPTY_TRACE, link(10, 'waiting', 'dns'), 0);
    expect(summarize(r, done(r, down, dns), 'en').text).toContain(
      'the name nowhere.invalid does not resolve (DNS)',
    );
    expect(summarize(r, done(r, down, dns), 'zh').text).toBe(
      '参数已写入——Socket A 无法连接：域名 nowhere.invalid 无法解析（DNS）。',
    );
  });

  it('what the module tells: no service, a weak signal with its dBm', () => {
    const noService = findingsOf(proof({ verdict: 'down', reason: 'no-service' }))[0];
    expect(noService?.cause).toEqual({ kind: 'no-service' });
    const weak = findingsOf(
      proof(
        { verdict: 'down', reason: 'weak-signal' },
        { signal: { dbm: -111, unknown: false, bars: 0, text: { en: '', zh: '' } } },
      ),
    )[0];
    expect(weak?.cause && causeText(weak.cause, 'en')).toBe('the signal is too weak (-111 dBm)');
  });

  it('several sockets down: named together', () => {
    const p: LinkProof = {
      ...proof({ verdict: 'down', reason: 'server-unreachable' }),
      sockets: [
        { socket: 'A', verdict: 'down', server: 'TCP,a,1', reason: 'server-unreachable' },
        { socket: 'B', verdict: 'down', server: 'TCP,b,1', reason: 'server-unreachable' },
        { socket: 'C', verdict: 'on-demand', server: 'TCP,c,1' },
        off('D'),
      ],
    };
    expect(summarize(r, done(r, p), 'en').text).toBe(
      'Settings applied — sockets A and B could not connect (the reasons are below).',
    );
    expect(findingsOf(p).map((f) => f.verdict)).toEqual(['down', 'down', 'on-demand']);
  });

  it('checking, stopped, failed, and a proof of another apply', () => {
    expect(summarize(r, { kind: 'checking', report: r, timeoutMs: 45_000 }, 'en')).toEqual({
      tone: 'checking',
      text: 'Settings written and read back. Checking that the sockets connect (up to 45 s)…',
    });
    expect(summarize(r, { kind: 'stopped', report: r }, 'en').tone).toBe('warn');
    expect(summarize(r, { kind: 'failed', report: r, error: 'timeout' }, 'en').text).toContain('timeout');
    const other = report(['SOCKA']);
    expect(summarize(r, done(other, proof({ verdict: 'down' })), 'en').text).toBe(
      'All 3 settings were applied.',
    );
  });

  it('failed settings come first, in red; one setting in the singular', () => {
    expect(summarize(report(['SOCKA'], 'rejected'), undefined, 'en')).toEqual({
      tone: 'error',
      text: 'The setting was not applied. You can put back the value from before the write.',
    });
    const mixed: ApplyReport = {
      ...r,
      results: [...report(['REGEN'], 'rejected').results, ...r.results.slice(1)],
    };
    expect(summarize(mixed, undefined, 'en').text).toMatch(/^1 of 3 settings was not applied/);
    expect(summarize(report(['UART']), undefined, 'en').text).toBe('The setting was applied.');
  });

  it('a check only after changes that can affect the links, and nothing failed', () => {
    expect(applyNeedsProof(report(['SOCKA']))).toBe(true);
    expect(applyNeedsProof(report(['UART', 'UARTFT']))).toBe(false);
    expect(applyNeedsProof(report(['SOCKA'], 'rejected'))).toBe(false);
  });
});

describe('the simulator trace', () => {
  it('keeps the latest failure, the first connect and the first packets since the restart', () => {
    const bytes = new TextEncoder().encode('www.usr.cn');
    const events: SimEvent[] = [
      { type: 'socket-tx', at: 1, socket: 'A', bytes, tag: 'heartbeat' },
      { type: 'restart', at: 5, kind: 'app', phase: 'start' },
      { type: 'restart', at: 2505, kind: 'app', phase: 'done' },
      link(2505, 'connecting'),
      link(2605, 'connected'),
      { type: 'socket-tx', at: 2605, socket: 'A', bytes, tag: 'registration' },
      { type: 'socket-tx', at: 4605, socket: 'A', bytes, tag: 'heartbeat' },
      { type: 'socket-tx', at: 6605, socket: 'A', bytes, tag: 'heartbeat' },
    ];
    const trace = events.reduce((t, e, i) => traceEvent(t, e, 1000 + i), EMPTY_TRACE);
    expect(trace.restartedAt).toBe(2505);
    expect(trace.sockets.A).toMatchObject({ state: 'connected', connectedAt: 2605 });
    // The heartbeat before the restart belongs to the old settings.
    expect(trace.sockets.A?.heartbeat?.at).toBe(4605);
    expect(trace.sockets.A?.registration?.time).toBe(1005);
    const f = findingsOf(proof({ upAfterMs: 50 }), trace)[0];
    expect(f).toMatchObject({ verdict: 'up', upAfterRestartMs: 100 });
  });

  it('refused, unknown name and no network settle a socket; a retry under way does not undo it', () => {
    const refused = traceEvent(EMPTY_TRACE, link(10, 'waiting', 'refused'), 0);
    expect(settledDown(refused, 'A')).toBe(true);
    expect(settledDown(traceEvent(refused, link(5000, 'connecting'), 0), 'A')).toBe(true);
    expect(settledDown(traceEvent(refused, link(5100, 'connected'), 0), 'A')).toBe(false);
    expect(settledDown(traceEvent(EMPTY_TRACE, link(10, 'waiting', 'dropped'), 0), 'A')).toBe(false);
    expect(settledDown(traceEvent(EMPTY_TRACE, link(10, 'no-network'), 0), 'A')).toBe(true);
    expect(settledDown(EMPTY_TRACE, 'A')).toBe(false);
  });
});

describe('the watch in rounds', () => {
  const round = (verdict: SocketProof['verdict'], watchedMs: number, upAfterMs?: number): LinkProof =>
    proof({ verdict, ...(upAfterMs !== undefined ? { upAfterMs } : {}) }, { watchedMs });

  it('a real module: one call for the whole time', async () => {
    const calls: number[] = [];
    const p = await watchLinks({
      prove: async (o) => (calls.push(o.timeoutMs), round('down', o.timeoutMs)),
    });
    expect(calls).toEqual([45_000]);
    expect(p.sockets[0]?.verdict).toBe('down');
  });

  it('rounds go on until up, with the time from the start of the whole watch', async () => {
    const answers = [round('down', 3000), round('up', 800, 800)];
    const p = await watchLinks({ prove: async () => answers.shift() ?? round('up', 1), roundMs: 3000 });
    expect(p.sockets[0]).toMatchObject({ verdict: 'up', upAfterMs: 3800 });
    expect(p.watchedMs).toBe(3800);
  });

  it('a settled socket ends the watch at once; without a verdict it runs to the end', async () => {
    let calls = 0;
    await watchLinks({
      prove: async (o) => (calls++, round('down', o.timeoutMs)),
      roundMs: 3000,
      settled: () => true,
    });
    expect(calls).toBe(1);
    calls = 0;
    const p = await watchLinks({
      prove: async (o) => (calls++, round('down', o.timeoutMs)),
      roundMs: 3000,
      totalMs: 10_000,
      settled: () => false,
    });
    expect(calls).toBe(4);
    expect(p.watchedMs).toBe(10_000);
  });
});

/** The UI's session adapter and the runner on the simulator core, on a virtual clock. */
async function onSimulator() {
  const clock = new VirtualClock();
  const module = new SimulatedModule({ clock, poweredOn: false, wireTiming: true, seed: 5 });
  module.powerOn();
  clock.advanceSync(module.timings.bootMs + 5000);
  const adapter = new SessionAdapter(
    { simulatorPort: async () => createSimulatorPort(module), webSerial: webSerialFromGlobals({}) },
    { clock, memory: noDeviceMemory },
  );
  await clock.run(adapter.connect({ transport: 'simulator', line: 'auto' }));
  const simulator: SimulatorService = {
    started: true,
    get: async () => module,
    recent: () => [],
    snapshot: () => Promise.reject(new Error('unused')),
    unplug: () => undefined,
  };
  const store = new ConfigStore();
  const values = { ...factoryDefaults(), HEARTTM: '2', REGEN: 'ON' };
  async function applyAndProve(v: Record<string, string>): Promise<ProofState | undefined> {
    const runner = new ProofRunner({ session: adapter, store, simulator, transport: 'simulator' });
    await runner.prepare();
    const r = await clock.run(adapter.apply(v));
    await clock.run(runner.run(r, { ...values, ...v }));
    runner.finish();
    return store.linkProof;
  }
  return { clock, module, applyAndProve };
}

describe('on the simulator, through the session adapter', () => {
  it('a server that refuses: down and why, known within one short round', async () => {
    const { module, applyAndProve } = await onSimulator();
    module.setServerBehaviour('A', 'refuse');
    const state = await applyAndProve({ SOCKA: 'TCP,demo.usr.cn,2318' });
    if (state?.kind !== 'done') throw new Error(`no proof: ${state?.kind}`);
    expect(state.proof.watchedMs).toBeLessThan(10_000);
    expect(findingsOf(state.proof, state.trace)[0]).toMatchObject({
      verdict: 'down',
      cause: { kind: 'refused' },
    });
    expect(summarize(state.report, state, 'en').text).toBe(
      'Settings applied — socket A could not connect: the server refused the connection.',
    );
  });

  it('a name ending in .invalid: down, the name does not resolve', async () => {
    const { applyAndProve } = await onSimulator();
    const state = await applyAndProve({ SOCKA: 'TCP,nowhere.invalid,2318' });
    if (state?.kind !== 'done') throw new Error('no proof');
    expect(findingsOf(state.proof, state.trace)[0]?.cause).toEqual({ kind: 'dns', host: 'nowhere.invalid' });
  });

  it('a reachable server: up after the restart, with the registration packet it received', async () => {
    const { applyAndProve } = await onSimulator();
    const state = await applyAndProve({ SOCKA: 'TCP,demo.usr.cn,2318', REGEN: 'ON', HEARTTM: '2' });
    if (state?.kind !== 'done') throw new Error('no proof');
    const a = findingsOf(state.proof, state.trace)[0];
    expect(a).toMatchObject({ verdict: 'up' });
    expect(a?.upAfterRestartMs).toBeLessThan(1000);
    expect(new TextDecoder().decode(a?.registration?.bytes)).toBe('www.usr.cn');
    expect(summarize(state.report, state, 'en')).toEqual({
      tone: 'ok',
      text: 'All 3 settings were applied. Socket A is connected.',
    });
  });

  it('an apply that cannot change the links is not checked', async () => {
    const { applyAndProve } = await onSimulator();
    expect(await applyAndProve({ UARTFL: '512' })).toBeUndefined();
  });
});
