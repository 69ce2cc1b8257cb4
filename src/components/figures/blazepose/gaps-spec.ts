/**
 * Figure 9.4: heatmap versus regression. For every joint, the distance from each decoder's point on
 * the heatmap to the landmark the model regresses, in input pixels; joints the model does not see
 * (peak or visibility below MediaPipe's 0.5) left out, or drawn hollow; where they disagree most.
 */
import {
  BLAZEPOSE_KEYPOINT_NAMES,
  buildGapFigure,
  regressionGaps,
  type BlazePoseDecoderId,
  type BlazePoseResult,
  type GapFigureData,
  type RegressionGap,
} from '../../../lib/index.ts';
import { ch9, type Ch9State } from '../../state/ch9.ts';
import type { ViewModel } from '../../ui/apply-view.ts';
import { fmt } from '../../ui/format.ts';
import { toggleIn } from '../../ui/actions.ts';
import { pick } from '../../ui/params.ts';
import { gapChart } from './charts.ts';
import { defineGatedSpec, type GatedData } from './gate.ts';
import { MARK_IDS, MARK_SHORT, seriesAttrs, type MarkId } from './marks.ts';

const params = pick(ch9, 'gaps', 'joint', 'kernel', 'off');
type State = Pick<Ch9State, keyof typeof params>;

/** What the figure draws: the session and the gaps laid out. */
export interface GapsFigureViewData extends GatedData {
  figure: GapFigureData;
  ran: boolean;
}

// Decoding 39 joints with every decoder takes a moment: once per run and kernel.
let lastGaps: { result: BlazePoseResult; kernel: string; gaps: RegressionGap[] } | undefined;
function gapsOf(result: BlazePoseResult, kernel: string): RegressionGap[] {
  if (lastGaps?.result !== result || lastGaps.kernel !== kernel)
    lastGaps = { result, kernel, gaps: regressionGaps(result, { kernel: Number(kernel) }) };
  return lastGaps.gaps;
}

/** "DARK, the left elbow (13.1 px)": where a decoder lands farthest from the regressed landmark. */
function farthest(f: GapFigureData, id: BlazePoseDecoderId, name: string): string {
  const row = f.decoders.find((d) => d.id === id);
  return row?.largest ? `${name}, the ${row.largest.name} (${fmt(row.largest.distance, 1)} px)` : `${name}, nowhere`;
}

function gapsView(d: GapsFigureViewData, s: Readonly<State>): ViewModel {
  const text: ViewModel['text'] = {};
  const f = d.figure;
  for (const row of f.decoders) {
    text[`g-${row.id}-median`] = d.ran ? fmt(row.median, 2) : '—';
    text[`g-${row.id}-largest`] = row.largest ? `${fmt(row.largest.distance, 2)} (${row.largest.name})` : '—';
  }
  const name = BLAZEPOSE_KEYPOINT_NAMES[s.joint] ?? '';
  text['gaps-text'] = !d.ran
    ? `Run the model to compare its heatmaps with its regressed landmarks, ${s.gaps === 'all' ? 'for all its keypoints' : 'for the joints it sees'}.`
    : f.worst
      ? `The model sees ${f.seenCount} of its ${f.total} keypoints. Among the ${f.joints.length} shown, the decoders land farthest from the regressed landmark at: ${farthest(f, 'dark', 'DARK')}; ${farthest(f, 'mediapipe', 'MediaPipe’s refinement')}; ${farthest(f, 'softargmax', 'the whole-map soft-argmax')}.${f.joints.includes(name) ? ` The ${name} is shaded.` : ''}`
      : `The model sees none of its ${f.total} keypoints on this crop: show all to compare them anyway.`;
  const series = seriesAttrs(s.off);
  return { attrs: { 'gaps-body': { 'data-waiting': String(!d.ran), ...series.body }, ...series.keys }, text };
}

export default defineGatedSpec({
  name: 'blazepose-gaps',
  params,
  // A legend key switches its series off and on (blazepose.css hides it; the chart is not redrawn).
  actions: { off: toggleIn<'off', MarkId>('off') },
  build: (s, _pre, session): GapsFigureViewData => {
    const result = session.run?.result;
    const gaps = result ? gapsOf(result, s.kernel) : [];
    return { session, figure: buildGapFigure(gaps, s.gaps), ran: Boolean(result) };
  },
  view: gapsView,
  charts: [
    {
      keys: ['gaps', 'joint', 'kernel'],
      draw: (s, frame, d) => gapChart(d.figure, BLAZEPOSE_KEYPOINT_NAMES[s.joint] ?? null, frame),
      announce: (s, d) => {
        const name = BLAZEPOSE_KEYPOINT_NAMES[s.joint] ?? '';
        const rows = d.figure.rows.filter((r) => r.name === name);
        if (!rows.length) return d.ran ? `The ${name} is not shown (the model does not see it).` : '';
        return `${name}: ${MARK_IDS.flatMap((id) => rows.filter((r) => r.id === id).map((r) => `${MARK_SHORT[id]} ${fmt(r.distance, 1)} px`)).join(', ')} from the regressed landmark.`;
      },
    },
  ],
});
