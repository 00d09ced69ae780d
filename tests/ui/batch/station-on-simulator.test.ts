import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/clock/virtual-clock';
import { BatchStation, type StationRecord } from '../../../src/profile/batch/station';
import { readBatchTable } from '../../../src/profile/batch/table';
import { webSerialFromGlobals } from '../../../src/serial/web-serial';
import { SimulatedModule } from '../../../src/simulator/core';
import { createSimulatorPort } from '../../../src/simulator/host/in-process-port';
import { openLine, sessionStationDevice, watchArrivals } from '../../../src/ui/batch/logic/session-device';
import { virtualIdentity } from '../../../src/ui/batch/logic/virtual-modules';
import { noDeviceMemory } from '../../../src/ui/device-memory/device-memory';
import { SessionAdapter } from '../../../src/ui/services/session-adapter';

const PROFILE = { SOCKA: 'TCP,iot.example.com,5000', REGEN: 'ON', REGTP: 'USER', HEARTTM: '60' };

/** The station on the UI's session adapter, the simulator core behind it, on a virtual clock. */
async function station(csv: string, profile: Readonly<Record<string, string>> = PROFILE) {
  const clock = new VirtualClock();
  const module = new SimulatedModule({
    clock,
    poweredOn: false,
    wireTiming: true,
    seed: 5,
    identity: virtualIdentity(1),
  });
  module.powerOn();
  clock.advanceSync(module.timings.bootMs + 5000);
  const adapter = new SessionAdapter(
    { simulatorPort: async () => createSimulatorPort(module), webSerial: webSerialFromGlobals({}) },
    { clock, memory: noDeviceMemory },
  );
  await clock.run(adapter.connect({ transport: 'simulator', line: 'auto' }));
  const s = new BatchStation({
    table: readBatchTable(csv, profile),
    profile,
    device: sessionStationDevice(adapter, openLine(adapter.state)),
    now: () => clock.now(),
  });
  const recorded: Promise<StationRecord | undefined>[] = [];
  watchArrivals(adapter, () => recorded.push(s.moduleArrived()));
  /** The person puts module `n` on the adapter; resolves with its record. */
  const next = async (n: number): Promise<StationRecord | undefined> => {
    const before = recorded.length;
    module.control({ type: 'swap-module', identity: virtualIdentity(n), offMs: 500, running: true });
    while (recorded.length === before) await clock.advance(50);
    return clock.run(recorded[before] as Promise<StationRecord | undefined>);
  };
  await clock.run(s.start());
  return { clock, module, adapter, station: s, next };
}

const imei = (n: number): string => virtualIdentity(n).imei;

describe('batch station on the simulated module (session adapter, virtual clock)', () => {
  it('provisions a sequence of modules by IMEI: each reads back its own row, the unknown one is untouched', async () => {
    const csv = `imei,REGDT,SOCKA.port\n${imei(1)},0001,5001\n${imei(2)},0002,5002\n${imei(3)},0003,5003\n`;
    const { module, station: s, next } = await station(csv);
    expect(module.flash.stored['REGDT']).toBe('0001');
    expect(module.flash.stored['SOCKA']).toBe('TCP,iot.example.com,5001');

    await next(3);
    expect(module.flash.stored['REGDT']).toBe('0003');
    expect(module.flash.stored['SOCKA']).toBe('TCP,iot.example.com,5003');

    const unknown = await next(9);
    expect(unknown).toMatchObject({ outcome: 'skipped', reason: 'not-in-table', imei: imei(9) });
    // Nothing was written: the unknown module keeps its factory settings.
    expect(module.flash.stored['REGDT']).toBe('7777772E7573722E636E');
    expect(module.flash.stored['SOCKA']).toBe('TCP,test.usr.cn,2317');

    expect(s.records.map((r) => [r.imei, r.outcome, r.row])).toEqual([
      [imei(1), 'pass', 1],
      [imei(3), 'pass', 3],
      [imei(9), 'skipped', undefined],
    ]);
    expect(s.records[0]).toMatchObject({ iccid: virtualIdentity(1).iccid, sn: virtualIdentity(1).sn });
    expect(s.state.kind).toBe('waiting');
  }, 60_000);

  it('a profile that sets 9600: every next module, still at 115200 from the factory, is provisioned too', async () => {
    const csv = `imei,REGDT\n${imei(1)},0001\n${imei(2)},0002\n${imei(3)},0003\n`;
    const {
      module,
      adapter,
      station: s,
      next,
    } = await station(csv, { ...PROFILE, UART: '9600,8,1,NONE,NFC' });
    expect(module.flash.stored['UART']).toBe('9600,8,1,NONE,NFC');
    // Back at the rate modules arrive at, sending nothing: the module just done is out of reach now.
    expect(openLine(adapter.state)?.baud).toBe(115200);
    for (const n of [2, 3]) {
      const record = await next(n);
      expect(record).toMatchObject({ outcome: 'pass', imei: imei(n) });
      expect(module.flash.stored['REGDT']).toBe(`000${n}`);
      expect(module.flash.stored['UART']).toBe('9600,8,1,NONE,NFC');
      expect(openLine(adapter.state)?.baud).toBe(115200);
    }
    expect(s.records.map((r) => r.outcome)).toEqual(['pass', 'pass', 'pass']);
  }, 60_000);

  it('the same module put back is not applied again: no AT+…= line crosses the wire', async () => {
    const csv = `imei,REGDT\n${imei(1)},0001\n${imei(2)},0002\n`;
    const { adapter, station: s, next } = await station(csv);
    const sent = adapter.traffic().length;
    const again = await next(1);
    expect(again).toMatchObject({ outcome: 'skipped', reason: 'already-provisioned', row: 1 });
    const writes = adapter
      .traffic()
      .slice(sent)
      .filter((e) => e.dir === 'tx' && /AT\+\w+=/.test(new TextDecoder().decode(e.bytes)));
    expect(writes).toEqual([]);
    expect(s.remaining).toBe(1);
  }, 60_000);
});
