/**
 * Every figure, drawn from its spec as the build draws it, in its default state and in one
 * moved state: the view (attributes and texts by role), a summary of each map picture and
 * each chart's SVG are pinned in files under __snapshots__/figures/. A change to what a
 * figure shows appears here as a diff to review (`npx vitest run -u` accepts it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { renderFigure } from '../../../src/components/ui/render-figure.ts';
import type { FigureSpec } from '../../../src/components/ui/figure.ts';
import type { MapDraw } from '../../../src/components/ui/parts.ts';
import pixelGrid from '../../../src/components/figures/pixel-grid/spec.ts';
import rowError from '../../../src/components/figures/row-error/spec.ts';
import offsetCurve from '../../../src/components/figures/offset-curve/spec.ts';
import errorDistributions from '../../../src/components/figures/error-distributions/spec.ts';
import quarterShift from '../../../src/components/figures/quarter-shift/spec.ts';
import darkStepper from '../../../src/components/figures/dark-stepper/spec.ts';
import resolution from '../../../src/components/figures/resolution/spec.ts';
import dsntMaps from '../../../src/components/figures/dsnt/maps-spec.ts';
import dsntGradient from '../../../src/components/figures/dsnt/gradient-spec.ts';
import dsntRegularisers from '../../../src/components/figures/dsnt/regularisers-spec.ts';
import dsntBias from '../../../src/components/figures/dsnt/bias-spec.ts';
import simdrCrop from '../../../src/components/figures/simdr/crop-spec.ts';
import klCurves from '../../../src/components/figures/simdr/kl-spec.ts';
import routes from '../../../src/components/figures/dekr/routes-spec.ts';
import decode from '../../../src/components/figures/dekr/decode-spec.ts';
import adaptive from '../../../src/components/figures/dekr/adaptive-spec.ts';
import branches from '../../../src/components/figures/dekr/branches-spec.ts';
import loss from '../../../src/components/figures/dekr/loss-spec.ts';
import blazePhoto from '../../../src/components/figures/blazepose/photo-spec.ts';
import blazeMaps from '../../../src/components/figures/blazepose/maps-spec.ts';
import blazeShift from '../../../src/components/figures/blazepose/shift-spec.ts';
import blazeGaps from '../../../src/components/figures/blazepose/gaps-spec.ts';
import { afterRun } from './blazepose/session/after-run.ts';
import udpGrid from '../../../src/components/figures/conventions/udp-spec.ts';
import flipTest from '../../../src/components/figures/conventions/flip-spec.ts';
import scoreThreshold from '../../../src/components/figures/conventions/score-spec.ts';
import borderRules from '../../../src/components/figures/conventions/border-spec.ts';
import shipped from '../../../src/components/figures/model/shipped-spec.ts';
import trainLive from '../../../src/components/figures/model/train-spec.ts';
import { recordedFed, type RecordedManifest } from '../../../src/components/figures/model/results.ts';
import { INITIAL_TRAIN, onTrainMessage, startRun } from '../../../src/components/figures/model/progress.ts';
import type { ModelResponse } from '../../../src/components/figures/model/worker/protocol.ts';
import { gallerySample, heldOut } from '../../../src/lib/index.ts';
import { GALLERY, GALLERY_SEED } from '../../../src/components/state/ch8.ts';

/** Chapter 8's figure 8.1 as the page renders it: fed what the shipped models' manifests recorded. */
const recorded = recordedFed(
  readdirSync('public/models')
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(`public/models/${f}`, 'utf8')) as RecordedManifest),
);

/** Figure 8.2 after a short run of the heatmap head at 128 px, as the worker's messages tell it. */
function trainedFed() {
  const truth = heldOut(128, GALLERY, GALLERY_SEED).keypoints;
  // A made-up model whose maps peak at one cell and whose decoders miss by whole and half pixels.
  const map = Float32Array.from({ length: 11 * 32 * 32 }, (_, i) => (i % 1024 === 300 ? 1 : 0));
  const gallery = truth.map((t) =>
    gallerySample(
      'heatmap',
      { k: 11, h: 32, w: 32, maps: map },
      {
        argmax: t.map((p) => ({ x: p.x + 2, y: p.y })),
        quarter: t.map((p) => ({ x: p.x + 1, y: p.y })),
        dark: t.map((p) => ({ x: p.x + 0.5, y: p.y })),
      },
      t,
    ),
  );
  const messages: ModelResponse[] = [
    {
      type: 'backend',
      choice: { name: 'webgl', skipped: [{ name: 'webgpu', reason: 'no WebGPU adapter' }], float16: false },
    },
    { type: 'state', running: true, step: 0 },
  ];
  for (let step = 1; step <= 200; step++) {
    messages.push({
      type: 'step',
      step,
      loss: 10 / Math.sqrt(step),
      ms: 100 + (step % 7),
      tensors: 44,
      backend: 'webgl',
    });
    if (step % 25 === 0) {
      const errors = { argmax: 4 + 30 / step, quarter: 3.6 + 30 / step, dark: 3.5 + 30 / step };
      messages.push({ type: 'eval', step, head: 'heatmap', size: 128, errors, gallery });
    }
  }
  return messages.reduce(onTrainMessage, startRun(INITIAL_TRAIN, 'heatmap', 128, 0));
}

