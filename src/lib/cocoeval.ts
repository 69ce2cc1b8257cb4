/**
 * COCO's keypoint evaluation as pycocotools computes it: `COCOeval(cocoGt, cocoDt, 'keypoints')`
 * followed by `evaluate()`, `accumulate()` and `summarize()` (cocodataset/cocoapi,
 * `PythonAPI/pycocotools/cocoeval.py` and `coco.py`, read at commit 8c9bcc3; not copied). The ten
 * numbers it prints, in its order: AP, AP50, AP75, AP (medium), AP (large), AR, AR50, AR75,
 * AR (medium), AR (large). Tested against pycocotools' own output (tests/fixtures/cocoeval/,
 * written by scripts/cocoeval-goldens.py), to 1e-9.
 *
 * What pycocotools does, step by step, and so what this module does:
 *
 * - Images are the ground truth's `images` (their ids sorted), categories its `categories`
 *   (sorted). Annotations on other images or of other categories are not evaluated. Results must
 *   lie on the ground truth's images (pycocotools asserts it: {@link CocoEvalError} here).
 * - Results get ids 1, 2, … in list order and an area: when the first result has a non-empty
 *   `bbox`, every result's area is its box's w·h (`loadRes` decides by the first entry);
 *   otherwise the area of its keypoints' extent, every keypoint included.
 * - A ground truth is ignored when `iscrowd` or `num_keypoints == 0` (the field, not a count),
 *   and, for an area range, when its `area` lies outside it.
 * - Per image and category: results by descending score (a stable sort), at most `maxDets` (20);
 *   OKS against each ground truth: Σ exp(−d²/(2·s·κ²)) over the labelled keypoints / their count,
 *   with s = area + `np.spacing(1)` and κ = 2σ; a ground truth with no labelled keypoint
 *   measures the distance to a box three times its own, centred on it. Each result in turn takes
 *   the best unmatched ground truth with OKS ≥ the threshold, ground truths that count before
 *   ignored ones (crowds may take several). An unmatched result outside the area range is ignored.
 * - Over all images, results by descending score (stable, in image order): precision made
 *   monotone and read at the 101 recall points 0:0.01:1 (0 past the last recall), recall at the
 *   last result. A statistic is the mean over thresholds, recall points and categories of the
 *   values that exist; −1 when none does (no ground truth that counts in that range).
 *
 * One quirk is kept: pycocotools marks a match by the ground truth's id, so a ground truth of id
 * 0 matched by a result counts that result as a false positive. {@link cocoEvaluate} reports it
 * in `notes` when a file has such an id.
 */
import { oks, OKS_THRESHOLDS } from './metrics.ts';
import type { Point } from './stack.ts';

/** A ground-truth annotation as COCOeval reads it (image pixels). */
export interface CocoEvalTruth {
  id: number;
  imageId: number;
  categoryId: number;
  keypoints: readonly Point[];
  /** COCO's v per keypoint: > 0 is labelled. */
  visibility: readonly number[];
  /** The annotation's `num_keypoints` field: 0 makes it ignored. */
  numKeypoints: number;
  bbox: readonly [number, number, number, number];
  area: number;
  iscrowd: boolean;
}

/** A result (detection) as COCOeval reads it. */
export interface CocoEvalResult {
  imageId: number;
  categoryId: number;
  keypoints: readonly Point[];
  score: number;
  /** A results file's optional `bbox`: when the first result has one, areas are box areas. */
  bbox?: readonly number[];
  /** The third value of each keypoint triple (a score; COCOeval does not read it). */
  keypointScores?: readonly number[];
}

/** What is evaluated: the ground truth's image and category ids, its annotations, the results. */
export interface CocoEvalInput {
  imageIds: readonly number[];
  categoryIds: readonly number[];
  truths: readonly CocoEvalTruth[];
  results: readonly CocoEvalResult[];
  /** Per-keypoint σ (`kpt_oks_sigmas`); one per keypoint. */
  sigmas: readonly number[];
  /** Results kept per image and category (COCO's 20 for keypoints). */
  maxDets?: number;
}

/** The ten numbers `summarize()` prints for keypoints, in its order; −1 where nothing counts. */
export interface CocoEvalStats {
  ap: number;
  ap50: number;
  ap75: number;
  apm: number;
  apl: number;
  ar: number;
  ar50: number;
  ar75: number;
  arm: number;
  arl: number;
}

