/**
 * Summary statistics of error samples, ready for plotting. Quantiles interpolate linearly
 * between order statistics, as NumPy's default `percentile` does.
 */
import type { Point } from './stack.ts';

/** Summary statistics of a sample (NaN for an empty one). */
export interface Summary {
  count: number;
  mean: number;
  std: number;
  min: number;
  p5: number;
  p25: number;
  median: number;
  p75: number;
  p95: number;
  max: number;
}

/** The q-quantile (0 ≤ q ≤ 1) of ascending-sorted values, linear interpolation. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const pos = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
}

/** Mean, standard deviation, extremes and quartiles of the finite values. */
export function summarize(values: ArrayLike<number>): Summary {
  const sorted = Float64Array.from(Array.prototype.filter.call(values, Number.isFinite) as number[]).sort();
  const n = sorted.length;
  let sum = 0;
  for (const v of sorted) sum += v;
  const mean = n ? sum / n : Number.NaN;
  let ss = 0;
  for (const v of sorted) ss += (v - mean) ** 2;
  return {
    count: n,
    mean,
    std: n ? Math.sqrt(ss / n) : Number.NaN,
    min: n ? (sorted[0] as number) : Number.NaN,
    p5: quantileSorted(sorted, 0.05),
    p25: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    p75: quantileSorted(sorted, 0.75),
    p95: quantileSorted(sorted, 0.95),
    max: n ? (sorted[n - 1] as number) : Number.NaN,
  };
}

/** One bin of a histogram. */
export interface HistogramBin {
  /** Inclusive lower edge. */
  x0: number;
  /** Exclusive upper edge (inclusive for the last bin). */
  x1: number;
  count: number;
  /** count / total, so histograms of different sample sizes compare. */
  fraction: number;
}

/** `bins` equal-width bins over [lo, hi]; values outside are clamped into the end bins. */
export function histogram(values: ArrayLike<number>, bins: number, lo: number, hi: number): HistogramBin[] {
  const counts = new Array<number>(bins).fill(0);
  let total = 0;
  const width = (hi - lo) / bins;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    const b = Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / width)));
    counts[b] = (counts[b] as number) + 1;
    total++;
  }
  return counts.map((count, b) => ({
    x0: lo + b * width,
    x1: lo + (b + 1) * width,
    count,
    fraction: total ? count / total : 0,
  }));
}

/** Each method's mean distance to the truth over every sample's points ([sample][keypoint]). */
export function meanErrors(
  decoded: Record<string, readonly (readonly Point[])[]>,
  truth: readonly (readonly Point[])[],
): Record<string, number> {
  return Object.fromEntries(
    Object.entries(decoded).map(([m, points]) => {
      let sum = 0;
      let n = 0;
      points.forEach((ps, b) =>
        ps.forEach((p, j) => {
          const t = truth[b]![j]!;
          sum += Math.hypot(p.x - t.x, p.y - t.y);
          n++;
        }),
      );
      return [m, n ? sum / n : Number.NaN];
    }),
  );
}

/** A mean with its spread: the sample standard deviation (n − 1) and the standard error sd/√n. */
export interface MeanWithError {
  count: number;
  mean: number;
  sd: number;
  /** Standard error of the mean, sd/√n: about 68 % of repeated measurements fall within ±1 of it. */
  sem: number;
}

/** Mean, sample standard deviation and standard error of the mean of the finite values (NaN when fewer than two). */
export function meanWithError(values: ArrayLike<number>): MeanWithError {
  const finite = Array.prototype.filter.call(values, Number.isFinite) as number[];
  const n = finite.length;
  const mean = n ? finite.reduce((a, b) => a + b, 0) / n : Number.NaN;
  const sd = n > 1 ? Math.sqrt(finite.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : Number.NaN;
  return { count: n, mean, sd, sem: sd / Math.sqrt(n) };
}

/**
 * Each method's error per sample ([sample][keypoint] points): the mean distance to the truth
 * over that sample's keypoints. With the same number of keypoints per sample their mean is
 * `meanErrors`; samples, not keypoints, are the independent draws, so spreads use these.
 */
export function sampleMeanErrors(
  decoded: Record<string, readonly (readonly Point[])[]>,
  truth: readonly (readonly Point[])[],
): Record<string, Float64Array> {
  return Object.fromEntries(
    Object.entries(decoded).map(([m, points]) => [
      m,
      Float64Array.from(points, (ps, b) => {
        let sum = 0;
        ps.forEach((p, j) => {
          const t = truth[b]![j]!;
          sum += Math.hypot(p.x - t.x, p.y - t.y);
        });
        return ps.length ? sum / ps.length : Number.NaN;
      }),
    ]),
  );
}

/**
 * NumPy's `np.sum` of a float64 array of at most 128 values (its pairwise summation: eight
 * partial sums, added in pairs, then the rest in order). pycocotools' and MMPose's OKS sum this
 * way; the same order gives the same last bit.
 */
export function numpySum(a: ArrayLike<number>): number {
  const n = a.length;
  let res = 0;
  if (n < 8) {
    for (let i = 0; i < n; i++) res += a[i] as number;
    return res;
  }
  const r = [0, 1, 2, 3, 4, 5, 6, 7].map((j) => a[j] as number);
  let i = 8;
  for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j] = (r[j] as number) + (a[i + j] as number);
  res = r[0]! + r[1]! + (r[2]! + r[3]!) + (r[4]! + r[5]! + (r[6]! + r[7]!));
  for (; i < n; i++) res += a[i] as number;
  return res;
}
