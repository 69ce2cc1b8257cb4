/**
 * Figure 8.1's fed data: what the manifests recorded shows at once, and each model's own
 * measurement in this browser replaces it as it arrives.
 */
import { describe, expect, it } from 'vitest';
import {
  galleryErrors,
  measuredCount,
  onShippedMessage,
  recordedFed,
  resultsView,
  type RecordedManifest,
} from '../../../../src/components/figures/model/results.ts';
import type { GallerySample } from '../../../../src/lib/index.ts';

const sample = (argmax: number): GallerySample => ({
  map: [0, 1, 0, 0],
  w: 2,
  h: 2,
  points: { argmax: [{ x: 1, y: 1 }] },
  errors: { argmax },
});
const manifest = (head: 'heatmap' | 'dsnt' | 'simdr', size: number, error: number): RecordedManifest => ({
  config: { head, size },
  training: {
    steps: 600,
    batch: 16,
    seconds: size,
    ...(size === 128 && head === 'heatmap' ? { initialisedFrom: 'heatmap-64' } : {}),
    heldOut: {
      meanError: head === 'heatmap' ? { argmax: error, quarter: error - 0.5, dark: error - 1 } : { [head]: error },
    },
    ...(size === 64 ? { gallery: { samples: [sample(error), sample(error + 1)] } } : {}),
  },
});
const manifests = [128, 64].flatMap((size) =>
  (['heatmap', 'dsnt', 'simdr'] as const).map((head, i) => manifest(head, size, size / 16 + i)),
);

describe('figure 8.1 fed from the manifests, then from the worker', () => {
  it('shows the recorded errors at once, in the table’s cells, with how each model was trained', () => {
    const fed = recordedFed(manifests);
    const view = resultsView(fed);
    expect(view.text['rec-64-heatmap-dark-value']).toBe('3.00');
    expect(view.text['err-64-heatmap-dark']).toBe('');
    expect(view.attrs['rec-64-heatmap-dark']).toEqual({ hidden: null });
    expect(view.attrs['cell-128-simdr-simdr']).toEqual({ 'data-source': 'recorded' });
    // Sizes in order, whatever order the manifests came in.
    expect(view.text['trained-heatmap-argmax']).toBe(
      '64 px: 600 steps × 16, 64 s on CPU (Node); 128 px: 600 steps × 16, 128 s on CPU (Node) (from heatmap-64)',
    );
    expect(view.text['shipped-status']).toMatch(/recorded when the models were trained.*\(0 of 6 so far\)/);
    expect(fed.gallery.dsnt?.source).toBe('recorded');
    expect(galleryErrors(fed).dsnt).toEqual([{ argmax: 5 }, { argmax: 6 }]);
  });

  it('replaces a model’s numbers and gallery with its measurement here, and says so', () => {
    let fed = recordedFed(manifests);
    fed = onShippedMessage(fed, {
      type: 'shipped',
      head: 'heatmap',
      size: 64,
      errors: { argmax: 4.123, quarter: 3.9, dark: 3.801 },
      gallery: [sample(9)],
    });
    const view = resultsView(fed);
    expect(view.text['err-64-heatmap-dark']).toBe('3.80');
    expect(view.attrs['rec-64-heatmap-dark']).toEqual({ hidden: '' });
    expect(view.attrs['cell-64-heatmap-dark']).toEqual({ 'data-source': 'measured' });
    expect(view.text['err-128-heatmap-dark']).toBe('');
    expect(fed.gallery.heatmap).toEqual({ samples: [sample(9)], source: 'measured' });
    expect(view.text['shipped-status']).toMatch(/\(1 of 6 so far\)/);
  });

  it('clears its status once all six are measured, and keeps a model’s recorded gallery beyond the first size', () => {
    let fed = recordedFed(manifests);
    for (const size of [64, 128])
      for (const head of ['heatmap', 'dsnt', 'simdr'] as const)
        fed = onShippedMessage(fed, { type: 'shipped', head, size, errors: { argmax: 1 }, gallery: [] });
    expect(measuredCount(fed)).toBe(6);
    expect(resultsView(fed).text['shipped-status']).toBe('');
    expect(fed.gallery.simdr?.source).toBe('recorded');
  });

  it('fills the reader’s column from figure 8.2’s evaluations, and shows a problem while measuring', () => {
    let fed = recordedFed(manifests);
    expect(
      onShippedMessage(fed, { type: 'eval', step: 0, head: 'dsnt', size: 64, errors: { dsnt: 9 }, gallery: [] }),
    ).toBe(fed);
    fed = onShippedMessage(fed, {
      type: 'eval',
      step: 50,
      head: 'dsnt',
      size: 128,
      errors: { dsnt: 2.345 },
      gallery: [],
    });
    expect(resultsView(fed).text['live-dsnt-dsnt']).toBe('2.35 at 128 × 128, step 50');
    expect(resultsView(fed).text['live-simdr-simdr']).toBe('—');
    fed = onShippedMessage(fed, { type: 'error', message: 'the shipped simdr model could not be loaded (HTTP 404)' });
    expect(resultsView(fed).text['shipped-status']).toBe('the shipped simdr model could not be loaded (HTTP 404)');
  });
});
