/// <reference lib="webworker" />
/**
 * The simulator's Web Worker: one SimulatedModule on the real clock, with wire timing on so the page sees
 * a module that takes as long as a real one. The page gets its serial side as transferred streams
 * (worker-client.ts) and drives the virtual world with the control API.
 *
 * The module starts from the saved state the page sends first (`init`, host/saved-state.ts), else as at
 * the demo's start; whenever that state changes the worker tells the page (`state`, at most every
 * STATE_CHECK_MS), so a reload finds the module as it was.
 */
import { realClock } from '../clock/clock';
import { SimulatedModule } from './core';
import type { SimEvent } from './core/control';
import { createDeviceStreams, type DeviceStreams } from './host/device-streams';
import { lineFromOpenOptions } from './host/line-options';
import {
  checkSavedState,
  pristineState,
  restoreFaults,
  restoreWorld,
  sameState,
  savedStateOf,
  type ModuleSavedState,
} from './host/saved-state';
import type { FromWorker, ToWorker } from './host/worker-protocol';
import { VirtualWorld } from './world/world';

declare const self: DedicatedWorkerGlobalScope;

/** How often, at most, the saved state is compared and sent to the page. */
const STATE_CHECK_MS = 250;

let module: SimulatedModule | undefined;
let streams: DeviceStreams | undefined;
/** The state the page has (last sent, or the one it started the module from). */
let told: ModuleSavedState | undefined;
let checkQueued = false;
/** The virtual USB cable is out (`unplug`): the port cannot be opened until `plug`. */
let unplugged = false;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

/** Started as a module powered up a while ago; a power cycle from the panel shows the real 18 s boot. */
function start(saved: ModuleSavedState | undefined): SimulatedModule {
  const world = new VirtualWorld({ clock: realClock });
  if (saved) restoreWorld(world, saved);
  const m = new SimulatedModule({
    clock: realClock,
    wireTiming: true,
    startRunning: true,
    world,
    ...(saved ? { firmware: saved.firmware, flash: saved } : {}),
  });
  if (saved) restoreFaults(m, saved);
  told = savedStateOf(m);
  // Events are batched per task: a burst of serial output becomes one message.
  let batch: SimEvent[] = [];
  let flushQueued = false;
  m.onEvent((event) => {
    batch.push(event);
    checkState();
    if (flushQueued) return;
    flushQueued = true;
    setTimeout(() => {
      flushQueued = false;
      const events = batch;
      batch = [];
      post({ type: 'events', events });
    }, 0);
  });
  return m;
}

/** Soon: tells the page when the saved state differs from what it has. */
function checkState(): void {
  if (checkQueued) return;
  checkQueued = true;
  setTimeout(() => {
    checkQueued = false;
    tellState();
  }, STATE_CHECK_MS);
}

/** Now: tells the page when the saved state differs from what it has. */
function tellState(): void {
  if (!module) return;
  const now = savedStateOf(module);
  if (told && sameState(now, told)) return;
  told = now;
  post({ type: 'state', state: sameState(now, pristineState()) ? null : now });
}

function need(): SimulatedModule {
  module ??= start(undefined);
  return module;
}

self.addEventListener('message', (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  switch (m.type) {
    case 'init':
      module ??= start(m.state === null ? undefined : checkSavedState(m.state));
      break;
    case 'open': {
      if (unplugged) {
        post({
          type: 'open-failed',
          id: m.id,
          message: 'The device has been lost (the cable is unplugged).',
          unplugged: true,
        });
        break;
      }
      streams?.detach();
      streams = createDeviceStreams(need(), lineFromOpenOptions(m.options));
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
      unplugged = true;
      streams?.lose();
      streams = undefined;
      post({ type: 'lost' });
      break;
    case 'plug':
      unplugged = false;
      break;
    case 'control':
      need().control(m.command);
      // A trainer's or a scenario's change (load-state, swap-module, a fault) is kept at once: an F5 right
      // after "Start" must find the exercise's module, not the one before it.
      tellState();
      break;
  }
  if (module) checkState();
});
