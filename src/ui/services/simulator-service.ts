/**
 * The simulator as the UI sees it: the simulator's one control API (simulator/core/control.ts), reached
 * lazily because the simulator is a heavy chunk (a Web Worker in production). Views get it through
 * `simulatorContext`; only the trainer's panel and the "Simulator" transport load it.
 */
import type { SimEvent, SimSnapshot, SimulatorControl } from '../../simulator/core/control';

export type {
  LedState,
  LinkState,
  NetworkType,
  PacketTag,
  ServerBehaviour,
  SimCommand,
  SimEvent,
  SimSnapshot,
  SocketId,
} from '../../simulator/core/control';

export interface SimulatorService {
  /** Starts the simulator on first call (loads its chunk); later calls return the same instance. */
  get(): Promise<SimulatorControl>;
  /** True once `get()` has resolved. */
  readonly started: boolean;
  /**
   * Events since the simulator started (the last few hundred), so a panel opened late still shows the
   * registration packet sent at connect time. Views replay them, then listen.
   */
  recent(): readonly SimEvent[];
  /** The latest snapshot (asks the simulator for one). */
  snapshot(): Promise<SimSnapshot>;
  /**
   * Pulls the virtual USB cable between the host and the module: the session's port fails as a real
   * unplugged adapter does (for the failure-path exercise).
   */
  unplug(): void;
  /** Plugs the virtual cable back in (after `unplug`): the app can connect again. */
  plug?(): void;
}
