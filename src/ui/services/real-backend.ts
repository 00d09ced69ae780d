/**
 * The backend the app runs on: the AT session (src/session/) through SessionAdapter, and the simulator in
 * its Web Worker (src/simulator/host/worker-client.ts). Loaded on first use (services/backend.ts).
 */
import type { ModuleMode, SimulatorControl } from '../../simulator/core/control';
import { webSerialFromGlobals } from '../../serial/web-serial';
import { persistentSimulator } from '../keep-work/simulator-keeper';
import type { Backend } from './backend';
import { SessionAdapter } from './session-adapter';

/** Modes in which the simulated module listens on its serial port. */
const UP: ReadonlySet<ModuleMode> = new Set(['net', 'httpd', 'entering', 'command']);

/**
 * Resolves once the simulated module is up: powers it on when off, and while it boots (as long as a real
 * module, ~18 s from power-on) calls `onBooting` once.
 */
export function whenModuleUp(sim: SimulatorControl, onBooting: () => void): Promise<void> {
  return new Promise((resolve) => {
    let told = false;
    const off = sim.onEvent((e) => {
      const mode = e.type === 'snapshot' ? e.snapshot.mode : e.type === 'mode' ? e.mode : undefined;
      if (mode === undefined) return;
      if (UP.has(mode)) {
        off();
        resolve();
        return;
      }
      if (mode === 'off' && e.type === 'snapshot') sim.control({ type: 'set-power', on: true });
      if (!told) {
        told = true;
        onBooting();
      }
    });
    sim.control({ type: 'get-snapshot' });
  });
}

export function createBackend(): Backend {
  const session = new SessionAdapter({
    simulatorPort: async (onBooting) => {
      const sim = await persistentSimulator();
      await whenModuleUp(sim, onBooting);
      return sim.port;
    },
    webSerial: webSerialFromGlobals(globalThis),
  });
  return {
    session,
    // Started from the state it had when the page was last open (keep-work/simulator-keeper.ts).
    simulator: persistentSimulator,
    unplug: () => void persistentSimulator().then((sim) => sim.port.unplug()),
    plug: () => void persistentSimulator().then((sim) => sim.port.plug()),
  };
}
