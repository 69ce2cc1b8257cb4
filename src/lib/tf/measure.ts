/**
 * What chapter 8's prose states about the shipped models, measured: each model's file and
 * weights, and its held-out errors with their spread over samples, including the paired
 * differences between the decoders of one head (the same samples decoded two ways, so the
 * difference's spread is far smaller than either error's). scripts/measure-shipped.ts writes
 * this to src/data/shipped-models.json for the prose (TF.js does not run in the site's build);
 * tests/lib/tf-shipped.test.ts checks that file against a fresh measurement.
 */
import { HELD_OUT, heldOut } from '../synth/batch.ts';
import { meanErrors, meanWithError, sampleMeanErrors, type MeanWithError } from '../stats.ts';
import { disposeModel, type Head } from './model.ts';
import { DARK_KERNEL_TF, decodeOutputs, METHODS, predictOutputs } from './predict.ts';
import { TRAINING } from './train.ts';
import { decodeWeights, deserializeModel, type WeightDtype, type WeightManifest } from './weights.ts';

/** One shipped model, measured on the held-out set. */
export interface ModelMeasurement {
  head: Head;
  /** Input side, pixels. */
  size: number;
  /** Keypoints, and SimDR's split ratio (bins per input pixel). */
  k: number;
  split: number;
  /** How the `.bin` stores its weights, its length in bytes, and the number of weights. */
  dtype: WeightDtype;
  bytes: number;
  parameters: number;
  /** Training steps and batch size, and the model it started from (null: a seeded initialisation). */
  steps: number;
  batch: number;
  initialisedFrom: string | null;
  /** Side of the K output maps, cells. */
  mapSide: number;
  /** SimDR's linear layers: features read per keypoint (cells of the pooled map) and bins per axis. */
  projection: { features: number; bins: number } | null;
  /** Each method's error over the held-out samples, input px: mean over keypoints, spread over samples. */
  errors: Record<string, MeanWithError>;
  /** For each pair of the head's methods in METHODS order, "a-b": a's error minus b's, sample by sample, input px. */
  differences: Record<string, MeanWithError>;
}

/** Everything src/data/shipped-models.json holds. */
export interface ShippedMeasurements {
  heldOut: { samples: number; seed: number };
  /** The targets and losses the models were trained with (TRAINING), and DARK's kernel on their maps. */
  training: typeof TRAINING;
  darkKernel: number;
  models: ModelMeasurement[];
}

const training = (manifest: WeightManifest): Record<string, unknown> => manifest.training ?? {};

/**
 * Loads a shipped model from its manifest and `.bin` bytes and measures it on the held-out
 * set (HELD_OUT) on the current TF.js backend. The model is disposed before this resolves.
 */
export async function measureModel(manifest: WeightManifest, bytes: Uint8Array): Promise<ModelMeasurement> {
  const { head, size, k, split } = manifest.config;
  const copy = bytes.slice();
  const model = deserializeModel(manifest, decodeWeights(manifest, copy.buffer));
  const batch = heldOut(size, HELD_OUT.samples, HELD_OUT.seed);
  const outputs = await predictOutputs(model, batch);
  disposeModel(model);
  const decoded = decodeOutputs(head, outputs, split);
  const perSample = sampleMeanErrors(decoded, batch.keypoints);
  const overall = meanErrors(decoded, batch.keypoints);
  const errors: Record<string, MeanWithError> = {};
  for (const m of METHODS[head]) {
    // Each sample has K keypoints, so the mean of the samples' means is the mean over keypoints.
    errors[m] = { ...meanWithError(perSample[m]!), mean: overall[m]! };
  }
  const differences: Record<string, MeanWithError> = {};
  const methods = METHODS[head];
  methods.forEach((a, i) =>
    methods.slice(i + 1).forEach((b) => {
      const da = perSample[a]!;
      const db = perSample[b]!;
      differences[`${a}-${b}`] = meanWithError(da.map((v, s) => v - db[s]!));
    }),
  );
  const wx = manifest.weights.find((w) => w.name === 'wx');
  const t = training(manifest);
  return {
    head,
    size,
    k,
    split,
    dtype: manifest.dtype ?? 'float32',
    bytes: bytes.length,
    parameters: manifest.weights.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0),
    steps: Number(t.steps),
    batch: Number(t.batch),
    initialisedFrom: typeof t.initialisedFrom === 'string' ? t.initialisedFrom : null,
    mapSide: outputs.h,
    projection: wx ? { features: wx.shape[0]!, bins: wx.shape[1]! } : null,
    errors,
    differences,
  };
}

/** The measurements file for a list of shipped models (manifest and bytes each), in the given order. */
export async function measureShippedModels(
  models: readonly { manifest: WeightManifest; bytes: Uint8Array }[],
): Promise<ShippedMeasurements> {
  const measured: ModelMeasurement[] = [];
  for (const { manifest, bytes } of models) measured.push(await measureModel(manifest, bytes));
  return { heldOut: { ...HELD_OUT }, training: { ...TRAINING }, darkKernel: DARK_KERNEL_TF, models: measured };
}