// Each spec with a state that moves what it shows (keys the figure reads, values in range), and
// for a figure fed from outside its store, what it is fed in its default and moved states.
const FIGURES: [
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  FigureSpec<any, any, any, any>,
  Record<string, unknown>,
  { default: unknown; moved: unknown }?,
][] = [
  [pixelGrid, { x: 150.2, y: 90.7, target: 'biased' }],
  [rowError, { x: 60, y: 120.5 }],
  [offsetCurve, { x: 101.3, y: 100, sigma: 1.5 }],
  [errorDistributions, { target: 'biased' }],
  [quarterShift, { u: -0.2, v: 0.4, sigma: 1.2 }],
  [darkStepper, { step: 6, kernel: '5', seed: 7 }],
  [resolution, { sweep: 'biased' }],
  [dsntMaps, { x1: 3, y1: 12, a2: 4, beta: 2.5 }],
  [dsntGradient, { tx: 10.5, ty: 3 }],
  [dsntRegularisers, { t: 0.5, sigmaT: 2 }],
  [dsntBias, { beta: 3, x1: 2 }],
  [simdrCrop, { x: 40.3, y: 200.9, k: '3', label: 'onehot' }],
  [klCurves, { shift: -2.5, width: 4 }],
  [routes, { route: 'grouping', people: 3, scene: 11 }],
  [decode, { stage: 'posenms', onoise: 1.2 }],
  [adaptive, { rotation: 45, tx: -1, shear: 0.3 }],
  [branches, { branch: 'knee', kx: 5, ky: 24 }],
  [loss, { err: 12, small: 30 }],
  // Chapter 9 before the model is asked for (as built), and after a made-up run and shift test.
  [blazePhoto, { cx: 0.45, cy: 0.55, side: 0.8 }],
  [blazeMaps, { joint: 5, scale: 'logit' }],
  [blazeShift, { shift: 3.25, joint: 2 }],
  [blazeGaps, { gaps: 'all', joint: 3 }],
  [afterRun(blazePhoto), { cx: 0.45, cy: 0.55, side: 0.8 }],
  [afterRun(blazeMaps), { joint: 30, scale: 'logit', kernel: '7' }],
  [afterRun(blazeShift), { shift: 3.25, joint: 2 }],
  [afterRun(blazeGaps), { gaps: 'all', joint: 3 }],
  [shipped, { head: 'simdr', sample: 5 }, { default: recorded, moved: recorded }],
  [trainLive, { size: '128', sample: 3 }, { default: INITIAL_TRAIN, moved: trainedFed() }],
  [udpGrid, { x: 28.4, y: 20.3, stride: '8' }],
  [flipTest, { mapping: 'udp', shift: '0', fx: 92.5 }],
  [scoreThreshold, { threshold: 0.55, score: 'megvii' }],
  [borderRules, { bx: 1.2, by: 5.6, rule: 'darkUdp' }],
];

const doc = () => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
const round = (v: number) => Number(v.toPrecision(6));

/**
 * A chart's SVG with its coordinates to a thousandth of a pixel: a sum taken in another order
 * moves the last bits of a float, which no reader sees and no snapshot should report. Plot
 * numbers its line markers across every chart it draws, so they are numbered again per chart:
 * a figure added earlier in the list does not change a later figure's snapshot.
 */
function pinned(svg: string): string {
  const markers = new Map<string, string>();
  return svg
    .replace(/-?\d+\.\d{4,}/g, (n) => String(Number(Number(n).toFixed(3))))
    .replace(/plot-marker-\d+/g, (id) => {
      if (!markers.has(id)) markers.set(id, `plot-marker-${markers.size + 1}`);
      return markers.get(id) as string;
    });
}

/** A map picture in a few numbers: its size, domain, and the sum and extremes of its values. */
function summary(m: MapDraw) {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < m.values.length; i++) {
    const v = m.values[i] as number;
    sum += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return { w: m.w, h: m.h, domain: m.domain?.map(round), sum: round(sum), min: round(min), max: round(max) };
}

describe.each(FIGURES.map(([spec, moved, fed]) => [spec.name, spec, moved, fed] as const))(
  'figure %s',
  (name, spec, moved, fed) => {
    const states: [string, Record<string, unknown>, unknown][] = [
      ['default', {}, fed?.default],
      ['moved', moved, fed?.moved],
    ];
    for (const [label, state, fedAs] of states) {
      // Two figures run build-time sweeps (thousands of samples) the first time they draw.
      it(`draws its ${label} state as pinned`, async () => {
        const r = renderFigure(spec, { document: doc(), width: 560, state, fed: fedAs });
        for (const key of Object.keys(state))
          expect(r.state[key], `'${key}' is a key the figure reads`).toBe(state[key]);
        const maps = Object.fromEntries(Object.entries(r.maps).map(([k, m]) => [k, summary(m as MapDraw)]));
        await expect(JSON.stringify({ view: r.view, maps }, null, 1)).toMatchFileSnapshot(
          `./__snapshots__/${name}.${label}.json`,
        );
        for (const [role, svg] of Object.entries(r.charts))
          await expect(pinned(svg)).toMatchFileSnapshot(`./__snapshots__/${name}.${label}.${role}.svg`);
      });
    }

    it('moves: the moved state draws something else', () => {
      const a = renderFigure(spec, { document: doc(), width: 560, fed: fed?.default });
      const b = renderFigure(spec, { document: doc(), width: 560, state: moved, fed: fed?.moved });
      expect(JSON.stringify([b.view, b.charts])).not.toBe(JSON.stringify([a.view, a.charts]));
    });
  },
);
