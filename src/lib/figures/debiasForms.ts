/**
 * How far apart the two debiased soft-argmaxes land (chapter 5): Gu et al.'s form as the paper
 * writes it (`softargmaxDebiased`) and MMPose's code (`softargmaxMmpose`), on the Decoder Lab's
 * bundled sample (noisy Gaussian heatmaps of a 256 × 192 crop, `makeLabSample`) at the β the Lab
 * starts with. On clean Gaussians both corrections vanish (C is huge either way); the background
 * noise is what gives them work, and there they part.
 */
import { decodeAll } from '../decoders.ts';
import { LAB_DEFAULT_BETA } from '../lab/run.ts';
import { LAB_SAMPLE, makeLabSample } from '../lab/sample.ts';
import { distance } from '../stack.ts';

/** The two forms on the sample: their distance and each one's error, input pixels. */
export interface DebiasFormsGap {
  /** Mean and largest distance between the two forms' points. */
  mean: number;
  max: number;
  /** Each form's mean distance to the truth. */
  paperError: number;
  mmposeError: number;
  /** How many maps, and the β. */
  count: number;
  beta: number;
}

/** Decodes every map of the Lab's sample with both forms. */
export function debiasFormsGap(beta = LAB_DEFAULT_BETA): DebiasFormsGap {
  const { stack, truth } = makeLabSample();
  const { w, h, stride } = { ...LAB_SAMPLE };
  const size = w * h;
  let sum = 0;
  let max = 0;
  let paperSum = 0;
  let mmposeSum = 0;
  const count = stack.n * stack.k;
  for (let m = 0; m < count; m++) {
    const map = { w, h, data: stack.data.subarray(m * size, (m + 1) * size) };
    const { softargmaxDebiased: paper, softargmaxMmpose: mmpose } = decodeAll(
      ['softargmaxDebiased', 'softargmaxMmpose'],
      map,
      { beta },
    );
    const t = truth[m]!;
    const toInput = (p: { x: number; y: number }) => ({ x: p.x * stride, y: p.y * stride });
    const gap = distance(toInput(paper!), toInput(mmpose!));
    sum += gap;
    max = Math.max(max, gap);
    paperSum += distance(toInput(paper!), t);
    mmposeSum += distance(toInput(mmpose!), t);
  }
  return { mean: sum / count, max, paperError: paperSum / count, mmposeError: mmposeSum / count, count, beta };
}
