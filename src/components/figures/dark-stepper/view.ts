/** From the DARK stepper's data to what its elements show, step by step. */
import { DARK_STEPS, kernelStd, STENCIL_OFFSETS, type DarkStepId, type DarkStepsData } from '../../../lib/index.ts';
import type { ViewModel } from '../../ui/apply-view.ts';
import { domainOf } from '../../ui/colormap.ts';
import { fmt, num } from '../../ui/format.ts';

export const STEP_TITLES: Record<DarkStepId, string> = {
  argmax: 'Argmax',
  blur: 'Blur',
  rescale: 'Rescale',
  log: 'Logarithm',
  stencil: 'Stencil',
  derivatives: 'Gradient and Hessian',
  newton: 'Newton step',
  recover: 'Resolution recovery',
};

/** Which map the heatmap pane shows at a step, and over what value range. */
export function stepMap(
  d: DarkStepsData,
  step: DarkStepId,
): { values: Float32Array; domain: [number, number]; label: string } {
  const raw: [number, number] = [Math.min(0, domainOf(d.map.data)[0]), d.rawMax];
  switch (step) {
    case 'argmax':
    case 'recover':
      return { values: d.map.data, domain: raw, label: 'The raw heatmap h' };
    case 'blur':
      return { values: d.trace.blurred, domain: raw, label: 'Blurred, K ⊗ h (same colour scale as h)' };
    case 'rescale':
      return { values: d.trace.modulated, domain: raw, label: "Modulated h′, rescaled to h's maximum" };
    default: {
      const [, hi] = domainOf(d.trace.log);
      return {
        values: d.trace.log,
        domain: [hi - 6, hi],
        label: 'L = ln h′ (the bottom of the scale clipped at 6 below the top)',
      };
    }
  }
}

/** The step that gives DARK's answer. */
const NEWTON = DARK_STEPS.indexOf('newton');

const at = (p: { x: number; y: number }) => `translate(${num(p.x, 3)} ${num(p.y, 3)})`;

/**
 * What the stepper shows at step `stepIndex` (0-based): `zoomRadius` is the close-up's reach
 * around m, in cells.
 */
export function darkStepperView(d: DarkStepsData, stepIndex: number, kernel: number, zoomRadius = 2): ViewModel {
  const step = DARK_STEPS[stepIndex] ?? 'argmax';
  const { trace } = d;
  const m = trace.argmax;
  const s = trace.step;
  const attrs: ViewModel['attrs'] = {
    root: { 'data-step': step },
    // The close-up draws the same marks, shifted so that its window starts at cell (0, 0).
    'zoom-frame': { transform: `translate(${zoomRadius - m.x} ${zoomRadius - m.y})` },
    'argmax-box': { x: num(m.x - 0.5, 3), y: num(m.y - 0.5, 3) },
    truth: { cx: num(d.keypoint.x, 3), cy: num(d.keypoint.y, 3) },
    result: { transform: at(trace.point) },
    arrow: { x1: num(m.x, 3), y1: num(m.y, 3), x2: num(trace.point.x, 3), y2: num(trace.point.y, 3) },
    'quarter-mark': { transform: at({ x: d.recovered.quarter.x / 4, y: d.recovered.quarter.y / 4 }) },
    ellipse: d.ellipse
      ? {
          cx: num(d.ellipse.centre.x, 3),
          cy: num(d.ellipse.centre.y, 3),
          rx: num(d.ellipse.rx, 3),
          ry: num(d.ellipse.ry, 3),
          transform: `rotate(${num(d.ellipse.angle, 2)} ${num(d.ellipse.centre.x, 3)} ${num(d.ellipse.centre.y, 3)})`,
          visibility: 'visible',
        }
      : { visibility: 'hidden' },
  };
  DARK_STEPS.forEach((_, i) => (attrs[`step-${i}`] = { 'aria-current': i === stepIndex ? 'step' : 'false' }));
  for (const [key, [ox, oy]] of Object.entries(STENCIL_OFFSETS)) {
    attrs[`stencil-${key}`] = { x: num(m.x + ox - 0.5, 3), y: num(m.y + oy - 0.5, 3) };
  }
  const L = trace.stencil;
  const text: ViewModel['text'] = {
    'step-title': `Step ${stepIndex + 1} of ${DARK_STEPS.length}: ${STEP_TITLES[step]}`,
    'step-text': stepText(d, step, kernel),
    'map-label': stepMap(d, step).label,
    'term-dx': s ? fmt(s.dx, 4) : '—',
    'term-dy': s ? fmt(s.dy, 4) : '—',
    'term-dxx': s ? fmt(s.dxx, 4) : '—',
    'term-dyy': s ? fmt(s.dyy, 4) : '—',
    'term-dxy': s ? fmt(s.dxy, 4) : '—',
    det: s ? fmt(s.det, 5) : '—',
    // DARK's answer is the Newton step's: before it, the stepper does not give it away.
    'err-dark': stepIndex >= NEWTON ? `${fmt(d.errors.dark)} px` : `at step ${NEWTON + 1}`,
    'err-quarter': `${fmt(d.errors.quarter)} px`,
    'err-argmax': `${fmt(d.errors.argmax)} px`,
  };
  if (L) for (const key of Object.keys(STENCIL_OFFSETS)) text[`L-${key}`] = fmt(L[key as keyof typeof L], 3);
  return { attrs, text };
}

