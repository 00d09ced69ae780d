import { disconnectedError } from '../../serial/port-error';
import type { SerialOpenOptions } from '../../serial/serial-port-like';
import type { SimCommand, SimEvent, SimulatorControl } from '../core/control';
import { SIMULATOR_PORT_INFO } from './in-process-port';
import type { ModuleSavedState, StatefulSimulator } from './saved-state';
import { StreamPort } from './stream-port';
import type { FromWorker, ToWorker } from './worker-protocol';

/** The page's handle on the simulator worker: a SerialPort-shaped port plus the control API. */
export interface WorkerSimulator extends SimulatorControl, StatefulSimulator {
  readonly port: StreamPort & { unplug(): void; plug(): void };
  terminate(): void;
}

export interface WorkerSimulatorOptions {
  /** Start the module from this saved state (saved-state.ts) instead of the demo's start. */
  readonly initial?: ModuleSavedState | null;
}

/**
 * Connects to a simulator running in `worker`. The port's streams are created in the worker for each
 * `open()` and transferred here, so bytes never pass through a message handler on this side.
 */
export function connectWorkerSimulator(
  worker: Worker,
  options: WorkerSimulatorOptions = {},
): WorkerSimulator {
  const listeners = new Set<(e: SimEvent) => void>();
  const stateListeners = new Set<(s: ModuleSavedState | null) => void>();
  const waiting = new Map<number, { resolve: (m: FromWorker) => void }>();
  let nextId = 1;
  const post = (m: ToWorker, transfer: Transferable[] = []): void => worker.postMessage(m, transfer);
  // First of all: what the module starts from.
  if (options.initial) post({ type: 'init', state: options.initial });

  const port = new StreamPort(
    (options: SerialOpenOptions) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, {
          resolve: (m) => {
            if (m.type === 'opened') resolve({ readable: m.readable, writable: m.writable });
            // A pulled cable is the session's "disconnected" (the help about cables), not a busy port.
            else if (m.type === 'open-failed')
              reject(m.unplugged ? disconnectedError() : new DOMException(m.message, 'NetworkError'));
          },
        });
        post({ type: 'open', id, options });
      }),
    SIMULATOR_PORT_INFO,
    () => post({ type: 'close' }),
  ) as StreamPort & { unplug(): void; plug(): void };
  port.unplug = () => post({ type: 'unplug' });
  port.plug = () => post({ type: 'plug' });

  worker.addEventListener('message', (e: MessageEvent<FromWorker>) => {
    const m = e.data;
    switch (m.type) {
      case 'opened':
      case 'open-failed':
        waiting.get(m.id)?.resolve(m);
        waiting.delete(m.id);
        break;
      case 'lost':
        port.markLost();
        break;
      case 'events':
        for (const ev of m.events) for (const l of listeners) l(ev);
        break;
      case 'state':
        for (const l of stateListeners) l(m.state);
        break;
    }
  });

  return {
    port,
    control(command: SimCommand) {
      post({ type: 'control', command });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onSavedState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    terminate() {
      worker.terminate();
    },
  };
}

let shared: Promise<WorkerSimulator> | undefined;

/**
 * The app's one simulator, started on first use: the worker (and the simulator code in it) is downloaded
 * only when someone picks the simulator. `initial()` (the first call's) gives the saved state to start from.
 */
export function getWorkerSimulator(
  initial: () => Promise<ModuleSavedState | null> = () => Promise.resolve(null),
): Promise<WorkerSimulator> {
  if (!shared) {
    // The worker's script downloads and starts while the saved state is read from IndexedDB: one after the
    // other cost ~1 s at 4× CPU throttling before the first connect (docs/performance.md). Nothing is posted
    // to it before `init`, so the module still starts from the saved state.
    const worker = new Worker(new URL('../worker.ts', import.meta.url), { type: 'module' });
    shared = initial()
      .catch(() => null)
      .then((state) => connectWorkerSimulator(worker, { initial: state }));
  }
  return shared;
}
