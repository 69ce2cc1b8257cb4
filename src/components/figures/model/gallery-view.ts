/**
 * Chapter 8's gallery as a view (figures 8.1 and 8.2 share its markup, `Gallery.astro`): the
 * truth and each decoder's points on every sample's thumbnail and on the selected sample's
 * output maps, SimDR's two vectors, and the sample's errors in words. Every decoder has its
 * own marker shape as well as its colour, so that nothing rests on hue alone.
 */
import { heldOut, type Batch, type GallerySample, type Point } from '../../../lib/index.ts';
import { METHOD_NAMES, METHODS, type Head, type Method } from '../../../lib/tf/names.ts';
import type { ViewModel } from '../../ui/apply-view.ts';
import { fmt, num } from '../../ui/format.ts';
import { GALLERY, GALLERY_SEED } from '../../state/ch8.ts';
import { METHOD_LABELS } from './labels.ts';

const sets = new Map<number, Batch>();
/** The gallery's samples at `size` pixels (seeded apart from the held-out set), drawn once. */
export function gallerySet(size: number): Batch {
  if (!sets.has(size)) sets.set(size, heldOut(size, GALLERY, GALLERY_SEED));
  return sets.get(size) as Batch;
}

/** What a mark is: the truth or a decoder's point. */
export type Mark = 'truth' | Method;

/** The path of `kind`'s marker of radius `r` at each point (already in the drawing's units). */
export function markerPath(kind: Mark, points: readonly Point[], r: number): string {
  const d = 2 * r;
  return points
    .map(({ x, y }) => {
      switch (kind) {
        case 'truth':
          return `M${num(x - r)} ${num(y)}a${num(r)} ${num(r)} 0 1 0 ${num(d)} 0a${num(r)} ${num(r)} 0 1 0 ${num(-d)} 0`;
        case 'argmax':
          return `M${num(x - r)} ${num(y - r)}h${num(d)}v${num(d)}h${num(-d)}z`;
        case 'quarter':
          return `M${num(x)} ${num(y - r)}l${num(r)} ${num(r)}l${num(-r)} ${num(r)}l${num(-r)} ${num(-r)}z`;
        case 'dark':
          return `M${num(x - r)} ${num(y)}h${num(d)}M${num(x)} ${num(y - r)}v${num(d)}`;
        case 'dsnt':
          return `M${num(x)} ${num(y)}h0`;
        case 'simdr':
          return `M${num(x - r)} ${num(y - r)}l${num(d)} ${num(d)}M${num(x + r)} ${num(y - r)}l${num(-d)} ${num(d)}`;
      }
    })
    .join('');
}

/** Points scaled by `scale` (input pixels to the drawing's units). */
const scaled = (points: readonly Point[], scale: number): Point[] =>
  points.map((p) => ({ x: p.x * scale, y: p.y * scale }));

/** What the selected sample's picture is, by head. */
const PICTURE: Record<Head, string> = {
  heatmap: 'its heatmaps',
  dsnt: 'the softmax of its logit maps',
  simdr: 'its keypoint maps (the linear layers read them whole, so they need not peak at the joint)',
};

/** A gallery to draw. */
export interface GalleryInput {
  /** The model's samples, or undefined before there are any. */
  samples: readonly GallerySample[] | undefined;
  /** Each sample's keypoints, input pixels. */
  truth: readonly (readonly Point[])[];
  head: Head;
  /** The selected sample. */
  selected: number;
  /** The samples' side, input pixels. */
  size: number;
  /** Where the numbers come from, said after the errors ("Recorded when the model was trained."). */
  source: string;
  /** Every decoder's marks, or one decoder's alone (all of them when the head has no such decoder). */
  only?: 'all' | Method;
}

/** The decoders whose marks a gallery draws: its head's, or the one it shows alone. */
export function shownMethods(head: Head, only: GalleryInput['only'] = 'all'): Method[] {
  const methods = [...METHODS[head]];
  return only !== 'all' && methods.includes(only) ? [only] : methods;
}

/** The selected sample of a gallery, if there is one. */
export function selectedSample(g: Pick<GalleryInput, 'samples' | 'selected'>): GallerySample | undefined {
  return g.samples?.[Math.min(g.selected, g.samples.length - 1)];
}

