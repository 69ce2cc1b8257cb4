/**
 * Confidence scores: what a keypoint's "score" is under each toolkit convention, and what
 * thresholding at a score keeps.
 *
 * - `heatmapMax`: the map's maximum (`get_heatmap_maximum`'s value; MSRAHeatmap, UDPHeatmap,
 *   HRNet, DarkPose). Not a probability: it can exceed 1 and be ≤ 0. DARK, DARK-UDP and the
 *   quarter shift leave it unchanged.
 * - `megvii`: MegviiHeatmap's max/255 + 0.5 of the modulated map, so 0.5 for an empty map and
 *   about 0.504 for a peak of 1 (its training targets peak at 255).
 * - `simccMin`: `get_simcc_maximum`'s smaller of the two vectors' maxima, which is why RTMPose
 *   users see low scores: both axes must be confident.
 */
import { megviiScore } from './megvii.ts';

/** The score conventions. */
export const SCORE_CONVENTIONS = ['heatmapMax', 'megvii', 'simccMin'] as const;
/** A score convention. */
export type ScoreConvention = (typeof SCORE_CONVENTIONS)[number];

/** What each score convention is and which toolkit function computes it, for tables. */
export const SCORE_CONVENTION_INFO: Record<ScoreConvention, { label: string; follows: string; range: string }> = {
  heatmapMax: {
    label: 'Heatmap maximum',
    follows: 'get_heatmap_maximum (MSRAHeatmap, UDPHeatmap; HRNet get_max_preds)',
    range: 'any real number; above 1 when the network overshoots, ≤ 0 for an empty map',
  },
  megvii: {
    label: 'Megvii: max/255 + 0.5',
    follows: 'MegviiHeatmap.decode',
    range: '0.5 for an empty map, about 0.504 for a peak of 1',
  },
  simccMin: {
    label: 'SimCC: the smaller maximum',
    follows: 'get_simcc_maximum (SimCCLabel, RTMPose)',
    range: 'the smaller of the x and y vectors’ maxima',
  },
};

/**
 * A score under a convention from the maxima it reads: `max` is the heatmap's maximum (for
 * Megvii, the modulated map's, which equals the original's up to float32 rounding); `maxY` is
 * the y vector's maximum for SimCC, where `max` is the x vector's.
 */
export function scoreUnder(convention: ScoreConvention, max: number, maxY = max): number {
  if (convention === 'megvii') return megviiScore(max);
  if (convention === 'simccMin') return Math.min(max, maxY);
  return max;
}

/** What keeping the keypoints scoring at least a threshold does. */
export interface ThresholdRow {
  threshold: number;
  /** Keypoints kept (score ≥ threshold) and their share. */
  kept: number;
  keptShare: number;
  /** Mean error of the kept and of the dropped keypoints (NaN when none). */
  meanKept: number;
  meanDropped: number;
}

/**
 * For each threshold, how many keypoints score at least it and the mean error of those kept
 * and those dropped. `scores[i]` and `errors[i]` belong to the same keypoint; NaN scores or
 * errors are left out.
 */
export function thresholdSweep(
  scores: readonly number[],
  errors: readonly number[],
  thresholds: readonly number[],
): ThresholdRow[] {
  const pairs = scores
    .map((s, i) => [s, errors[i] as number] as const)
    .filter(([s, e]) => Number.isFinite(s) && Number.isFinite(e));
  return thresholds.map((threshold) => {
    let kept = 0;
    let sumKept = 0;
    let sumDropped = 0;
    for (const [s, e] of pairs) {
      if (s >= threshold) {
        kept++;
        sumKept += e;
      } else sumDropped += e;
    }
    const dropped = pairs.length - kept;
    return {
      threshold,
      kept,
      keptShare: pairs.length ? kept / pairs.length : Number.NaN,
      meanKept: kept ? sumKept / kept : Number.NaN,
      meanDropped: dropped ? sumDropped / dropped : Number.NaN,
    };
  });
}
