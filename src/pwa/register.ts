/**
 * Service-worker registration and the update prompt (Workbox's "handling service worker updates"):
 * a new version installs and waits → `onUpdateAvailable` callbacks run (the view shows "Update
 * available — reload") → the person accepts → `applyUpdate()` sends SKIP_WAITING → the new worker takes
 * control (`controlling`) → the page reloads once. Nothing here is called at import time.
 */
import { Workbox } from 'workbox-window';

export type RegistrationOutcome = 'registered' | 'unsupported' | 'development' | 'failed';

export interface RegisterOptions {
  /** Worker URL; default `<base>sw.js`. */
  readonly url?: string;
  /** Reload after the new worker takes control; default `location.reload()`. */
  readonly reload?: () => void;
  /** Register in development too (the dev server has no built worker unless devOptions are on). */
  readonly inDevelopment?: boolean;
}

let workbox: Workbox | undefined;
let updateWaiting = false;
let reloadPage: () => void = () => window.location.reload();
const listeners = new Set<() => void>();

/** Registers `/sw.js` as a module worker. Safe to call more than once. */
export async function registerServiceWorker(options: RegisterOptions = {}): Promise<RegistrationOutcome> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return 'unsupported';
  if (import.meta.env.DEV && !options.inDevelopment) return 'development';
  if (options.reload) reloadPage = options.reload;
  if (workbox) return 'registered';
  const wb = new Workbox(options.url ?? `${import.meta.env.BASE_URL}sw.js`, { type: 'module' });
  wb.addEventListener('waiting', () => {
    updateWaiting = true;
    for (const cb of listeners) cb();
  });
  workbox = wb;
  try {
    await wb.register();
    return 'registered';
  } catch {
    workbox = undefined;
    return 'failed';
  }
}

/**
 * Calls `cb` when a new version is installed and waiting (at once if one already is). Returns the
 * unsubscribe function.
 */
export function onUpdateAvailable(cb: () => void): () => void {
  listeners.add(cb);
  if (updateWaiting) cb();
  return () => listeners.delete(cb);
}

/** True while a new version waits for `applyUpdate`. */
export function isUpdateWaiting(): boolean {
  return updateWaiting;
}

/** Lets the waiting version take over, then reloads the page once it controls it. */
export function applyUpdate(): void {
  const wb = workbox;
  if (!wb || !updateWaiting) return;
  wb.addEventListener('controlling', () => reloadPage());
  wb.messageSkipWaiting();
}

/** Asks the browser to look for a new version now (it also does on each navigation). */
export async function checkForUpdate(): Promise<void> {
  await workbox?.update();
}
