/**
 * Trains chapter 8's shipped models in Node on TensorFlow.js's CPU backend (from the npm
 * registry; no native binding), seeded and reproducible, and writes them to public/models/
 * as {head}-{size}.json (manifest, training record, held-out errors) and {head}-{size}.bin.
 *
 *   npm run train -- [--heads heatmap,dsnt,simdr] [--size 64] [--steps 600] [--batch 16]
 */
import './tf-node.ts';

const tf = await import('@tensorflow/tfjs-core');
await import('@tensorflow/tfjs-backend-cpu');
const { mkdirSync, writeFileSync } = await import('node:fs');
const { createRandom, SYNTH_K } = await import('../src/lib/index.ts');
const { createPoseModel, evaluateModel, heldOut, makeBatch, parameterCount, serializeModel, trainStep, HEADS } =
  await import('../src/lib/tf/index.ts');

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const heads = option('heads', HEADS.join(',')).split(',') as (typeof HEADS)[number][];
const size = Number(option('size', '64'));
const steps = Number(option('steps', '600'));
const batchSize = Number(option('batch', '16'));
const seed = 2026;

await tf.setBackend('cpu');
mkdirSync('public/models', { recursive: true });
const test = heldOut(size, 256);

for (const head of heads) {
  const config = { head, size, k: SYNTH_K, split: 2 };
  const model = createPoseModel(config, seed);
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
  const errors = await evaluateModel(model, test);
  const { manifest, data } = await serializeModel(model, {
    backend: 'cpu',
    seed,
    steps,
    batch: batchSize,
    optimizer: 'adam, lr 3e-3 with cosine decay',
    target: 'unbiased',
    parameters: parameterCount(config),
    seconds: Math.round((performance.now() - started) / 1000),
    heldOut: { samples: 256, seed: 90210, meanError: errors },
    lossCurve: curve,
  });
  writeFileSync(`public/models/${head}-${size}.json`, `${JSON.stringify(manifest, null, 1)}\n`);
  writeFileSync(`public/models/${head}-${size}.bin`, new Uint8Array(data.buffer));
  console.log(
    `wrote public/models/${head}-${size}: ${data.length * 4} bytes, held-out mean error ${JSON.stringify(errors)}`,
  );
}
