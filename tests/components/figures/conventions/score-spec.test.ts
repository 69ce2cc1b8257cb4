import { describe, expect, it } from 'vitest';
import spec from '../../../../src/components/figures/conventions/score-spec.ts';
import { scoreThresholdRows, unpackScoreSamples, type PackedScoreSamples } from '../../../../src/lib/index.ts';
import { renderFigure } from '../../../../src/components/ui/render-figure.ts';
import { publishedIn } from '../spec-parts.ts';

describe('figure 10.3’s publication', () => {
  it('thresholds the samples the page embeds, as scoreThresholdRows does, at any threshold', () => {
    const rowsAt = publishedIn(spec);
    const samples = unpackScoreSamples(renderFigure(spec).pre as PackedScoreSamples);
    for (const threshold of [0, 0.55, 1.3]) expect(rowsAt(threshold)).toEqual(scoreThresholdRows(samples, threshold));
  });

  it('is the same function at every threshold, so the figure publishes it once', () => {
    expect(publishedIn(spec, { threshold: 0.9, score: 'megvii' })).toBe(publishedIn(spec));
  });
});