/** The statistics' names, in `summarize()`'s order (the `stats` array's). */
export const COCO_EVAL_STAT_NAMES = ['ap', 'ap50', 'ap75', 'apm', 'apl', 'ar', 'ar50', 'ar75', 'arm', 'arl'] as const;

/** The statistics as `summarize()` and MMPose's CocoMetric name them. */
export const COCO_EVAL_STAT_LABELS: Record<(typeof COCO_EVAL_STAT_NAMES)[number], string> = {
  ap: 'AP',
  ap50: 'AP .5',
  ap75: 'AP .75',
  apm: 'AP (M)',
  apl: 'AP (L)',
  ar: 'AR',
  ar50: 'AR .5',
  ar75: 'AR .75',
  arm: 'AR (M)',
  arl: 'AR (L)',
};

/** The evaluation: the statistics, and what about the input is worth saying. */
export interface CocoEvalOutput {
  stats: CocoEvalStats;
  /** Ground truths that count in the 'all' range, and results evaluated (after maxDets). */
  truths: number;
  results: number;
  /** Plain sentences: categories missing, ids of 0, results beyond maxDets. */
  notes: string[];
}

/** An input COCOeval refuses (pycocotools raises or asserts on it). */
export class CocoEvalError extends Error {
  override name = 'CocoEvalError';
}

/** pycocotools' keypoint area ranges: all, medium (32²–96²), large (96² up). */
export const COCO_KEYPOINT_AREA_RANGES = {
  all: [0, 1e5 ** 2],
  medium: [32 ** 2, 96 ** 2],
  large: [96 ** 2, 1e5 ** 2],
} as const;

/** COCO's results per image for keypoints. */
export const COCO_KEYPOINT_MAX_DETS = 20;

/** `np.spacing(1)`. */
const SPACING_1 = Number.EPSILON;

/** `np.linspace(0, 1, 101)`: i·0.01, the last exactly 1. */
const RECALL_THRESHOLDS = Array.from({ length: 101 }, (_, i) => (i === 100 ? 1 : i * 0.01));

/** The list a map holds under `key`, made empty on first use. */
function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/** Stable order of indices by descending value (NumPy's `argsort(-v, kind='mergesort')`). */
function byDescending(values: readonly number[]): number[] {
  return values.map((_, i) => i).sort((a, b) => (values[b] as number) - (values[a] as number) || a - b);
}

function checkInput(input: CocoEvalInput): void {
  const k = input.sigmas.length;
  if (k === 0) throw new CocoEvalError('no keypoint σ: COCOeval needs one per keypoint');
  for (const s of input.sigmas) {
    if (!(s > 0) || !Number.isFinite(s)) throw new CocoEvalError(`a keypoint σ of ${s}: each must be positive`);
  }
  const images = new Set(input.imageIds);
  const ids = new Set<number>();
  input.truths.forEach((t, i) => {
    if (t.keypoints.length !== k || t.visibility.length !== k) {
      throw new CocoEvalError(`annotation ${t.id} has ${t.keypoints.length} keypoints; the σ are for ${k}`);
    }
    if (ids.has(t.id)) {
      throw new CocoEvalError(
        `two annotations have the id ${t.id} (the second is entry ${i}): pycocotools keeps only the last, so ids must be unique`,
      );
    }
    ids.add(t.id);
  });
  input.results.forEach((r, i) => {
    if (!images.has(r.imageId)) {
      throw new CocoEvalError(
        `result ${i} is on image ${r.imageId}, which the ground truth does not list: pycocotools refuses such results ("Results do not correspond to current coco set")`,
      );
    }
    if (r.keypoints.length !== k) {
      throw new CocoEvalError(`result ${i} has ${r.keypoints.length} keypoints; the σ are for ${k}`);
    }
  });
}

