import { describe, it } from 'vitest';
import { expectClose } from './approx.ts';
import { loadNpy, manifest } from './fixtures.ts';
import {
  decodeArgmax,
  decodeDark,
  decodeQuarter,
  gaussianKernel,
  mapOf,
  REFERENCE_TOLERANCE,
  traceDark,
} from '../../src/lib/index.ts';
import type { HeatmapStack } from '../../src/lib/index.ts';

function stackOf(file: string): HeatmapStack {
  const a = loadNpy(file);
  const [k, h, w] = a.shape as [number, number, number];
  return { data: Float32Array.from(a.data), k, h, w };
}

describe('gaussianKernel(k) equals OpenCV getGaussianKernel(k, 0)', () => {
  for (const [k, expected] of Object.entries(manifest.opencvGaussianKernels)) {
    it(`k = ${k}`, () => expectClose(gaussianKernel(Number(k)), expected, 1e-9, { label: `kernel ${k}` }));
  }
});

describe('decoders match the reference on every golden heatmap stack', () => {
  for (const c of manifest.heatmapDecoding) {
    const stack = stackOf(c.file);
    it(`decodeArgmax(${c.id}) returns the reference's x, y and score`, () => {
      const got = decodeArgmax(stack);
      expectClose(
        got.map((p) => p.x),
        c.expected.argmax.map((r) => r[0] as number),
        REFERENCE_TOLERANCE,
        { label: 'x' },
      );
      expectClose(
        got.map((p) => p.y),
        c.expected.argmax.map((r) => r[1] as number),
        REFERENCE_TOLERANCE,
        { label: 'y' },
      );
      expectClose(
        got.map((p) => p.score),
        c.expected.argmax.map((r) => r[2] as number),
        1e-6,
        { label: 'score' },
      );
    });
    it(`decodeQuarter(${c.id}) returns the reference's quarter-shifted points`, () => {
      const got = decodeQuarter(stack);
      expectClose(
        got.flatMap((p) => [p.x, p.y]),
        c.expected.quarter.flat(),
        REFERENCE_TOLERANCE,
        { label: 'quarter' },
      );
    });
    for (const [kernel, rows] of Object.entries(c.expected.dark)) {
      it(`decodeDark(${c.id}, ${kernel}) returns the reference's points`, () => {
        const got = decodeDark(stack, Number(kernel));
        expectClose(
          got.flatMap((p) => [p.x, p.y]),
          rows.flat(),
          REFERENCE_TOLERANCE,
          { label: `dark k=${kernel}` },
        );
      });
      it(`traceDark(${c.id}, ${kernel}) ends at the reference's points too`, () => {
        const got = Array.from({ length: stack.k }, (_, i) => traceDark(mapOf(stack, i), Number(kernel)).point);
        expectClose(
          got.flatMap((p) => [p.x, p.y]),
          rows.flat(),
          REFERENCE_TOLERANCE,
          { label: `trace k=${kernel}` },
        );
      });
    }
  }
});
