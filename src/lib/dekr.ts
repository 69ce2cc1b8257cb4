/**
 * DEKR's adaptive convolution and bottom-up decoding (Geng et al., CVPR 2021), as the
 * AdaptBlock in the DEKR repository computes it with `torchvision.ops.deform_conv2d`
 * (codec-spec §6). Feature maps are [C, H, W] row-major Float64Arrays.
 */
import type { Point } from './stack.ts';

/**
 * How closely the adaptive block (offsets and deformable convolution) reproduces DEKR's
 * AdaptBlock with torchvision's deform_conv2d: the golden tests hold every value to it.
 */
export const ADAPT_BLOCK_TOLERANCE = 1e-6;

/** A [c, h, w] feature map. */
export interface FeatureMap {
  data: Float64Array;
  c: number;
  h: number;
  w: number;
}

/** The regular 3×3 grid as (dy, dx) columns, taps row-major (the AdaptBlock's regular_matrix). */
export const REGULAR_GRID: readonly (readonly [number, number])[] = [
  [-1, -1],
  [-1, 0],
  [-1, 1],
  [0, -1],
  [0, 0],
  [0, 1],
  [1, -1],
  [1, 0],
  [1, 1],
];

/** A per-pixel affine matrix [a00, a01, a10, a11] (row-major, acting on (dy, dx)). */
export type Affine = readonly [number, number, number, number];
/** A per-pixel translation (ty, tx) in feature pixels. */
export type Translation = readonly [number, number];

/** The identity affine: the adaptive conv then equals a regular 3×3 conv. */
export const IDENTITY_AFFINE: Affine = [1, 0, 0, 1];

/**
 * The 18 offsets of one pixel in torchvision's layout (dy0, dx0, dy1, dx1, …):
 * A·G_n - G_n, plus t on every tap.
 */
export function adaptiveOffsets(a: Affine, t: Translation): Float64Array {
  const out = new Float64Array(18);
  REGULAR_GRID.forEach(([gy, gx], n) => {
    out[2 * n] = a[0] * gy + a[1] * gx - gy + t[0];
    out[2 * n + 1] = a[2] * gy + a[3] * gx - gx + t[1];
  });
  return out;
}

/** Where tap n of pixel p samples: p + A·G_n + t, as (x, y) points in feature pixels. */
export function samplingPoints(p: Point, a: Affine, t: Translation): Point[] {
  return REGULAR_GRID.map(([gy, gx]) => ({
    x: p.x + a[2] * gy + a[3] * gx + t[1],
    y: p.y + a[0] * gy + a[1] * gx + t[0],
  }));
}

/** One of the four neighbours a bilinear sample reads, with its weight. */
export interface BilinearTap {
  x: number;
  y: number;
  weight: number;
  /** false when the neighbour lies outside the map (it then contributes zero). */
  inside: boolean;
}

/**
 * The four neighbours and weights of a bilinear sample at (x, y) on a w×h map, as
 * torchvision's `bilinear_interpolate`: nothing is read when y ≤ -1, y ≥ h, x ≤ -1 or x ≥ w.
 */
export function bilinearTaps(x: number, y: number, w: number, h: number): BilinearTap[] {
  if (!(y > -1 && y < h && x > -1 && x < w)) return [];
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const taps: BilinearTap[] = [
    { x: x0, y: y0, weight: (1 - fy) * (1 - fx), inside: false },
    { x: x0 + 1, y: y0, weight: (1 - fy) * fx, inside: false },
    { x: x0, y: y0 + 1, weight: fy * (1 - fx), inside: false },
    { x: x0 + 1, y: y0 + 1, weight: fy * fx, inside: false },
  ];
  for (const tap of taps) tap.inside = tap.x >= 0 && tap.y >= 0 && tap.x < w && tap.y < h;
  return taps;
}

