/**
 * The service worker (built by vite-plugin-pwa, strategy injectManifest, as an ES module `sw.js`).
 * It precaches the whole app — HTML, JS chunks (the simulator worker too), CSS, icons, fonts, the web app
 * manifest — and serves them cache-first, so the app opens and reloads with no network at all. `/`
 * is served from the precached `index.html` (workbox-precaching's directoryIndex); profile links only
 * add a `#fragment`, which never reaches the worker.
 *
 * Updates wait: a new version installs in the background and stays `waiting` until the page asks it to
 * take over (register.ts `applyUpdate`), so a person is never switched mid-task.
 */
import { cleanupOutdatedCaches, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';

/** Just what this worker uses of ServiceWorkerGlobalScope (the app's tsconfig has the DOM lib only). */
interface WorkerScope {
  readonly __WB_MANIFEST: (PrecacheEntry | string)[];
  skipWaiting(): Promise<void>;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

declare const self: WorkerScope;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

self.addEventListener('message', (event) => {
  const data = event.data;
  if (typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'SKIP_WAITING') {
    void self.skipWaiting();
  }
});
