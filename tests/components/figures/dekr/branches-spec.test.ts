import { describe, expect, it } from 'vitest';
import spec from '../../../../src/components/figures/dekr/branches-spec.ts';
import { BRANCH_GRID, BRANCHES, ch7 } from '../../../../src/components/state/ch7.ts';
import { fmt } from '../../../../src/components/ui/format.ts';
import { numberControl } from '../../../../src/components/ui/params.ts';
import { renderFigure } from '../../../../src/components/ui/render-figure.ts';
import { branchPattern } from '../../../../src/lib/index.ts';
import { announcedIn, dragTo, handleOf } from '../spec-parts.ts';

const { q } = BRANCH_GRID;
const moved = { branch: 'knee', kx: 5, ky: 24, reach: 0.5, spread: 2 } as const;

describe('figure 7.4’s data', () => {
  it('is branchPattern’s for each branch, from the centre pixel toward the joint the state puts it at', () => {
    const { data, state } = renderFigure(spec, { state: moved });
    expect(data.knee).toEqual(branchPattern(q, { x: 5, y: 24 }, 0.5, 2));
    expect(data.nose).toEqual(branchPattern(q, { x: state.nx, y: state.ny }, 0.5, 2));
    expect(Object.keys(data)).toEqual([...BRANCHES]);
  });

  it('marks the figure with the branch it shows', () => {
    expect(renderFigure(spec, { state: moved }).view.attrs.root).toEqual({ 'data-branch': 'knee' });
  });
});

describe('figure 7.4’s handles', () => {
  const knee = handleOf(spec, 'handle-knee');

  it('sit on the four joints, one surface for all', () => {
    const { state } = renderFigure(spec, { state: moved });
    expect(knee.get(state)).toEqual({ x: 5, y: 24 });
    expect(handleOf(spec, 'handle-ankle').get(state)).toEqual({ x: state.ax, y: state.ay });
    for (const b of BRANCHES) expect(handleOf(spec, `handle-${b}`).surface).toBe('surface');
  });

  it('a drag moves the handle’s own joint to the point, to a hundredth of a feature pixel', () => {
    expect(dragTo(spec, 'handle-knee', { x: 5.123, y: 24.456 })).toEqual({ kx: 5.12, ky: 24.46 });
    expect(dragTo(spec, 'handle-shoulder', { x: 1, y: 2 })).toEqual({ sx: 1, sy: 2 });
  });

  it('stop at the feature map’s edge cells, the parameters’ own range', () => {
    const x = numberControl(ch7, 'kx');
    const y = numberControl(ch7, 'ky');
    expect(knee.bounds).toEqual({ minX: x.min, maxX: x.max, minY: y.min, maxY: y.max });
    expect([x.max, y.max]).toEqual([BRANCH_GRID.w - 1, BRANCH_GRID.h - 1]);
    expect(dragTo(spec, 'handle-knee', { x: -1, y: 99 })).toEqual({ kx: 0, ky: BRANCH_GRID.h - 1 });
  });

  it('name their joint and the point, to a tenth', () => {
    expect(knee.describe({ x: 5.123, y: 24.456 })).toBe('Left knee at x 5.1, y 24.5 feature pixels');
    expect(handleOf(spec, 'handle-nose').describe({ x: 12, y: 3 })).toBe('Nose at x 12.0, y 3.0 feature pixels');
  });
});

describe('figure 7.4’s announcement', () => {
  it('for one branch, says the offset it regresses and how far its taps centre from the joint', () => {
    // With q = (12, 15) and the knee at (5, 24), DEKR regresses q − joint = (7, −9); at reach 0.5 the
    // taps centre half-way to the joint.
    expect(announcedIn(spec, moved)).toBe(
      `Left knee branch: offset (7.0, −9.0), taps centred ${fmt(0.5 * Math.hypot(7, 9), 1)} pixels from the joint.`,
    );
  });

  it('for all branches, says each in turn', () => {
    const said = announcedIn(spec, { ...moved, branch: 'all' });
    expect(said.match(/ branch: /g)).toHaveLength(BRANCHES.length);
    expect(said).toMatch(/^Nose branch: .* Left shoulder branch: .* Left knee branch: .* Left ankle branch: /);
  });
});
