/**
 * The batch station's cost per module against a single apply of the same profile and row (virtual clock,
 * wire timing on, the simulator core behind the UI's session adapter — the path the view uses).
 *
 * Station time per module: from the moment the next module's start message reaches the session (the
 * person has swapped it in; the swap and the module's power-up are the person's time, not the station's)
 * until its result is recorded: identify (VER, SN, IMEI, ICCID, SYSINFO, CSQ), apply (snapshot, writes with
 * read-back, AT+Z, read again) and the bookkeeping. Single apply: the same kind of module, just started,
 * the same values applied through the same adapter from the same moment, by a session that has already
 * met one module (as the station's has). Goal ≤ 1.15: the station adds
 * almost nothing to what the apply itself costs.
 */
import { VirtualClock } from '../src/clock/virtual-clock';
import { BatchStation, type StationRecord } from '../src/profile/batch/station';
import { readBatchTable } from '../src/profile/batch/table';
import { webSerialFromGlobals } from '../src/serial/web-serial';
import { SimulatedModule } from '../src/simulator/core';
import { createSimulatorPort } from '../src/simulator/host/in-process-port';
import { sessionStationDevice, watchArrivals } from '../src/ui/batch/logic/session-device';
import { virtualIdentity } from '../src/ui/batch/logic/virtual-modules';
import { noDeviceMemory } from '../src/ui/device-memory/device-memory';
import { SessionAdapter } from '../src/ui/services/session-adapter';
import type { BenchResult } from './report';

const PROFILE = {
  SOCKA: 'TCP,iot.example.com,5000',
  REGEN: 'ON',
  REGTP: 'USER',
  HEARTEN: 'ON',
  HEARTTM: '60',
};
const MODULES = 6;

function csv(): string {
  const lines = ['imei,REGDT,HEARTDT,SOCKA.port'];
  for (let n = 1; n <= MODULES; n++)
    lines.push(`${virtualIdentity(n).imei},${(1000 + n).toString(16).padStart(4, '0')},AB${n}0,${5000 + n}`);
  return `${lines.join('\n')}\n`;
}

async function rig(): Promise<{ clock: VirtualClock; module: SimulatedModule; adapter: SessionAdapter }> {
  const clock = new VirtualClock();
  const module = new SimulatedModule({ clock, poweredOn: false, wireTiming: true, seed: 11 });
  module.powerOn();
  clock.advanceSync(module.timings.bootMs + 5000);
  const adapter = new SessionAdapter(
    { simulatorPort: async () => createSimulatorPort(module), webSerial: webSerialFromGlobals({}) },
    { clock, memory: noDeviceMemory },
  );
  await clock.run(adapter.connect({ transport: 'simulator', line: 'auto' }));
  return { clock, module, adapter };
}

/** Swaps in module `n` (already powered up) and waits until the session has seen its start message. */
async function swapIn(clock: VirtualClock, module: SimulatedModule, adapter: SessionAdapter, n: number) {
  const started = new Promise<number>((resolve) => {
    const off = watchArrivals(adapter, () => {
      off();
      resolve(clock.now());
    });
  });
  module.control({ type: 'swap-module', identity: virtualIdentity(n), offMs: 500, running: true });
  return clock.run(started);
}

/** Virtual ms of one apply of the profile with row n, on a module just swapped in. */
async function singleApply(n: number): Promise<number> {
  const { clock, module, adapter } = await rig();
  const row = readBatchTable(csv(), PROFILE).rows[n - 1];
  if (!row) throw new Error('no row');
  // As at the station after its first module: the session has read this kind of module's UARTFT once
  // (until then it guards `+++` with 1000 ms, docs/session.md "UARTFT until known").
  await clock.run(adapter.apply(PROFILE));
  const from = await swapIn(clock, module, adapter, n);
  const report = await clock.run(adapter.apply({ ...PROFILE, ...row.values }));
  if (report.results.some((r) => r.outcome !== 'applied' && r.outcome !== 'unchanged'))
    throw new Error('the single apply failed');
  return clock.now() - from;
}

async function stationPerModule(): Promise<{ perModule: number; records: readonly StationRecord[] }> {
  const { clock, module, adapter } = await rig();
  const station = new BatchStation({
    table: readBatchTable(csv(), PROFILE),
    profile: PROFILE,
    device: sessionStationDevice(adapter),
    now: () => clock.now(),
  });
  // The module on the cable at start is not in the table: recorded, nothing applied.
  await clock.run(station.start());
  const pending: Promise<StationRecord | undefined>[] = [];
  watchArrivals(adapter, () => pending.push(station.moduleArrived()));
  let total = 0;
  for (let n = 1; n <= MODULES; n++) {
    const from = await swapIn(clock, module, adapter, n);
    const record = await clock.run(pending[n - 1] as Promise<StationRecord | undefined>);
    if (record?.outcome !== 'pass') throw new Error(`module ${n}: ${record?.message?.en ?? 'not recorded'}`);
    total += record.at - from;
  }
  return { perModule: total / MODULES, records: station.records };
}

export async function measureBatchStation(): Promise<BenchResult> {
  const { perModule } = await stationPerModule();
  let single = 0;
  for (let n = 1; n <= MODULES; n++) single += await singleApply(n);
  single /= MODULES;
  return {
    name: 'batch station time per module vs a single apply of the same profile + row',
    measured: perModule / single,
    unit: '×',
    goal: 1.15,
    kind: 'max',
    note: `${perModule.toFixed(0)} virtual ms per module (start message → recorded, ${MODULES} modules) vs ${single.toFixed(0)} ms per apply (start message → applied and read back)`,
  };
}
