/**
 * Chapter 10's exercises, one on each figure: UDP's mapping, the flip test, scores and border
 * rules. Each checks with its figure's own builder, which the figure publishes as it mounts
 * (`figures/conventions/published.ts`), so this set loads no builder of its own.
 */
import { CH10_BORDER, CH10_FLIP, CH10_SCORES, CH10_UDP } from '../figures/conventions/published.ts';
import { ch10 } from '../state/ch10.ts';
import { fmt } from '../ui/format.ts';
import { exerciseSet, type Verdict } from './types.ts';

/** What a check says before its figure has mounted and published its builder. */
const notYet = (figure: string): Verdict => ({
  done: false,
  detail: `Figure ${figure} has not loaded yet: scroll up to it, then check again.`,
});

const pct = (v: number) => `${fmt(100 * v, 0)}%`;

export default exerciseSet({
  store: 'ch10',
  schema: ch10,
  exercises: [
    {
      id: 'ex-10-1',
      figure: 'fig-udp',
      prompt:
        'Put the keypoint where a map trained with the stride mapping and decoded with UDP’s misses it by more than 3 px.',
      hints: [
        'The two mappings agree at the top-left pixel and drift apart from there, in proportion to the distance.',
        'Drag the keypoint toward the bottom-right corner of the crop.',
      ],
      check(s, published) {
        const build = published(CH10_UDP);
        if (!build) return notYet('10.1');
        const miss = build(s).strideToUdp.distance;
        return { done: miss > 3, detail: `trained stride, decoded UDP: ${fmt(miss)} px off.` };
      },
    },
    {
      id: 'ex-10-2',
      figure: 'fig-flip',
      prompt: 'Choose a mapping and a shift at which DARK on the averaged map lands within 0.05 px of the truth.',
      hints: [
        'With the stride mapping the flipped-back map is three quarters of a cell off: no whole-cell shift cancels that.',
        'Which mapping flips back onto the original map exactly? Then it needs no shift.',
      ],
      check(s, published) {
        const build = published(CH10_FLIP);
        if (!build) return notYet('10.2');
        const e = build(s).stages.averaged.errorX.dark;
        return { done: Math.abs(e) < 0.05, detail: `DARK on the average is ${fmt(e)} px off in x.` };
      },
    },
    {
      id: 'ex-10-3',
      figure: 'fig-scores',
      prompt:
        'Find a threshold that keeps every keypoint by Megvii’s score but drops at least a third of them by the heatmap maximum.',
      hints: [
        'Megvii’s score is the maximum over 255 plus 0.5: what does it give a map whose maximum is zero?',
        'Try thresholds just above a half.',
      ],
      check(s, published) {
        // Thresholds the samples figure 10.3 drew (built at build time, embedded in the page).
        const rowsAt = published(CH10_SCORES);
        if (!rowsAt) return notYet('10.3');
        const rows = rowsAt(s.threshold);
        return {
          done: rows.megvii.keptShare === 1 && rows.heatmapMax.keptShare <= 2 / 3,
          detail: `at ${fmt(s.threshold)}, Megvii keeps ${pct(rows.megvii.keptShare)} and the heatmap maximum ${pct(rows.heatmapMax.keptShare)}.`,
        };
      },
    },
    {
      id: 'ex-10-4',
      figure: 'fig-border',
      prompt:
        'Drag the keypoint to where MMPose’s quarter shift refines exactly one axis while HRNet’s refines neither.',
      hints: [
        'HRNet tests both axes at once; MMPose gives each axis its own condition: x moves when 1 < x < W − 1, y when 1 < y < H − 1 (and the point is inside the map).',
        'Try the second column from the left, away from the top and bottom rows.',
      ],
      check(s, published) {
        const build = published(CH10_BORDER);
        if (!build) return notYet('10.4');
        const { refines } = build(s);
        const one = refines.mmposeQuarter.x !== refines.mmposeQuarter.y;
        const none = !refines.hrnetQuarter.x && !refines.hrnetQuarter.y;
        const says = (r: { x: boolean; y: boolean }) =>
          r.x && r.y ? 'both axes' : r.x ? 'x only' : r.y ? 'y only' : 'neither axis';
        return {
          done: one && none,
          detail: `MMPose refines ${says(refines.mmposeQuarter)}, HRNet ${says(refines.hrnetQuarter)}.`,
        };
      },
    },
  ],
});
