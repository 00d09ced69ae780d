/**
 * The one place that decides which session and simulator implementations the UI runs on. Loaded on first
 * use (a connect, or opening the simulator panel), so neither is in the initial bundle.
 *
 * Wired to the real AT session (session-adapter.ts) and the simulator worker (real-backend.ts).
 */
import type { SimulatorControl } from '../../simulator/core/control';
import type { SessionService } from './session-service';

export interface Backend {
  readonly session: SessionService;
  /** The simulator, started on first call (its worker is not created for a USB-serial session). */
  simulator(): Promise<SimulatorControl>;
  /** Pulls the virtual cable between the session and the simulated module. */
  unplug(): void;
  /** Plugs the virtual cable back in: the simulated port can be opened again. */
  plug(): void;
}

let loading: Promise<Backend> | undefined;

export function loadBackend(): Promise<Backend> {
  loading ??= import('./real-backend').then((m) => m.createBackend());
  return loading;
}
