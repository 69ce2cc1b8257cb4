/** Planning a Lab decode and running the plan, on small stacks worked by hand. */
import { describe, expect, it } from 'vitest';
import {
  decodeLabRange,
  decodeLabSimccRange,
  flipIndicesFromPairs,
  flipTestAverage,
  heatmapInput,
  heatmapSettingsOf,
  labChunks,
  planLabDecode,
  runLabPlan,
  simccSettingsOf,
  type HeatmapPlan,
  type LabInput,
  type LabStack,
  type PlanHooks,
  type ReadTruthFile,
} from '../../../src/lib/index.ts';
import { RUN } from './lab-run.ts';

/** One sample of three 4 × 5 maps, each peaking at a different cell. */
function stack(source = 'maps.npy', seed = 0): LabStack {
  const data = new Float32Array(3 * 20);
  for (let k = 0; k < 3; k++) data[k * 20 + ((k + seed) % 4) * 5 + 1 + k] = 1;
  return { n: 1, k: 3, h: 4, w: 5, data, source };
}
const input = heatmapInput(stack());
const flipped = stack('flipped.npy', 1);
const truth: ReadTruthFile[] = [
  {
    name: 'gt.json',
    file: {
      kind: 'points',
      points: [
        { x: 4, y: 4 },
        { x: 8, y: 4 },
        { x: 12, y: 8 },
      ],
    },
  },
];
const run = { ...RUN, pairs: [[1, 2]] as [number, number][] };

describe('labChunks(sizes, size)', () => {
  it('cuts each variant into chunks of at most `size` maps, counting what is done across variants', () => {
    expect(labChunks([130, 64], 64)).toEqual([
      { variant: 0, from: 0, to: 64, done: 64 },
      { variant: 0, from: 64, to: 128, done: 128 },
      { variant: 0, from: 128, to: 130, done: 130 },
      { variant: 1, from: 0, to: 64, done: 194 },
    ]);
    expect(labChunks([0])).toEqual([]);
  });
});

