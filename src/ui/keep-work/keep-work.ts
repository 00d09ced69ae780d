/**
 * Nothing lost on reload (issue "What the screen says is true"): loaded by the shell right after start
 * (app-shell.ts, its own chunk — storage and the catalogue stay out of the initial bundle). Puts back the
 * pending edits and keeps saving them (draft-keeper.ts), saves what is pending when the page is hidden or
 * closed, and asks before the page is left with edits not applied yet. The simulated module keeps its state
 * through the simulator service (simulator-keeper.ts, used by services/real-backend.ts).
 */
import type { ConfigStore } from '../state/config-store';
import { keepDraft, type DraftKeeper } from './draft-keeper';

/**
 * The browser's "Leave site? Changes you made may not be saved." while edits are pending: they are kept
 * in this browser, but they are not on the device yet, and edits with a password are not kept at all.
 */
export function guardLeaving(store: ConfigStore, target: Window = window): () => void {
  const onBeforeUnload = (e: BeforeUnloadEvent): void => {
    if (store.draft.size === 0) return;
    e.preventDefault();
    // Older Chromium needs returnValue set to show the prompt.
    e.returnValue = '';
  };
  target.addEventListener('beforeunload', onBeforeUnload);
  return () => target.removeEventListener('beforeunload', onBeforeUnload);
}

export async function keepWork(store: ConfigStore): Promise<DraftKeeper> {
  guardLeaving(store);
  const keeper = await keepDraft(store);
  const flush = (): void => void keeper.flush();
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
  return keeper;
}
