import { describe, expect, it } from 'vitest';
import { buildBottomUp, type ScenePerson } from '../../src/lib/index.ts';

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
