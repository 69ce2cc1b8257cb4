/** Figure 9.2's data: the small multiples and one joint decoded, on made-up model outputs. */
import { describe, expect, it } from 'vitest';
import {
  BLAZEPOSE_DECODER_IDS,
  buildJointView,
  decodeJoint,
  distance,
  heatmapTiles,
  JOINT_ZOOM_SIZE,
  mapOf,
} from '../../../src/lib/index.ts';
import { expectClose } from '../approx.ts';
import { syntheticResult } from '../blazepose/synthetic.ts';

const result = syntheticResult(
  [
    { x: 20.3, y: 30.6 },
    { x: 2, y: 60 },
  ],
  [
    { x: 83.2, y: 122.4 },
    { x: 10, y: 238 },
  ],
  { amplitudes: [1, 0.4], visibility: [0.9, 0.95] },
);

describe('heatmapTiles', () => {
  it('gives each joint’s sigmoid map (no copy), its peak, and whether the model sees it', () => {
    const tiles = heatmapTiles(result);
    expect(tiles.maps).toHaveLength(2);
    expect(tiles.maps[1]?.buffer).toBe(result.heatmaps.data.buffer);
    expect(tiles.peaks[0]).toBe(Math.max(...mapOf(result.heatmaps, 0).data));
    // Joint 1 peaks at 0.9 · 0.4 < 0.5: not seen, however visible.
    expect(tiles.seen).toEqual([true, false]);
    expect(tiles.names[0]).toBe('nose');
  });
});

describe('buildJointView', () => {
  it('lists every decoder with its point in cells and input pixels and its gap to the regression', () => {
    const v = buildJointView({ result, joint: 0, scale: 'sigmoid', kernel: 7 });
    const d = decodeJoint(result, 0, { kernel: 7 });
    expect(v.rows.map((r) => r.id)).toEqual([...BLAZEPOSE_DECODER_IDS]);
    for (const row of v.rows) {
      expect(row.cell).toEqual(d.points[row.id]);
      expect(row.input).toEqual({ x: 4 * row.cell.x, y: 4 * row.cell.y });
      expectClose(row.gap, distance(row.input, { x: 83.2, y: 122.4 }), 1e-9);
    }
    expect(v.regressed).toEqual({ cell: { x: 20.8, y: 30.6 }, input: { x: 83.2, y: 122.4 } });
    expect(v.seen).toBe(true);
  });

  it('shows the sigmoid on [0, 1] or the logits on their own range, with a window centred on the argmax', () => {
    const p = buildJointView({ result, joint: 0, scale: 'sigmoid' });
    const z = buildJointView({ result, joint: 0, scale: 'logit' });
    expect(p.map.values).toEqual(mapOf(result.heatmaps, 0).data);
    expect(p.map.values.buffer).toBe(result.heatmaps.data.buffer);
    expect(p.map.domain).toEqual([0, 1]);
    expect(z.map.values).toEqual(mapOf(result.logits, 0).data);
    expect(z.map.domain).toEqual(z.logitRange);
    expect(z.logitRange[0]).toBeCloseTo(Math.log(1e-6 / (1 - 1e-6)), 3);
    // The argmax (20, 31) sits at the window's centre cell.
    expect([p.zoom.w, p.zoom.x0 + (JOINT_ZOOM_SIZE - 1) / 2, p.zoom.y0 + (JOINT_ZOOM_SIZE - 1) / 2]).toEqual([
      JOINT_ZOOM_SIZE,
      20,
      31,
    ]);
    expect(z.zoom.data[((JOINT_ZOOM_SIZE - 1) / 2) * (JOINT_ZOOM_SIZE + 1)]).toBe(z.logitRange[1]);
  });

  it('draws DARK’s kernel as a k × k square of cells around the argmax', () => {
    expect(buildJointView({ result, joint: 0, scale: 'sigmoid', kernel: 5 }).kernelBox).toEqual({
      x: 17.5,
      y: 28.5,
      size: 5,
    });
  });

  it('counts the cells whose logit is negative (sigmoid below one half)', () => {
    const v = buildJointView({ result, joint: 1, scale: 'logit' });
    const expected = Array.from(mapOf(result.heatmaps, 1).data).filter((p) => p < 0.5).length;
    expect(v.negativeLogits).toBe(expected);
    expect(v.negativeLogits).toBe(v.cells);
    expect(v.seen).toBe(false);
  });
});
