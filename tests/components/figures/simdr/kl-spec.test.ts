import { describe, expect, it } from 'vitest';
import spec from '../../../../src/components/figures/simdr/kl-spec.ts';
import { klChart } from '../../../../src/components/figures/simdr/charts.ts';
import { fmt } from '../../../../src/components/ui/format.ts';
import { renderFigure } from '../../../../src/components/ui/render-figure.ts';
import { buildKlCurves, type KlRow } from '../../../../src/lib/index.ts';
import { doc } from '../chart-doc.ts';
import { announcedIn } from '../spec-parts.ts';

const moved = { shift: -2, width: 4 };

describe('figure 6.3’s data', () => {
  it('is buildKlCurves’s for figure 6.1’s keypoint and labels and the state’s prediction width', () => {
    const { data, state } = renderFigure(spec, { state: { ...moved, k: '3', eps: 0.2 } });
    // Sampled at every shift the slider reaches: −8 to 8 px in steps of 0.25, 65 shifts.
    expect(data).toEqual(
      buildKlCurves({ x: state.x, k: 3, sigma: state.sigma, epsilon: 0.2, width: 4, maxShift: 8, steps: 65 }),
    );
  });

  it('is computed once per setting: shifting the prediction reuses the curves', () => {
    const { data } = renderFigure(spec, { state: { shift: 1 } });
    expect(renderFigure(spec, { state: { shift: -6.5 } }).data).toBe(data);
    expect(renderFigure(spec, { state: { shift: -6.5, width: 3 } }).data).not.toBe(data);
  });
});

describe('figure 6.3’s chart', () => {
  it('draws the curves with the shift marked', () => {
    const { data, charts } = renderFigure(spec, { state: moved, document: doc(), width: 480 });
    expect(charts.chart).toBe(klChart(data, -2, { width: 480, document: doc() }).outerHTML);
  });
});

describe('figure 6.3’s announcement', () => {
  it('says each label type’s KL at the state’s shift', () => {
    const { data } = renderFigure(spec, { state: moved });
    // The curves sample shifts every 0.25 px from −8: −2 is one of them.
    const kl = (label: KlRow['label']) => data.find((r) => r.label === label && Math.abs(r.shift + 2) < 1e-9)!.kl;
    expect(announcedIn(spec, moved)).toBe(
      `Shift −2.00 pixels: KL ${fmt(kl('onehot'))} for one-hot, ${fmt(kl('smooth'))} smoothed, ${fmt(kl('gauss'))} Gaussian.`,
    );
  });

  it('every shift the slider reaches is a sample: the KL said is the one at that very shift', () => {
    const { data } = renderFigure(spec, { state: moved });
    const kl = (shift: number) => data.find((r) => r.label === 'gauss' && Math.abs(r.shift - shift) < 1e-9)?.kl;
    for (const shift of [3.25, 1.5, -7.75]) {
      expect(kl(shift), `a sample at ${shift}`).toBeDefined();
      expect(announcedIn(spec, { ...moved, shift })).toMatch(new RegExp(`, ${fmt(kl(shift)!)} Gaussian\\.$`));
    }
  });
});
