/** Chapter 7's exercises, on figures 7.2 (bottom-up decoding) and 7.5 (the size-normalised loss). */
import { ch7, type Ch7State } from '../state/ch7.ts';
import { decodeData } from '../figures/dekr/decode-view.ts';
import { lossData } from '../figures/dekr/loss-view.ts';
import { fmt } from '../ui/format.ts';
import { exerciseSet } from './types.ts';

/** Poses that pose NMS kept although their centre peak belongs to no person. */
const ghosts = (s: Readonly<Ch7State>) => {
  const d = decodeData(s);
  return d.kept.filter((pose) => d.peakPerson[d.poses.indexOf(pose)] === -1).length;
};

export default exerciseSet({
  store: 'ch7',
  schema: ch7,
  exercises: [
    {
      id: 'ex-7-1',
      figure: 'fig-decode',
      prompt: 'Step to pose NMS and raise the centre-map noise until a pose with no person behind it survives.',
      hints: [
        'Every local maximum of the centre map becomes a pose, and rescoring by the keypoint heatmaps is what demotes the false ones.',
        'Raise the centre noise toward 0.1 and try new scenes; the peak table says whose each kept peak is.',
      ],
      check(s) {
        const n = ghosts(s);
        const atEnd = s.stage === 'posenms';
        return {
          done: atEnd && n > 0,
          detail: atEnd
            ? `Pose NMS kept ${n} ${n === 1 ? 'pose' : 'poses'} with no person behind ${n === 1 ? 'it' : 'them'}.`
            : 'The stepper is not at pose NMS yet.',
        };
      },
    },
    {
      id: 'ex-7-2',
      figure: 'fig-loss',
      prompt: 'Make the small person’s loss at least 10 times the large person’s for the same wrist error.',
      hints: [
        'The loss divides by the diagonal of each person’s box, so the ratio follows the ratio of their sizes.',
        'Shrink the small person and grow the large one.',
      ],
      check(s) {
        const { ratio } = lossData(s);
        return { done: ratio >= 10, detail: `The small person’s loss is ${fmt(ratio, 1)} × the large person’s.` };
      },
    },
  ],
});
