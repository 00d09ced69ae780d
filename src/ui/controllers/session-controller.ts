import type { ReactiveControllerHost } from 'lit';
import { sessionContext } from '../context';
import type { SessionService, UiSessionState } from '../services/session-service';
import { ServiceSubscription } from './service-subscription';

type Host = ReactiveControllerHost & HTMLElement;

/** States in which the module takes AT commands. */
export function isReady(state: UiSessionState): boolean {
  return state.kind === 'command' || state.kind === 'working';
}

/** Connects an element to the session: `this.session.state` re-renders the element when it changes. */
export class SessionController {
  private readonly link: ServiceSubscription<SessionService>;
  private _state: UiSessionState = { kind: 'disconnected' };

  constructor(host: Host, onChange?: (state: UiSessionState, previous: UiSessionState) => void) {
    this.link = new ServiceSubscription(host, sessionContext, (service) => {
      this._state = service.state;
      return service.subscribe((state) => {
        const previous = this._state;
        this._state = state;
        onChange?.(state, previous);
        host.requestUpdate();
      });
    });
  }

  get state(): UiSessionState {
    return this._state;
  }

  /** The session; throws when used outside the app (no provider). */
  get api(): SessionService {
    const service = this.link.value;
    if (!service) throw new Error('No session service provided');
    return service;
  }

  /** False outside the app (no provider). */
  get available(): boolean {
    return this.link.value !== undefined;
  }

  get ready(): boolean {
    return isReady(this._state);
  }
}
