/**
 * Trains chapter 8's shipped models in Node on TensorFlow.js's CPU backend (from the npm
 * registry; no native binding), seeded and reproducible, and writes them to public/models/
 * as {head}-{size}.json (manifest, training record, held-out errors) and {head}-{size}.bin.
 *
 *   npm run train -- [--heads heatmap,dsnt,simdr] [--size 64] [--steps 600] [--batch 16]
 *                    [--dtype float32|float16] [--init heatmap-64] [--record]
 *
 * --init starts from a shipped model instead of a seeded initialisation. The convolutions do
 * not depend on the input size, so a 64 px model can start a 128 px one (not SimDR's, whose
 * linear layers have one output per bin).
 * The held-out error is measured on the weights as stored (after rounding to float16). Run
 * `npm run measure:models` after training: chapter 8's prose reads its measurements. At the
 * gallery's size (64 px), the manifest also records figure 8.1's gallery as these weights draw
 * it, so that the chapter shows it before the reader's browser has measured anything.
 * --record trains nothing: it measures the shipped weights again, checks the recorded held-out
 * errors, and records the gallery into their manifests (the weights stay as they are).
 */
import './tf-node.ts';

const tf = await import('@tensorflow/tfjs-core');
await import('@tensorflow/tfjs-backend-cpu');
const { mkdirSync, readFileSync, writeFileSync } = await import('node:fs');
const { createRandom, SYNTH_K } = await import('../src/lib/index.ts');
const { GALLERY, GALLERY_SEED, SIZES } = await import('../src/components/state/ch8.ts');
const {
  createPoseModel,
  decodeWeights,
  deserializeModel,
  disposeModel,
  encodeWeights,
  evaluateModel,
  heldOut,
  HELD_OUT,
  makeBatch,
  parameterCount,
  predictGallery,
  serializeModel,
  trainStep,
  HEADS,
} = await import('../src/lib/tf/index.ts');

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const heads = option('heads', HEADS.join(',')).split(',') as (typeof HEADS)[number][];
const size = Number(option('size', '64'));
const steps = Number(option('steps', '600'));
const batchSize = Number(option('batch', '16'));
const dtype = option('dtype', 'float32') as 'float32' | 'float16';
const init = option('init', '');
const recordOnly = args.includes('--record');
const seed = 2026;

await tf.setBackend('cpu');
mkdirSync('public/models', { recursive: true });
const test = heldOut(size, HELD_OUT.samples);

/** A shipped model's weights, under this run's configuration (its shapes must match). */
function startFrom(name: string, config: Parameters<typeof createPoseModel>[0]) {
  const manifest = JSON.parse(readFileSync(`public/models/${name}.json`, 'utf8'));
  const bytes = readFileSync(`public/models/${name}.bin`);
  if (manifest.config.head !== config.head) throw new Error(`--init ${name} is not a ${config.head} model`);
  return deserializeModel({ ...manifest, config }, decodeWeights(manifest, new Uint8Array(bytes).buffer));
}

type Model = ReturnType<typeof createPoseModel>;
const round = (v: number, digits: number) => Number(v.toPrecision(digits));

/**
 * Figure 8.1's gallery as `model` draws it, compact enough for its manifest: pictures and
 * vectors to 3 significant digits (the colour map has 256 levels), points to 6.
 */
async function recordedGallery(model: Model) {
  const samples = await predictGallery(model, heldOut(model.config.size, GALLERY, GALLERY_SEED));
  return {
    seed: GALLERY_SEED,
    samples: samples.map((g) => ({
      ...g,
      map: Array.from(g.map, (v) => round(v, 3)),
      points: Object.fromEntries(
        Object.entries(g.points).map(([m, ps]) => [m, ps.map((p) => ({ x: round(p.x, 6), y: round(p.y, 6) }))]),
      ),
      ...(g.vectors
        ? {
            vectors: {
              ...g.vectors,
              x: Array.from(g.vectors.x, (v) => round(v, 3)),
              y: Array.from(g.vectors.y, (v) => round(v, 3)),
            },
          }
        : {}),
      errors: Object.fromEntries(Object.entries(g.errors).map(([m, e]) => [m, round(e, 6)])),
    })),
  };
}

