/**
 * Feeds the device model from the session: every fact (services/session-service.ts `onFact`), whether the
 * module is connected (a disconnect keeps the values, marked "as last known"), and a restart the session
 * did not start (working mode with `restarted`: a power cycle or the Reload pin — the session cannot tell
 * which, and the Reload pin restores the factory settings), which marks every value as possibly changed.
 * Tiny: the shell calls it at start (app-shell.ts).
 */
import type { SessionService, UiSessionState } from '../services/session-service';
import type { ConfigStore } from '../state/config-store';

/** The module can be talked to now. */
export function isLive(state: UiSessionState): boolean {
  return (
    state.kind === 'command' || state.kind === 'working' || state.kind === 'busy' || state.kind === 'entering'
  );
}

export function wireDeviceModel(session: SessionService, store: ConfigStore): () => void {
  let restarted = false;
  const onState = (s: UiSessionState): void => {
    // A failed operation leaves the port as it was: the values stay as they were (live or not).
    if (s.kind !== 'failed') store.setLive(isLive(s));
    const now = s.kind === 'working' && s.restarted === true;
    if (now && !restarted) store.markStale('restarted');
    restarted = now;
  };
  const offFact = session.onFact((fact) => store.learn(fact));
  const offState = session.subscribe(onState);
  onState(session.state);
  return () => {
    offFact();
    offState();
  };
}
