import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import spec from '../../../../src/components/figures/model/shipped-spec.ts';
import { sampleErrorText } from '../../../../src/components/figures/model/gallery-view.ts';
import {
  galleryErrors,
  onShippedMessage,
  recordedFed,
  type RecordedManifest,
} from '../../../../src/components/figures/model/results.ts';
import { renderFigure } from '../../../../src/components/ui/render-figure.ts';
import type { GallerySample } from '../../../../src/lib/index.ts';
import { act, publishedIn } from '../spec-parts.ts';

/** What the page embeds: the shipped models' manifests as recorded. */
const recorded = recordedFed(
  readdirSync('public/models')
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(`public/models/${f}`, 'utf8')) as RecordedManifest),
);
const measured: GallerySample = {
  map: [0, 1, 0, 0],
  w: 2,
  h: 2,
  points: { dsnt: [{ x: 1, y: 1 }] },
  errors: { dsnt: 0.5 },
};

describe('figure 8.1’s sample action', () => {
  it('selects the sample its button’s data-value gives', () => {
    expect(act(spec, 'sample', { sample: 0 }, '3', recorded)).toEqual({ sample: 3 });
    expect(act(spec, 'sample', { sample: 2 }, undefined, recorded)).toEqual({});
  });

  it('announces the selected sample’s errors', () => {
    const { data, state } = renderFigure(spec, { state: act(spec, 'sample', {}, '3', recorded), fed: recorded });
    const errors = recorded.gallery.heatmap?.samples[3]?.errors;
    expect(errors).toBeDefined();
    expect(spec.announce!(data, state)).toBe(`Sample 4: ${sampleErrorText('heatmap', errors!)}.`);
  });
});

describe('figure 8.1’s publication', () => {
  it('is each head’s per-sample errors, as galleryErrors reads them from the fed data', () => {
    expect(publishedIn(spec, {}, recorded)).toEqual(galleryErrors(recorded));
  });

  it('stays the same object while the gallery does, whatever the state or the other messages', () => {
    const first = publishedIn(spec, { sample: 0 }, recorded);
    expect(publishedIn(spec, { sample: 5, head: 'simdr' }, recorded)).toBe(first);
    const trained = onShippedMessage(recorded, {
      type: 'eval',
      step: 25,
      head: 'heatmap',
      size: 64,
      errors: { argmax: 3 },
      gallery: [],
    });
    expect(trained).not.toBe(recorded);
    expect(publishedIn(spec, {}, trained)).toBe(first);
  });

  it('is new, and the measured errors, once the worker measures a model’s gallery', () => {
    const next = onShippedMessage(recorded, {
      type: 'shipped',
      head: 'dsnt',
      size: 64,
      errors: { dsnt: 0.5 },
      gallery: [measured],
    });
    const errors = publishedIn(spec, {}, next);
    expect(errors).not.toBe(publishedIn(spec, {}, recorded));
    expect(errors).toEqual(galleryErrors(next));
    expect(errors.dsnt).toEqual([{ dsnt: 0.5 }]);
  });
});
