import { describe, expect, it } from 'vitest';
import spec from '../../../../src/components/figures/simdr/crop-spec.ts';
import { ch6 } from '../../../../src/components/state/ch6.ts';
import { fmt } from '../../../../src/components/ui/format.ts';
import { numberControl } from '../../../../src/components/ui/params.ts';
import { renderFigure } from '../../../../src/components/ui/render-figure.ts';
import { buildSimdrFigure, CROP_GEOMETRY } from '../../../../src/lib/index.ts';
import { announcedIn, dragTo, handleOf } from '../spec-parts.ts';

const { inputW, inputH } = CROP_GEOMETRY;
const moved = { x: 40.3, y: 200.9, k: '3', label: 'onehot' } as const;

describe('figure 6.1’s data', () => {
  it('is buildSimdrFigure’s for the state’s keypoint, split ratio, label, σ and ε', () => {
    const { data, state } = renderFigure(spec, { state: { ...moved, sigma: 3.5, eps: 0.2 } });
    expect(data).toEqual(
      buildSimdrFigure({ keypoint: { x: 40.3, y: 200.9 }, k: 3, label: 'onehot', sigma: 3.5, epsilon: 0.2 }),
    );
    expect(state.k).toBe('3');
  });
});

describe('figure 6.1’s handle', () => {
  const handle = handleOf(spec);
  const x = numberControl(ch6, 'x');
  const y = numberControl(ch6, 'y');

  it('sits on the keypoint, and a drag moves the keypoint to the point, in input pixels', () => {
    expect(handle.get(renderFigure(spec, { state: moved }).state)).toEqual({ x: 40.3, y: 200.9 });
    expect(dragTo(spec, 'handle', { x: 100.55, y: 3 })).toEqual({ x: 100.55, y: 3 });
  });

  it('stops at the crop’s edges, the parameters’ own range', () => {
    expect(handle.bounds).toEqual({ minX: x.min, maxX: x.max, minY: y.min, maxY: y.max });
    expect([x.max, y.max]).toEqual([inputW - 0.1, inputH - 0.1]);
    expect(dragTo(spec, 'handle', { x: 250, y: -2 })).toEqual({ x: x.max, y: 0 });
  });

  it('names the point on the crop, to a tenth of a pixel', () => {
    expect(handle.describe({ x: 100.58, y: 3 })).toBe('x 100.6, y 3.0 pixels on the crop');
  });
});

describe('figure 6.1’s announcement', () => {
  it('says the keypoint, the vectors’ sizes, and the point and error the library decodes', () => {
    const { data: d } = renderFigure(spec, { state: moved });
    expect(announcedIn(spec, moved)).toBe(
      `Keypoint at x 40.30, y 200.90 pixels; with split ratio 3 the vectors have ${3 * inputW} and ${3 * inputH} bins and decode to x ${fmt(d.decoded.x, 3)}, y ${fmt(d.decoded.y, 3)}, an error of ${fmt(d.error, 3)} pixels.`,
    );
  });
});