/** Bilinear sample of channel `channel` at (x, y), zero outside the map. */
export function bilinearSample(f: FeatureMap, channel: number, x: number, y: number): number {
  const base = channel * f.h * f.w;
  let s = 0;
  for (const tap of bilinearTaps(x, y, f.w, f.h)) {
    if (tap.inside && tap.weight !== 0) s += tap.weight * (f.data[base + tap.y * f.w + tap.x] as number);
  }
  return s;
}

/**
 * A 3×3 convolution with zero padding 1 and stride 1 (cross-correlation, as PyTorch):
 * weight [o, c, 3, 3] row-major, optional bias [o]. Returns [o, h, w].
 */
export function conv3x3(
  f: FeatureMap,
  weight: ArrayLike<number>,
  outChannels: number,
  bias?: ArrayLike<number>,
): FeatureMap {
  const { c, h, w } = f;
  if (weight.length !== outChannels * c * 9) {
    throw new RangeError(`conv3x3: weight has ${weight.length} values, expected ${outChannels}·${c}·9`);
  }
  const out = new Float64Array(outChannels * h * w);
  for (let o = 0; o < outChannels; o++) {
    const b = bias ? (bias[o] as number) : 0;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        let s = b;
        for (let ci = 0; ci < c; ci++) {
          for (let n = 0; n < 9; n++) {
            const yy = y + Math.floor(n / 3) - 1;
            const xx = x + (n % 3) - 1;
            if (yy < 0 || xx < 0 || yy >= h || xx >= w) continue;
            s += (weight[(o * c + ci) * 9 + n] as number) * (f.data[(ci * h + yy) * w + xx] as number);
          }
        }
        out[(o * h + y) * w + x] = s;
      }
    }
  }
  return { data: out, c: outChannels, h, w };
}

/**
 * The AdaptBlock's offsets [18, h, w] from its two 3×3 convs: the transform branch gives A
 * (4 channels, [a00, a01, a10, a11]), the translation branch gives t (2 channels, (ty, tx)).
 */
export function adaptBlockOffsets(
  f: FeatureMap,
  transformWeight: ArrayLike<number>,
  transformBias: ArrayLike<number>,
  translationWeight: ArrayLike<number>,
  translationBias: ArrayLike<number>,
): FeatureMap {
  const a = conv3x3(f, transformWeight, 4, transformBias);
  const t = conv3x3(f, translationWeight, 2, translationBias);
  const { h, w } = f;
  const hw = h * w;
  const out = new Float64Array(18 * hw);
  for (let p = 0; p < hw; p++) {
    const o = adaptiveOffsets(
      [a.data[p] as number, a.data[hw + p] as number, a.data[2 * hw + p] as number, a.data[3 * hw + p] as number],
      [t.data[p] as number, t.data[hw + p] as number],
    );
    for (let ch = 0; ch < 18; ch++) out[ch * hw + p] = o[ch] as number;
  }
  return { data: out, c: 18, h, w };
}

/**
 * The deformable 3×3 convolution (no bias): out[o][p] = Σ_c Σ_n W[o][c][n]·x[c](p + G_n + Δ_n),
 * with Δ = `offsets` [18, h, w] in torchvision's (dy, dx) layout and bilinear sampling.
 */
export function deformConv3x3(
  f: FeatureMap,
  offsets: FeatureMap,
  weight: ArrayLike<number>,
  outChannels: number,
): FeatureMap {
  const { c, h, w } = f;
  const hw = h * w;
  const out = new Float64Array(outChannels * hw);
  const sampled = new Float64Array(c * 9);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      for (let n = 0; n < 9; n++) {
        const [gy, gx] = REGULAR_GRID[n] as [number, number];
        const sy = y + gy + (offsets.data[2 * n * hw + p] as number);
        const sx = x + gx + (offsets.data[(2 * n + 1) * hw + p] as number);
        for (let ci = 0; ci < c; ci++) sampled[ci * 9 + n] = bilinearSample(f, ci, sx, sy);
      }
      for (let o = 0; o < outChannels; o++) {
        let s = 0;
        for (let j = 0; j < c * 9; j++) s += (weight[o * c * 9 + j] as number) * (sampled[j] as number);
        out[o * hw + p] = s;
      }
    }
  }
  return { data: out, c: outChannels, h, w };
}

