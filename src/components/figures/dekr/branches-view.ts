/** From the branch patterns to what figure 7.4 shows. */
import { branchPattern, type BranchPattern, type Point } from '../../../lib/index.ts';
import type { ViewModel } from '../../ui/apply-view.ts';
import { fmt, num } from '../../ui/format.ts';
import { figurePath } from './routes-view.ts';
import {
  BRANCH_GRID,
  BRANCH_JOINT,
  BRANCH_PERSON,
  BRANCHES,
  branchJoint,
  type Branch,
  type Ch7State,
} from '../../state/ch7.ts';

/** What figure 7.4 reads of chapter 7's state. */
export type BranchesState = Pick<
  Ch7State,
  'branch' | 'reach' | 'spread' | 'nx' | 'ny' | 'sx' | 'sy' | 'kx' | 'ky' | 'ax' | 'ay'
>;

/** Short names, for the branch switch. */
export const BRANCH_SHORT: Record<Branch, string> = {
  nose: 'Nose',
  shoulder: 'Shoulder',
  knee: 'Knee',
  ankle: 'Ankle',
};

export const BRANCH_LABELS: Record<Branch, string> = {
  nose: 'Nose',
  shoulder: 'Left shoulder',
  knee: 'Left knee',
  ankle: 'Left ankle',
};

/** Each branch's hand-set pattern for a state. */
export function branchPatterns(s: Readonly<BranchesState>): Record<Branch, BranchPattern> {
  return Object.fromEntries(
    BRANCHES.map((b) => [b, branchPattern(BRANCH_GRID.q, branchJoint(s, b), s.reach, s.spread)]),
  ) as Record<Branch, BranchPattern>;
}

/** The person's joints with the four branch joints where the reader put them. */
function personJoints(s: Readonly<BranchesState>): Point[] {
  const joints = BRANCH_PERSON.joints.map((p) => ({ ...p }));
  for (const b of BRANCHES) joints[BRANCH_JOINT[b]] = branchJoint(s, b);
  return joints;
}

const line = (a: Point, b: Point): string => `M${num(a.x)} ${num(a.y)}L${num(b.x)} ${num(b.y)}`;

export function branchesView(s: Readonly<BranchesState>, patterns: Record<Branch, BranchPattern>): ViewModel {
  const attrs: ViewModel['attrs'] = { skeleton: { d: figurePath(personJoints(s)) } };
  const text: ViewModel['text'] = {};
  for (const b of BRANCHES) {
    const p = patterns[b];
    const t = p.taps;
    attrs[`handle-${b}`] = { transform: `translate(${num(p.joint.x)} ${num(p.joint.y)})` };
    attrs[`taps-${b}`] = { d: t.map((q) => `M${num(q.x)} ${num(q.y)}h0`).join('') };
    // The deformed grid: its three rows and three columns.
    attrs[`mesh-${b}`] = {
      d: [0, 1, 2].flatMap((i) => [line(t[3 * i]!, t[3 * i + 2]!), line(t[i]!, t[6 + i]!)]).join(''),
    };
    attrs[`offset-${b}`] = { d: line(BRANCH_GRID.q, p.joint) };
    attrs[`branch-${b}`] = { 'data-dim': s.branch !== 'all' && s.branch !== b ? 'true' : 'false' };
    text[`regressed-${b}`] = `(${fmt(p.regressed.x, 1)}, ${fmt(p.regressed.y, 1)})`;
    text[`t-${b}`] = `(${fmt(p.translation[1], 1)}, ${fmt(p.translation[0], 1)})`;
    text[`miss-${b}`] = `${fmt(p.miss, 1)} px`;
  }
  return { attrs, text };
}

export function branchesAnnouncement(s: Readonly<BranchesState>, patterns: Record<Branch, BranchPattern>): string {
  const shown = s.branch === 'all' ? BRANCHES : [s.branch];
  return shown
    .map((b) => {
      const p = patterns[b];
      return `${BRANCH_LABELS[b]} branch: offset (${fmt(p.regressed.x, 1)}, ${fmt(p.regressed.y, 1)}), taps centred ${fmt(p.miss, 1)} pixels from the joint.`;
    })
    .join(' ');
}
