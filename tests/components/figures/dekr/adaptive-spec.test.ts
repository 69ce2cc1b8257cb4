import { describe, expect, it } from 'vitest';
import spec from '../../../../src/components/figures/dekr/adaptive-spec.ts';
import { ADAPTIVE_GRID, ch7 } from '../../../../src/components/state/ch7.ts';
import { fmt } from '../../../../src/components/ui/format.ts';
import { numberControl } from '../../../../src/components/ui/params.ts';
import { renderFigure } from '../../../../src/components/ui/render-figure.ts';
import { buildAdaptiveConv } from '../../../../src/lib/index.ts';
import { announcedIn, dragTo, handleOf } from '../spec-parts.ts';

const { w, h, pixel } = ADAPTIVE_GRID;
const moved = { rotation: 45, tx: -1, shear: 0.3 };

describe('figure 7.3’s data', () => {
  it('is buildAdaptiveConv’s for the state’s matrix and translation, t given as (dy, dx)', () => {
    const { data, state } = renderFigure(spec, { state: moved });
    expect(data).toEqual(
      buildAdaptiveConv({ scale: state.scale, rotation: 45, shear: 0.3, translation: [state.ty, -1], pixel, w, h }),
    );
  });

  it('moves the centre tap by t alone', () => {
    const { data, state } = renderFigure(spec, { state: moved });
    expect(data.adapted[4]?.x).toBeCloseTo(pixel.x - 1, 12);
    expect(data.adapted[4]?.y).toBeCloseTo(pixel.y + state.ty, 12);
  });
});

describe('figure 7.3’s handle', () => {
  const handle = handleOf(spec);
  const tx = numberControl(ch7, 'tx');
  const ty = numberControl(ch7, 'ty');

  it('sits at the selected pixel moved by t, and a drag sets t to the point’s offset, to a thousandth', () => {
    expect(handle.get(renderFigure(spec, { state: { tx: -1, ty: 2.5 } }).state)).toEqual({
      x: pixel.x - 1,
      y: pixel.y + 2.5,
    });
    expect(dragTo(spec, 'handle', { x: pixel.x + 1.23456, y: pixel.y - 2 })).toEqual({ tx: 1.235, ty: -2 });
  });

  it('stops where t reaches the parameters’ own range', () => {
    expect(handle.bounds).toEqual({
      minX: pixel.x + tx.min,
      maxX: pixel.x + tx.max,
      minY: pixel.y + ty.min,
      maxY: pixel.y + ty.max,
    });
    expect(dragTo(spec, 'handle', { x: -10, y: 40 })).toEqual({ tx: tx.min, ty: ty.max });
  });

  it('names t in torchvision’s (dy, dx) order, to a tenth of a pixel', () => {
    expect(handle.describe({ x: pixel.x + 1.26, y: pixel.y + 2 })).toBe('t = (2.0, 1.3) pixels, as (dy, dx)');
  });
});

describe('figure 7.3’s announcement', () => {
  it('says the identity matrix, whose corner taps reach √2 pixels from the centre pixel', () => {
    expect(announcedIn(spec, { scale: 1, rotation: 0, shear: 0, tx: 0, ty: 0 })).toBe(
      `Affine matrix [[1.00, 0.00], [0.00, 1.00]]; the nine taps now reach up to ${fmt(Math.SQRT2, 2)} pixels from the centre pixel.`,
    );
  });

  it('after a turn of 90° and a drag one pixel right, says the turned matrix and the farther reach', () => {
    // The turn maps the 3 × 3 grid onto itself; moved by (1, 0), its far corners are (2, ±1) away.
    const state = { scale: 1, rotation: 90, shear: 0, ...dragTo(spec, 'handle', { x: pixel.x + 1, y: pixel.y }) };
    expect(announcedIn(spec, state)).toBe(
      `Affine matrix [[0.00, −1.00], [1.00, 0.00]]; the nine taps now reach up to ${fmt(Math.hypot(2, 1), 2)} pixels from the centre pixel.`,
    );
  });
});