/** A local maximum of the centre heatmap. */
export interface CentrePeak {
  x: number;
  y: number;
  score: number;
}

/** Centre NMS's defaults, DEKR's: the `MAX_NUM_PEOPLE` highest peaks above `KEYPOINT_THRESHOLD`. */
export const CENTRE_NMS = { topK: 30, threshold: 0.01 } as const;

/**
 * Centre NMS: pixels equal to the maximum of their 3×3 neighbourhood (max-pool equality),
 * above `threshold`, the `topK` highest first (DEKR keeps 30 above 0.01). DEKR's own pool
 * grows to 5×5 or 7×7 on maps whose mean side exceeds 200 or 300 cells; this is its 3×3 case.
 */
export function centreNms(
  map: ArrayLike<number>,
  w: number,
  h: number,
  { topK = CENTRE_NMS.topK, threshold = CENTRE_NMS.threshold }: { topK?: number; threshold?: number } = {},
): CentrePeak[] {
  const peaks: CentrePeak[] = [];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = map[y * w + x] as number;
      if (!(v > threshold)) continue;
      let isMax = true;
      for (let dy = -1; dy <= 1 && isMax; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (yy >= 0 && xx >= 0 && yy < h && xx < w && (map[yy * w + xx] as number) > v) {
            isMax = false;
            break;
          }
        }
      }
      if (isMax) peaks.push({ x, y, score: v });
    }
  }
  return peaks.sort((a, b) => b.score - a.score).slice(0, topK);
}

/** A regressed pose: K joints and scores. */
export interface Pose {
  centre: CentrePeak;
  joints: Point[];
  /** Per-joint score: centre score × keypoint heatmap value at the joint. */
  jointScores: number[];
  /** Centre score × mean keypoint heatmap value: the pose's final score in DEKR. */
  score: number;
  /** Mean keypoint heatmap value at the joints (1 without heatmaps): DEKR's `heat_score`, what pose NMS ranks by. */
  heatScore: number;
}

/**
 * Poses at the centre peaks: joint j = q - offset_j(q), with offsets [2K, h, w] laid out as
 * (x, y) per joint in DEKR's pixel − keypoint sign convention. When keypoint heatmaps
 * [K, h, w] are given, each joint is rescored by the heatmap value at its floored,
 * clamped position (DEKR's `get_heat_value`).
 */
export function posesFromOffsets(
  peaks: readonly CentrePeak[],
  offsets: ArrayLike<number>,
  numJoints: number,
  w: number,
  h: number,
  keypointHeatmaps?: ArrayLike<number>,
): Pose[] {
  const hw = w * h;
  return peaks.map((centre) => {
    const p = centre.y * w + centre.x;
    const joints: Point[] = [];
    const jointScores: number[] = [];
    let heatSum = 0;
    for (let j = 0; j < numJoints; j++) {
      const joint = {
        x: centre.x - (offsets[2 * j * hw + p] as number),
        y: centre.y - (offsets[(2 * j + 1) * hw + p] as number),
      };
      joints.push(joint);
      let heat = 1;
      if (keypointHeatmaps) {
        const xi = Math.min(w - 1, Math.max(0, Math.floor(joint.x)));
        const yi = Math.min(h - 1, Math.max(0, Math.floor(joint.y)));
        heat = keypointHeatmaps[j * hw + yi * w + xi] as number;
      }
      heatSum += heat;
      jointScores.push(centre.score * heat);
    }
    const score = jointScores.reduce((a, b) => a + b, 0) / Math.max(1, numJoints);
    return { centre, joints, jointScores, score, heatScore: heatSum / Math.max(1, numJoints) };
  });
}

/** DEKR's pose NMS distance ratio, `TEST.NMS_THRE` in the repository's COCO and CrowdPose configs. */
export const POSE_NMS_RATIO = 0.05;

