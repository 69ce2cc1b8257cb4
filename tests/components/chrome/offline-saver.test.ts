/**
 * The /offline/ button on a server-side DOM, with a fake service worker, cache storage and
 * network: it saves every listed file into the runtime cache it belongs in (a hashed file already
 * saved is not fetched again), shows its progress, and says at the end what was saved or what
 * failed; a browser without service workers gets a sentence and a disabled button.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mountOfflineSaver } from '../../../src/components/chrome/offline-saver.ts';
import { ASSETS_CACHE, DATA_CACHE, OFFLINE_LIST } from '../../../src/components/chrome/offline-caches.ts';
import { fire, pageWith } from '../ui/dom.ts';

const MiB = 1024 * 1024;

/** The page's saver. */
function saver() {
  const doc = pageWith(
    '<div id="saver"><button>Save</button><progress hidden></progress><p data-role="status"></p></div>',
  );
  const root = doc.getElementById('saver')!;
  mountOfflineSaver(root);
  return {
    button: root.querySelector('button')!,
    progress: root.querySelector('progress') as unknown as { hidden: boolean; value: number; max: number },
    status: () => root.querySelector('[data-role="status"]')!.textContent,
  };
}

/** Caches by name, holding paths; and the network's answers by path. */
let stored: Map<string, Set<string>>;
let fetched: string[];
let answers: Record<string, number>;
let list: { path: string; bytes: number }[];
let ready: Promise<unknown>;

beforeEach(() => {
  stored = new Map([
    [ASSETS_CACHE, new Set(['/_astro/saved.js'])],
    [DATA_CACHE, new Set()],
  ]);
  fetched = [];
  answers = {};
  list = [
    { path: '/_astro/saved.js', bytes: MiB },
    { path: '/_astro/new.js', bytes: MiB },
    { path: '/models/heatmap-64.bin', bytes: 2 * MiB },
  ];
  ready = Promise.resolve({});
  const cacheStorage = {
    open: async (name: string) => ({
      match: async (path: string) => stored.get(name)!.has(path) || undefined,
      put: async (path: string) => void stored.get(name)!.add(path),
    }),
  };
  vi.stubGlobal('navigator', {
    serviceWorker: {
      get ready() {
        return ready;
      },
    },
  });
  vi.stubGlobal('window', { caches: cacheStorage });
  vi.stubGlobal('caches', cacheStorage);
  vi.stubGlobal('fetch', async (path: string, init: RequestInit) => {
    fetched.push(`${path} ${init.cache}`);
    if (path === OFFLINE_LIST) return new Response(JSON.stringify({ files: list }), { status: answers[path] ?? 200 });
    return new Response('x', { status: answers[path] ?? 200 });
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Presses the button and lets the saving finish (the button is enabled again at the end). */
async function save(button: HTMLButtonElement) {
  fire(button, 'click');
  for (let turn = 0; turn < 100 && button.disabled; turn++) await new Promise((resolve) => setImmediate(resolve));
  expect(button.disabled).toBe(false);
}

describe('mountOfflineSaver(root)', () => {
  it('saves each file into its runtime cache, skipping a hashed file already saved, and says it is done', async () => {
    const { button, progress, status } = saver();
    await save(button);
    expect(fetched.sort()).toEqual([
      '/_astro/new.js no-cache',
      '/models/heatmap-64.bin no-cache',
      `${OFFLINE_LIST} no-store`,
    ]);
    expect([...stored.get(ASSETS_CACHE)!].sort()).toEqual(['/_astro/new.js', '/_astro/saved.js']);
    expect([...stored.get(DATA_CACHE)!]).toEqual(['/models/heatmap-64.bin']);
    expect(status()).toBe('Done: the whole site is available offline (3 more files, 4.0 MB).');
    expect([progress.max, progress.value, progress.hidden]).toEqual([4 * MiB, 4 * MiB, true]);
  });

  it('refreshes a file that is not hashed, though it was saved before', async () => {
    stored.get(DATA_CACHE)!.add('/models/heatmap-64.bin');
    const { button } = saver();
    await save(button);
    expect(fetched).toContain('/models/heatmap-64.bin no-cache');
  });

  it('says how many files failed and the first of them, keeping the rest', async () => {
    answers['/models/heatmap-64.bin'] = 404;
    const { button, status } = saver();
    await save(button);
    expect(status()).toBe(
      '1 of 3 files could not be saved, first /models/heatmap-64.bin (HTTP 404). The rest is saved; check the connection and press the button again.',
    );
    expect([...stored.get(ASSETS_CACHE)!]).toContain('/_astro/new.js');
  });

  it('saves nothing when the list cannot be read', async () => {
    answers[OFFLINE_LIST] = 500;
    const { button, status } = saver();
    await save(button);
    expect(status()).toBe(
      'Nothing was saved: the list of files answered HTTP 500. Check the connection and try again.',
    );
  });

  it('saves nothing when the offline worker is not running after 10 s', async () => {
    vi.useFakeTimers();
    ready = new Promise(() => {});
    const { button, status } = saver();
    fire(button, 'click');
    expect(button.disabled).toBe(true);
    expect(status()).toBe('Looking up the files to save…');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(status()).toBe(
      'Nothing was saved: the site’s offline worker is not running in this browser. Check the connection and try again.',
    );
    expect(button.disabled).toBe(false);
    expect(fetched).toEqual([]);
  });

  it('disables the button and says why in a browser without service workers or cache storage', () => {
    vi.stubGlobal('navigator', {});
    const { button, status } = saver();
    expect(button.disabled).toBe(true);
    expect(status()).toBe(
      'This browser cannot keep the site for offline reading (it has no service workers or no cache storage).',
    );
    vi.stubGlobal('navigator', { serviceWorker: {} });
    vi.stubGlobal('window', {});
    expect(saver().button.disabled).toBe(true);
  });
});
