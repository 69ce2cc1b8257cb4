import { describe, expect, it } from 'vitest';
import spec from '../../../../src/components/figures/pixel-grid/spec.ts';
import { keypointSchema } from '../../../../src/components/state/keypoint.ts';
import { fmt } from '../../../../src/components/ui/format.ts';
import { numberControl } from '../../../../src/components/ui/params.ts';
import { renderFigure } from '../../../../src/components/ui/render-figure.ts';
import { buildPixelGrid, CLOSE_UP_RADIUS, CROP_GEOMETRY } from '../../../../src/lib/index.ts';
import { announcedIn, dragTo, handleOf } from '../spec-parts.ts';

const { heatmapW, heatmapH } = CROP_GEOMETRY;
const x = numberControl(keypointSchema, 'x');
const y = numberControl(keypointSchema, 'y');
const sigma = numberControl(keypointSchema, 'sigma').default;

describe('figure 1.1’s data', () => {
  it('is buildPixelGrid’s for the state’s keypoint, σ and target', () => {
    const { data } = renderFigure(spec, { state: { x: 150.2, y: 90.7, target: 'biased' } });
    expect(data).toEqual(buildPixelGrid({ keypoint: { x: 150.2, y: 90.7 }, sigma, target: 'biased' }));
  });
});

describe('figure 1.1’s maps', () => {
  it('draw the whole target on the heatmap’s grid, and its close-up around the argmax cell, over [0, 1]', () => {
    const { data, maps } = renderFigure(spec, { state: { x: 150.2, y: 90.7 } });
    expect(maps.heatmap).toEqual({ values: data.target, w: heatmapW, h: heatmapH, domain: [0, 1] });
    expect(maps.heatmap?.values).toHaveLength(heatmapW * heatmapH);
    const side = 2 * CLOSE_UP_RADIUS + 1;
    expect(maps.closeup).toEqual({ values: data.closeUp.values, w: side, h: side, domain: [0, 1] });
    expect(maps.closeup?.values).toHaveLength(side * side);
  });
});

describe('figure 1.1’s handle', () => {
  const handle = handleOf(spec);

  it('sits on the keypoint, and a drag moves the keypoint to the point, in input pixels', () => {
    expect(handle.get({ ...renderFigure(spec).state, x: 12.5, y: 200.25 })).toEqual({ x: 12.5, y: 200.25 });
    expect(dragTo(spec, 'handle', { x: 60.4, y: 120.5 })).toEqual({ x: 60.4, y: 120.5 });
  });

  it('stops at the crop’s edges, the parameters’ own range', () => {
    expect(handle.bounds).toEqual({ minX: x.min, maxX: x.max, minY: y.min, maxY: y.max });
    expect(dragTo(spec, 'handle', { x: -4, y: 300 })).toEqual({ x: x.min, y: y.max });
  });

  it('names the point to a tenth of a pixel, in its value text and its ARIA values', () => {
    expect(handle.describe({ x: 60.44, y: 7 })).toBe('x 60.4, y 7.0 pixels on the input crop');
    const { view } = renderFigure(spec, { state: { x: 60.44, y: 7 } });
    expect(view.attrs.handle).toMatchObject({
      'aria-valuenow': '60.4',
      'aria-valuetext': 'x 60.4, y 7.0 pixels on the input crop',
    });
  });
});

describe('figure 1.1’s announcement', () => {
  it('after a drag, says the cell the keypoint falls in, where argmax maps it back and the error', () => {
    // Stride 4: (60.4, 120.5) is at (15.1, 30.125) on the heatmap, in cell (15, 30), back at (60, 120).
    const said = announcedIn(spec, dragTo(spec, 'handle', { x: 60.4, y: 120.5 }));
    expect(said).toBe(
      `Keypoint at x 60.4, y 120.5 input pixels falls in heatmap cell 15, 30. Argmax maps back to x 60, y 120, an error of ${fmt(Math.hypot(0.4, 0.5))} pixels.`,
    );
  });
});
