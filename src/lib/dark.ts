/**
 * DARK: distribution-aware coordinate decoding (Zhang et al., CVPR 2020), as the DarkPose
 * reference computes it (codec-spec §3):
 *
 * 1. argmax m of the unmodulated map;
 * 2. modulation: blur with OpenCV's k×k Gaussian, rescale so the maximum equals the original;
 * 3. L = ln(max(h', 1e-10));
 * 4. if 2 ≤ x ≤ W-3 and 2 ≤ y ≤ H-3: one Newton step μ = m - H⁻¹∇L with finite differences
 *    (step 2 for dxx and dyy), unless det H = 0;
 * 5. resolution recovery (multiply by the stride) is left to the caller: see `coords.ts`.
 *
 * Two paths compute the same numbers. `traceDark` keeps every intermediate map for the
 * step-by-step figures. `decodeDark` never blurs a whole map: the Newton step reads the
 * modulated log map at 13 points only, and after the log the rescale is an additive
 * constant ln(scale) that cancels in every finite difference. That holds while no stencil
 * value reaches the 1e-10 floor; when one might, it falls back to the full path.
 */
import { decodeArgmax } from './argmax.ts';
import { blurMap, gaussianKernel } from './blur.ts';
import { finiteArgmaxAt, finiteArgmaxMap, finiteMax } from './finite.ts';
import type { DecodedPoint, Heatmap, HeatmapStack, Point } from './stack.ts';

/** The default modulation kernel of DarkPose's configurations (TEST.BLUR_KERNEL). */
export const DEFAULT_DARK_KERNEL = 11;

const LOG_FLOOR = Math.fround(1e-10);

/** The fallback of DARK when its neighbourhood holds a NaN or infinite cell. */
export const DARK_NOT_FINITE =
  "a NaN or infinite cell lies in DARK's neighbourhood (the blur windows of its 13-point stencil): argmax kept";

/** The 13 log-map values the Taylor step reads, named by their offset from m. */
export interface DarkStencil {
  /** L[y][x] */
  c: number;
  /** L[y][x±1] and L[y][x±2] */
  xm1: number;
  xp1: number;
  xm2: number;
  xp2: number;
  /** L[y±1][x] and L[y±2][x] */
  ym1: number;
  yp1: number;
  ym2: number;
  yp2: number;
  /** L[y±1][x±1]: m = minus, p = plus; first letter x, second y */
  mm: number;
  pm: number;
  mp: number;
  pp: number;
}

/** Offsets (dx, dy) of the 13 stencil points, keyed as in {@link DarkStencil}. */
export const STENCIL_OFFSETS: Record<keyof DarkStencil, readonly [number, number]> = {
  c: [0, 0],
  xm1: [-1, 0],
  xp1: [1, 0],
  xm2: [-2, 0],
  xp2: [2, 0],
  ym1: [0, -1],
  yp1: [0, 1],
  ym2: [0, -2],
  yp2: [0, 2],
  mm: [-1, -1],
  pm: [1, -1],
  mp: [-1, 1],
  pp: [1, 1],
};

/** The gradient, Hessian and Newton offset of the Taylor step. */
export interface TaylorStep {
  dx: number;
  dy: number;
  dxx: number;
  dyy: number;
  dxy: number;
  /** dxx·dyy - dxy² */
  det: number;
  /** -H⁻¹∇L, zero when det = 0 */
  offset: Point;
}

/** One Newton step from the stencil values (reference `taylor`). */
export function taylorStep(s: DarkStencil): TaylorStep {
  return newtonStep(
    0.5 * (s.xp1 - s.xm1),
    0.5 * (s.yp1 - s.ym1),
    0.25 * (s.xp2 - 2 * s.c + s.xm2),
    0.25 * (s.yp2 - 2 * s.c + s.ym2),
    0.25 * (s.pp - s.pm - s.mp + s.mm),
  );
}

/** The offset -H⁻¹∇L for gradient (dx, dy) and Hessian [[dxx, dxy], [dxy, dyy]]; 0 if singular. */
function newtonStep(dx: number, dy: number, dxx: number, dyy: number, dxy: number): TaylorStep {
  const det = dxx * dyy - dxy * dxy;
  if (det === 0) return { dx, dy, dxx, dyy, dxy, det, offset: { x: 0, y: 0 } };
  // H⁻¹ = [[dyy, -dxy], [-dxy, dxx]] / det
  const offset = { x: -(dyy * dx - dxy * dy) / det, y: -(-dxy * dx + dxx * dy) / det };
  return { dx, dy, dxx, dyy, dxy, det, offset };
}

/** Whether the Taylor step is taken at argmax (x, y) on a w×h map: 2 ≤ x ≤ w-3, 2 ≤ y ≤ h-3. */
export function isTaylorInterior(x: number, y: number, w: number, h: number): boolean {
  return x > 1 && x < w - 2 && y > 1 && y < h - 2;
}

