/**
 * Figure 9.3, the chapter's main figure: the sub-pixel shift test on BlazePose. The crop's content
 * moves right by 0–8 input pixels in steps of 0.25; at each step the model runs again and every
 * decoder reads the chosen joint. The chart draws each answer against the shift beside the ideal line
 * (¼ cell per pixel); a slider reads one shift, whose map is shown with every decoder's point.
 */
import {
  BLAZEPOSE_KEYPOINT_NAMES,
  BLAZEPOSE_SEEN_THRESHOLD,
  buildShiftFigure,
  decodeShiftSweep,
  SHIFT_TEST_IDEAL_SLOPE,
  SHIFT_ZOOM_SIZE,
  type ShiftFigureData,
  type ShiftSeries,
  type ShiftSweepFrame,
  type ShiftTestFrame,
} from '../../../lib/index.ts';
import { ch9, type Ch9State } from '../../state/ch9.ts';
import type { ViewModel } from '../../ui/apply-view.ts';
import { fmt } from '../../ui/format.ts';
import { toggleIn } from '../../ui/actions.ts';
import { pick } from '../../ui/params.ts';
import { shiftChart } from './charts.ts';
import { defineGatedSpec, type GatedData } from './gate.ts';
import { MARK_IDS, MARK_SHORT, markAttrs, seriesAttrs, type MarkId } from './marks.ts';

const params = pick(ch9, 'joint', 'kernel', 'shift', 'off');
type State = Pick<Ch9State, keyof typeof params>;

/** What the figure draws: the session, and the shift test so far for the chosen joint. */
export interface ShiftFigureViewData extends GatedData {
  /** The sweep's progress: crops run, crops in all, and whether it is under way. */
  progress: { done: number; total: number; running: boolean };
  figure: ShiftFigureData;
}

// Each crop is decoded once per joint and kernel: a new crop arriving, or the shift being read,
// decodes nothing again.
const decodedByFrame = new WeakMap<ShiftSweepFrame, Map<string, ShiftTestFrame>>();
function decodeFrame(frame: ShiftSweepFrame, joint: number, kernel: number): ShiftTestFrame {
  let byKey = decodedByFrame.get(frame);
  if (!byKey) decodedByFrame.set(frame, (byKey = new Map()));
  const key = `${joint}|${kernel}`;
  let decoded = byKey.get(key);
  if (!decoded) byKey.set(key, (decoded = decodeShiftSweep([frame], joint, { kernel })[0] as ShiftTestFrame));
  return decoded;
}

const ZOOM_R = 0.22;
const EMPTY_ZOOM = new Float32Array(SHIFT_ZOOM_SIZE * SHIFT_ZOOM_SIZE);
const IDS_WITH_STATS: readonly MarkId[] = MARK_IDS;

const seriesOf = (d: ShiftFigureData, id: MarkId): ShiftSeries | undefined =>
  id === 'regressed' ? d.summary?.regressed : d.summary?.series[id];

const signed = (v: number | undefined, digits = 2): string =>
  v === undefined ? '—' : `${v > 0 ? '+' : ''}${fmt(v, digits)}`;

function progressText(d: ShiftFigureViewData): string {
  const m = d.session.model.status;
  if (m !== 'ready') return 'The shift test runs once the model is loaded: 33 crops, each a run of the model.';
  const { done, total, running } = d.progress;
  if (done === 0) return 'The shift test starts once the crop has stayed put for a moment.';
  if (done < total) return `Running the shift test: ${done} of ${total} crops${running ? '…' : ' (waiting)'}`;
  return `The shift test ran on all ${total} crops of this crop.`;
}

/** A step back this large (cells) is a jump between modes rather than a wobble of one peak. */
const JUMP = 0.5;

/** What the run shows, in words, with its numbers: what the chapter's prose cannot type. */
function summaryText(d: ShiftFigureData, joint: string, complete: boolean): string {
  const dark = d.summary?.series.dark;
  const argmax = d.summary?.series.argmax;
  const regressed = d.summary?.regressed;
  const peak = d.decoded[0]?.decode.peak;
  if (!dark || !argmax || !regressed || peak === undefined || !complete) return '';
  const guess =
    peak < BLAZEPOSE_SEEN_THRESHOLD
      ? `The model does not see the ${joint} (its map peaks at ${fmt(peak, 2)}): every curve here follows a guess. `
      : '';
  const argmaxBack = argmax.monotone ? 'never steps back' : `steps back by up to ${fmt(argmax.largestDrop, 2)} cells`;
  const start = `${guess}Over 0–8 px the ${joint} should move ${fmt(8 * SHIFT_TEST_IDEAL_SLOPE, 2)} cells. Argmax took ${argmax.distinct} value${argmax.distinct === 1 ? '' : 's'}, all whole cells, and ${argmaxBack}. DARK moved ${fmt(dark.travel, 2)} cells at a slope of ${fmt(dark.slope, 3)} cells per pixel (ideal ${fmt(SHIFT_TEST_IDEAL_SLOPE, 3)}), through ${dark.distinct} different values`;
  const regressedBack = regressed.monotone
    ? 'the regressed landmark never steps back'
    : `the regressed landmark, which no decoder touches, steps back by up to ${fmt(regressed.largestDrop, 2)}`;
  if (dark.monotone) return `${start}, and never stepped back; ${regressedBack}.`;
  if (dark.largestDrop >= JUMP)
    return `${start}, jumping back by up to ${fmt(dark.largestDrop, 2)} cells at times: the map has more than one bright region, and the decoders jump between them as the crop moves; ${regressedBack}.`;
  return regressed.monotone
    ? `${start}, but not always forwards: it steps back by up to ${fmt(dark.largestDrop, 2)} cells, while ${regressedBack}: on this crop the heatmap wobbles more than the regression as the crop moves.`
    : `${start}, but not always forwards: it steps back by up to ${fmt(dark.largestDrop, 2)} cells, and ${regressedBack}: the network’s output itself wobbles as the crop moves, and a decoder that reads the map’s shape follows the wobble.`;
}

