/** From chapter 8's data to what figure 8.2 shows (figure 8.1's table is results.ts's). */
import { METHOD_NAMES, METHODS, type Head } from '../../../lib/tf/names.ts';
import type { ViewModel } from '../../ui/apply-view.ts';
import { fmt } from '../../ui/format.ts';
import { publication } from '../../ui/published.ts';
import { SIZES } from '../../state/ch8.ts';
import { galleryView, gallerySet, type GalleryInput } from './gallery-view.ts';
import { HEAD_NAMES } from './labels.ts';
import { BENCH_BACKENDS, latestErrors, medianStepMs, warmUpSeconds, type TrainFed } from './progress.ts';

/** Where figure 8.1 publishes its gallery's errors (ui/published.ts), for chapter 8's exercises. */
export const GALLERY_ERRORS = publication<GalleryErrors>('ch8.gallery-errors');

/** Per head, per gallery sample: each decoder's mean error over the keypoints, input px. */
export type GalleryErrors = Partial<Record<Head, Record<string, number>[]>>;

/**
 * The status line: backend, step time (or, before the first step, how long the warm-up has taken
 * so far, in whole seconds), tensors in memory.
 */
export function statusLine(
  backend: string,
  stepMs: number | undefined,
  tensors: number | undefined,
  warmUpSeconds?: number,
): string {
  const parts = [`Backend: ${backend}`];
  if (stepMs !== undefined) parts.push(`step: ${fmt(stepMs, 0)} ms (median)`);
  else if (warmUpSeconds === undefined) parts.push('step time: warming up');
  else {
    parts.push(`step time: warming up, ${warmUpSeconds} s so far (the backend builds its programs for the first step)`);
  }
  if (tensors !== undefined) parts.push(`tensors in memory: ${tensors}`);
  return parts.join(' · ');
}

/** Figure 8.2's state (the chapter parameters it reads). */
export interface TrainState {
  head: Head;
  size: '64' | '128';
  target: 'unbiased' | 'biased';
  sample: number;
  /** The gallery's marks: all, or one decoder's alone. */
  only?: GalleryInput['only'];
}

/** The role prefix of figure 8.2's gallery (figure 8.1's has none). */
export const YOURS = 'yours-';

/** Figure 8.2's roles: status, numbers, buttons, the legend of the run's head, the timing table, its gallery. */
export function trainView(f: TrainFed, s: Readonly<TrainState>): ViewModel {
  const head = f.run?.head ?? s.head;
  const attrs: ViewModel['attrs'] = {
    pause: {
      disabled: f.started ? null : '',
      'aria-pressed': String(f.started && !f.running),
    },
    reset: { disabled: f.started ? null : '' },
    finetune: { disabled: SIZES.includes(Number(s.size)) ? null : '' },
    'target-box': { hidden: s.head === 'heatmap' ? null : '' },
    warning: { hidden: f.notes.length ? null : '' },
    bench: { hidden: f.bench ? null : '' },
    [`${YOURS}gallery-box`]: { hidden: f.gallery ? null : '' },
  };
  for (const m of METHOD_NAMES) attrs[`legend-${m}`] = { hidden: METHODS[head].includes(m) ? null : '' };
  const text: ViewModel['text'] = {
    status: statusLine(f.backend + f.skipped, medianStepMs(f.times), f.tensors, warmUpSeconds(f)),
    warning: f.notes.join(' '),
    step: String(f.step),
    loss: f.loss === undefined ? '—' : fmt(f.loss, 4),
    errors: f.errors.length ? latestErrors(f.errors) : '—',
    pause: f.started && !f.running ? 'Resume' : 'Pause',
    'legend-head': `Decoders of the ${HEAD_NAMES[head]} head${f.run ? ' being trained' : ''}:`,
  };
  for (const backend of BENCH_BACKENDS) {
    const row = f.bench?.find((r) => r.backend === backend);
    text[`bench-${backend}-ms`] = row?.medianMs === undefined ? '—' : `${fmt(row.medianMs, 1)} ms`;
    text[`bench-${backend}-note`] = row?.note ?? '';
  }
  const size = f.gallery?.size ?? Number(s.size);
  const gallery = galleryView(
    {
      samples: f.gallery?.samples,
      truth: gallerySet(size).keypoints,
      head,
      selected: s.sample,
      size,
      source: f.gallery ? `Your model at step ${f.gallery.step}.` : '',
      only: s.only,
    },
    YOURS,
  );
  text[`${YOURS}gallery-step`] = f.gallery
    ? `Your ${HEAD_NAMES[head]} model at step ${f.gallery.step}, on the gallery's samples at ${size} × ${size}: select one to see its output maps.`
    : '';
  return { attrs: { ...attrs, ...gallery.attrs }, text: { ...text, ...gallery.text } };
}