function readStencil(read: (x: number, y: number) => number, x: number, y: number): DarkStencil {
  const s = {} as DarkStencil;
  for (const key of Object.keys(STENCIL_OFFSETS) as (keyof DarkStencil)[]) {
    const [ox, oy] = STENCIL_OFFSETS[key];
    s[key] = read(x + ox, y + oy);
  }
  return s;
}

/** Every intermediate of DARK on one map, for the step-by-step figures. */
export interface DarkTrace {
  kernel: number;
  /** Step 1: argmax of the unmodulated map. */
  argmax: DecodedPoint;
  /** Step 2a: the blurred map (float32). */
  blurred: Float32Array;
  /** Step 2b: the rescale factor max(h) / max(blurred), in float32 as the reference. */
  scale: number;
  /** Step 2: the modulated map (float32). */
  modulated: Float32Array;
  /** Step 3: ln(max(modulated, 1e-10)) (float32). */
  log: Float32Array;
  /** Whether the Taylor step applies (argmax away from the border). */
  interior: boolean;
  /** Step 4: stencil values and the Newton step, when interior. */
  stencil: DarkStencil | null;
  step: TaylorStep | null;
  /** The decoded point in heatmap pixels. */
  point: DecodedPoint;
}

/** DARK on one map with every intermediate kept (the full-map reference path). */
export function traceDark(map: Heatmap, kernel: number = DEFAULT_DARK_KERNEL): DarkTrace {
  const argmax = finiteArgmaxMap(map);
  const blurred = blurMap(map, kernel);
  const scale = Math.fround(Math.fround(finiteMax(map.data)) / Math.fround(finiteMax(blurred)));
  const modulated = new Float32Array(blurred.length);
  const log = new Float32Array(blurred.length);
  for (let i = 0; i < blurred.length; i++) {
    modulated[i] = (blurred[i] as number) * scale;
    const v = modulated[i] as number;
    // np.maximum propagates NaN; so does this.
    log[i] = Math.log(v < LOG_FLOOR ? LOG_FLOOR : v);
  }
  const { w, h } = map;
  const interior = isTaylorInterior(argmax.x, argmax.y, w, h);
  if (!interior)
    return { kernel, argmax, blurred, scale, modulated, log, interior, stencil: null, step: null, point: argmax };
  const stencil = readStencil((x, y) => log[y * w + x] as number, argmax.x, argmax.y);
  if (Object.values(stencil).some((v) => !Number.isFinite(v))) {
    const point = { ...argmax, fallback: DARK_NOT_FINITE };
    return { kernel, argmax, blurred, scale, modulated, log, interior, stencil, step: null, point };
  }
  const step = taylorStep(stencil);
  const point = { x: argmax.x + step.offset.x, y: argmax.y + step.offset.y, score: argmax.score };
  return { kernel, argmax, blurred, scale, modulated, log, interior, stencil, step, point };
}

/** Stencil offsets (dx, dy) in a fixed order, for the fast path's flat arrays. */
const STENCIL_KEYS = Object.keys(STENCIL_OFFSETS) as (keyof DarkStencil)[];
const STENCIL_DX = STENCIL_KEYS.map((key) => STENCIL_OFFSETS[key][0]);
const STENCIL_DY = STENCIL_KEYS.map((key) => STENCIL_OFFSETS[key][1]);

/** Scratch space of the fast path: the horizontal pass over columns x-2..x+2. */
let rowPass = new Float64Array(5 * 32);
const blurredStencil = new Float64Array(13);

/** How far above and below y each stencil column reaches: ±2 for column x, ±1 beside it, 0 at x±2. */
const COLUMN_REACH = [0, 1, 2, 1, 0];

/**
 * The blurred map at the 13 stencil points around (x, y), separably: a horizontal pass over
 * columns x-2..x+2, only on the rows each column's vertical sums read, then 13 vertical
 * sums. The kernel is symmetric, so each pair of taps costs one multiplication. The interior
 * condition keeps the five columns on the map; rows off it are zero padding.
 */
