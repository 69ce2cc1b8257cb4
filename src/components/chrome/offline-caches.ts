/**
 * The service worker's runtime caches, shared by the worker's build (scripts/integrations.mjs)
 * and the "make the whole site available offline" button (offline-saver.ts), which fills them
 * ahead of use. Files the worker does not precache go to one of two caches as they are first
 * fetched:
 * - `ASSETS_CACHE`: the bundler's files under /_astro/, whose names carry their content hash,
 *   so a cached copy is never stale (served cache-first);
 * - `DATA_CACHE`: everything else (models, the search index, embed pages, the Lab's sample),
 *   whose addresses stay the same across builds (served network-first, the cache when offline).
 */
export const ASSETS_CACHE = 'subpixel-runtime-assets';
export const DATA_CACHE = 'subpixel-runtime-data';

/** The runtime cache a site path belongs in. */
export function runtimeCacheFor(path: string): string {
  return path.startsWith('/_astro/') ? ASSETS_CACHE : DATA_CACHE;
}

/** What the button reads: every built file the worker does not precache (written at build time). */
export const OFFLINE_LIST = '/offline-files.json';

export interface OfflineList {
  /** Site paths and sizes in bytes. */
  files: { path: string; bytes: number }[];
}
