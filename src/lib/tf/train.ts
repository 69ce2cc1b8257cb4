/**
 * Chapter 8's training: batches of synthetic stick figures with the targets each head needs
 * (made by src/lib's encoders, so they are the chapters' targets), each head's loss, and one
 * optimiser step inside tf.tidy.
 */
import * as tf from '@tensorflow/tfjs-core';
import './gradients.ts';
import { targetGaussian } from '../dsnt.ts';
import { encodeTarget, type TargetKind } from '../encode.ts';
import { simdrGaussian } from '../simdr.ts';
import type { Batch } from '../synth/batch.ts';
import { toNormalized } from '../coords.ts';
import { outputMaps, simdrLogits, type PoseModel } from './model.ts';

/** Target and loss settings shared by training and evaluation. */
export const TRAINING = {
  /** Heatmap σ, heatmap pixels. */
  sigma: 1.5,
  /** DSNT's σ_t for the JS regulariser, heatmap pixels, and its weight. */
  sigmaT: 1,
  jsWeight: 1,
  /** SimDR's label σ, bins. */
  simdrSigma: 2,
  /** The heatmap head's MSE is scaled so its gradients are not tiny. */
  mseScale: 100,
} as const;

/** The batch's images as a [B, S, S, 1] tensor. */
export function imagesTensor(batch: Batch): tf.Tensor4D {
  return tf.tensor4d(batch.images, [batch.keypoints.length, batch.size, batch.size, 1]);
}

/** Heatmap targets [B, h, w, K] (heatmap px = input px / 4). */
function heatmapTargets(batch: Batch, kind: TargetKind): tf.Tensor4D {
  const h = batch.size / 4;
  const k = batch.keypoints[0]?.length ?? 0;
  const out = new Float32Array(batch.keypoints.length * h * h * k);
  batch.keypoints.forEach((points, b) => {
    points.forEach((p, j) => {
      const map = encodeTarget(kind, { x: p.x / 4, y: p.y / 4 }, h, h, TRAINING.sigma).data;
      for (let i = 0; i < h * h; i++) out[(b * h * h + i) * k + j] = map[i] as number;
    });
  });
  return tf.tensor4d(out, [batch.keypoints.length, h, h, k]);
}

/** The loss of a batch for the model's head (a scalar tensor). */
export function batchLoss(model: PoseModel, batch: Batch, target: TargetKind = 'unbiased'): tf.Scalar {
  const x = imagesTensor(batch);
  const maps = outputMaps(model, x);
  const [b, h, w, k] = maps.shape;
  const { head } = model.config;
  if (head === 'heatmap') {
    return tf.mul(tf.losses.meanSquaredError(heatmapTargets(batch, target), maps), TRAINING.mseScale) as tf.Scalar;
  }
  if (head === 'dsnt') {
    // Softmax over each map's cells, the expectation against the normalised grids.
    const logits = tf.reshape(tf.transpose(maps, [0, 3, 1, 2]), [b, k, h * w]);
    const p = tf.softmax(logits);
    const gx = Float32Array.from({ length: h * w }, (_, i) => toNormalized(i % w, w));
    const gy = Float32Array.from({ length: h * w }, (_, i) => toNormalized(Math.floor(i / w), h));
    const mx = tf.sum(tf.mul(p, tf.tensor1d(gx)), -1);
    const my = tf.sum(tf.mul(p, tf.tensor1d(gy)), -1);
    const tx = new Float32Array(b * k);
    const ty = new Float32Array(b * k);
    const q = new Float32Array(b * k * h * w);
    batch.keypoints.forEach((points, i) =>
      points.forEach((pt, j) => {
        const t = { x: toNormalized(pt.x / 4, w), y: toNormalized(pt.y / 4, h) };
        tx[i * k + j] = t.x;
        ty[i * k + j] = t.y;
        q.set(targetGaussian(t, w, h, TRAINING.sigmaT), (i * k + j) * h * w);
      }),
    );
    const euclid = tf.mean(
      tf.sqrt(
        tf.add(
          tf.add(tf.square(tf.sub(mx, tf.tensor2d(tx, [b, k]))), tf.square(tf.sub(my, tf.tensor2d(ty, [b, k])))),
          1e-12,
        ),
      ),
    );
    const qt = tf.tensor3d(q, [b, k, h * w]);
    const m = tf.mul(tf.add(p, qt), 0.5);
    const kl = (a: tf.Tensor, c: tf.Tensor) =>
      tf.sum(tf.mul(a, tf.sub(tf.log(tf.add(a, 1e-24)), tf.log(tf.add(c, 1e-24)))), -1);
    const js = tf.mean(tf.mul(tf.add(kl(p, m), kl(qt, m)), 0.5));
    return tf.add(euclid, tf.mul(js, TRAINING.jsWeight)) as tf.Scalar;
  }
  const { x: lx, y: ly } = simdrLogits(model, maps);
  const bins = model.config.size * model.config.split;
  const labels = (axis: 'x' | 'y') => {
    const out = new Float32Array(b * k * bins);
    batch.keypoints.forEach((points, i) =>
      points.forEach((pt, j) => {
        const g = simdrGaussian(pt[axis], model.config.size, model.config.split, TRAINING.simdrSigma);
        const sum = g.reduce((s, v) => s + v, 0);
        for (let n = 0; n < bins; n++) out[(i * k + j) * bins + n] = (g[n] as number) / sum;
      }),
    );
    return tf.tensor3d(out, [b, k, bins]);
  };
  const kl = (label: tf.Tensor3D, logits: tf.Tensor3D) =>
    tf.mean(tf.sum(tf.mul(label, tf.sub(tf.log(tf.add(label, 1e-12)), tf.logSoftmax(logits))), -1));
  return tf.add(kl(labels('x'), lx), kl(labels('y'), ly)) as tf.Scalar;
}

/**
 * One optimiser step on a batch; resolves with the loss before the step. No tensor outlives
 * it. The loss is read asynchronously: WebGPU's synchronous reads are slow, and in a worker
 * they can return zeros.
 */
export async function trainStep(
  model: PoseModel,
  optimizer: tf.Optimizer,
  batch: Batch,
  target: TargetKind = 'unbiased',
): Promise<number> {
  const loss = tf.tidy(
    () => optimizer.minimize(() => batchLoss(model, batch, target), true, Object.values(model.weights)) as tf.Scalar,
  );
  const value = (await loss.data())[0] as number;
  loss.dispose();
  return value;
}