function shiftView(d: ShiftFigureViewData, s: Readonly<State>): ViewModel {
  const f = d.figure;
  const attrs: ViewModel['attrs'] = {};
  const text: ViewModel['text'] = {};
  const at = f.at;
  for (const id of MARK_IDS) {
    const p = at ? (id === 'regressed' ? at.decode.regressed : at.decode.points[id]) : undefined;
    attrs[`shift-${id}`] = markAttrs(
      p && f.zoom ? { x: p.x - f.zoom.x0, y: p.y - f.zoom.y0 } : undefined,
      id === 'argmax' ? 0.5 : ZOOM_R,
      f.zoom ?? undefined,
    );
  }
  for (const id of IDS_WITH_STATS) {
    const series = seriesOf(f, id);
    text[`s-${id}-slope`] = series ? fmt(series.slope, 3) : '—';
    text[`s-${id}-travel`] = series ? fmt(series.travel, 2) : '—';
    text[`s-${id}-distinct`] = series ? String(series.distinct) : '—';
    text[`s-${id}-back`] = series ? fmt(series.largestDrop, 2) : '—';
    text[`s-${id}-off`] = series ? fmt(series.maxDeviation, 2) : '—';
    text[`s-${id}-here`] = signed(f.atDx[id]);
  }
  const name = BLAZEPOSE_KEYPOINT_NAMES[s.joint] ?? '';
  const complete = d.progress.done === d.progress.total;
  const series = seriesAttrs(s.off);
  attrs['shift-body'] = { 'data-waiting': String(!at), 'data-complete': String(complete), ...series.body };
  Object.assign(attrs, series.keys);
  text['sweep-status'] = progressText(d);
  text['shift-read'] = at
    ? `At ${fmt(at.shift, 2)} px the ${name} should have moved ${fmt(at.shift * SHIFT_TEST_IDEAL_SLOPE, 2)} cells: argmax ${signed(f.atDx.argmax)}, DARK ${signed(f.atDx.dark)}, regressed ${signed(f.atDx.regressed)}.`
    : `Shift read: ${fmt(s.shift, 2)} px.`;
  text['zoom-label'] =
    `The ${name}’s map at ${fmt(at?.shift ?? s.shift, 2)} px, ${SHIFT_ZOOM_SIZE} × ${SHIFT_ZOOM_SIZE} cells (the window stays put)`;
  text['shift-summary'] = summaryText(f, name, complete);
  return { attrs, text };
}

export default defineGatedSpec(
  {
    name: 'blazepose-shift',
    params,
    // A legend key switches its series off and on (blazepose.css hides it; the chart is not redrawn).
    actions: { off: toggleIn<'off', MarkId>('off') },
    build: (s, _pre, session): ShiftFigureViewData => {
      const sweep = session.sweep;
      const frames = sweep?.frames ?? [];
      const kernel = Number(s.kernel);
      const decoded = frames.map((frame) => decodeFrame(frame, s.joint, kernel));
      return {
        session,
        progress: { done: frames.length, total: sweep?.total ?? 33, running: session.busy === 'sweep' },
        figure: buildShiftFigure({ frames, decoded, joint: s.joint, shift: s.shift, kernel }),
      };
    },
    view: shiftView,
    maps: {
      zoom: {
        draw: (d) =>
          d.figure.zoom
            ? { values: d.figure.zoom.data, w: d.figure.zoom.w, h: d.figure.zoom.h, domain: [0, 1] }
            : { values: EMPTY_ZOOM, w: SHIFT_ZOOM_SIZE, h: SHIFT_ZOOM_SIZE, domain: [0, 1] },
        describe: (cell, value, d) =>
          d.figure.zoom
            ? `cell (${cell.x + d.figure.zoom.x0}, ${cell.y + d.figure.zoom.y0}) = ${fmt(value, 3)}`
            : fmt(value, 3),
      },
    },
    charts: [
      {
        keys: ['joint', 'kernel', 'shift'],
        draw: (s, frame, d) => shiftChart(d.figure, s.shift, frame),
        announce: (_s, d) => {
          const at = d.figure.at;
          if (!at) return '';
          const parts = (['argmax', 'dark', 'mediapipe', 'regressed'] as const).map(
            (id) => `${MARK_SHORT[id]} ${signed(d.figure.atDx[id])}`,
          );
          return `At ${fmt(at.shift, 2)} px, ideal ${signed(at.shift * SHIFT_TEST_IDEAL_SLOPE)} cells: ${parts.join(', ')}.`;
        },
      },
    ],
  },
  { sweep: true },
);