/**
 * DEKR's `TEST.NMS_NUM_THRE` for a skeleton of `numJoints` joints: 8 of COCO's 17, 7 of
 * CrowdPose's 14 in the repository's configs; other skeletons scale it, round(8K/17).
 */
export function poseNmsMinJoints(numJoints: number): number {
  return Math.max(1, Math.round((numJoints * 8) / 17));
}

/** The diagonal of a pose's keypoint extent, √(w² + h²) of the joints' bounding box (DEKR's `cal_area_2_torch`). */
export function poseExtentDiagonal(joints: readonly Point[]): number {
  if (!joints.length) return 0;
  const xs = joints.map((p) => p.x);
  const ys = joints.map((p) => p.y);
  return Math.hypot(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
}

/**
 * Pose NMS as DEKR's `nms_core` (lib/core/nms.py) does it. Pose j is near pose i when more
 * than `minJoints` of its joints lie within `ratio` × i's scale of i's same joints, where the
 * scale is i's own keypoint-extent diagonal (`'pose'`, DEKR's rule) or a fixed length in
 * pixels. Walking the poses by centre score, highest first, each pose not yet taken gathers
 * the poses near it, keeps the best of them (unless that one was already taken by another
 * group), and takes them all. "Best" is the highest `heatScore`, as DEKR ranks, or with
 * `rankBy: 'score'` the highest centre × heat `score`. Defaults: ratio 0.05 and
 * {@link poseNmsMinJoints}, as DEKR's configs. Returns the kept poses, highest score first.
 */
export function poseNms(
  poses: readonly Pose[],
  scale: number | 'pose' = 'pose',
  {
    ratio = POSE_NMS_RATIO,
    minJoints,
    rankBy = 'heat',
  }: { ratio?: number; minJoints?: number; rankBy?: 'heat' | 'score' } = {},
): Pose[] {
  // DEKR's proposals come in the order of their centre scores (the top-k of the centre map).
  const order = [...poses].sort((a, b) => b.centre.score - a.centre.score);
  const near = (a: Pose, b: Pose): boolean => {
    const limit = minJoints ?? poseNmsMinJoints(a.joints.length);
    const threshold = ratio * (scale === 'pose' ? poseExtentDiagonal(a.joints) : scale);
    let count = 0;
    a.joints.forEach((j, i) => {
      const o = b.joints[i] as Point;
      if (Math.hypot(j.x - o.x, j.y - o.y) < threshold) count++;
    });
    return count > limit;
  };
  const taken = new Set<Pose>();
  const kept: Pose[] = [];
  for (const pose of order) {
    if (taken.has(pose)) continue;
    const group = order.filter((other) => near(pose, other));
    // A pose with no extent is near nothing, not even itself: it stands alone.
    if (!group.length) group.push(pose);
    const rank = (p: Pose) => (rankBy === 'heat' ? p.heatScore : p.score);
    const best = group.reduce((a, b) => (rank(b) > rank(a) ? b : a));
    if (taken.has(best)) continue;
    kept.push(best);
    for (const g of group) taken.add(g);
  }
  return kept.sort((a, b) => b.score - a.score);
}

/** DEKR's smooth L1 with β = 1/9: 0.5 d²/β below β, d - 0.5β above. */
export function smoothL1(d: number, beta = 1 / 9): number {
  const a = Math.abs(d);
  return a < beta ? (0.5 * a * a) / beta : a - 0.5 * beta;
}

/**
 * The offset loss of one person: Σ over joints and axes of smoothL1(pred - gt) weighted by
 * 1/√(w² + h²) of the person's box (size normalisation), so the same pixel error costs a
 * small person more.
 */
export function offsetLoss(
  pred: readonly Point[],
  gt: readonly Point[],
  boxW: number,
  boxH: number,
  beta = 1 / 9,
): number {
  const weight = 1 / Math.sqrt(boxW * boxW + boxH * boxH);
  let s = 0;
  pred.forEach((p, i) => {
    const g = gt[i] as Point;
    s += smoothL1(p.x - g.x, beta) + smoothL1(p.y - g.y, beta);
  });
  return s * weight;
}
