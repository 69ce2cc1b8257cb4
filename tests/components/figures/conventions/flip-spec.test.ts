import { describe, expect, it } from 'vitest';
import spec from '../../../../src/components/figures/conventions/flip-spec.ts';
import { buildFlipTest } from '../../../../src/lib/index.ts';
import { publishedIn } from '../spec-parts.ts';

describe('figure 10.2’s publication', () => {
  it('is the figure’s builder: buildFlipTest for any state an exercise gives it', () => {
    const build = publishedIn(spec);
    const state = { fx: 92.5, fy: 60.25, mapping: 'udp' as const, shift: '2' as const };
    expect(build(state)).toEqual(buildFlipTest({ keypoint: { x: 92.5, y: 60.25 }, mapping: 'udp', shift: 2 }));
  });

  it('is the same function in every state, so the figure publishes it once', () => {
    expect(publishedIn(spec, { mapping: 'udp', shift: '0' })).toBe(publishedIn(spec));
  });
});
