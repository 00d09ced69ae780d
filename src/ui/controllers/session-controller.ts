import type { ReactiveControllerHost } from 'lit';
import { sessionContext } from '../context';
import type { SessionService, UiSessionState } from '../services/session-service';
import { FrameBatcher } from '../stream-log/frame-batch';
import { ServiceSubscription } from './service-subscription';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Least time between two redraws while changes keep coming (an operation's progress, a read-all's values);
 * a change after a quiet spell still shows in the next frame.
 */
const REDRAW_MS = 100;

/** States in which the module takes AT commands. */
export function isReady(state: UiSessionState): boolean {
  return state.kind === 'command' || state.kind === 'working';
}

/**
 * Connects an element to the session: `this.session.state` re-renders the element when it changes, at most
 * once per animation frame and every REDRAW_MS while it keeps changing (an operation's progress changes
 * the state after every command); `onChange` still sees every state at once. See docs/performance.md.
 */
export class SessionController {
  private readonly link: ServiceSubscription<SessionService>;
  private _state: UiSessionState = { kind: 'disconnected' };

  constructor(host: Host, onChange?: (state: UiSessionState, previous: UiSessionState) => void) {
    const redraw = new FrameBatcher(() => host.requestUpdate(), { minIntervalMs: REDRAW_MS });
    this.link = new ServiceSubscription(host, sessionContext, (service) => {
      this._state = service.state;
      const off = service.subscribe((state) => {
        const previous = this._state;
        this._state = state;
        onChange?.(state, previous);
        redraw.schedule();
      });
      return () => {
        off();
        redraw.cancel();
      };
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
