/**
 * Chapter 9's figures after a made-up run: a model session holding a result and a shift test built
 * from Gaussian heatmaps (no model), so the specs can be drawn as they are once the model has run.
 */
import { createSource } from '../../../../../src/components/ui/source.ts';
import type { FigureSpec } from '../../../../../src/components/ui/figure.ts';
import type { Ch9Session } from '../../../../../src/components/figures/blazepose/session.ts';
import {
  ASTRONAUT_DEFAULT_CROP,
  BLAZEPOSE_INPUT_SIZE,
  shiftSchedule,
  withoutSigmoid,
  type BlazePoseResult,
  type Point,
} from '../../../../../src/lib/index.ts';
import { syntheticResult } from '../../../../lib/blazepose/synthetic.ts';

/** Joint k peaks at (12 + (k % 8) · 5 + t/4, 10 + ⌊k / 8⌋ · 10) cells at shift t, fainter for later joints. */
export function madeUpRun(t: number): BlazePoseResult {
  const centres: Point[] = Array.from({ length: 39 }, (_, k) => ({
    x: 12.3 + (k % 8) * 5 + t / 4,
    y: 10.6 + Math.floor(k / 8) * 10,
  }));
  const landmarks = centres.map((c, k) => ({ x: 4 * c.x + (k % 3) - 1, y: 4 * c.y + 1.5 }));
  return syntheticResult(centres, landmarks, {
    amplitudes: centres.map((_, k) => 1 - k / 50),
    visibility: centres.map((_, k) => (k % 5 === 4 ? 0.3 : 0.9)),
  });
}

const run = madeUpRun(0);
const shifts = shiftSchedule();

/** The session after the model ran on the bundled photo's default crop and the shift test finished. */
export const SESSION_AFTER_RUN: Ch9Session = {
  model: {
    status: 'ready',
    accelerator: 'wasm',
    fallback: 'WebGPU: not offered by this browser',
    fullyAccelerated: false,
    loadMs: 1200,
  },
  photo: { id: 0, source: 'photo', name: 'the bundled photo', width: 512, height: 512, pixels: null, preview: null },
  notice: null,
  run: {
    key: 'made-up',
    photoId: 0,
    crop: ASTRONAUT_DEFAULT_CROP,
    input: new Float32Array(BLAZEPOSE_INPUT_SIZE * BLAZEPOSE_INPUT_SIZE * 3),
    result: run,
  },
  sweep: {
    key: 'made-up',
    frames: shifts.map((shift) => ({ shift, maps: withoutSigmoid(shift === 0 ? run : madeUpRun(shift)) })),
    total: shifts.length,
    done: true,
  },
  busy: null,
  times: { runs: 33, medianMs: 52.5, firstMs: 140 },
};

/** The spec, reading the made-up session, under its own name (its snapshots apart from the spec's own). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function afterRun<S, D, P>(spec: FigureSpec<S, D, P, any>): FigureSpec<S, D, P, Ch9Session> {
  return { ...spec, name: `${spec.name}.after-run`, source: createSource(SESSION_AFTER_RUN) } as FigureSpec<
    S,
    D,
    P,
    Ch9Session
  >;
}
