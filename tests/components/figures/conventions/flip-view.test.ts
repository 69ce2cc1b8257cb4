import { describe, expect, it } from 'vitest';
import {
  describeFlipKeypoint,
  FLIP_DECODER_LABELS,
  flipAnnouncement,
  flipView,
} from '../../../../src/components/figures/conventions/flip-view.ts';
import { decoderStyle } from '../../../../src/components/ui/decoder-style.ts';
import { fmt } from '../../../../src/components/ui/format.ts';
import { buildFlipTest, FLIP_DECODERS, FLIP_SETTING, FLIP_SWEEP } from '../../../../src/lib/index.ts';

const { centre, radius } = FLIP_SETTING.window;
const origin = { x: centre.x - radius, y: centre.y - radius };
const signed = (v: number) => `${v > 0 ? '+' : ''}${fmt(v)}`;
// Stride 4 on the 192 × 256 crop: the keypoint at (97.3, 129.4) is at (24.325, 32.35) on the map.
const d = buildFlipTest({ keypoint: { x: 97.3, y: 129.4 }, mapping: 'stride', shift: 1 });
const v = flipView(d);

describe('flipView(data)', () => {
  it('places the truth and the handle in window cells, the window starting at its top-left cell', () => {
    const at = `translate(${(97.3 / 4 - origin.x).toFixed(3)} ${(129.4 / 4 - origin.y).toFixed(3)})`;
    for (const stage of ['original', 'flipped', 'averaged'])
      expect(v.attrs[`${stage}-truth`]).toEqual({ transform: at });
    expect(v.attrs.handle).toEqual({ transform: at });
  });

  it('marks each decoder’s point on each map and signs its x error', () => {
    const dark = d.stages.flipped.points.dark;
    expect(v.attrs['flipped-dark']).toEqual({
      transform: `translate(${(dark.x - origin.x).toFixed(3)} ${(dark.y - origin.y).toFixed(3)})`,
    });
    for (const id of FLIP_DECODERS)
      expect(v.text[`err-averaged-${id}`], id).toBe(`${signed(d.stages.averaged.errorX[id])} px`);
  });

  it('states the flipped-back bias: −(1 − 1/λ) cells under the stride mapping, plus the shift', () => {
    const bias = -(1 - 1 / 4) + 1;
    expect(v.text['stat-bias']).toBe(`${signed(bias)} cells, ${signed(bias * 4)} px`);
    expect(v.text['stat-mirror']).toBe(`(${fmt((192 - 1 - 97.3) / 4)}, ${fmt(129.4 / 4)})`);
    expect(v.text['sweep-note']).toContain(`over ${FLIP_SWEEP.samples} keypoints drawn with seed ${FLIP_SWEEP.seed}`);
  });
});

describe('flipAnnouncement(data)', () => {
  it('says the mapping, the shift, the bias and DARK’s error on each map', () => {
    const dark = (stage: 'original' | 'flipped' | 'averaged') => signed(d.stages[stage].errorX.dark);
    const said = flipAnnouncement(d);
    expect(said).toMatch(/^Stride mapping, shift 1 cells?\. /);
    expect(said).toContain(`The flipped-back map’s peak sits ${signed(-(1 - 1 / 4) + 1)} cells from the truth.`);
    expect(said).toContain(
      `DARK’s x error: original ${dark('original')} px, flipped back ${dark('flipped')} px, averaged ${dark('averaged')} px.`,
    );
  });
});

describe('describeFlipKeypoint(point) and FLIP_DECODER_LABELS', () => {
  it('name a window cell by its place on the whole heatmap', () => {
    expect(describeFlipKeypoint({ x: 5.5, y: 5.25 })).toBe(
      `x ${fmt(origin.x + 5.5)}, y ${fmt(origin.y + 5.25)} heatmap cells`,
    );
  });

  it('label the decoders as every chart does', () => {
    expect(FLIP_DECODER_LABELS).toEqual(FLIP_DECODERS.map((id) => ({ id, label: decoderStyle(id).label })));
  });
});
