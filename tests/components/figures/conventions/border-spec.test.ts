import { describe, expect, it } from 'vitest';
import spec from '../../../../src/components/figures/conventions/border-spec.ts';
import { buildBorderRules } from '../../../../src/lib/index.ts';
import { publishedIn } from '../spec-parts.ts';

describe('figure 10.4’s publication', () => {
  it('is the figure’s builder: buildBorderRules for any state an exercise gives it', () => {
    const build = publishedIn(spec);
    expect(build({ bx: 1.2, by: 5.6 })).toEqual(buildBorderRules({ keypoint: { x: 1.2, y: 5.6 } }));
  });

  it('is the same function in every state, so the figure publishes it once', () => {
    expect(publishedIn(spec, { bx: 0.1, rule: 'darkUdp' })).toBe(publishedIn(spec));
  });
});
