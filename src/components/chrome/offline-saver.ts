/**
 * "Make the whole site available offline": fetches every file the service worker did not
 * precache (the build's list, offline-files.json) into the worker's runtime caches, where the
 * worker finds them with no network. Reports progress in a <progress> and a polite live
 * region, and says at the end what was saved or what failed. Mounted on the /offline/ page.
 */
import { OFFLINE_LIST, runtimeCacheFor, type OfflineList } from './offline-caches.ts';

const MB = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Files fetched at once: enough to keep a connection busy, few enough to leave the page responsive. */
const PARALLEL = 4;

export function mountOfflineSaver(root: HTMLElement): void {
  const button = root.querySelector('button') as HTMLButtonElement;
  const progress = root.querySelector('progress') as HTMLProgressElement;
  const status = root.querySelector('[data-role="status"]') as HTMLElement;
  const say = (text: string): void => {
    status.textContent = text;
  };

  if (!('serviceWorker' in navigator) || !('caches' in window)) {
    button.disabled = true;
    say('This browser cannot keep the site for offline reading (it has no service workers or no cache storage).');
    return;
  }

  button.addEventListener('click', async () => {
    button.disabled = true;
    progress.hidden = false;
    progress.value = 0;
    say('Looking up the files to save…');
    try {
      // Saved files are only read back by the site's service worker: it must be running.
      const ready = await Promise.race([
        navigator.serviceWorker.ready.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000)),
      ]);
      if (!ready) throw new Error('the site’s offline worker is not running in this browser');
      const response = await fetch(OFFLINE_LIST, { cache: 'no-store' });
      if (!response.ok) throw new Error(`the list of files answered HTTP ${response.status}`);
      const { files } = (await response.json()) as OfflineList;
      const total = files.reduce((sum, f) => sum + f.bytes, 0);
      progress.max = total || 1;
      let done = 0;
      let saved = 0;
      const failed: string[] = [];
      const queue = [...files];
      const worker = async (): Promise<void> => {
        for (let file = queue.shift(); file; file = queue.shift()) {
          try {
            const cache = await caches.open(runtimeCacheFor(file.path));
            // Already saved (by an earlier press, or as a page used it): a hashed file never
            // changes; the others are refreshed.
            if (!(file.path.startsWith('/_astro/') && (await cache.match(file.path)))) {
              const fetched = await fetch(file.path, { cache: 'no-cache' });
              if (!fetched.ok) throw new Error(`HTTP ${fetched.status}`);
              await cache.put(file.path, fetched);
            }
            saved++;
          } catch (error) {
            failed.push(`${file.path} (${(error as Error).message})`);
          }
          done += file.bytes;
          progress.value = done;
          say(`Saving for offline reading: ${MB(done)} of ${MB(total)}.`);
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
      if (failed.length === 0) {
        say(`Done: the whole site is available offline (${saved} more files, ${MB(total)}).`);
      } else {
        say(
          `${failed.length} of ${files.length} files could not be saved, first ${failed[0]}. ` +
            'The rest is saved; check the connection and press the button again.',
        );
      }
    } catch (error) {
      say(`Nothing was saved: ${(error as Error).message}. Check the connection and try again.`);
    } finally {
      progress.hidden = true;
      button.disabled = false;
    }
  });
}