/** "argmax 1.23 px, quarter shift 1.10 px, DARK 0.98 px": a sample's errors, by its head's decoders. */
export function sampleErrorText(head: Head, errors: GallerySample['errors']): string {
  return METHODS[head].map((m) => `${METHOD_LABELS[m]} ${fmt(errors[m] ?? Number.NaN, 2)} px`).join(', ');
}

/**
 * The gallery's roles, each prefixed with `prefix` (a figure with two galleries tells them
 * apart): thumbnails' marks and pressed state, the detail's marks, vectors and text.
 */
export function galleryView(g: GalleryInput, prefix = ''): ViewModel {
  const attrs: ViewModel['attrs'] = {};
  const text: ViewModel['text'] = {};
  const shown = new Set<Method>(shownMethods(g.head, g.only));
  // One decoder alone gets larger marks: nothing else crowds them.
  const alone = shown.size === 1 && METHODS[g.head].length > 1;
  const thumb = (g.size / 40) * (alone ? 1.5 : 1);
  g.truth.forEach((truth, i) => {
    const sample = g.samples?.[i];
    attrs[`sample-${i}`] = { 'aria-pressed': String(i === g.selected) };
    attrs[`marks-${i}`] = { viewBox: `-0.5 -0.5 ${g.size} ${g.size}` };
    attrs[`truth-${i}`] = { d: markerPath('truth', truth, 1.1 * thumb) };
    for (const m of METHOD_NAMES) {
      const points = shown.has(m) ? sample?.points[m] : undefined;
      attrs[`points-${i}-${m}`] = { d: points ? markerPath(m, points, 0.8 * thumb) : '' };
    }
  });

  // The keys: the head's decoders, each a button that shows its marks alone (pressed), or all again.
  for (const m of METHOD_NAMES) {
    attrs[`key-${m}`] = { hidden: METHODS[g.head].includes(m) ? null : '' };
    attrs[`key-${m}-button`] = { 'aria-pressed': String(alone && shown.has(m)) };
  }

  const sample = selectedSample(g);
  const truth = g.truth[g.selected] ?? [];
  attrs['detail-truth'] = { d: sample ? markerPath('truth', scaled(truth, sample.w / g.size), 0.45) : '' };
  for (const m of METHOD_NAMES) {
    const points = sample && shown.has(m) ? sample.points[m] : undefined;
    attrs[`detail-${m}`] = {
      d: points && sample ? markerPath(m, scaled(points, sample.w / g.size), alone ? 0.4 : 0.3) : '',
    };
  }

  // SimDR: its two vectors, each normalised to its peak, with ticks at the truth's bins.
  const vectors = g.head === 'simdr' ? sample?.vectors : undefined;
  attrs.vectors = { hidden: vectors ? null : '' };
  for (const axis of ['x', 'y'] as const) {
    const values = vectors ? Array.from(vectors[axis]) : [];
    const top = Math.max(1e-9, ...values);
    const bins = vectors?.bins ?? 1;
    attrs[`vec-${axis}`] = { viewBox: `0 0 ${bins} 24` };
    attrs[`vec-${axis}-line`] = {
      d: values.map((v, n) => `${n ? 'L' : 'M'}${n} ${num(23 - 22 * (v / top))}`).join(''),
    };
    attrs[`vec-${axis}-ticks`] = {
      d: vectors ? truth.map((t) => `M${num((bins / g.size) * t[axis])} 0V24`).join('') : '',
    };
  }

  text['detail-text'] = sample
    ? `Sample ${g.selected + 1}, ${sample.w} × ${sample.h} output cells: ${PICTURE[g.head]}, the maximum over the ${truth.length} keypoints. Mean error on this sample: ${sampleErrorText(g.head, sample.errors)}. ${g.source}`
    : '';
  const prefixed = <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).map(([role, v]) => [`${prefix}${role}`, v]));
  return { attrs: prefixed(attrs), text: prefixed(text) };
}

/** The selected sample's picture for its MapPanel (a blank map before there is one). */
export function galleryPicture(g: Pick<GalleryInput, 'samples' | 'selected' | 'size'>) {
  const sample = selectedSample(g);
  if (sample) return { values: sample.map, w: sample.w, h: sample.h };
  const side = g.size / 4;
  return { values: new Float32Array(side * side), w: side, h: side, domain: [0, 1] as [number, number] };
}
