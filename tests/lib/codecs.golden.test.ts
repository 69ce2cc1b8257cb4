import { describe, it, expect } from 'vitest';
import { expectClose } from './approx.ts';
import { loadNpy, manifest } from './fixtures.ts';
import {
  ADAPT_BLOCK_TOLERANCE,
  adaptBlockOffsets,
  deformConv3x3,
  dsntDecode,
  encodeBiased,
  encodeUnbiased,
  jsDivergence,
  simdrDecode,
  simdrGaussian,
  simdrKl,
  simdrOneHotBin,
  softmaxMap,
  targetGaussian,
  varianceLoss,
} from '../../src/lib/index.ts';

describe('encoders match the reference targets', () => {
  for (const c of manifest.encoding) {
    const [w, h] = c.heatmapSize;
    const keypoint = { x: c.keypoint[0], y: c.keypoint[1] };
    it(`encodeBiased(${c.id}) equals the integer-centred target`, () => {
      expectClose(encodeBiased(keypoint, w, h, c.sigma).data, loadNpy(c.biased).data, 1e-6, { label: c.id });
    });
    it(`encodeUnbiased(${c.id}) equals the sub-pixel target`, () => {
      expectClose(encodeUnbiased(keypoint, w, h, c.sigma).data, loadNpy(c.unbiased).data, 1e-6, { label: c.id });
    });
  }
});

describe('DSNT matches dsntnn', () => {
  for (const c of manifest.dsnt) {
    const logits = loadNpy(c.logits);
    const gauss = loadNpy(c.targetGauss);
    const [k, h, w] = c.shape;
    const size = h * w;
    for (let i = 0; i < k; i++) {
      const z = logits.data.subarray(i * size, (i + 1) * size);
      const target = { x: c.target[i]![0]!, y: c.target[i]![1]! };
      it(`${c.id} map ${i}: coordinates, variance loss, target Gaussian and JS divergence`, () => {
        const { normalized, p } = dsntDecode(z, w, h, c.beta);
        expectClose([normalized.x, normalized.y], c.coordsNormalized[i]!, 1e-6, { label: 'coords' });
        expectClose(varianceLoss(p, w, h, c.sigmaT), c.varianceLoss[i]!, 1e-6, { relative: true, label: 'var' });
        const q = targetGaussian(target, w, h, c.sigmaT);
        expectClose(q, gauss.data.subarray(i * size, (i + 1) * size), 1e-6, { label: 'gauss' });
        expectClose(jsDivergence(softmaxMap(z, c.beta), q), c.jsLoss[i]!, 1e-6, { label: 'js' });
      });
    }
  }
});

describe('SimDR labels, loss and decoding match SimCC', () => {
  for (const c of manifest.simdr) {
    const [w, h] = c.inputSize;
    const [x, y] = c.keypoint;
    it(`${c.id}: one-hot bins, Gaussian labels, KL and decode`, () => {
      expect([simdrOneHotBin(x, c.splitRatio), simdrOneHotBin(y, c.splitRatio)]).toEqual(c.oneHotBins);
      expectClose(simdrGaussian(x, w, c.splitRatio, c.sigma), loadNpy(c.gaussX).data, 1e-6, { label: 'gx' });
      expectClose(simdrGaussian(y, h, c.splitRatio, c.sigma), loadNpy(c.gaussY).data, 1e-6, { label: 'gy' });
      const logits = loadNpy(c.logitsX).data;
      expectClose(simdrKl(loadNpy(c.gaussX).data, logits), c.klX, 1e-6, { label: 'kl' });
      expectClose(simdrDecode(logits, c.splitRatio), c.decodedX, 1e-6, { label: 'decode' });
    });
  }
});

describe('DEKR adaptive block matches torchvision deform_conv2d', () => {
  for (const c of manifest.dekr) {
    it(`${c.id}: offsets and deformable convolution`, () => {
      const x = loadNpy(c.input);
      const [ch, h, w] = x.shape as [number, number, number];
      const f = { data: Float64Array.from(x.data), c: ch, h, w };
      const offsets = adaptBlockOffsets(
        f,
        loadNpy(c.transformWeight).data,
        c.transformBias,
        loadNpy(c.translationWeight).data,
        c.translationBias,
      );
      expectClose(offsets.data, loadNpy(c.offsets).data, ADAPT_BLOCK_TOLERANCE, { label: 'offsets' });
      const aw = loadNpy(c.adaptWeight);
      const out = deformConv3x3(f, offsets, aw.data, aw.shape[0]!);
      expectClose(out.data, loadNpy(c.output).data, ADAPT_BLOCK_TOLERANCE, { label: 'output' });
    });
  }
});
