/**
 * Writes the Decoder Lab's bundled sample to public/lab/: sample.npy ([N, K, H, W] float32)
 * and sample-truth.json (one [x, y] per map in input pixels, nested per sample), from
 * src/lib's generator. Run: npm run lab:sample (tests/lib/lab.test.ts checks the files match).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { LAB_SAMPLE, makeLabSample, writeNpy } from '../src/lib/index.ts';

const { stack, truth } = makeLabSample();
mkdirSync('public/lab', { recursive: true });
writeFileSync('public/lab/sample.npy', writeNpy(stack.data, [stack.n, stack.k, stack.h, stack.w]));
const nested = Array.from({ length: stack.n }, (_, n) =>
  truth.slice(n * stack.k, (n + 1) * stack.k).map((p) => [Number(p.x.toFixed(4)), Number(p.y.toFixed(4))]),
);
writeFileSync('public/lab/sample-truth.json', `${JSON.stringify(nested)}\n`);
console.log(
  `wrote public/lab/sample.npy (${stack.n} × ${stack.k} × ${stack.h} × ${stack.w}) and sample-truth.json (input px, stride ${LAB_SAMPLE.stride})`,
);
