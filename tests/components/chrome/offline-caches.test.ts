import { describe, expect, it } from 'vitest';
import { ASSETS_CACHE, DATA_CACHE, runtimeCacheFor } from '../../../src/components/chrome/offline-caches.ts';

describe('runtimeCacheFor(path)', () => {
  it("puts the bundler's hashed files in the assets cache and everything else in the data cache", () => {
    expect(runtimeCacheFor('/_astro/client.3f9a.js')).toBe(ASSETS_CACHE);
    expect(runtimeCacheFor('/models/heatmap-64/model.json')).toBe(DATA_CACHE);
    expect(runtimeCacheFor('/embed/fig-grid/')).toBe(DATA_CACHE);
    // Only the folder at the root counts.
    expect(runtimeCacheFor('/lab/_astro/x.js')).toBe(DATA_CACHE);
  });

  it('names two different caches', () => {
    expect(ASSETS_CACHE).not.toBe(DATA_CACHE);
  });
});
