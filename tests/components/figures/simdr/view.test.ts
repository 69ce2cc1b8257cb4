import { describe, expect, it } from 'vitest';
import { simdrAnnouncement, simdrView, STRIP, vectorPath } from '../../../../src/components/figures/simdr/view.ts';
import { fmt } from '../../../../src/components/ui/format.ts';
import { buildSimdrFigure, CROP_GEOMETRY } from '../../../../src/lib/index.ts';

const { inputW, inputH } = CROP_GEOMETRY;
/** The tallest bin's height in a strip. */
const TOP = STRIP.size - 2;

describe('vectorPath(values, k, along, base)', () => {
  it('places bin b at b / k along the edge, the tallest bin reaching the strip’s height', () => {
    const values = Float64Array.from([0, 2, 1]);
    expect(vectorPath(values, 2, 'x', 100)).toBe(`M0.00 100.00L0.50 ${100 - TOP}.00L1.00 ${100 - TOP / 2}.00`);
    expect(vectorPath(values, 2, 'y', 100)).toBe(`M100.00 0.00L${100 + TOP}.00 0.50L${100 + TOP / 2}.00 1.00`);
  });

  it('draws an all-zero vector flat on its base', () => {
    expect(vectorPath(new Float64Array(3), 1, 'x', 50)).toBe('M0.00 50.00L1.00 50.00L2.00 50.00');
  });
});

describe('simdrView(data, keypoint)', () => {
  const keypoint = { x: 40.3, y: 200.9 };
  const d = buildSimdrFigure({ keypoint, k: 2, label: 'gauss', sigma: 6, epsilon: 0.1 });
  const v = simdrView(d, keypoint);

  it('draws the vectors in strips below and to the right of the crop', () => {
    expect(v.attrs['vec-x']).toEqual({ d: vectorPath(d.labelX, 2, 'x', inputH + STRIP.gap + STRIP.size) });
    expect(v.attrs['vec-y']).toEqual({ d: vectorPath(d.labelY, 2, 'y', inputW + STRIP.gap) });
  });

  it('marks the keypoint and the decoded point on both edges', () => {
    expect(v.attrs.handle).toEqual({ transform: 'translate(40.300 200.900)' });
    expect(v.attrs['true-x']).toEqual({ x1: '40.300', x2: '40.300' });
    expect(v.attrs['dec-y']).toEqual({ y1: d.decoded.y.toFixed(3), y2: d.decoded.y.toFixed(3) });
    expect(v.attrs['back-marker']).toEqual({
      transform: `translate(${d.decoded.x.toFixed(3)} ${d.decoded.y.toFixed(3)})`,
    });
  });

  it('reports the bins, the one-hot bins, the decoded point and the memory against a stride-4 heatmap', () => {
    expect(v.text).toEqual({
      'stat-bins': `${2 * inputW} + ${2 * inputH}`,
      'stat-onehot': `(${Math.round(2 * 40.3)}, ${Math.round(2 * 200.9)})`,
      'stat-decoded': `(${fmt(d.decoded.x, 3)}, ${fmt(d.decoded.y, 3)})`,
      'stat-error': `${fmt(d.error, 3)} px`,
      'stat-bound': `${fmt(1 / (2 * 2), 3)} px`,
      'stat-memory': `${2 * (inputW + inputH)} vs ${(inputW / 4) * (inputH / 4)}`,
    });
  });

  it('announces the split ratio, the bins and what the vectors decode to', () => {
    expect(simdrAnnouncement(d, keypoint)).toBe(
      `Keypoint at x 40.30, y 200.90 pixels; with split ratio 2 the vectors have ${2 * inputW} and ${2 * inputH} bins and decode to x ${fmt(d.decoded.x, 3)}, y ${fmt(d.decoded.y, 3)}, an error of ${fmt(d.error, 3)} pixels.`,
    );
  });
});
