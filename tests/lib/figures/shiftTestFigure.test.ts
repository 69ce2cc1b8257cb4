/** Figure 9.3's data: curves from each decoder's start, the ideal line, the crop being read. */
import { describe, expect, it } from 'vitest';
import {
  BLAZEPOSE_DECODER_IDS,
  buildShiftFigure,
  decodeShiftSweep,
  mapOf,
  shiftSchedule,
  sigmoidStack,
  SHIFT_ZOOM_SIZE,
  withoutSigmoid,
  type ShiftSweepFrame,
} from '../../../src/lib/index.ts';
import { expectClose } from '../approx.ts';
import { syntheticResult } from '../blazepose/synthetic.ts';

/** A sweep where joint 0 moves t/4 cells right from (20.4, 30): the ideal case. */
const frames: ShiftSweepFrame[] = shiftSchedule().map((t) => ({
  shift: t,
  maps: withoutSigmoid(syntheticResult([{ x: 20.4 + t / 4, y: 30 }], [{ x: 81.6 + t, y: 120 }])),
}));

describe('buildShiftFigure', () => {
  it('draws each decoder and the regression from its own start, so a faithful one lies on the ideal line', () => {
    const d = buildShiftFigure({ frames, joint: 0, shift: 0 });
    const ids = [...BLAZEPOSE_DECODER_IDS, 'regressed'];
    expect(new Set(d.rows.map((r) => r.id))).toEqual(new Set(ids));
    expect(d.rows).toHaveLength(ids.length * 33);
    expect(d.rows.filter((r) => r.shift === 0).every((r) => r.dx === 0)).toBe(true);
    const regressed = d.rows.filter((r) => r.id === 'regressed');
    expectClose(
      regressed.map((r) => r.dx),
      regressed.map((r) => r.shift / 4),
      1e-5,
    );
    expect(d.ideal).toEqual([
      { shift: 0, dx: 0 },
      { shift: 8, dx: 2 },
    ]);
    expectClose(d.summary?.series.dark?.slope ?? NaN, 0.25, 0.005);
    // Argmax from 20: 20 at 0 px, 22 at 8 px (20.4 + 2 = 22.4).
    expect(d.summary?.series.argmax?.travel).toBe(2);
  });

  it('reads the crop nearest the shift asked for, its offsets, and the map in a window that stays put', () => {
    const d = buildShiftFigure({ frames, joint: 0, shift: 3.1 });
    expect(d.at?.shift).toBe(3);
    expectClose(d.atDx.regressed ?? NaN, 0.75, 1e-5);
    expect(d.atDx.argmax).toBe(d.rows.find((r) => r.id === 'argmax' && r.shift === 3)?.dx);
    const late = buildShiftFigure({ frames, joint: 0, shift: 8 });
    expect([d.zoom?.x0, d.zoom?.y0, d.zoom?.w]).toEqual([late.zoom?.x0, late.zoom?.y0, SHIFT_ZOOM_SIZE]);
    // The window is the sigmoid map at that crop: its value at (x0, y0) is the map's.
    const p = sigmoidStack(frames[12]!.maps.logits);
    expect(d.zoom?.data[0]).toBe(mapOf(p, 0).data[(d.zoom?.y0 ?? 0) * 64 + (d.zoom?.x0 ?? 0)]);
  });

  it('uses the decoded frames it is given, and has no summary before two crops are in', () => {
    const decoded = decodeShiftSweep(frames.slice(0, 1), 0);
    const d = buildShiftFigure({ frames: frames.slice(0, 1), decoded, joint: 0, shift: 5 });
    expect(d.decoded).toBe(decoded);
    expect(d.summary).toBeNull();
    expect(d.at?.shift).toBe(0);
    const none = buildShiftFigure({ frames: [], joint: 0, shift: 0 });
    expect([none.rows, none.at, none.zoom, none.summary]).toEqual([[], null, null, null]);
  });
});