describe('planLabDecode(input, run, context)', () => {
  const plan = (context: Parameters<typeof planLabDecode>[2], r = run) =>
    planLabDecode(input, r, context) as HeatmapPlan;

  it('heatmaps alone: the stack itself, in input pixels at the stride', () => {
    const p = plan({ truth: [] });
    expect(p.variants.map((v) => v.key)).toEqual(['off']);
    expect(p.variants[0]?.stack).toBe(input.kind === 'heatmaps' ? input.stack : undefined);
    expect([p.inputW, p.inputH, p.scale]).toEqual([20, 16, { x: 4, y: 4 }]);
    expect(p.flip).toBeUndefined();
    expect(p.total).toBe(3);
  });

  it('the flip test: the average at the chosen shift first, and with ground truth the other two choices', () => {
    const indices = flipIndicesFromPairs(run.pairs, 3);
    const average = (shift: 0 | 1) => flipTestAverage({ ...stack(), k: 3 }, { ...flipped, k: 3 }, indices, shift).data;
    const without = plan({ flipped, truth: [] });
    expect(without.variants.map((v) => v.key)).toEqual([1]);
    expect(Array.from(without.variants[0]!.stack.data)).toEqual(Array.from(average(1)));
    expect(without.flip).toEqual({ source: 'flipped.npy', shift: 1 });
    const withTruth = plan({ flipped, truth });
    expect(withTruth.variants.map((v) => v.key)).toEqual([1, 'off', 0]);
    expect(Array.from(withTruth.variants[2]!.stack.data)).toEqual(Array.from(average(0)));
    expect(withTruth.total).toBe(9);
    expect(plan({ flipped, truth }, { ...run, flip: 0 }).variants.map((v) => v.key)).toEqual([0, 'off', 1]);
    expect(plan({ flipped, truth }, { ...run, flip: 'off' }).variants.map((v) => v.key)).toEqual(['off']);
  });

  it('a flipped stack of another shape, or pairs that do not fit, turn the flip test off with a message', () => {
    const small: LabStack = { ...flipped, k: 2, data: flipped.data.subarray(0, 40) };
    const other = plan({ flipped: small, truth: [] });
    expect(other.variants.map((v) => v.key)).toEqual(['off']);
    expect(other.messages).toEqual([
      'flipped.npy: 1 × 2 maps of 4 × 5, but the input is 1 × 3 of 4 × 5; the flip test needs the same shape',
    ]);
    const bad = plan({ flipped, truth: [] }, { ...run, pairs: [[0, 3]] });
    expect(bad.flip).toBeUndefined();
    expect(bad.messages).toEqual([
      'Flip pairs: flip pair (0, 3) names keypoint 3, outside 0..2; the flip test is off until they fit the 3 keypoints',
    ]);
  });

  it('the ground truth in the rows’ units: a points file in input pixels is divided by the stride', () => {
    const p = plan({ truth });
    expect(p.paired.truth?.perMap).toEqual([
      { x: 1, y: 1 },
      { x: 2, y: 1 },
      { x: 3, y: 2 },
    ]);
  });

  it('SimCC: one variant in input pixels (bins / k), with notes on units and the flip test', () => {
    const simcc: LabInput = {
      kind: 'simcc',
      simcc: { n: 1, k: 3, lengthX: 40, lengthY: 32, x: new Float32Array(120), y: new Float32Array(96), source: 's' },
    };
    const p = planLabDecode(simcc, { ...run, units: 'heatmap' }, { flipped, truth });
    expect(p.kind).toBe('simcc');
    expect([p.inputW, p.inputH, p.scale]).toEqual([20, 16, { x: 1, y: 1 }]);
    expect(p.notes).toEqual([
      'SimCC points are input pixels (bins / k), so the ground truth is read in input pixels.',
      "flipped.npy: heatmaps, but the input is SimCC vectors; the flip test needs the flipped image's vectors.",
    ]);
    expect(p.paired.truth?.perMap[2]).toEqual({ x: 12, y: 8 });
  });

  it("SimCC with the flipped image's vectors: RTMPose's flip test, flip_vectors then the mean (issue 27 item 5)", () => {
    // One sample of 3 keypoints; pairs swap 1 and 2. Each vector is its keypoint's index in one bin.
    const x = new Float32Array(3 * 4);
    const y = new Float32Array(3 * 2);
    const fx = new Float32Array(3 * 4);
    const fy = new Float32Array(3 * 2);
    for (let k = 0; k < 3; k++) {
      x[k * 4] = 1; // bin 0
      y[k * 2] = 1;
      fx[k * 4 + 1] = 10 + k; // the flipped image's keypoint k in bin 1, i.e. bin 2 once mirrored
      fy[k * 2 + 1] = 10 + k;
    }
    const input: LabInput = { kind: 'simcc', simcc: { n: 1, k: 3, lengthX: 4, lengthY: 2, x, y, source: 's' } };
    const flippedSimcc = { n: 1, k: 3, lengthX: 4, lengthY: 2, x: fx, y: fy, source: 'f.npz' };
    const p = planLabDecode(input, { ...run, pairs: [[1, 2]] }, { flippedSimcc, truth: [] });
    if (p.kind !== 'simcc') throw new Error('expected a SimCC plan');
    expect(p.flip).toEqual({ source: 'f.npz', shift: 0 });
    // Keypoint 1 takes the flipped keypoint 2's x vector, mirrored: bin 1 → bin 2; (1 + 0)/2 at bin 0.
    expect([...p.simcc.x.subarray(4, 8)]).toEqual([0.5, 0, 6, 0]);
    expect([...p.simcc.y.subarray(2, 4)]).toEqual([0.5, 6]);
    expect([...p.simcc.x.subarray(0, 4)]).toEqual([0.5, 0, 5, 0]);
    // Off: the input's own vectors.
    const off = planLabDecode(input, { ...run, flip: 'off' }, { flippedSimcc, truth: [] });
    expect(off.kind === 'simcc' && off.simcc.x).toBe(x);
  });
});

describe('runLabPlan(plan, hooks)', () => {
  const hooks = (cancelAfter = Infinity) => {
    const progress: [number, number][] = [];
    const h: PlanHooks = {
      progress: (done, total) => progress.push([done, total]),
      cancelled: () => progress.length >= cancelAfter,
      pause: async () => {},
    };
    return { h, progress };
  };

  it('decodes every chunk of every variant with the library, reporting what is done of the total', async () => {
    const p = planLabDecode(input, run, { flipped, truth }) as HeatmapPlan;
    const { h, progress } = hooks();
    const rows = await runLabPlan(p, h);
    expect(progress).toEqual([
      [3, 9],
      [6, 9],
      [9, 9],
    ]);
    expect(rows).toEqual(
      p.variants.map((v) =>
        decodeLabRange(v.stack, heatmapSettingsOf(run), 0, 3, p.paired.truth?.perMap, v.report.emptyMaps),
      ),
    );
  });

  it('decodes a SimCC pair with the library', async () => {
    const x = Float32Array.from({ length: 120 }, (_, i) => Math.exp(-(((i % 40) - 7 - i / 40) ** 2)));
    const y = Float32Array.from({ length: 96 }, (_, i) => Math.exp(-(((i % 32) - 9) ** 2)));
    const simcc = { n: 1, k: 3, lengthX: 40, lengthY: 32, x, y, source: 's' };
    const p = planLabDecode({ kind: 'simcc', simcc }, run, { truth: [] });
    expect(await runLabPlan(p, hooks().h)).toEqual([decodeLabSimccRange(simcc, simccSettingsOf(run), 0, 3)]);
  });

  it('stops between chunks once superseded', async () => {
    const p = planLabDecode(input, run, { flipped, truth });
    const { h, progress } = hooks(2);
    expect(await runLabPlan(p, h)).toBeUndefined();
    expect(progress).toHaveLength(2);
  });
});
