/**
 * Figure data for chapter 9's shift test (figure 9.3): each decoder's x for one joint against the
 * shift of the crop (`blazepose/shiftTest.ts`), measured from its own answer at 0 px so that every
 * curve starts at 0 and a faithful one lies on the ideal line of slope 1 / stride; the summary per
 * decoder once two crops are in; and the joint's map at the shift being read, in a window that stays
 * put across shifts so that the peak and the points are seen to move.
 */
import { BLAZEPOSE_DECODER_IDS, type BlazePoseDecodeOptions, type BlazePoseDecoderId } from '../blazepose/decode.ts';
import { probabilityMap } from '../blazepose/outputs.ts';
import {
  decodeShiftSweep,
  SHIFT_TEST_IDEAL_SLOPE,
  SHIFT_TEST_MAX,
  summarizeShiftTest,
  type ShiftSweepFrame,
  type ShiftTestFrame,
  type ShiftTestSummary,
} from '../blazepose/shiftTest.ts';
import { mapWindow, type MapWindow, type Point } from '../stack.ts';

/** Side of the window the figure shows around the joint, cells. */
export const SHIFT_ZOOM_SIZE = 9;

/** A curve of the chart: a decoder, or the model's regressed landmark. */
export type ShiftCurveId = BlazePoseDecoderId | 'regressed';

/** One point of a curve: the shift (input px) and x − x at 0 px (heatmap cells). */
export interface ShiftChartRow {
  id: ShiftCurveId;
  shift: number;
  dx: number;
}

/** Options of {@link buildShiftFigure}. */
export interface ShiftFigureInput extends BlazePoseDecodeOptions {
  /** The sweep's crops so far (it grows as the model runs). */
  frames: readonly ShiftSweepFrame[];
  /** The joint, already decoded across `frames` (`decodeShiftSweep`): a figure caches it. */
  decoded?: readonly ShiftTestFrame[];
  joint: number;
  /** The shift being read, input pixels. */
  shift: number;
}

/** What figure 9.3 draws. */
export interface ShiftFigureData {
  decoded: readonly ShiftTestFrame[];
  /** Every curve's points, decoders in `BLAZEPOSE_DECODER_IDS` order, then the regressed landmark. */
  rows: ShiftChartRow[];
  /** The ideal line from (0, 0) to (8 px, 2 cells). */
  ideal: { shift: number; dx: number }[];
  /** Slope, travel, steps back and distinct values per decoder, once two crops are in. */
  summary: ShiftTestSummary | null;
  /** The crop read at `shift` (the nearest one run), or null before any. */
  at: ShiftTestFrame | null;
  /** Its x − x at 0 px per curve, cells. */
  atDx: Partial<Record<ShiftCurveId, number>>;
  /** The joint's sigmoid map at that crop, in a window fixed by the first crop's argmax. */
  zoom: MapWindow | null;
}

/** Builds the chart's rows, the summary and the crop being read. */
export function buildShiftFigure(input: ShiftFigureInput): ShiftFigureData {
  const { frames, joint, shift } = input;
  const decoded = input.decoded ?? decodeShiftSweep(frames, joint, input);
  const rows: ShiftChartRow[] = [];
  const first = decoded[0];
  const start = (id: ShiftCurveId): Point | undefined =>
    id === 'regressed' ? first?.decode.regressed : first?.decode.points[id];
  const ids: ShiftCurveId[] = [...BLAZEPOSE_DECODER_IDS, 'regressed'];
  for (const id of ids) {
    const x0 = start(id)?.x;
    if (x0 === undefined) continue;
    for (const f of decoded) {
      const p = id === 'regressed' ? f.decode.regressed : f.decode.points[id];
      if (p) rows.push({ id, shift: f.shift, dx: p.x - x0 });
    }
  }
  let index = -1;
  for (let i = 0; i < decoded.length; i++) {
    const best = decoded[index];
    if (!best || Math.abs((decoded[i] as ShiftTestFrame).shift - shift) < Math.abs(best.shift - shift)) index = i;
  }
  const at = decoded[index] ?? null;
  const atDx: Partial<Record<ShiftCurveId, number>> = {};
  for (const r of rows) if (at && r.shift === at.shift) atDx[r.id] = r.dx;
  let zoom: MapWindow | null = null;
  const frame = frames[index];
  const anchor = first?.decode.points.argmax;
  if (frame && anchor) {
    // The window is centred where the joint is half-way through the sweep, so it stays in view.
    const centre = { x: anchor.x + (SHIFT_TEST_MAX * SHIFT_TEST_IDEAL_SLOPE) / 2, y: anchor.y };
    zoom = mapWindow(probabilityMap(frame.maps, joint), centre, SHIFT_ZOOM_SIZE);
  }
  return {
    decoded,
    rows,
    ideal: [
      { shift: 0, dx: 0 },
      { shift: SHIFT_TEST_MAX, dx: SHIFT_TEST_MAX * SHIFT_TEST_IDEAL_SLOPE },
    ],
    summary: decoded.length >= 2 ? summarizeShiftTest(decoded) : null,
    at,
    atDx,
    zoom,
  };
}
