import type { ReactiveControllerHost } from 'lit';
import { storeContext } from '../context';
import type { ConfigStore } from '../state/config-store';
import { FrameBatcher } from '../stream-log/frame-batch';
import { ServiceSubscription } from './service-subscription';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Least time between two redraws while changes keep coming (an operation's progress, a read-all's values);
 * a change after a quiet spell still shows in the next frame.
 */
const REDRAW_MS = 100;

/**
 * Connects an element to the shared config store; the element re-renders after store changes, at most
 * once per animation frame and every REDRAW_MS while changes keep coming. A read-all changes the store
 * once or twice per setting, every few ms: one render per change held the session's next command behind
 * a full view render each time (read-all 7× its wire time in Chromium; docs/performance.md).
 */
export class StoreController {
  private readonly link: ServiceSubscription<ConfigStore>;

  constructor(host: Host) {
    const redraw = new FrameBatcher(() => host.requestUpdate(), { minIntervalMs: REDRAW_MS });
    this.link = new ServiceSubscription(host, storeContext, (store) => {
      const off = store.subscribe(() => redraw.schedule());
      return () => {
        off();
        redraw.cancel();
      };
    });
  }

  get value(): ConfigStore {
    const store = this.link.value;
    if (!store) throw new Error('No config store provided');
    return store;
  }

  get available(): boolean {
    return this.link.value !== undefined;
  }
}
