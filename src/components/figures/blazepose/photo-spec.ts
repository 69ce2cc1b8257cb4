/**
 * Figure 9.1: the photo and the person's crop. The bundled photo, the reader's own or a webcam
 * frame; a square crop dragged by its centre and resized by its corner (or the arrow keys), which the
 * model reads at 256 × 256; once the model has run, its 33 landmarks put back on the photo and the
 * picture it saw.
 */
import { buildPersonCrop, fitCropFraction, PHOTO_MARGIN, type PersonCropData, type Point } from '../../../lib/index.ts';
import { ch9, CROP_SIDE, type Ch9State } from '../../state/ch9.ts';
import type { ViewModel } from '../../ui/apply-view.ts';
import type { HandlePart } from '../../ui/parts.ts';
import { fmt, num } from '../../ui/format.ts';
import { pick } from '../../ui/params.ts';
import { defineGatedSpec, type GatedData } from './gate.ts';
import { setupPhotoInputs } from './photo-inputs.ts';
import { ch9Session, defaultCrop, type SessionRun } from './session.ts';

const params = pick(ch9, 'src', 'cx', 'cy', 'side');
type State = Pick<Ch9State, keyof typeof params>;

/** What the figure draws: the session, and the crop and landmarks on the photo in use. */
export interface PhotoFigureData extends GatedData {
  crop: PersonCropData;
  /** The run on this photo, if any (its crop may lag the state's while the model runs). */
  run: SessionRun | null;
}

/** The photo's extent in figure units (its longer side 1). */
const photoBox = (): { w: number; h: number } => {
  const { width, height } = ch9Session.get().photo;
  const unit = Math.max(width, height);
  return { w: width / unit, h: height / unit };
};

/** A point in figure units as photo pixels, for sentences. */
const toPixels = (p: Point): Point => {
  const { width, height } = ch9Session.get().photo;
  const unit = Math.max(width, height);
  return { x: p.x * unit, y: p.y * unit };
};

const fit = (s: Readonly<State>, patch: Partial<State>): Partial<State> =>
  fitCropFraction({ cx: s.cx, cy: s.cy, side: s.side, ...patch }, photoBox(), CROP_SIDE);

const centreHandle: HandlePart<State> = {
  role: 'crop-centre',
  surface: 'photo-surface',
  bounds: { minX: 0, maxX: 1, minY: 0, maxY: 1 },
  get: (s) => ({ x: s.cx, y: s.cy }),
  set: (p, s) => fit(s, { cx: p.x, cy: p.y }),
  describe: (p) => {
    const q = toPixels(p);
    return `centre at x ${fmt(q.x, 0)}, y ${fmt(q.y, 0)} photo pixels`;
  },
  fineStep: 0.002,
  coarseStep: 0.01,
};

const cornerHandle: HandlePart<State> = {
  role: 'crop-corner',
  surface: 'photo-surface',
  bounds: { minX: 0, maxX: 1 + PHOTO_MARGIN, minY: 0, maxY: 1 + PHOTO_MARGIN },
  get: (s) => ({ x: s.cx + s.side / 2, y: s.cy + s.side / 2 }),
  // A square grows by as much as the corner moves along either axis: side = (x − cx) + (y − cy).
  set: (p, s) => fit(s, { side: p.x - s.cx + (p.y - s.cy) }),
  describe: (p) => {
    const q = toPixels(p);
    return `bottom-right corner at x ${fmt(q.x, 0)}, y ${fmt(q.y, 0)} photo pixels`;
  },
  fineStep: 0.002,
  coarseStep: 0.01,
};

/** The landmarks' marks: 33 circles, hidden before a run. */
export const LANDMARKS = 33;

