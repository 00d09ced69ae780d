/// <reference lib="webworker" />
/**
 * The simulator's Web Worker: one SimulatedModule on the real clock, with wire timing on so the page sees
 * a module that takes as long as a real one. The page gets its serial side as transferred streams
 * (worker-client.ts) and drives the virtual world with the control API.
 */
import { realClock } from '../clock/clock';
import { SimulatedModule } from './core';
import type { SimEvent } from './core/control';
import { createDeviceStreams, type DeviceStreams } from './host/device-streams';
import { lineFromOpenOptions } from './host/line-options';
import type { FromWorker, ToWorker } from './host/worker-protocol';

declare const self: DedicatedWorkerGlobalScope;

// Started as a module powered up a while ago; a power cycle from the panel shows the real 18 s boot.
const module = new SimulatedModule({ clock: realClock, wireTiming: true, startRunning: true });
let streams: DeviceStreams | undefined;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

// Events are batched per task: a burst of serial output becomes one message.
let batch: SimEvent[] = [];
let flushQueued = false;
module.onEvent((event) => {
  batch.push(event);
  if (flushQueued) return;
  flushQueued = true;
  setTimeout(() => {
    flushQueued = false;
    const events = batch;
    batch = [];
    post({ type: 'events', events });
  }, 0);
});

self.addEventListener('message', (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  switch (m.type) {
    case 'open': {
      streams?.detach();
      streams = createDeviceStreams(module, lineFromOpenOptions(m.options));
      post({ type: 'opened', id: m.id, readable: streams.readable, writable: streams.writable }, [
        streams.readable,
        streams.writable,
      ]);
      break;
    }
    case 'close':
      streams?.detach();
      streams = undefined;
      break;
    case 'unplug':
      streams?.lose();
      streams = undefined;
      post({ type: 'lost' });
      break;
    case 'control':
      module.control(m.command);
      break;
  }
});
