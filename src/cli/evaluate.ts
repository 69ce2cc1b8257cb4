/**
 * `subpixel eval` and `subpixel merge`: pycocotools' keypoint evaluation of a results file
 * (`cocoEvaluate`), whole or one shard of the images at a time (`cocoEvaluateImages`), and shards
 * merged back into the exact statistics (`mergeCocoShards`, `cocoAccumulate`).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  CocoEvalError,
  cocoAccumulate,
  cocoEvaluateImages,
  type CocoEvalOutput,
  type CocoShard,
} from '../lib/cocoeval.ts';
import { cocoShardFile, mergeCocoShards, readCocoShard, type CocoShardFile } from '../lib/cocoShards.ts';
import { COCO17_SIGMAS } from '../lib/keypoints.ts';
import { cocoEvalInput, cocoKeypointsFromJson, cocoResultsFromJson } from '../lib/lab/coco.ts';
import { LabInputError } from '../lib/lab/input.ts';
import { UserError } from './errors.ts';

/** A file's bytes, or a one-line error naming it. */
async function read(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      `${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory, not a file' : (error as Error).message}`,
    );
  }
}

/** A JSON file parsed, or a one-line error with the parser's position. */
export async function readJson(path: string): Promise<{ value: unknown; bytes: Buffer }> {
  const bytes = await read(path);
  try {
    return { value: JSON.parse(bytes.toString('utf8')), bytes };
  } catch (error) {
    throw new UserError(`${path}: not valid JSON (${(error as Error).message})`);
  }
}

/** Runs a library reader, turning its input errors into one-line user errors. */
function checked<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof LabInputError || error instanceof CocoEvalError) throw new UserError(error.message);
    throw error;
  }
}

/** The σ: typed, or COCO-17's for 17 keypoints. */
function sigmasFor(k: number, typed: readonly number[] | undefined, gt: string): readonly number[] {
  if (typed?.length) {
    if (typed.length !== k) throw new UserError(`--sigmas: ${typed.length} σ, but ${gt} has ${k} keypoints`);
    return typed;
  }
  if (k === COCO17_SIGMAS.length) return COCO17_SIGMAS;
  throw new UserError(`${gt} has ${k} keypoints; give their OKS σ with --sigmas (your dataset's metainfo sigmas)`);
}

/** What `eval` was asked. */
export interface EvalOptions {
  gt: string;
  results: string;
  sigmas?: number[];
  shard?: CocoShard;
}

/** The whole evaluation, or with a shard the shard's file to write. */
export async function evaluate(options: EvalOptions): Promise<{ output: CocoEvalOutput } | { shard: CocoShardFile }> {
  const gt = await readJson(options.gt);
  const results = await readJson(options.results);
  const coco = checked(() => cocoKeypointsFromJson(gt.value, options.gt));
  const list = checked(() => cocoResultsFromJson(results.value, options.results));
  const sigmas = sigmasFor(coco.k, options.sigmas, options.gt);
  const input = cocoEvalInput(coco, list, sigmas);
  const evaluated = checked(() => cocoEvaluateImages(input, options.shard));
  if (!options.shard) return { output: cocoAccumulate(evaluated) };
  const fingerprint = `sha256:${createHash('sha256').update(gt.bytes).digest('hex')}`;
  return { shard: cocoShardFile(evaluated, options.shard, fingerprint, sigmas) };
}

/** The statistics of shard files merged. */
export async function merge(paths: readonly string[]): Promise<CocoEvalOutput> {
  if (!paths.length) throw new UserError('merge: name the shard files (subpixel merge shard-*.json)');
  const shards: CocoShardFile[] = [];
  for (const path of paths) {
    const { value } = await readJson(path);
    shards.push(checked(() => readCocoShard(value, path)));
  }
  return checked(() => cocoAccumulate(mergeCocoShards(shards, paths)));
}