function photoView(d: PhotoFigureData, s: Readonly<State>): ViewModel {
  const { crop, session, run } = d;
  const { photo } = session;
  const m = PHOTO_MARGIN;
  const W = crop.photo.w + 2 * m;
  const H = crop.photo.h + 2 * m;
  const place = {
    style: `left: ${num((100 * m) / W, 3)}%; top: ${num((100 * m) / H, 3)}%; width: ${num((100 * crop.photo.w) / W, 3)}%; height: ${num((100 * crop.photo.h) / H, 3)}%`,
  };
  const bundled = photo.source === 'photo';
  const attrs: ViewModel['attrs'] = {
    'photo-stage': { style: `aspect-ratio: ${num(W, 4)} / ${num(H, 4)}` },
    'photo-img': { ...place, hidden: bundled ? null : '' },
    'photo-canvas': { ...place, hidden: bundled ? '' : null },
    'photo-surface': { viewBox: `${num(-m, 4)} ${num(-m, 4)} ${num(W, 4)} ${num(H, 4)}` },
    'photo-frame': { width: num(crop.photo.w, 4), height: num(crop.photo.h, 4) },
    'crop-rect': {
      x: num(crop.square.x, 4),
      y: num(crop.square.y, 4),
      width: num(crop.square.size, 4),
      height: num(crop.square.size, 4),
      'data-overflows': String(crop.overflows),
    },
    'crop-centre': { transform: `translate(${num(s.cx, 4)} ${num(s.cy, 4)})` },
    'crop-corner': {
      transform: `translate(${num(s.cx + s.side / 2, 4)} ${num(s.cy + s.side / 2, 4)})`,
    },
    'src-photo': { 'aria-pressed': String(bundled) },
    'src-webcam': { 'aria-pressed': String(photo.source === 'webcam') },
    'file-label': { 'data-pressed': String(photo.source === 'own') },
    notice: { hidden: session.notice ? null : '' },
    'model-input-box': { 'data-waiting': String(!run) },
  };
  for (let j = 0; j < LANDMARKS; j++) {
    const l = crop.landmarks[j];
    attrs[`lm-${j}`] = l
      ? { cx: num(l.x, 4), cy: num(l.y, 4), class: l.seen ? 'lm seen' : 'lm unseen', visibility: 'visible' }
      : { visibility: 'hidden' };
  }
  const seen = crop.landmarks.filter((l) => l.seen).length;
  const px = crop.crop;
  const text: ViewModel['text'] = {
    'photo-name': bundled
      ? `The bundled photo: Eileen Collins (NASA, public domain), ${photo.width} × ${photo.height} pixels.`
      : `${photo.source === 'own' ? 'Your photo' : 'A webcam frame'}, ${photo.width} × ${photo.height} pixels, decoded in this browser.`,
    'crop-text': `Crop: a ${fmt(px.size, 0)}-pixel square from (${fmt(px.x, 0)}, ${fmt(px.y, 0)}), ${fmt(crop.scale, 2)} photo pixels per input pixel${crop.overflows ? '; past the photo’s edge its edge pixels repeat' : ''}.`,
    'run-text': run
      ? `Pose flag ${fmt(run.result.poseScore, 2)}; ${seen} of the 33 landmarks visible (visibility ≥ 0.5), drawn filled; the others hollow.`
      : 'Run the model to see its landmarks on the photo and the picture it reads.',
    notice: session.notice ?? '',
  };
  return { attrs, text };
}

export default defineGatedSpec({
  name: 'blazepose-photo',
  params,
  build: (s, _pre, session): PhotoFigureData => {
    const { photo } = session;
    const run = session.run && session.run.photoId === photo.id ? session.run : null;
    const crop = buildPersonCrop({
      width: photo.width,
      height: photo.height,
      crop: { cx: s.cx, cy: s.cy, side: s.side },
      ...(run ? { landmarks: run.result.landmarks, ranOn: run.crop } : {}),
    });
    return { session, crop, run };
  },
  view: photoView,
  handles: [centreHandle, cornerHandle],
  announce: (d) => {
    const px = d.crop.crop;
    const where = `Crop: ${fmt(px.size, 0)}-pixel square from (${fmt(px.x, 0)}, ${fmt(px.y, 0)}) on ${d.session.photo.name}.`;
    if (!d.run) return where;
    const seen = d.crop.landmarks.filter((l) => l.seen).length;
    return `${where} Pose flag ${fmt(d.run.result.poseScore, 2)}, ${seen} of 33 landmarks visible.`;
  },
  actions: { 'reset-crop': () => defaultCrop() },
  setup: setupPhotoInputs,
});