/** Records the gallery of a shipped model into its manifest, after checking its recorded errors. */
async function recordShipped(head: (typeof HEADS)[number]) {
  const path = `public/models/${head}-${size}`;
  const manifest = JSON.parse(readFileSync(`${path}.json`, 'utf8'));
  const model = deserializeModel(manifest, decodeWeights(manifest, new Uint8Array(readFileSync(`${path}.bin`)).buffer));
  const errors = await evaluateModel(model, test);
  for (const [method, error] of Object.entries(errors)) {
    const recorded = manifest.training.heldOut.meanError[method];
    if (Math.abs(error - recorded) > 1e-6)
      throw new Error(`${path}: ${method} measures ${error}, recorded ${recorded}`);
  }
  if (size === SIZES[0]) manifest.training.gallery = await recordedGallery(model);
  disposeModel(model);
  writeFileSync(`${path}.json`, `${JSON.stringify(manifest, null, 1)}\n`);
  console.log(`recorded ${path}.json: held-out errors as recorded, gallery of ${GALLERY}`);
}

for (const head of heads) {
  if (recordOnly) {
    await recordShipped(head);
    continue;
  }
  const config = { head, size, k: SYNTH_K, split: 2 };
  const model = init ? startFrom(init, config) : createPoseModel(config, seed);
  const random = createRandom(seed + size);
  const lr = (step: number) => 3e-3 * 0.5 * (1 + Math.cos((Math.PI * step) / steps));
  const optimizer = tf.train.adam(lr(0));
  const started = performance.now();
  const curve: { step: number; loss: number }[] = [];
  let smoothed = Number.NaN;
  for (let step = 0; step < steps; step++) {
    (optimizer as unknown as { learningRate: number }).learningRate = lr(step);
    const loss = await trainStep(model, optimizer, makeBatch(random, size, batchSize));
    smoothed = Number.isNaN(smoothed) ? loss : 0.95 * smoothed + 0.05 * loss;
    if (step % 20 === 0 || step === steps - 1) curve.push({ step, loss: Number(smoothed.toPrecision(4)) });
    if (step % 100 === 0 || step === steps - 1) {
      const errors = await evaluateModel(model, heldOut(size, 32, 77));
      console.log(
        `${head}-${size} step ${step}: loss ${smoothed.toFixed(4)}, held-out (32) ${JSON.stringify(errors)}, ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
    }
  }
  const record = {
    backend: 'cpu',
    seed,
    steps,
    batch: batchSize,
    optimizer: 'adam, lr 3e-3 with cosine decay',
    target: 'unbiased',
    ...(init ? { initialisedFrom: init } : {}),
    parameters: parameterCount(config),
    seconds: Math.round((performance.now() - started) / 1000),
  };
  const { manifest, data } = await serializeModel(model, record, dtype);
  const bytes = encodeWeights(data, dtype);
  const stored = deserializeModel(manifest, decodeWeights(manifest, new Uint8Array(bytes).buffer));
  const errors = await evaluateModel(stored, test);
  const gallery = size === SIZES[0] ? { gallery: await recordedGallery(stored) } : {};
  disposeModel(stored);
  disposeModel(model);
  manifest.training = {
    ...record,
    heldOut: { ...HELD_OUT, meanError: errors },
    lossCurve: curve,
    ...gallery,
  };
  writeFileSync(`public/models/${head}-${size}.json`, `${JSON.stringify(manifest, null, 1)}\n`);
  writeFileSync(`public/models/${head}-${size}.bin`, bytes);
  console.log(
    `wrote public/models/${head}-${size}: ${bytes.length} bytes, held-out mean error ${JSON.stringify(errors)}`,
  );
}
