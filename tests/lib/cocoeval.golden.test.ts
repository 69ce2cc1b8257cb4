/**
 * COCO keypoint evaluation against pycocotools' own output: tests/fixtures/cocoeval/cases.json
 * holds ground-truth files and results lists with the ten statistics `COCOeval(…, 'keypoints')`
 * printed for them, written by scripts/cocoeval-goldens.py from a cocoapi snapshot (see the
 * README there). Each statistic agrees to 1e-9. The files go through the Lab's own COCO readers,
 * as a reader's would.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  COCO17_SIGMAS,
  COCO_EVAL_STAT_NAMES,
  cocoEvalInput,
  cocoEvaluate,
  cocoKeypointsFromJson,
  cocoResultsFromJson,
} from '../../src/lib/index.ts';

interface Case {
  name: string;
  gt: unknown;
  results: unknown;
  stats: number[];
}
const fixture = JSON.parse(readFileSync(resolve(__dirname, '../fixtures/cocoeval/cases.json'), 'utf8')) as {
  cocoapi: { commit: string };
  stats: string[];
  cases: Case[];
};

describe(`cocoEvaluate against pycocotools ${fixture.cocoapi.commit.slice(0, 7)}`, () => {
  it('reports the statistics in summarize()’s order', () => {
    expect([...COCO_EVAL_STAT_NAMES]).toEqual(fixture.stats);
  });

  it('the fixture covers at least ten cases, with a -1 (an empty area range) among them', () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(10);
    expect(fixture.cases.some((c) => c.stats.includes(-1))).toBe(true);
  });

  for (const c of fixture.cases) {
    it(c.name, () => {
      const coco = cocoKeypointsFromJson(c.gt, 'gt.json');
      const results = cocoResultsFromJson(c.results, 'results.json');
      const { stats } = cocoEvaluate(cocoEvalInput(coco, results, COCO17_SIGMAS));
      COCO_EVAL_STAT_NAMES.forEach((name, i) => {
        expect(Math.abs(stats[name] - c.stats[i]!), `${name}: ${stats[name]} against ${c.stats[i]}`).toBeLessThan(1e-9);
      });
    });
  }
});
