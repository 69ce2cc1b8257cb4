import { Bench } from 'tinybench';
import { createRandom, createStack, encodeUnbiased, addNoise, mapOf, decodeArgmax, decodeDark } from '../src/lib/index.ts';
const random = createRandom(1);
const stack = createStack(17, 64, 48);
for (let k = 0; k < 17; k++) { const m = mapOf(stack, k); encodeUnbiased({ x: random.uniform(4, 43), y: random.uniform(4, 59) }, 48, 64, 2, m.data); addNoise(m.data, 0.02, random); }
const b = new Bench({ time: 1000 });
b.add('argmax', () => decodeArgmax(stack)).add('dark3', () => decodeDark(stack, 3)).add('dark11', () => decodeDark(stack, 11));
await b.run();
for (const t of b.tasks) console.log(t.name, (t.result as any).latency.p50.toFixed(4));
