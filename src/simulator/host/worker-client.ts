import type { SerialOpenOptions } from '../../serial/serial-port-like';
import type { SimCommand, SimEvent, SimulatorControl } from '../core/control';
import { SIMULATOR_PORT_INFO } from './in-process-port';
import { StreamPort } from './stream-port';
import type { FromWorker, ToWorker } from './worker-protocol';

/** The page's handle on the simulator worker: a SerialPort-shaped port plus the control API. */
export interface WorkerSimulator extends SimulatorControl {
  readonly port: StreamPort & { unplug(): void };
  terminate(): void;
}

/**
 * Connects to a simulator running in `worker`. The port's streams are created in the worker for each
 * `open()` and transferred here, so bytes never pass through a message handler on this side.
 */
export function connectWorkerSimulator(worker: Worker): WorkerSimulator {
  const listeners = new Set<(e: SimEvent) => void>();
  const waiting = new Map<number, { resolve: (m: FromWorker) => void }>();
  let nextId = 1;
  const post = (m: ToWorker, transfer: Transferable[] = []): void => worker.postMessage(m, transfer);

  const port = new StreamPort(
    (options: SerialOpenOptions) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, {
          resolve: (m) => {
            if (m.type === 'opened') resolve({ readable: m.readable, writable: m.writable });
            else if (m.type === 'open-failed') reject(new DOMException(m.message, 'NetworkError'));
          },
        });
        post({ type: 'open', id, options });
      }),
    SIMULATOR_PORT_INFO,
    () => post({ type: 'close' }),
  ) as StreamPort & { unplug(): void };
  port.unplug = () => post({ type: 'unplug' });

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
    terminate() {
      worker.terminate();
    },
  };
}

let shared: Promise<WorkerSimulator> | undefined;

/**
 * The app's one simulator, started on first use: the worker (and the simulator code in it) is downloaded
 * only when someone picks the simulator.
 */
export function getWorkerSimulator(): Promise<WorkerSimulator> {
  shared ??= Promise.resolve().then(() =>
    connectWorkerSimulator(new Worker(new URL('../worker.ts', import.meta.url), { type: 'module' })),
  );
  return shared;
}
