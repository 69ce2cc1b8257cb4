/**
 * Figure 7.4: one adaptive sampling pattern per joint's branch, each reaching from the centre
 * pixel q toward its joint; the four joints are draggable.
 */
import { defineSpec } from '../../ui/figure.ts';
import type { HandlePart } from '../../ui/parts.ts';
import { pick } from '../../ui/params.ts';
import { BRANCH_GRID, BRANCH_KEYS, BRANCHES, branchJoint, ch7, type Branch } from '../../state/ch7.ts';
import {
  BRANCH_LABELS,
  branchesAnnouncement,
  branchesView,
  branchPatterns,
  type BranchesState,
} from './branches-view.ts';

const params = pick(ch7, 'branch', 'reach', 'spread', 'nx', 'ny', 'sx', 'sy', 'kx', 'ky', 'ax', 'ay');

const joint = (b: Branch): HandlePart<BranchesState> => {
  const [kx, ky] = BRANCH_KEYS[b];
  return {
    role: `handle-${b}`,
    surface: 'surface',
    bounds: { minX: 0, maxX: BRANCH_GRID.w - 1, minY: 0, maxY: BRANCH_GRID.h - 1 },
    get: (s) => branchJoint(s, b),
    set: (p) => ({ [kx]: Number(p.x.toFixed(2)), [ky]: Number(p.y.toFixed(2)) }),
    describe: (p) => `${BRANCH_LABELS[b]} at x ${p.x.toFixed(1)}, y ${p.y.toFixed(1)} feature pixels`,
  };
};

export default defineSpec({
  name: 'branches',
  params,
  build: branchPatterns,
  view: (patterns, s) => {
    const view = branchesView(s, patterns);
    return { ...view, attrs: { ...view.attrs, root: { 'data-branch': s.branch } } };
  },
  // A press on the map moves the nearest joint.
  handles: BRANCHES.map(joint),
  announce: (patterns, s) => branchesAnnouncement(s, patterns),
});
