/** From chapter 8's worker messages to what its figures show. */
import * as Plot from '@observablehq/plot';
import { plotChart } from '../../ui/plot.ts';
import { meanErrors } from '../../../lib/index.ts';
import { fmt } from '../../ui/format.ts';
import { METHODS as HEAD_METHODS, type Head as HeadName } from '../../../lib/tf/names.ts';
import { METHOD_LABELS } from './labels.ts';

/** Steps excluded from the step time while the backend warms up (shader compilation, etc.). */
export const WARM_UP_STEPS = 3;

/** The median of the last step times after warm-up, or undefined before there are any. */
export function medianStepMs(times: readonly { step: number; ms: number }[], last = 20): number | undefined {
  const warm = times
    .filter((t) => t.step > WARM_UP_STEPS)
    .slice(-last)
    .map((t) => t.ms)
    .sort((a, b) => a - b);
  if (!warm.length) return undefined;
  const mid = Math.floor(warm.length / 2);
  return warm.length % 2 ? warm[mid] : ((warm[mid - 1] as number) + (warm[mid] as number)) / 2;
}

/** The status line: backend, step time, tensors in memory. */
export function statusLine(backend: string, stepMs: number | undefined, tensors: number | undefined): string {
  const parts = [`Backend: ${backend}`];
  parts.push(stepMs === undefined ? 'step time: warming up' : `step: ${fmt(stepMs, 0)} ms (median)`);
  if (tensors !== undefined) parts.push(`tensors in memory: ${tensors}`);
  return parts.join(' · ');
}

/** A point of the loss curve. */
export interface LossPoint {
  step: number;
  loss: number;
}

/** A point of the held-out error curves. */
export interface ErrorPoint {
  step: number;
  method: string;
  error: number;
}

/** The live loss curve (log scale) and the held-out error of each method, side by side data. */
export function trainingChart(
  losses: readonly LossPoint[],
  errors: readonly ErrorPoint[],
  { width, document, kind }: { width: number; document?: Document; kind: 'loss' | 'error' },
): Element {
  return kind === 'loss'
    ? plotChart(
        { width, document },
        {
          height: 200,
          marginLeft: 50,
          ariaLabel: 'Training loss against step',
          ariaDescription: losses.length
            ? `Loss ${fmt(losses[0]!.loss, 3)} at step ${losses[0]!.step}, ${fmt(losses.at(-1)!.loss, 3)} at step ${losses.at(-1)!.step}.`
            : 'No training yet.',
          x: { label: 'Step →' },
          y: { label: '↑ Loss', type: 'log', grid: true },
          marks: losses.length
            ? [Plot.line(losses, { x: 'step', y: 'loss', className: 'loss-curve', ariaHidden: 'true' })]
            : [],
        },
      )
    : plotChart(
        { width, document },
        {
          height: 200,
          marginLeft: 50,
          ariaLabel: 'Held-out mean error against step, input pixels',
          ariaDescription: errors.length ? `Latest: ${latestErrors(errors)}.` : 'No evaluation yet.',
          x: { label: 'Step →' },
          y: { label: '↑ Held-out error (input px)', grid: true, zero: true },
          marks: errors.length
            ? [
                ...[...new Set(errors.map((e) => e.method))].map((method) =>
                  Plot.line(
                    errors.filter((e) => e.method === method),
                    {
                      x: 'step',
                      y: 'error',
                      className: `decoder-${methodClass(method)}`,
                      strokeDasharray: METHOD_DASH[method] ?? 'none',
                      strokeWidth: 2,
                      ariaHidden: 'true',
                    },
                  ),
                ),
              ]
            : [],
        },
      );
}

/** Each method's dash, so that the lines differ by more than hue. */
export const METHOD_DASH: Record<string, string> = {
  argmax: 'none',
  quarter: '6 3',
  dark: '1 0',
  dsnt: '8 2 2 2',
  simdr: '2 2',
};

/** The decoder colour class of a method. */
export function methodClass(method: string): string {
  return method === 'dsnt' ? 'softargmax' : method === 'simdr' ? 'quarter2' : method;
}

/** "DARK 1.23 px, argmax 2.34 px" for the latest evaluation. */
export function latestErrors(errors: readonly ErrorPoint[]): string {
  const step = errors.at(-1)?.step;
  return errors
    .filter((e) => e.step === step)
    .map((e) => `${METHOD_LABELS[e.method as keyof typeof METHOD_LABELS] ?? e.method} ${fmt(e.error, 2)} px`)
    .join(', ');
}

/** Rows of the results table: head, method, shipped model's held-out error. */
export function resultRows(
  shipped: Partial<Record<HeadName, Record<string, number>>>,
): { head: HeadName; method: string; label: string; error: string }[] {
  return (Object.keys(HEAD_METHODS) as HeadName[]).flatMap((head) =>
    HEAD_METHODS[head].map((method) => ({
      head,
      method,
      label: METHOD_LABELS[method] ?? method,
      error: shipped[head]?.[method] === undefined ? '…' : fmt(shipped[head]![method]!, 2),
    })),
  );
}

/** Where figure 8.1 publishes its gallery's errors (ui/published.ts), for chapter 8's exercises. */
export const GALLERY_ERRORS = 'ch8.gallery-errors';

/** Per head, per gallery sample: each decoder's mean error over the keypoints, input px. */
export type GalleryErrors = Partial<Record<HeadName, Record<string, number>[]>>;

/** Each decoder's mean distance to the truth over one sample's keypoints, input px. */
export function sampleErrors(
  truth: readonly { x: number; y: number }[],
  points: Record<string, readonly { x: number; y: number }[]>,
): Record<string, number> {
  return meanErrors(Object.fromEntries(Object.entries(points).map(([m, pts]) => [m, [pts]])), [truth]);
}
