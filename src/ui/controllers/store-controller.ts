import type { ReactiveControllerHost } from 'lit';
import { storeContext } from '../context';
import type { ConfigStore } from '../state/config-store';
import { ServiceSubscription } from './service-subscription';

type Host = ReactiveControllerHost & HTMLElement;

/** Connects an element to the shared config store; the element re-renders on every store change. */
export class StoreController {
  private readonly link: ServiceSubscription<ConfigStore>;

  constructor(host: Host) {
    this.link = new ServiceSubscription(host, storeContext, (store) =>
      store.subscribe(() => host.requestUpdate()),
    );
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
