import { describe, expect, it } from 'vitest';
import spec from '../../../../src/components/figures/conventions/udp-spec.ts';
import { buildUdpGrid } from '../../../../src/lib/index.ts';
import { publishedIn } from '../spec-parts.ts';

describe('figure 10.1’s publication', () => {
  it('is the figure’s builder: buildUdpGrid for any state an exercise gives it', () => {
    const build = publishedIn(spec);
    const state = { x: 28.4, y: 20.3, stride: '8' as const };
    expect(build(state)).toEqual(buildUdpGrid({ keypoint: { x: 28.4, y: 20.3 }, stride: 8 }));
  });

  it('is the same function in every state, so the figure publishes it once', () => {
    expect(publishedIn(spec, { x: 3, stride: '8' })).toBe(publishedIn(spec));
  });
});
