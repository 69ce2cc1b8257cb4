/**
 * COCO keypoint evaluation spread over machines: each shard evaluates every n-th image of the
 * ground truth (`cocoEvaluateImages` with a shard) and is written as JSON; merging the n shards
 * gives back every image's matches, and `cocoAccumulate` the exact statistics of one run. What
 * pycocotools' `accumulate()` reads of an image is small (scores, one letter per result and OKS
 * threshold, the count of ground truths that count), so a shard of COCO val2017 is a few MB.
 *
 * A shard names the ground truth it was made from (`gt`: a fingerprint the caller computes, such
 * as a SHA-256 of the file) and the σ it used; shards that disagree on either are refused.
 */
import { CocoEvalError, type CocoImageEval, type CocoImageEvals, type CocoShard } from './cocoeval.ts';

/** The format's name, the first field of every shard file. */
export const COCO_SHARD_FORMAT = 'subpixel-coco-shard';
/** The format's version, its second field. */
export const COCO_SHARD_VERSION = 1;

/** A shard as written: the evaluations and what they were made from. */
export interface CocoShardFile extends CocoImageEvals {
  format: typeof COCO_SHARD_FORMAT;
  version: typeof COCO_SHARD_VERSION;
  shard: CocoShard;
  /** The ground truth's fingerprint. */
  gt: string;
  sigmas: number[];
}

/** The file a shard's evaluations are written as. */
export function cocoShardFile(
  evaluated: CocoImageEvals,
  shard: CocoShard,
  gt: string,
  sigmas: readonly number[],
): CocoShardFile {
  return { format: COCO_SHARD_FORMAT, version: COCO_SHARD_VERSION, shard, gt, sigmas: [...sigmas], ...evaluated };
}

const isNumberArray = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number');

/** A shard file read back, checked field by field; `name` names it in messages. */
export function readCocoShard(value: unknown, name: string): CocoShardFile {
  const fail = (what: string): never => {
    throw new CocoEvalError(`${name}: ${what}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('not a shard file (a JSON object)');
  const v = value as Record<string, unknown>;
  if (v.format !== COCO_SHARD_FORMAT) fail(`not a shard file: "format" is not "${COCO_SHARD_FORMAT}"`);
  if (v.version !== COCO_SHARD_VERSION)
    fail(`shard format version ${String(v.version)}; this tool reads ${COCO_SHARD_VERSION}`);
  const shard = v.shard as Record<string, unknown> | undefined;
  if (
    !shard ||
    !Number.isInteger(shard.index) ||
    !Number.isInteger(shard.count) ||
    (shard.index as number) < 0 ||
    (shard.index as number) >= (shard.count as number)
  ) {
    fail('"shard" is not {index, count} with 0 ≤ index < count');
  }
  if (typeof v.gt !== 'string') fail('"gt" (the ground truth\'s fingerprint) is missing');
  for (const field of ['imageIds', 'categoryIds', 'sigmas'] as const) {
    if (!isNumberArray(v[field])) fail(`"${field}" is not a list of numbers`);
  }
  for (const field of ['maxDets', 'truths', 'results', 'dropped'] as const) {
    if (!Number.isInteger(v[field]) || (v[field] as number) < 0) fail(`"${field}" is not a non-negative integer`);
  }
  if (typeof v.idZero !== 'boolean') fail('"idZero" is not true or false');
  if (!Array.isArray(v.evals)) fail('"evals" is not a list');
  (v.evals as unknown[]).forEach((e, i) => checkEval(e, `"evals"[${i}]`, fail));
  return v as unknown as CocoShardFile;
}

function checkEval(value: unknown, where: string, fail: (what: string) => never): void {
  const e = value as Partial<CocoImageEval> | null;
  if (!e || typeof e !== 'object' || typeof e.imageId !== 'number' || typeof e.categoryId !== 'number') {
    fail(`${where} has no imageId and categoryId`);
  }
  if (!isNumberArray(e!.scores)) fail(`${where}.scores is not a list of numbers`);
  const results = e!.scores!.length;
  if (!Array.isArray(e!.ranges) || e!.ranges.length !== 3) fail(`${where}.ranges is not three area ranges`);
  e!.ranges!.forEach((r, j) => {
    if (!r || !Number.isInteger(r.countable) || r.countable < 0) fail(`${where}.ranges[${j}].countable is not a count`);
    if (!Array.isArray(r.outcomes) || r.outcomes.length !== results) {
      fail(`${where}.ranges[${j}].outcomes does not hold one entry per score (${results})`);
    }
    if (!r.outcomes.every((o) => typeof o === 'string' && /^[tfi]{10}$/.test(o))) {
      fail(`${where}.ranges[${j}].outcomes holds an entry that is not ten of t, f and i`);
    }
  });
}

const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The evaluations of all images from shards 1/n … n/n (in any order), checked to come from one
 * ground truth, the same σ and maxDets, and to cover every shard exactly once. `names` name the
 * shards in messages.
 */
export function mergeCocoShards(shards: readonly CocoShardFile[], names: readonly string[]): CocoImageEvals {
  const first = shards[0];
  if (!first) throw new CocoEvalError('no shards to merge');
  const count = first.shard.count;
  const seen = new Map<number, string>();
  shards.forEach((s, i) => {
    const name = names[i] ?? `shard ${i + 1}`;
    const differs = (what: string) =>
      new CocoEvalError(`${name}: its ${what} differs from ${names[0]}'s; shards must come from one evaluation`);
    if (s.shard.count !== count)
      throw new CocoEvalError(
        `${name} is shard ${s.shard.index + 1}/${s.shard.count}, but ${names[0]} is one of ${count}`,
      );
    if (s.gt !== first.gt) throw differs('ground truth');
    if (!same(s.imageIds, first.imageIds)) throw differs('image list');
    if (!same(s.categoryIds, first.categoryIds)) throw differs('category list');
    if (!same(s.sigmas, first.sigmas)) throw differs('σ');
    if (s.maxDets !== first.maxDets) throw differs('maxDets');
    const other = seen.get(s.shard.index);
    if (other !== undefined)
      throw new CocoEvalError(`${other} and ${name} are both shard ${s.shard.index + 1}/${count}`);
    seen.set(s.shard.index, name);
  });
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length) {
    throw new CocoEvalError(
      `shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i + 1}/${count}`).join(', ')} missing: the AP needs every image`,
    );
  }
  return {
    imageIds: first.imageIds,
    categoryIds: first.categoryIds,
    maxDets: first.maxDets,
    evals: shards.flatMap((s) => s.evals),
    truths: shards.reduce((n, s) => n + s.truths, 0),
    results: shards.reduce((n, s) => n + s.results, 0),
    dropped: shards.reduce((n, s) => n + s.dropped, 0),
    idZero: shards.some((s) => s.idZero),
  };
}
