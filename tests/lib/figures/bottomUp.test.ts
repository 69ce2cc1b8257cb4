import { describe, expect, it } from 'vitest';
import { buildBottomUp, stickScene, type ScenePerson } from '../../../src/lib/index.ts';

const person = (cx: number, cy: number): ScenePerson => ({
  centre: { x: cx, y: cy },
  joints: [
    { x: cx, y: cy - 6 },
    { x: cx - 3, y: cy + 5 },
    { x: cx + 3, y: cy + 5 },
  ],
});

describe('buildBottomUp(scene)', () => {
  const people = [person(12, 14), person(36, 20), person(22, 40)];
  const d = buildBottomUp({ w: 48, h: 56, people, offsetNoise: 0, seed: 1 });

  it('finds one centre peak per person', () => {
    expect(d.peaks).toHaveLength(3);
    for (const p of people) expect(d.peaks.some((q) => q.x === p.centre.x && q.y === p.centre.y)).toBe(true);
  });

  it('regresses each person’s joints exactly as pixel − offset when the offsets are clean', () => {
    for (const pose of d.kept) {
      const truth = people.find((p) => p.centre.x === pose.centre.x && p.centre.y === pose.centre.y)!;
      pose.joints.forEach((j, i) => {
        expect(j.x).toBeCloseTo(truth.joints[i]!.x, 9);
        expect(j.y).toBeCloseTo(truth.joints[i]!.y, 9);
      });
    }
    expect(d.kept).toHaveLength(3);
  });

  it('rescoring by the keypoint heatmaps ranks clean poses near the centre score', () => {
    for (const pose of d.poses) expect(pose.score).toBeGreaterThan(0.8 * pose.centre.score);
  });

  it('is reproducible from its seed when the offsets are noisy', () => {
    const a = buildBottomUp({ w: 48, h: 56, people, offsetNoise: 0.5, seed: 3 });
    const b = buildBottomUp({ w: 48, h: 56, people, offsetNoise: 0.5, seed: 3 });
    expect(a.kept.map((p) => p.joints)).toEqual(b.kept.map((p) => p.joints));
  });
});

describe('buildBottomUp with centre noise', () => {
  const people = stickScene({ w: 64, h: 48, count: 3, seed: 4, minHeight: 24, maxHeight: 40 });

  it('finds spurious centre peaks whose poses pose NMS removes', () => {
    const d = buildBottomUp({ w: 64, h: 48, people, offsetNoise: 0.3, centreNoise: 0.04, seed: 5 });
    expect(d.peaks.length).toBeGreaterThan(people.length);
    expect(d.kept.length).toBeLessThan(d.poses.length);
    // Every person is still found: some kept pose's nose is within 2 px of theirs.
    for (const p of people) {
      expect(d.kept.some((k) => Math.hypot(k.joints[0]!.x - p.joints[0]!.x, k.joints[0]!.y - p.joints[0]!.y) < 2)).toBe(
        true,
      );
    }
  });

  it('without noise keeps exactly one pose per person', () => {
    const d = buildBottomUp({ w: 64, h: 48, people, offsetNoise: 0, seed: 5 });
    expect(d.kept).toHaveLength(people.length);
  });
});

describe('buildBottomUp bookkeeping', () => {
  const people = stickScene({ w: 64, h: 48, count: 3, seed: 4, minHeight: 24, maxHeight: 40 });
  const d = buildBottomUp({ w: 64, h: 48, people, offsetNoise: 0.3, centreNoise: 0.02, seed: 5 });

  it('maps every person’s centre peak to that person, noise peaks to -1', () => {
    expect(d.peakPerson).toHaveLength(d.peaks.length);
    people.forEach((_, i) => expect(d.peakPerson.filter((p) => p === i).length).toBeGreaterThanOrEqual(1));
    d.peaks.forEach((q, i) => {
      const person = d.peakPerson[i]!;
      if (person >= 0)
        expect(Math.hypot(q.x - people[person]!.centre.x, q.y - people[person]!.centre.y)).toBeLessThanOrEqual(1.5);
    });
  });

  it('keypointMax is the maximum over the keypoint heatmaps', () => {
    const hw = 64 * 48;
    for (const i of [0, 100, 1234, hw - 1]) {
      let m = 0;
      for (let j = 0; j < people[0]!.joints.length; j++) m = Math.max(m, d.keypointMaps[j * hw + i]!);
      expect(d.keypointMax[i]).toBe(m);
    }
  });
});