/** Each result's area as `loadRes` sets it (see the module comment). */
function resultAreas(results: readonly CocoEvalResult[]): number[] {
  const first = results[0];
  const boxes = first?.bbox !== undefined && first.bbox.length > 0;
  return results.map((r, i) => {
    if (boxes) {
      if (!r.bbox || r.bbox.length < 4) {
        throw new CocoEvalError(
          `result ${i} has no bbox while the first has one: pycocotools takes every result's area from its bbox then`,
        );
      }
      return (r.bbox[2] as number) * (r.bbox[3] as number);
    }
    let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const p of r.keypoints) {
      x0 = Math.min(x0, p.x);
      x1 = Math.max(x1, p.x);
      y0 = Math.min(y0, p.y);
      y1 = Math.max(y1, p.y);
    }
    return (x1 - x0) * (y1 - y0);
  });
}

/** What `accumulate()` reads of one image and category: `evaluateImg`'s output under each area range. */
export interface CocoImageEval {
  imageId: number;
  categoryId: number;
  /** The results' scores, descending (a stable sort), at most maxDets. */
  scores: number[];
  /**
   * Per area range, in {@link COCO_EVAL_RANGES}' order: the ground truths that count, and per result
   * one letter per OKS threshold (0.50, 0.55, …, 0.95): `t` matched, `f` unmatched, `i` ignored.
   */
  ranges: { countable: number; outcomes: string[] }[];
}

/** Everything `accumulate()` needs: the images evaluated (all, or one shard's) and their matches. */
export interface CocoImageEvals {
  /** Every image of the ground truth, sorted (a shard evaluates some of them). */
  imageIds: number[];
  categoryIds: number[];
  maxDets: number;
  /** The evaluated images' (image, category) pairs that hold a ground truth or a result, in image order. */
  evals: CocoImageEval[];
  /** Ground truths that count in the 'all' range, results evaluated (after maxDets), (image, category) pairs with more than maxDets results. */
  truths: number;
  results: number;
  dropped: number;
  /** An annotation has the id 0 (see the module comment). */
  idZero: boolean;
}

/** The area ranges `summarize()` reads, in the order of {@link CocoImageEval}'s `ranges`. */
export const COCO_EVAL_RANGES = ['all', 'medium', 'large'] as const;

/** Which images to evaluate: those whose place in the sorted image ids is `index` modulo `count`. */
export interface CocoShard {
  index: number;
  count: number;
}

/**
 * pycocotools' `evaluate()`: each image and category matched under each area range, for every
 * image or, given a shard, every `count`-th one. {@link cocoAccumulate} turns the evaluations of
 * all images (one call's, or the shards' concatenated) into the statistics.
 */
