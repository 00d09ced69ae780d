/**
 * Support bundles recorded through the app's real session adapter on the simulator core (virtual clock),
 * and a replay of a bundle against another simulated module — as the app does with its worker.
 */
import { VirtualClock } from '../../src/clock/virtual-clock';
import { buildBundle, Replay, replayModule, type SupportBundle } from '../../src/profile/bundle';
import { webSerialFromGlobals } from '../../src/serial/web-serial';
import { SimulatedModule } from '../../src/simulator/core';
import { createSimulatorPort } from '../../src/simulator/host/in-process-port';
import { noDeviceMemory } from '../../src/ui/device-memory/device-memory';
import { SessionAdapter } from '../../src/ui/services/session-adapter';

export interface Recording {
  readonly bundle: SupportBundle;
  readonly module: SimulatedModule;
}

export interface RecordOptions {
  readonly firmware?: readonly string[];
  /** Settings the customer's module has stored before the session. */
  readonly stored?: Readonly<Record<string, string>>;
  /** What the session applies. */
  readonly apply?: Readonly<Record<string, string>>;
  readonly includeSecrets?: boolean;
  readonly identity?: { readonly imei?: string; readonly sn?: string };
}

/** A customer's session: connect, identity, status, read all, apply; then the bundle. */
export async function recordSession(options: RecordOptions = {}): Promise<Recording> {
  const clock = new VirtualClock();
  const module = new SimulatedModule({
    clock,
    wireTiming: true,
    seed: 3,
    poweredOn: false,
    identity: options.identity ?? {},
    ...(options.firmware ? { firmware: options.firmware } : {}),
  });
  Object.assign(module.flash.stored, options.stored ?? {});
  Object.assign(module.flash.user, options.stored ?? {});
  module.powerOn();
  clock.advanceSync(module.timings.bootMs + 8000);
  const adapter = new SessionAdapter(
    { simulatorPort: async () => createSimulatorPort(module), webSerial: webSerialFromGlobals({}) },
    { clock, memory: noDeviceMemory },
  );
  await clock.run(adapter.connect({ transport: 'simulator', line: 'auto' }));
  const identity = await clock.run(adapter.identify());
  await clock.run(adapter.readStatus());
  const device = await clock.run(adapter.readAll());
  const report = await clock.run(adapter.apply(options.apply ?? { HEARTTM: '90' }));
  const bundle = buildBundle({
    createdAt: new Date('2026-11-29T15:00:00Z'),
    app: { version: '0.1.0', browser: 'Node test' },
    transport: 'simulator',
    firmware: options.firmware ?? [],
    identity,
    device: { ...device, ...report.confirmed },
    report,
    linkProof: undefined,
    traffic: adapter.traffic(),
    dropped: { entries: 0, bytes: 0 },
    includeSecrets: options.includeSecrets ?? false,
  });
  return { bundle, module };
}

/** The bundle's exchange replayed, to the end, on a module loaded from it (`firmware`: the simulator's). */
export async function replayOn(bundle: SupportBundle, firmware?: readonly string[]) {
  const clock = new VirtualClock();
  const module = new SimulatedModule({
    clock,
    wireTiming: true,
    seed: 11,
    startRunning: true,
    ...(firmware ? { firmware } : {}),
  });
  const { stored, identity } = replayModule(bundle);
  module.control({ type: 'swap-module', stored, identity, offMs: 100, running: true });
  clock.advanceSync(1000);
  const replay = new Replay(
    bundle.log.entries,
    {
      write: (bytes, line) => module.control({ type: 'serial-write', bytes, line }),
      onOutput: (listener) => module.onSerialOutput(listener),
    },
    { clock },
  );
  await clock.run(replay.runToEnd());
  return { replay, module, clock };
}
