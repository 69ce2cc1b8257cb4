/** From the bottom-up decoding data to what figure 7.2 shows at each stage. */
import { buildBottomUp, POSE_NMS_RATIO, poseNmsMinJoints, stickScene, type BottomUpData } from '../../../lib/index.ts';
import type { ViewModel } from '../../ui/apply-view.ts';
import { fmt, num } from '../../ui/format.ts';
import { figurePath } from './routes-view.ts';
import { DECODE_GRID, STAGES, type Ch7State, type Stage } from '../../state/ch7.ts';

/** DEKR keeps the 30 highest centre peaks; the figure has a slot for each. */
export const PEAK_SLOTS = 30;
/** Rows of the pose table. */
export const TABLE_ROWS = 8;

/** What figure 7.2 reads of chapter 7's state. */
export type DecodeState = Pick<Ch7State, 'stage' | 'cnoise' | 'onoise' | 'seed'>;

/** Short names, for the stage switch. */
export const STAGE_SHORT: Record<Stage, string> = {
  centres: 'Centres',
  nms: 'NMS',
  poses: 'Poses',
  rescore: 'Rescore',
  posenms: 'Pose NMS',
};

export const STAGE_TITLES: Record<Stage, string> = {
  centres: 'Centre heatmap',
  nms: 'Centre NMS',
  poses: 'Poses from offsets',
  rescore: 'Rescoring',
  posenms: 'Pose NMS',
};

/** The scene and its decoding for a state. */
export function decodeData(s: Readonly<Pick<Ch7State, 'cnoise' | 'onoise' | 'seed'>>): BottomUpData {
  const { w, h, people } = DECODE_GRID;
  return buildBottomUp({
    w,
    h,
    people: stickScene({ w, h, count: people, seed: s.seed, minHeight: 0.45 * h, maxHeight: 0.7 * h }),
    offsetNoise: s.onoise,
    centreNoise: s.cnoise,
    seed: s.seed,
  });
}

/** The map the stage shows: the keypoint heatmaps while rescoring, else the centre heatmap. */
export function stageMap(d: BottomUpData, stage: Stage): { values: Float64Array; label: string } {
  return stage === 'rescore'
    ? { values: d.keypointMax, label: 'Keypoint heatmaps (maximum over the 13 joints)' }
    : { values: d.centreMap, label: 'Centre heatmap' };
}

function stageText(d: BottomUpData, stage: Stage, s: Readonly<DecodeState>): string {
  const real = d.peakPerson.filter((p) => p >= 0).length;
  const people = DECODE_GRID.people;
  switch (stage) {
    case 'centres':
      return `The network's centre heatmap: a Gaussian (σ = 4) at each person's centre, the mean of their joints, plus noise of σ = ${fmt(s.cnoise, 3)}.`;
    case 'nms':
      return `A pixel is a peak when it equals the maximum of its 3 × 3 neighbourhood and exceeds 0.01; the ${PEAK_SLOTS} highest are kept. Here ${d.peaks.length} peaks: ${real} at the ${people} people's centres, ${d.peaks.length - real} from noise.`;
    case 'poses':
      return `At each peak q, joint k is q − o_k(q). Pixels near a person all regress that person, so the ${d.poses.length} poses are mostly copies of the same ${people}, spread by the offsets' noise (σ = ${fmt(s.onoise, 1)} px).`;
    case 'rescore': {
      const scores = d.poses.map((p) => p.score);
      const noise = d.poses.filter((_, i) => d.peakPerson[i] === -1).map((p) => p.score);
      return `Each joint is scored by the centre value times the keypoint heatmap under it; a pose's score is their mean. Best pose ${fmt(Math.max(...scores), 3)}; the best pose from a noise peak ${noise.length ? fmt(Math.max(...noise), 3) : '—'}.`;
    }
    case 'posenms': {
      const k = d.poses[0]?.joints.length ?? 0;
      return `From the best centre down, each pose gathers the poses with more than ${poseNmsMinJoints(k)} of its ${k} joints within ${fmt(100 * POSE_NMS_RATIO, 0)} % of its own keypoint extent's diagonal, and keeps the one with the best score. ${d.kept.length} of ${d.poses.length} kept.`;
    }
  }
}

export function decodeView(d: BottomUpData, s: Readonly<DecodeState>): ViewModel {
  const stage = s.stage;
  const at = STAGES.indexOf(stage);
  const attrs: ViewModel['attrs'] = {};
  const text: ViewModel['text'] = {};
  const kept = new Set(d.kept);
  const best = Math.max(1e-9, ...d.poses.map((p) => p.score));
  for (let i = 0; i < PEAK_SLOTS; i++) {
    const peak = d.peaks[i];
    const pose = d.poses[i];
    // After pose NMS a peak is drawn as what became of its pose: kept, or dropped (faint).
    const status = !pose || at < 4 ? 'pending' : kept.has(pose) ? 'kept' : 'dropped';
    attrs[`peak-${i}`] = peak
      ? {
          transform: `translate(${peak.x} ${peak.y})`,
          visibility: at >= 1 ? 'visible' : 'hidden',
          'data-status': status,
        }
      : { visibility: 'hidden' };
    if (!pose) {
      attrs[`pose-${i}`] = { visibility: 'hidden' };
      continue;
    }
    attrs[`pose-${i}`] = {
      d: figurePath(pose.joints),
      visibility: at >= 2 && status !== 'dropped' ? 'visible' : 'hidden',
      'stroke-opacity': at >= 3 ? num(0.15 + 0.85 * (pose.score / best), 2) : '0.6',
      'data-status': status,
    };
  }
  // The table: the first rows by centre score.
  for (let i = 0; i < TABLE_ROWS; i++) {
    const peak = d.peaks[i];
    const pose = d.poses[i];
    attrs[`row-${i}`] = { 'data-empty': peak ? 'false' : 'true' };
    if (!peak || !pose) continue;
    const person = d.peakPerson[i] ?? -1;
    text[`row-${i}-peak`] = `${peak.x}, ${peak.y}`;
    text[`row-${i}-who`] = person >= 0 ? `person ${person + 1}` : 'noise';
    text[`row-${i}-centre`] = at >= 1 ? fmt(peak.score, 3) : '—';
    text[`row-${i}-score`] = at >= 3 ? fmt(pose.score, 3) : '—';
    text[`row-${i}-status`] = at >= 4 ? (kept.has(pose) ? 'kept' : 'dropped') : '—';
  }
  text['stage-title'] = `${at + 1}. ${STAGE_TITLES[stage]}`;
  text['stage-text'] = stageText(d, stage, s);
  text['map-label'] = stageMap(d, stage).label;
  text['more'] = d.peaks.length > TABLE_ROWS ? `and ${d.peaks.length - TABLE_ROWS} more peaks` : '';
  return { attrs, text };
}

export function decodeAnnouncement(d: BottomUpData, s: Readonly<DecodeState>): string {
  return `Step ${STAGES.indexOf(s.stage) + 1} of ${STAGES.length}, ${STAGE_TITLES[s.stage]}. ${stageText(d, s.stage, s)}`;
}
