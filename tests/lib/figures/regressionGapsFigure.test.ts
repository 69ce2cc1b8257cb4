/** Figure 9.4's data: each decoder's distance from the regression per joint, filtered, summarised. */
import { describe, expect, it } from 'vitest';
import { BLAZEPOSE_DECODER_IDS, buildGapFigure, type RegressionGap } from '../../../src/lib/index.ts';

const gap = (joint: number, peak: number, visibility: number, d: number): RegressionGap => ({
  joint,
  name: `joint ${joint}`,
  peak,
  visibility,
  distances: Object.fromEntries(BLAZEPOSE_DECODER_IDS.map((id, i) => [id, d + i])),
});
const gaps = [gap(0, 0.9, 0.9, 1), gap(1, 0.2, 0.9, 40), gap(2, 0.8, 0.3, 30), gap(3, 0.7, 0.8, 5)];

describe('buildGapFigure', () => {
  it('keeps the joints the model sees (peak and visibility ≥ 0.5), or all of them', () => {
    const seen = buildGapFigure(gaps, 'seen');
    expect(seen.joints).toEqual(['joint 0', 'joint 3']);
    expect(seen.rows).toHaveLength(2 * BLAZEPOSE_DECODER_IDS.length);
    expect([seen.seenCount, seen.total]).toEqual([2, 4]);
    const all = buildGapFigure(gaps, 'all');
    expect(all.joints).toHaveLength(4);
    expect(all.rows.filter((r) => !r.seen).map((r) => r.joint)).toEqual(
      BLAZEPOSE_DECODER_IDS.flatMap(() => [1, 2]).sort(),
    );
  });

  it('gives each decoder’s median and largest gap among the joints shown, and the largest of all', () => {
    const seen = buildGapFigure(gaps, 'seen');
    const argmax = seen.decoders.find((d) => d.id === 'argmax');
    expect(argmax).toMatchObject({ median: 3, largest: { joint: 3, name: 'joint 3', distance: 5 } });
    expect(seen.worst).toMatchObject({ joint: 3, id: BLAZEPOSE_DECODER_IDS.at(-1), distance: 5 + 6 });
    expect(buildGapFigure(gaps, 'all').worst).toMatchObject({ joint: 1, distance: 46 });
  });

  it('has nothing to show when no joint is seen', () => {
    const none = buildGapFigure([gap(0, 0.1, 0.1, 3)], 'seen');
    expect(none.rows).toEqual([]);
    expect(none.worst).toBeNull();
    expect(Number.isNaN(none.decoders[0]?.median)).toBe(true);
    expect(none.decoders[0]?.largest).toBeNull();
  });
});
