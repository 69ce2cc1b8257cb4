/**
 * Registers the service worker the build writes (scripts/integrations.mjs), so that after one
 * visit the site works with no network. Not in development, where there is no worker.
 */
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // Offline use is a bonus: a browser that refuses the worker still has the site.
    });
  });
}
