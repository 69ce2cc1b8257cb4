/**
 * Every exercise: not already done at the figure's default state (the reader has to do
 * something), done at a known solution, and its verdict follows the library's own numbers.
 */
import { describe, expect, it } from 'vitest';
import { EXERCISE_SETS } from '../../../src/components/exercises/sets.ts';
import { GALLERY_ERRORS } from '../../../src/components/figures/model/view.ts';
import { CH9_ARGMAX, CH9_PEAKS } from '../../../src/components/figures/blazepose/published.ts';
import { defaultsOf } from '../../../src/components/ui/params.ts';
import { storeSchema } from '../../../src/components/ui/store.ts';
import type { PublishedReader } from '../../../src/components/ui/published.ts';
import {
  CH10_BORDER,
  CH10_FLIP,
  CH10_SCORES,
  CH10_UDP,
  type PublishedBorder,
  type PublishedFlip,
  type PublishedScores,
  type PublishedUdp,
} from '../../../src/components/figures/conventions/published.ts';
import { flipShiftOf } from '../../../src/components/state/ch10.ts';
import {
  buildBorderRules,
  buildFlipTest,
  buildPixelGrid,
  buildScoreSamples,
  buildUdpGrid,
  packScoreSamples,
  scoreThresholdRows,
  unpackScoreSamples,
} from '../../../src/lib/index.ts';

// What chapter 10's figures publish as they mount: their builders (figure 10.3's on the samples
// as the page embeds them).
const samples = unpackScoreSamples(packScoreSamples(buildScoreSamples()));
const CH10_PUBLISHED: Record<string, unknown> = {
  [CH10_UDP.name]: ((s) =>
    buildUdpGrid({ keypoint: { x: s.x, y: s.y }, stride: Number(s.stride) })) satisfies PublishedUdp,
  [CH10_FLIP.name]: ((s) =>
    buildFlipTest({
      keypoint: { x: s.fx, y: s.fy },
      mapping: s.mapping,
      shift: flipShiftOf(s),
    })) satisfies PublishedFlip,
  [CH10_SCORES.name]: ((t) => scoreThresholdRows(samples, t)) satisfies PublishedScores,
  [CH10_BORDER.name]: ((s) => buildBorderRules({ keypoint: { x: s.bx, y: s.by } })) satisfies PublishedBorder,
};

/** What the figures published, as a test gives it: values by publication name. */
const readerOf =
  (values: Record<string, unknown> = {}): PublishedReader =>
  (key) =>
    values[key.name] as never;

/** A state (over the defaults) that solves each exercise, and what the figures published, if needed. */
const SOLUTIONS: Record<string, { state: Record<string, unknown>; published?: Record<string, unknown> }> = {
  'ex-1-1': { state: { x: 142, y: 110 } },
  'ex-1-2': { state: { x: 140, y: 108 } },
  'ex-1-3': { state: { x: 191.5, y: 100 } },
  'ex-2-1': { state: { x: 140.2, y: 108.3 } },
  'ex-2-2': { state: { x: 140.8, y: 108, sigma: 0.5, target: 'unbiased' } },
  'ex-3-1': { state: { u: 0.05, v: 0 } },
  'ex-3-2': { state: { u: 0.25, v: 0.25 } },
  'ex-4-1': { state: { peak: 1, noise: 0.2, seed: 5 } },
  'ex-4-2': { state: { noise: 0.2, kernel: '5' } },
  'ex-5-1': { state: { a2: 6 } },
  'ex-5-2': { state: { a2: 3, beta: 8 } },
  'ex-6-1': { state: { k: '1', x: 100.5, y: 143.5 } },
  'ex-6-2': { state: { k: '3', x: 100.5, y: 143.5 } },
  'ex-7-1': { state: { stage: 'posenms', cnoise: 0.08, seed: 1 } },
  'ex-7-2': { state: { small: 16, large: 480 } },
  'ex-10-1': { state: { x: 28, y: 20 }, published: CH10_PUBLISHED },
  'ex-10-2': { state: { mapping: 'udp', shift: '0' }, published: CH10_PUBLISHED },
  'ex-10-3': { state: { threshold: 0.55 }, published: CH10_PUBLISHED },
  'ex-10-4': { state: { bx: 1.2, by: 5.6 }, published: CH10_PUBLISHED },
  'ex-8-1': {
    state: { head: 'heatmap', sample: 3 },
    published: {
      [GALLERY_ERRORS.name]: {
        heatmap: Array.from({ length: 8 }, (_, i) => ({ argmax: 3, quarter: 2, dark: i === 3 ? 2.5 : 1 })),
      },
    },
  },
  'ex-9-1': {
    state: { joint: 2, shift: 2.25 },
    published: {
      // Joint 2's argmax moves from column 30 to 31 between 2 and 2.25 px.
      [CH9_ARGMAX.name]: {
        shifts: Array.from({ length: 33 }, (_, i) => i / 4),
        columns: [[], [], Array.from({ length: 33 }, (_, i) => (i < 9 ? 30 : 31))],
      },
    },
  },
  'ex-9-2': {
    state: { joint: 27, scale: 'logit' },
    published: {
      [CH9_PEAKS.name]: {
        peaks: Array.from({ length: 39 }, (_, k) => (k === 27 ? 0.27 : 0.8)),
        seen: [],
        names: Array.from({ length: 39 }, (_, k) => `joint ${k}`),
      },
    },
  },
  'ex-8-2': {
    state: { head: 'dsnt', sample: 5 },
    published: { [GALLERY_ERRORS.name]: { dsnt: Array.from({ length: 8 }, (_, i) => ({ dsnt: i === 5 ? 0.9 : 2 })) } },
  },
};