function stepText(d: DarkStepsData, step: DarkStepId, kernel: number): string {
  const { trace } = d;
  const m = trace.argmax;
  const s = trace.step;
  const border =
    'The maximum lies within two cells of the border, where the stencil would leave the map: the reference skips the Taylor step and keeps m.';
  switch (step) {
    case 'argmax':
      return `The brightest cell is m = (${m.x}, ${m.y}), value ${fmt(m.score, 3)}. Argmax would stop here: ×4 gives (${fmt(d.recovered.argmax.x, 1)}, ${fmt(d.recovered.argmax.y, 1)}) input px, ${fmt(d.errors.argmax)} px from the truth (green).`;
    case 'blur':
      return `Modulation, part 1: zero-pad and convolve with OpenCV's ${kernel}×${kernel} Gaussian kernel (its weights spread σ ≈ ${fmt(kernelStd(kernel))} cells). Noise and the second peak are smoothed away; the maximum drops from ${fmt(d.rawMax, 3)} to ${fmt(d.blurMax, 3)}.`;
    case 'rescale':
      return `Part 2: multiply by ${fmt(trace.scale, 3)} so that the maximum is ${fmt(d.rawMax, 3)} again. The shape is the blurred one; the height is the original.`;
    case 'log':
      return 'Take L = ln(max(h′, 10⁻¹⁰)). The log of a Gaussian is a paraboloid, so a second-order Taylor expansion of L around m is exact for a Gaussian, and close for a smooth peak.';
    case 'stencil':
      return s
        ? 'The Taylor step reads L at 13 cells around m, shown as squares. Hover or focus a term of the formula to see the cells it reads; hover a cell to see its terms.'
        : border;
    case 'derivatives':
      return s
        ? `Finite differences give the gradient (D_x, D_y) = (${fmt(s.dx, 3)}, ${fmt(s.dy, 3)}) and the Hessian; D_xx and D_yy use a step of 2 cells. Its determinant is ${fmt(s.det, 4)}${s.det > 0 && s.dxx < 0 ? ', and both second derivatives are negative: a peak' : ''}.`
        : border;
    case 'newton':
      return s
        ? `One Newton step from m: μ̂ = m − H⁻¹∇L = (${fmt(trace.point.x, 3)}, ${fmt(trace.point.y, 3)}), an offset of (${fmt(s.offset.x, 3)}, ${fmt(s.offset.y, 3)}) cells. The ellipse is the 1σ contour of the Gaussian whose log is the fitted paraboloid.`
        : border;
    case 'recover':
      return `Resolution recovery: multiply by the stride 4. DARK answers (${fmt(d.recovered.dark.x, 2)}, ${fmt(d.recovered.dark.y, 2)}) input px, ${fmt(d.errors.dark)} px from the truth; the quarter shift (diamond) errs by ${fmt(d.errors.quarter)} px, argmax by ${fmt(d.errors.argmax)} px.`;
  }
}

export function darkAnnouncement(d: DarkStepsData, stepIndex: number, kernel: number): string {
  const step = DARK_STEPS[stepIndex] ?? 'argmax';
  return `Step ${stepIndex + 1} of ${DARK_STEPS.length}, ${STEP_TITLES[step]}. ${stepText(d, step, kernel)}`;
}
