import { describe, expect, it } from 'vitest';
import spec from '../../../../src/components/figures/dekr/loss-spec.ts';
import { lossChart, lossView } from '../../../../src/components/figures/dekr/loss-view.ts';
import { fmt } from '../../../../src/components/ui/format.ts';
import { renderFigure } from '../../../../src/components/ui/render-figure.ts';
import { buildOffsetLoss } from '../../../../src/lib/index.ts';
import { doc } from '../chart-doc.ts';
import { announcedIn, chartOf } from '../spec-parts.ts';

const moved = { err: 12, small: 30 };

describe('figure 7.5’s data', () => {
  it('is buildOffsetLoss’s for the state’s two heights and wrist error', () => {
    const { data, state } = renderFigure(spec, { state: moved });
    expect(data).toEqual(buildOffsetLoss({ small: 30, large: state.large, error: 12 }));
  });

  it('draws both people with the state’s error', () => {
    const { data, view } = renderFigure(spec, { state: moved });
    expect(view).toEqual(lossView(data, 12));
    expect(view.attrs['small-error']?.r).toBe('12.00');
  });
});

describe('figure 7.5’s chart', () => {
  it('draws loss against height with both people, redrawn when a height or the error changes', () => {
    const { data, charts } = renderFigure(spec, { state: moved, document: doc(), width: 480 });
    expect(charts.chart).toBe(lossChart(data, { width: 480, document: doc() }).outerHTML);
    expect(chartOf(spec).keys).toEqual(['small', 'large', 'err']);
  });
});

describe('figure 7.5’s announcement', () => {
  it('says both people’s losses and how many times the small one’s is the large one’s', () => {
    const { data: d, state } = renderFigure(spec, { state: moved });
    expect(announcedIn(spec, moved)).toBe(
      `A 12.0-pixel wrist error: the 30-pixel person's loss is ${fmt(d.small.loss, 4)}, the ${state.large}-pixel person's ${fmt(d.large.loss, 4)}, ${fmt(d.small.loss / d.large.loss, 1)} times less.`,
    );
  });
});
