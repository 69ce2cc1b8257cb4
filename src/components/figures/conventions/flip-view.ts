/** From figure 10.2's data (`buildFlipTest`) to what its elements show: no maths here. */
import {
  FLIP_DECODERS,
  FLIP_SETTING,
  FLIP_SWEEP,
  FLIP_STAGES,
  type FlipStage,
  type FlipTestData,
  type Point,
} from '../../../lib/index.ts';
import type { ViewModel } from '../../ui/apply-view.ts';
import { decoderStyle } from '../../ui/decoder-style.ts';
import { fmt, fmtPoint, num } from '../../ui/format.ts';
import { MAPPING_NAMES } from './udp-view.ts';

/** What each map of the flip test is called on screen. */
export const STAGE_NAMES: Record<FlipStage, string> = {
  original: 'Image',
  flipped: 'Mirror, flipped back',
  averaged: 'Average',
};

const signed = (v: number, digits = 2) => `${v > 0 ? '+' : ''}${fmt(v, digits)}`;

export function flipView(d: FlipTestData): ViewModel {
  const attrs: ViewModel['attrs'] = {};
  const text: ViewModel['text'] = {};
  const origin = d.stages.original.window.origin;
  const at = (p: Point) => `translate(${num(p.x - origin.x, 3)} ${num(p.y - origin.y, 3)})`;
  for (const stage of FLIP_STAGES) {
    const sd = d.stages[stage];
    attrs[`${stage}-truth`] = { transform: at(d.heatmap) };
    for (const id of FLIP_DECODERS) {
      attrs[`${stage}-${id}`] = { transform: at(sd.points[id]) };
      text[`err-${stage}-${id}`] = `${signed(sd.errorX[id])} px`;
    }
  }
  attrs.handle = { transform: at(d.heatmap) };
  text['stat-keypoint'] = `(${fmt(d.keypoint.x)}, ${fmt(d.keypoint.y)}) px`;
  text['stat-heatmap'] = `(${fmt(d.heatmap.x)}, ${fmt(d.heatmap.y)})`;
  text['stat-mirror'] = `(${fmt(d.mirror.x)}, ${fmt(d.mirror.y)})`;
  text['stat-bias'] = `${signed(d.expectedBias)} cells, ${signed(d.expectedBias * d.scale.x)} px`;
  text['sweep-note'] =
    `Mean signed x error over ${FLIP_SWEEP.samples} keypoints drawn with seed ${FLIP_SWEEP.seed}; the large dot is the figure’s setting.`;
  return { attrs, text };
}

export function flipAnnouncement(d: FlipTestData): string {
  const dark = (stage: FlipStage) => signed(d.stages[stage].errorX.dark);
  return (
    `${MAPPING_NAMES[d.mapping]} mapping, shift ${d.shift} cell${d.shift === 1 ? '' : 's'}. The flipped-back map’s peak sits ${signed(d.expectedBias)} cells from the truth. ` +
    `DARK’s x error: original ${dark('original')} px, flipped back ${dark('flipped')} px, averaged ${dark('averaged')} px.`
  );
}

/** The handle's value text: the window's cell coordinates back on the whole heatmap. */
export function describeFlipKeypoint(p: { x: number; y: number }): string {
  const { centre, radius } = FLIP_SETTING.window;
  return `${fmtPoint({ x: p.x + centre.x - radius, y: p.y + centre.y - radius }, 2)} heatmap cells`;
}

/** The labels of the decoders' marks in the legend. */
export const FLIP_DECODER_LABELS = FLIP_DECODERS.map((id) => ({ id, label: decoderStyle(id).label }));
