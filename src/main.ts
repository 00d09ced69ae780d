import './ui/app-shell';

// Offline use and updates (src/pwa/register.ts): registered once the page has loaded, so the worker's
// precache download never competes with the first render. The shell shows the update prompt.
window.addEventListener('load', () => {
  void import('./pwa/register').then((pwa) => pwa.registerServiceWorker());
});
