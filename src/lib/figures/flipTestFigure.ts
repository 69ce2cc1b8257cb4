/**
 * Figure data for the flip test (chapter 10, figure 10.2): a keypoint's map, the mirror
 * image's map flipped back and shifted by 0, 1 or 2 cells (`flipHeatmaps`, MMPose's
 * `flip_heatmaps` with `shift_heatmap`), their average (`flipTestAverage`), and what argmax,
 * the quarter shift and DARK decode from each; and a seeded sweep of the error against the
 * shift under both input mappings (`flipTestBias`).
 *
 * The maps are unbiased Gaussian targets (σ 2 cells) on the 192 × 256 crop's 48 × 64 heatmap,
 * placed where each mapping puts the keypoint and its mirror image (`inputToHeatmap`): the
 * network is taken to output its training target exactly, so every error shown is the flip
 * test's own. With the stride mapping the flipped-back map sits 1 - 1/λ cells left of the
 * original (`flippedBackBias`); with UDP's it sits on it.
 */
import type { Geometry } from '../coords.ts';
import { decodeAll, type HeatmapDecoderId } from '../decoders.ts';
import { encodeUnbiased } from '../encode.ts';
import { flipHeatmaps, flipTestAverage, flipTestBias } from '../flip.ts';
import { flippedBackBias, inputToHeatmap, mappingScale, INPUT_MAPPINGS, type InputMapping } from '../mapping.ts';
import { createRandom } from '../random.ts';
import { stackOf, windowAround, type DecodedPoint, type HeatmapStack, type Point } from '../stack.ts';
import { FLIP_SETTING, FLIP_SHIFTS, type FlipShift } from './toolkitFigures.ts';

/** The decoders the figure compares. */
export const FLIP_DECODERS = ['argmax', 'quarter', 'dark'] as const satisfies readonly HeatmapDecoderId[];
/** A decoder the figure compares. */
export type FlipDecoder = (typeof FLIP_DECODERS)[number];

/** The three maps of the flip test. */
export const FLIP_STAGES = ['original', 'flipped', 'averaged'] as const;
/** One of the three maps: the image's, the mirror image's flipped back, their average. */
export type FlipStage = (typeof FLIP_STAGES)[number];

/** A map's window and what each decoder makes of the whole map. */
export interface FlipStageData {
  /** The window's cells, row-major, its top-left cell and side. */
  window: { values: Float32Array; origin: Point; size: number };
  /** Each decoder's point, heatmap cells. */
  points: Record<FlipDecoder, DecodedPoint>;
  /** Each decoder's x minus the true x, input px (the flip moves x only). */
  errorX: Record<FlipDecoder, number>;
  /** Each decoder's distance from the truth, input px. */
  distance: Record<FlipDecoder, number>;
}

/** One cell of the row through the keypoint in each map, for the profile chart. */
export interface FlipProfilePoint {
  /** Heatmap column. */
  x: number;
  original: number;
  flipped: number;
  averaged: number;
}

/** Everything figure 10.2 draws in one state. */
export interface FlipTestData {
  mapping: InputMapping;
  shift: FlipShift;
  /** The keypoint, input px, and on the heatmap, cells. */
  keypoint: Point;
  heatmap: Point;
  /** Input px per cell under the mapping. */
  scale: Point;
  /** The mirror image's keypoint on its own map, cells. */
  mirror: Point;
  /** Where the flipped-back map's peak sits minus the truth, cells: `flippedBackBias` + shift. */
  expectedBias: number;
  stages: Record<FlipStage, FlipStageData>;
  /** The row through the keypoint (its nearest row), across the window. */
  profileRow: number;
  profile: FlipProfilePoint[];
}

function stageData(stack: HeatmapStack, truth: Point, scale: Point): FlipStageData {
  const { w, h } = stack;
  const map = { data: stack.data, w, h };
  const { centre, radius } = FLIP_SETTING.window;
  const points = decodeAll(FLIP_DECODERS, map, { kernel: FLIP_SETTING.kernel }) as Record<FlipDecoder, DecodedPoint>;
  const errorX = {} as Record<FlipDecoder, number>;
  const distance = {} as Record<FlipDecoder, number>;
  for (const id of FLIP_DECODERS) {
    const p = points[id];
    errorX[id] = (p.x - truth.x) * scale.x;
    distance[id] = Math.hypot((p.x - truth.x) * scale.x, (p.y - truth.y) * scale.y);
  }
  return { window: windowAround(map, centre, radius), points, errorX, distance };
}

/**
 * Figure 10.2 in one state: the keypoint (input px, kept inside `FLIP_SETTING.keypoint`), the
 * input mapping and the shift.
 */