export function cocoEvaluateImages(input: CocoEvalInput, shard?: CocoShard): CocoImageEvals {
  checkInput(input);
  if (
    shard &&
    !(
      Number.isInteger(shard.count) &&
      shard.count >= 1 &&
      Number.isInteger(shard.index) &&
      shard.index >= 0 &&
      shard.index < shard.count
    )
  ) {
    throw new CocoEvalError(`shard ${shard.index + 1}/${shard.count}: a shard is i/n with 1 ≤ i ≤ n`);
  }
  const maxDets = input.maxDets ?? COCO_KEYPOINT_MAX_DETS;
  const imageIds = [...new Set(input.imageIds)].sort((a, b) => a - b);
  const categoryIds = [...new Set(input.categoryIds)].sort((a, b) => a - b);
  const selected = shard ? imageIds.filter((_, i) => i % shard.count === shard.index) : imageIds;
  const chosen = new Set(selected);
  const categories = new Set(categoryIds);
  const areas = resultAreas(input.results);

  // Grouped by (image, category): each image's entries in file order.
  const key = (image: number, category: number) => `${image} ${category}`;
  const gts = new Map<string, CocoEvalTruth[]>();
  const dts = new Map<string, { result: CocoEvalResult; area: number }[]>();
  for (const t of input.truths) {
    if (chosen.has(t.imageId) && categories.has(t.categoryId)) listIn(gts, key(t.imageId, t.categoryId)).push(t);
  }
  input.results.forEach((r, i) => {
    if (chosen.has(r.imageId) && categories.has(r.categoryId)) {
      listIn(dts, key(r.imageId, r.categoryId)).push({ result: r, area: areas[i] as number });
    }
  });
  const ignoredTruth = (t: CocoEvalTruth) => t.iscrowd || t.numKeypoints === 0;
  const T = OKS_THRESHOLDS.length;

  const evaluateImage = (image: number, category: number): CocoImageEval | null => {
    const k = key(image, category);
    const gtAll = gts.get(k) ?? [];
    const dtAll = dts.get(k) ?? [];
    if (!gtAll.length && !dtAll.length) return null;
    // computeOks: results by score, at most maxDets; rows results, columns ground truths.
    const dt = byDescending(dtAll.map((d) => d.result.score))
      .slice(0, maxDets)
      .map((i) => dtAll[i]!);
    const table = dt.map((d) => gtAll.map((g) => oks(d.result.keypoints, g, input.sigmas)));
    const ranges = COCO_EVAL_RANGES.map((name) => {
      const range = COCO_KEYPOINT_AREA_RANGES[name];
      const gtIgnoreAll = gtAll.map((g) => ignoredTruth(g) || g.area < range[0] || g.area > range[1]);
      const gtOrder = gtAll.map((_, j) => j).sort((a, b) => Number(gtIgnoreAll[a]) - Number(gtIgnoreAll[b]) || a - b);
      const gt = gtOrder.map((j) => gtAll[j] as CocoEvalTruth);
      const gtIgnored = gtOrder.map((j) => gtIgnoreAll[j] as boolean);
      // Per result and threshold: the matched ground truth's id (0 when unmatched) and whether ignored.
      const matches = dt.map(() => new Array<number>(T).fill(0));
      const ignored = dt.map(() => new Array<boolean>(T).fill(false));
      if (gt.length && dt.length) {
        OKS_THRESHOLDS.forEach((threshold, t) => {
          const gtMatched = new Array<boolean>(gt.length).fill(false);
          dt.forEach((_, di) => {
            let best = Math.min(threshold, 1 - 1e-10);
            let m = -1;
            for (let g = 0; g < gt.length; g++) {
              if (gtMatched[g] && !gt[g]!.iscrowd) continue;
              if (m > -1 && !gtIgnored[m] && gtIgnored[g]) break;
              const v = table[di]![gtOrder[g]!] as number;
              if (v < best) continue;
              best = v;
              m = g;
            }
            if (m === -1) return;
            ignored[di]![t] = gtIgnored[m] as boolean;
            matches[di]![t] = gt[m]!.id;
            gtMatched[m] = true;
          });
        });
      }
      const outcomes = dt.map((d, di) => {
        // An unmatched result outside the area range is ignored.
        const outside = d.area < range[0] || d.area > range[1];
        let letters = '';
        for (let t = 0; t < T; t++) {
          const unmatched = matches[di]![t] === 0;
          letters += ignored[di]![t] || (unmatched && outside) ? 'i' : unmatched ? 'f' : 't';
        }
        return letters;
      });
      return { countable: gtIgnored.filter((i) => !i).length, outcomes };
    });
    return { imageId: image, categoryId: category, scores: dt.map((d) => d.result.score), ranges };
  };

  const evals: CocoImageEval[] = [];
  for (const image of selected) {
    for (const category of categoryIds) {
      const e = evaluateImage(image, category);
      if (e) evals.push(e);
    }
  }
  let results = 0;
  let dropped = 0;
  for (const [, dt] of dts) {
    results += Math.min(dt.length, maxDets);
    if (dt.length > maxDets) dropped++;
  }
  let truths = 0;
  for (const [, gt] of gts) truths += gt.filter((g) => !ignoredTruth(g)).length;
  return {
    imageIds,
    categoryIds,
    maxDets,
    evals,
    truths,
    results,
    dropped,
    idZero: input.truths.some((t) => t.id === 0),
  };
}

/**
 * pycocotools' `accumulate()` and `summarize()` over evaluated images: precision made monotone
 * and read at 101 recall points, recall at the last result, per OKS threshold, area range and
 * category; the ten statistics the means of the values that exist.
 */
