/** A shipped model's files, fetched from /models/ and decoded. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchShippedWeights } from '../../../../../src/components/figures/model/worker/shipped-weights.ts';

const manifest = { format: 'subpixel-pose-model/1', config: { head: 'dsnt', size: 64, k: 11, split: 2 }, weights: [] };
const decodeWeights = (_m: unknown, bytes: ArrayBuffer) => new Float32Array(bytes);

afterEach(() => vi.unstubAllGlobals());

describe('fetchShippedWeights', () => {
  it('fetches the manifest and the .bin of the head and size, and decodes the weights', async () => {
    const fetch = vi.fn(async (url: string) =>
      url.endsWith('.json') ? Response.json(manifest) : new Response(Float32Array.of(1.5, -2).buffer),
    );
    vi.stubGlobal('fetch', fetch);
    const weights = await fetchShippedWeights({ decodeWeights }, 'dsnt', 64);
    expect(fetch.mock.calls.map(([url]) => url)).toEqual(['/models/dsnt-64.json', '/models/dsnt-64.bin']);
    expect(weights.manifest).toEqual(manifest);
    expect([...weights.data]).toEqual([1.5, -2]);
  });

  it('names the model and the failed file’s status', async () => {
    vi.stubGlobal('fetch', async (url: string) =>
      url.endsWith('.bin') ? new Response('', { status: 404 }) : Response.json(manifest),
    );
    await expect(fetchShippedWeights({ decodeWeights }, 'simdr', 128)).rejects.toThrow(
      'the shipped simdr model could not be loaded (HTTP 404)',
    );
    vi.stubGlobal('fetch', async (url: string) =>
      url.endsWith('.json') ? new Response('', { status: 503 }) : new Response(new ArrayBuffer(4)),
    );
    await expect(fetchShippedWeights({ decodeWeights }, 'simdr', 128)).rejects.toThrow('(HTTP 503)');
  });
});
