/**
 * Shards of a COCO keypoint evaluation merge to the statistics of one run: on every case of
 * pycocotools' golden file (tests/fixtures/cocoeval/), split into 1 to 5 shards, each written to
 * JSON and read back. Shards from different evaluations, repeated or missing are refused.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  COCO17_SIGMAS,
  cocoAccumulate,
  cocoEvalInput,
  cocoEvaluate,
  cocoEvaluateImages,
  cocoKeypointsFromJson,
  cocoResultsFromJson,
  cocoShardFile,
  mergeCocoShards,
  readCocoShard,
  type CocoEvalInput,
  type CocoShardFile,
} from '../../src/lib/index.ts';

const fixture = JSON.parse(readFileSync(resolve(__dirname, '../fixtures/cocoeval/cases.json'), 'utf8')) as {
  cases: { name: string; gt: unknown; results: unknown; stats: number[] }[];
};
const inputOf = (c: (typeof fixture.cases)[number]): CocoEvalInput =>
  cocoEvalInput(cocoKeypointsFromJson(c.gt, 'gt.json'), cocoResultsFromJson(c.results, 'results.json'), COCO17_SIGMAS);

/** Shards i/n of an input, through JSON and back, in reverse order. */
function shardsOf(input: CocoEvalInput, count: number, gt = 'gt'): CocoShardFile[] {
  return Array.from({ length: count }, (_, index) => {
    const file = cocoShardFile(cocoEvaluateImages(input, { index, count }), { index, count }, gt, COCO17_SIGMAS);
    return readCocoShard(JSON.parse(JSON.stringify(file)), `shard-${index + 1}.json`);
  }).reverse();
}

describe('COCO evaluation in shards', () => {
  for (const c of fixture.cases) {
    it(`merged shards equal one run: ${c.name}`, () => {
      const input = inputOf(c);
      const whole = cocoEvaluate(input);
      for (const count of [1, 2, 4, 5]) {
        const shards = shardsOf(input, count);
        const merged = cocoAccumulate(
          mergeCocoShards(
            shards,
            shards.map((_, i) => `s${i}`),
          ),
        );
        expect(merged.stats, `${count} shards`).toEqual(whole.stats);
        expect(merged.truths).toBe(whole.truths);
        expect(merged.results).toBe(whole.results);
        expect(merged.notes).toEqual(whole.notes);
      }
    });
  }

  it('each shard evaluates every n-th image and no other', () => {
    const input = inputOf(fixture.cases[0]!);
    const ids = [...new Set(input.imageIds)].sort((a, b) => a - b);
    const shard = cocoEvaluateImages(input, { index: 1, count: 3 });
    const expected = new Set(ids.filter((_, i) => i % 3 === 1));
    expect(shard.evals.length).toBeGreaterThan(0);
    for (const e of shard.evals) expect(expected.has(e.imageId)).toBe(true);
  });

  it('refuses a missing, repeated or foreign shard, and a bad shard number', () => {
    const input = inputOf(fixture.cases[0]!);
    const shards = shardsOf(input, 3);
    const names = ['a', 'b', 'c'];
    expect(() => mergeCocoShards(shards.slice(0, 2), names)).toThrow(/shard 1\/3 missing/);
    expect(() => mergeCocoShards([shards[0]!, shards[0]!, shards[1]!], names)).toThrow(/a and b are both shard 3\/3/);
    const foreign = shardsOf(input, 3, 'other')[1]!;
    expect(() => mergeCocoShards([shards[0]!, foreign, shards[2]!], names)).toThrow(/b: its ground truth differs/);
    const two = shardsOf(input, 2)[0]!;
    expect(() => mergeCocoShards([shards[0]!, two], names)).toThrow(/b is shard 2\/2, but a is one of 3/);
    expect(() => cocoEvaluateImages(input, { index: 3, count: 3 })).toThrow(/shard 4\/3/);
  });

  it('reads a shard file field by field, naming the file and the field', () => {
    const file = JSON.parse(JSON.stringify(shardsOf(inputOf(fixture.cases[0]!), 1)[0])) as Record<string, unknown>;
    expect(() => readCocoShard([], 'x.json')).toThrow(/^x\.json: not a shard file/);
    expect(() => readCocoShard({ ...file, format: 'other' }, 'x.json')).toThrow(/"format"/);
    expect(() => readCocoShard({ ...file, version: 2 }, 'x.json')).toThrow(/version 2/);
    expect(() => readCocoShard({ ...file, truths: -1 }, 'x.json')).toThrow(/"truths"/);
    const evals = file.evals as { ranges: { outcomes: string[] }[] }[];
    const broken = structuredClone(evals);
    broken[0]!.ranges[1]!.outcomes[0] = 'tttx';
    expect(() => readCocoShard({ ...file, evals: broken }, 'x.json')).toThrow(/"evals"\[0\]\.ranges\[1\]\.outcomes/);
  });
});