describe('the exercises', () => {
  for (const [name, load] of Object.entries(EXERCISE_SETS)) {
    it(`${name}: at least two, each unsolved at the defaults and solved by a known state`, async () => {
      const set = (await load()).default;
      expect(set.store).toBe(name);
      expect(set.exercises.length).toBeGreaterThanOrEqual(2);
      // What the reader opens on: the schema's defaults as the chapter's store holds them.
      const defaults = defaultsOf<object>(storeSchema(set.store, set.schema)) as Record<string, unknown>;
      for (const exercise of set.exercises) {
        expect(exercise.id).toMatch(new RegExp(`^ex-${name.slice(2)}-\\d+$`));
        expect(exercise.hints.length, exercise.id).toBeGreaterThanOrEqual(1);
        const solution = SOLUTIONS[exercise.id];
        expect(solution, `a solution for ${exercise.id}`).toBeDefined();
        const read = readerOf(solution?.published);
        expect(exercise.check(defaults, read).done, `${exercise.id} at the defaults`).toBe(false);
        const solved = exercise.check({ ...defaults, ...solution!.state }, read);
        expect(solved.done, `${exercise.id}: ${solved.detail}`).toBe(true);
      }
    });
  }

  it('reports the same number the figure shows (ex-1-1 against buildPixelGrid)', async () => {
    const set = (await EXERCISE_SETS.ch1!()).default;
    const state = { ...defaultsOf<object>(set.schema), x: 150.7, y: 33.3 } as Record<string, unknown>;
    const error = buildPixelGrid({ keypoint: { x: 150.7, y: 33.3 }, sigma: 2, target: 'unbiased' }).error;
    expect(set.exercises[0]!.check(state, () => undefined).detail).toContain(error.toFixed(2));
  });

  it('chapter 9: not done before the model has run, nor at 0 px, nor on a joint the model sees', async () => {
    const set = (await EXERCISE_SETS.ch9!()).default;
    const defaults = defaultsOf<object>(set.schema) as Record<string, unknown>;
    for (const exercise of set.exercises) expect(exercise.check(defaults, () => undefined).done).toBe(false);
    const [shift, peaks] = set.exercises;
    const argmax = SOLUTIONS['ex-9-1']!.published!;
    // At 2.5 px the column is the same as at 2.25 px: not a jump.
    expect(shift!.check({ ...defaults, joint: 2, shift: 2.5 }, readerOf(argmax)).done).toBe(false);
    expect(shift!.check({ ...defaults, joint: 2, shift: 2.25 }, readerOf(argmax)).detail).toContain('column 31');
    const peak = SOLUTIONS['ex-9-2']!.published!;
    expect(peaks!.check({ ...defaults, joint: 3, scale: 'logit' }, readerOf(peak)).done).toBe(false);
    expect(peaks!.check({ ...defaults, joint: 27, scale: 'sigmoid' }, readerOf(peak)).detail).toContain('now show it');
  });

  it('chapter 10: each exercise waits for its figure’s builder; 10.3 then thresholds the page’s samples', async () => {
    const set = (await EXERCISE_SETS.ch10!()).default;
    const state = { ...defaultsOf<object>(set.schema), threshold: 0.55 } as Record<string, unknown>;
    set.exercises.forEach((exercise, i) =>
      expect(exercise.check(state, () => undefined)).toEqual({
        done: false,
        detail: `Figure 10.${i + 1} has not loaded yet: scroll up to it, then check again.`,
      }),
    );
    // The library's rows on the published samples, in the exercise's words.
    const rows = scoreThresholdRows(samples, 0.55);
    const pct = (v: number) => `${(100 * v).toFixed(0)}%`;
    expect(set.exercises[2]!.check(state, readerOf(CH10_PUBLISHED)).detail).toBe(
      `at 0.55, Megvii keeps ${pct(rows.megvii.keptShare)} and the heatmap maximum ${pct(rows.heatmapMax.keptShare)}.`,
    );
  });

  it('says "not yet" for chapter 8 until the shipped models have published their errors', async () => {
    const set = (await EXERCISE_SETS.ch8!()).default;
    for (const exercise of set.exercises) {
      const v = exercise.check(defaultsOf<object>(set.schema) as Record<string, unknown>, () => undefined);
      expect(v).toEqual({ done: false, detail: 'The shipped models have not finished running yet.' });
    }
  });
});
