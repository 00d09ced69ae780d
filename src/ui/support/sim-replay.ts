/**
 * The replay's serial line in the app: the simulator worker's control API (`serial-write` in,
 * `serial-out` events back), and putting the customer's module on its cable with `swap-module`
 * (already running, as the module was when the customer's session began).
 */
import { replayModule } from '../../profile/bundle/replay';
import type { ReplayTarget } from '../../profile/bundle/replay';
import type { SupportBundle } from '../../profile/bundle/format';
import type { ModuleIdentity, SimEvent, SimulatorControl } from '../../simulator/core/control';

export function simulatorTarget(sim: SimulatorControl): ReplayTarget {
  return {
    write: (bytes, line) => sim.control({ type: 'serial-write', bytes, line }),
    onOutput: (listener) =>
      sim.onEvent((e) => {
        if (e.type === 'serial-out') listener(e.bytes);
      }),
  };
}

export interface LoadedModule {
  readonly identity: ModuleIdentity;
  readonly refused: readonly { readonly name: string; readonly reason: string }[];
}

/** How long the simulator is off between the two modules, ms. */
const SWAP_OFF_MS = 200;
/** A swap is answered at once and running after SWAP_OFF_MS; past this something is wrong. */
const LOAD_TIMEOUT_MS = 10_000;

/** Puts the bundle's module on the simulator; resolves once it runs. */
export function loadModule(sim: SimulatorControl, bundle: SupportBundle): Promise<LoadedModule> {
  const { stored, identity } = replayModule(bundle);
  return new Promise((resolve, reject) => {
    let swapped: LoadedModule | undefined;
    const timer = setTimeout(() => {
      off();
      reject(new Error('the simulator did not answer'));
    }, LOAD_TIMEOUT_MS);
    const off = sim.onEvent((e: SimEvent) => {
      if (e.type === 'module-swapped') swapped = { identity: e.identity, refused: e.refused };
      else if (swapped && e.type === 'restart' && e.phase === 'done') {
        clearTimeout(timer);
        off();
        resolve(swapped);
      }
    });
    sim.control({ type: 'swap-module', stored, identity, offMs: SWAP_OFF_MS, running: true });
  });
}