export function buildFlipTest({
  keypoint,
  mapping,
  shift,
}: {
  keypoint: Point;
  mapping: InputMapping;
  shift: FlipShift;
}): FlipTestData {
  const { geometry: g, sigma } = FLIP_SETTING;
  const { heatmapW: w, heatmapH: h } = g;
  const scale = mappingScale(g, mapping);
  const heatmap = inputToHeatmap(keypoint, g, mapping);
  const mirror = inputToHeatmap({ x: g.inputW - 1 - keypoint.x, y: keypoint.y }, g, mapping);
  const original = stackOf(encodeUnbiased(heatmap, w, h, sigma));
  const mirrored = stackOf(encodeUnbiased(mirror, w, h, sigma));
  const flipped = flipHeatmaps(mirrored, null, shift);
  const averaged = flipTestAverage(original, mirrored, null, shift);
  const stages = {
    original: stageData(original, heatmap, scale),
    flipped: stageData(flipped, heatmap, scale),
    averaged: stageData(averaged, heatmap, scale),
  };
  const row = Math.min(h - 1, Math.max(0, Math.round(heatmap.y)));
  const { centre, radius } = FLIP_SETTING.window;
  const profile = Array.from({ length: 2 * radius + 1 }, (_, i) => {
    const x = centre.x - radius + i;
    const at = (s: HeatmapStack) => s.data[row * w + x] as number;
    return { x, original: at(original), flipped: at(flipped), averaged: at(averaged) };
  });
  return {
    mapping,
    shift,
    keypoint,
    heatmap,
    scale,
    mirror,
    expectedBias: flippedBackBias(g, mapping) + shift,
    stages,
    profileRow: row,
    profile,
  };
}

/** The mean signed and mean absolute x error of one setting of the sweep, input px. */
export interface FlipSweepRow {
  mapping: InputMapping;
  shift: FlipShift;
  decoder: 'argmax' | 'dark';
  /** The flipped-back map alone, and averaged with the original. */
  flipped: { mean: number; meanAbs: number };
  averaged: { mean: number; meanAbs: number };
  /** The original map alone (no flip test), for comparison. */
  original: { mean: number; meanAbs: number };
}

/** The sweep's seeded settings: keypoints drawn where DARK refines, away from the map's border. */
export const FLIP_SWEEP = {
  samples: 200,
  seed: 2019,
  /** Where keypoints are drawn, input px (inside the 192 × 256 crop, 10 cells from its edges). */
  range: { minX: 40, maxX: 151, minY: 40, maxY: 215 },
  decoders: ['argmax', 'dark'] as const,
} as const;

/**
 * The flip test's x error against the shift for both mappings: `samples` seeded keypoints,
 * each run through `flipTestBias` (unbiased targets, σ 2 cells, DARK's kernel 11) under each
 * mapping, shift and decoder; means in input px. With the stride mapping the flipped-back
 * map's bias is -(1 - 1/λ) + shift cells, smallest in size at a shift of one cell; with UDP's
 * it is the shift.
 */
export function buildFlipSweep(options: { samples?: number; seed?: number; geometry?: Geometry } = {}): FlipSweepRow[] {
  const samples = options.samples ?? FLIP_SWEEP.samples;
  const g = options.geometry ?? FLIP_SETTING.geometry;
  const rng = createRandom(options.seed ?? FLIP_SWEEP.seed);
  const { range } = FLIP_SWEEP;
  const points = Array.from({ length: samples }, () => ({
    x: rng.uniform(range.minX, range.maxX),
    y: rng.uniform(range.minY, range.maxY),
  }));
  const rows: FlipSweepRow[] = [];
  for (const mapping of INPUT_MAPPINGS) {
    const scale = mappingScale(g, mapping).x;
    for (const shift of FLIP_SHIFTS) {
      for (const decoder of FLIP_SWEEP.decoders) {
        const sums = { flipped: [0, 0], averaged: [0, 0], original: [0, 0] };
        for (const p of points) {
          const r = flipTestBias(p, g, mapping, shift, {
            sigma: FLIP_SETTING.sigma,
            decoder,
            kernel: FLIP_SETTING.kernel,
          });
          for (const stage of ['flipped', 'averaged', 'original'] as const) {
            const e = r[stage] * scale;
            sums[stage][0] = (sums[stage][0] as number) + e;
            sums[stage][1] = (sums[stage][1] as number) + Math.abs(e);
          }
        }
        const mean = (s: number[]) => ({ mean: (s[0] as number) / samples, meanAbs: (s[1] as number) / samples });
        rows.push({
          mapping,
          shift,
          decoder,
          flipped: mean(sums.flipped),
          averaged: mean(sums.averaged),
          original: mean(sums.original),
        });
      }
    }
  }
  return rows;
}