export function cocoAccumulate(evaluated: CocoImageEvals): CocoEvalOutput {
  const { categoryIds, maxDets } = evaluated;
  const T = OKS_THRESHOLDS.length;
  const place = new Map(evaluated.imageIds.map((id, i) => [id, i]));
  // Images in the ground truth's order (a stable sort keeps each image's categories together).
  const ordered = [...evaluated.evals].sort((a, b) => place.get(a.imageId)! - place.get(b.imageId)!);

  // Per area range: precision [K][T][R] and recall [K][T], −1 where nothing counts.
  const accumulate = (rangeIndex: number) => {
    const precision: number[][][] = [];
    const recall: number[][] = [];
    for (const category of categoryIds) {
      const evals = ordered.filter((e) => e.categoryId === category);
      const byT = Array.from({ length: T }, () => new Array<number>(RECALL_THRESHOLDS.length).fill(-1));
      const recallT = new Array<number>(T).fill(-1);
      const scores = evals.flatMap((e) => e.scores);
      const outcomes = evals.flatMap((e) => e.ranges[rangeIndex]!.outcomes);
      const order = byDescending(scores);
      const countable = evals.reduce((n, e) => n + e.ranges[rangeIndex]!.countable, 0);
      if (evals.length && countable > 0) {
        for (let t = 0; t < T; t++) {
          let tp = 0;
          let fp = 0;
          const rc: number[] = [];
          const pr: number[] = [];
          for (const i of order) {
            const outcome = outcomes[i]![t];
            if (outcome === 't') tp++;
            else if (outcome === 'f') fp++;
            rc.push(tp / countable);
            pr.push(tp / (fp + tp + SPACING_1));
          }
          recallT[t] = rc.length ? (rc[rc.length - 1] as number) : 0;
          for (let i = pr.length - 1; i > 0; i--) if (pr[i]! > pr[i - 1]!) pr[i - 1] = pr[i]!;
          RECALL_THRESHOLDS.forEach((r, ri) => {
            // np.searchsorted(rc, r, side='left'); pycocotools leaves 0 past the last recall.
            let lo = 0;
            let hi = rc.length;
            while (lo < hi) {
              const mid = (lo + hi) >> 1;
              if (rc[mid]! < r) lo = mid + 1;
              else hi = mid;
            }
            byT[t]![ri] = lo < pr.length ? (pr[lo] as number) : 0;
          });
        }
      }
      precision.push(byT);
      recall.push(recallT);
    }
    return { precision, recall };
  };

  const ranges = {
    all: accumulate(COCO_EVAL_RANGES.indexOf('all')),
    medium: accumulate(COCO_EVAL_RANGES.indexOf('medium')),
    large: accumulate(COCO_EVAL_RANGES.indexOf('large')),
  };
  const meanOfExisting = (values: number[]) => {
    const kept = values.filter((v) => v > -1);
    return kept.length ? kept.reduce((a, b) => a + b, 0) / kept.length : -1;
  };
  const at = (threshold: number) => OKS_THRESHOLDS.indexOf(threshold);
  const ap = (range: keyof typeof ranges, t?: number) =>
    meanOfExisting(ranges[range].precision.flatMap((byT) => (t === undefined ? byT.flat() : (byT[at(t)] as number[]))));
  const ar = (range: keyof typeof ranges, t?: number) =>
    meanOfExisting(ranges[range].recall.flatMap((byT) => (t === undefined ? byT : [byT[at(t)] as number])));

  const notes: string[] = [];
  if (!categoryIds.length) notes.push('The ground truth lists no categories, so COCOeval evaluates nothing.');
  if (evaluated.idZero) {
    notes.push(
      'An annotation has the id 0: pycocotools marks a match by the annotation id, so a result matched to it counts as a false positive.',
    );
  }
  const { dropped } = evaluated;
  if (dropped) {
    notes.push(
      `${dropped} image${dropped === 1 ? ' has' : 's have'} more than ${maxDets} results: COCOeval keeps the ${maxDets} best-scored of each.`,
    );
  }
  return {
    stats: {
      ap: ap('all'),
      ap50: ap('all', 0.5),
      ap75: ap('all', 0.75),
      apm: ap('medium'),
      apl: ap('large'),
      ar: ar('all'),
      ar50: ar('all', 0.5),
      ar75: ar('all', 0.75),
      arm: ar('medium'),
      arl: ar('large'),
    },
    truths: evaluated.truths,
    results: evaluated.results,
    notes,
  };
}

/** pycocotools' keypoint evaluation (see the module comment): every image evaluated, then accumulated. */
export function cocoEvaluate(input: CocoEvalInput): CocoEvalOutput {
  return cocoAccumulate(cocoEvaluateImages(input));
}