function blurStencil(
  data: Float32Array,
  offset: number,
  w: number,
  h: number,
  kernel: Float64Array,
  x: number,
  y: number,
): Float64Array {
  const k = kernel.length;
  const r = (k - 1) >> 1;
  const rows = k + 4;
  if (rowPass.length < 5 * rows) rowPass = new Float64Array(5 * rows);
  // Locals, not the module bindings, inside the loops: V8 keeps them in registers.
  const pass = rowPass;
  const out = blurredStencil;
  const centre = kernel[r] as number;
  for (let c = 0; c < 5; c++) {
    const cx = x - 2 + c;
    const reach = COLUMN_REACH[c] as number;
    const whole = cx - r >= 0 && cx + r < w;
    for (let j = 2 - reach; j < rows - 2 + reach; j++) {
      const yy = y - 2 - r + j;
      let s = 0;
      if (yy >= 0 && yy < h) {
        const row = offset + yy * w + cx;
        if (whole) {
          s = centre * (data[row] as number);
          for (let i = 1; i <= r; i++)
            s += (kernel[r + i] as number) * ((data[row + i] as number) + (data[row - i] as number));
        } else {
          const lo = Math.max(-r, -cx);
          const hi = Math.min(r, w - 1 - cx);
          for (let i = lo; i <= hi; i++) s += (kernel[r + i] as number) * (data[row + i] as number);
        }
      }
      pass[j * 5 + c] = s;
    }
  }
  for (let n = 0; n < 13; n++) {
    const c = (STENCIL_DX[n] as number) + 2;
    // Row j of the pass is y - 2 - r + j; the vertical sum at y + dy is centred on j = dy + 2 + r.
    const jc = (STENCIL_DY[n] as number) + 2 + r;
    let s = centre * (pass[jc * 5 + c] as number);
    for (let i = 1; i <= r; i++)
      s += (kernel[r + i] as number) * ((pass[(jc + i) * 5 + c] as number) + (pass[(jc - i) * 5 + c] as number));
    out[n] = s;
  }
  return out;
}

/**
 * The Taylor step of DARK's fast path for the w×h map at `data[offset..)` whose argmax is
 * `m`: blurs only the 13 stencil pixels. Same result as `traceDark` (to float32 rounding of
 * the log). Argmax is found by the caller: kept apart, its loop stays as fast as alone.
 */
export function darkStep(
  data: Float32Array,
  offset: number,
  w: number,
  h: number,
  weights: Float64Array,
  m: DecodedPoint,
): DecodedPoint {
  if (!isTaylorInterior(m.x, m.y, w, h)) return m;
  const b = blurStencil(data, offset, w, h, weights, m.x, m.y);
  for (let n = 0; n < 13; n++) {
    const v = b[n] as number;
    if (v - v !== 0) return { ...m, fallback: DARK_NOT_FINITE };
  }
  // Every blurred value ≤ max(h) (weights are non-negative and sum to 1), so the rescale
  // factor is ≥ 1 and a blurred value above the floor stays above it after rescaling. The
  // factor 2 absorbs the float32 rounding of the factor itself.
  for (let n = 0; n < 13; n++) {
    if (!((b[n] as number) > 2 * LOG_FLOOR))
      return traceDark({ data: data.subarray(offset, offset + w * h), w, h }, weights.length).point;
  }
  // Each finite difference of logs is the log of a ratio: 5 logarithms instead of 13.
  // Stencil order (STENCIL_OFFSETS): c, xm1, xp1, xm2, xp2, ym1, yp1, ym2, yp2, mm, pm, mp, pp.
  const c2 = (b[0] as number) * (b[0] as number);
  const { offset: step } = newtonStep(
    0.5 * Math.log((b[2] as number) / (b[1] as number)),
    0.5 * Math.log((b[6] as number) / (b[5] as number)),
    0.25 * Math.log(((b[4] as number) * (b[3] as number)) / c2),
    0.25 * Math.log(((b[8] as number) * (b[7] as number)) / c2),
    0.25 * Math.log(((b[12] as number) * (b[9] as number)) / ((b[10] as number) * (b[11] as number))),
  );
  return { x: m.x + step.x, y: m.y + step.y, score: m.score };
}

/** DARK on one map from a known argmax `m` of it (saves a scan). */
export function darkFrom(
  map: Heatmap,
  m: DecodedPoint,
  kernel: number | Float64Array = DEFAULT_DARK_KERNEL,
): DecodedPoint {
  return darkStep(map.data, 0, map.w, map.h, typeof kernel === 'number' ? gaussianKernel(kernel) : kernel, m);
}

/** DARK on one map, fast (see {@link decodeDark}); `kernel` is the blur size k or its weights. */
export function darkMap(map: Heatmap, kernel: number | Float64Array = DEFAULT_DARK_KERNEL): DecodedPoint {
  const weights = typeof kernel === 'number' ? gaussianKernel(kernel) : kernel;
  return darkStep(map.data, 0, map.w, map.h, weights, finiteArgmaxAt(map.data, 0, map.w, map.h));
}

/** DARK decoding of every map of a stack, in heatmap pixels; `kernel` is the blur size k. */
export function decodeDark(stack: HeatmapStack, kernel: number = DEFAULT_DARK_KERNEL): DecodedPoint[] {
  const weights = gaussianKernel(kernel);
  const size = stack.w * stack.h;
  const peaks = decodeArgmax(stack);
  for (let k = 0; k < stack.k; k++)
    peaks[k] = darkStep(stack.data, k * size, stack.w, stack.h, weights, peaks[k] as DecodedPoint);
  return peaks;
}
