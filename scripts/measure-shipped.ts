/**
 * Measures chapter 8's shipped models (public/models/*.json and .bin) on the held-out set, on
 * TensorFlow.js's CPU backend, and writes src/data/shipped-models.json: each model's file
 * size, weights and held-out errors with their spread over samples, which the chapter's prose
 * reads at build time (TF.js does not run in the site's build). tests/lib/tf-shipped.test.ts
 * fails when the file no longer matches a fresh measurement.
 *
 *   npm run measure:models
 */
import './tf-node.ts';

const tf = await import('@tensorflow/tfjs-core');
await import('@tensorflow/tfjs-backend-cpu');
const { readdirSync, readFileSync, writeFileSync } = await import('node:fs');
const prettier = await import('prettier');
const { measureShippedModels } = await import('../src/lib/tf/index.ts');

await tf.setBackend('cpu');
const dir = 'public/models';
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();
const models = names.map((name) => ({
  manifest: JSON.parse(readFileSync(`${dir}/${name}.json`, 'utf8')),
  bytes: new Uint8Array(readFileSync(`${dir}/${name}.bin`)),
}));
const measured = await measureShippedModels(models);
const out = 'src/data/shipped-models.json';
writeFileSync(out, await prettier.format(JSON.stringify(measured), { filepath: out }));
for (const m of measured.models) {
  const errors = Object.entries(m.errors).map(([k, e]) => `${k} ${e.mean.toFixed(3)} ± ${e.sem.toFixed(3)}`);
  console.log(`${m.head}-${m.size}: ${errors.join(', ')}`);
}
console.log(`wrote ${out}`);
