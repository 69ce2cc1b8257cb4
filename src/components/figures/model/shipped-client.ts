/** Figures 8.2 and 8.3's interactive half: runs the shipped models in the worker and draws them. */
import { heldOut, softmax, softmaxMap, type Point } from '../../../lib/index.ts';
import { createAnnouncer } from '../../ui/announce.ts';
import { bindControls } from '../../ui/controls.ts';
import { fmt } from '../../ui/format.ts';
import { createHeatmapView } from '../../ui/heatmap-view.ts';
import { chapterStore } from '../../ui/store.ts';
import { showRejected } from '../../ui/url-note.ts';
import { HEADS as HEADS_LIST, METHODS as HEAD_METHODS, type Head as HeadName } from '../../../lib/tf/names.ts';
import { METHOD_LABELS } from './labels.ts';
import { GALLERY, GALLERY_SEED, ch8, SIZES, type Ch8State } from '../../state/ch8.ts';
import type { ModelResponse } from './train-worker.ts';
import { GALLERY_ERRORS, sampleErrors, type GalleryErrors } from './view.ts';
import { publish } from '../../ui/published.ts';
import { listen, send } from './worker-client.ts';

const SVG = 'http://www.w3.org/2000/svg';

type ShippedMessage = Extract<ModelResponse, { type: 'shipped' }>;

function path(d: string, className: string): SVGPathElement {
  const p = document.createElementNS(SVG, 'path');
  p.setAttribute('d', d);
  p.setAttribute('class', className);
  return p;
}

/** Rings for the truth and a mark per method's point, in the given units per input pixel. */
function marks(svg: SVGSVGElement, truth: readonly Point[], points: Record<string, Point[]>, scale: number): void {
  const parts: SVGElement[] = [];
  for (const t of truth) {
    const c = document.createElementNS(SVG, 'circle');
    c.setAttribute('class', 'truth');
    c.setAttribute('cx', (t.x * scale).toFixed(3));
    c.setAttribute('cy', (t.y * scale).toFixed(3));
    c.setAttribute('r', (1.8 * scale).toFixed(3));
    parts.push(c);
  }
  for (const [method, ps] of Object.entries(points)) {
    for (const p of ps)
      parts.push(path(`M${(p.x * scale).toFixed(3)} ${(p.y * scale).toFixed(3)}h0`, `point m-${method}`));
  }
  svg.replaceChildren(...parts);
}

export function mount(root: HTMLElement): () => void {
  const store = chapterStore(root.dataset.store ?? 'ch8', ch8);
  const q = <T extends Element>(selector: string) => root.querySelector(selector) as T;
  const announce = createAnnouncer(q<HTMLElement>('[data-role="announce"]'));
  const samples = heldOut(64, GALLERY, GALLERY_SEED);
  /** The 64 px models' messages, which carry the gallery. */
  const shipped = new Map<HeadName, ShippedMessage>();
  let loaded = 0;
  const galleryErrors: GalleryErrors = {};
  const detail = createHeatmapView({
    canvas: q<HTMLCanvasElement>('[data-role="detail-map"]'),
    readout: q<HTMLElement>('[data-role="readout"]'),
  });

  // The sample images, drawn once.
  for (let i = 0; i < GALLERY; i++) {
    const canvas = q<HTMLCanvasElement>(`[data-role="image-${i}"]`);
    const ctx = canvas.getContext('2d');
    if (!ctx) continue;
    const image = ctx.createImageData(64, 64);
    for (let j = 0; j < 64 * 64; j++) {
      const v = Math.round(255 * Math.min(1, Math.max(0, samples.images[i * 64 * 64 + j] as number)));
      image.data.set([v, v, v, 255], 4 * j);
    }
    ctx.putImageData(image, 0, 0);
  }

  const render = (s: Readonly<Ch8State>): void => {
    const m = shipped.get(s.head);
    root
      .querySelectorAll<HTMLButtonElement>('[data-sample]')
      .forEach((b) => b.setAttribute('aria-pressed', String(Number(b.dataset.sample) === s.sample)));
    for (let i = 0; i < GALLERY; i++) {
      marks(q<SVGSVGElement>(`[data-role="marks-${i}"]`), samples.keypoints[i] ?? [], m?.gallery[i]?.points ?? {}, 1);
    }
    const g = m?.gallery[s.sample];
    if (!m || !g) return;
    // The selected sample's maps: the maximum over keypoints (of the softmax, for DSNT).
    const size = g.h * g.w;
    const k = g.maps.length / size;
    const shown = new Float64Array(size);
    for (let j = 0; j < k; j++) {
      const map = g.maps.subarray(j * size, (j + 1) * size);
      const values = s.head === 'dsnt' ? softmaxMap(map) : map;
      for (let i = 0; i < size; i++) shown[i] = Math.max(j ? (shown[i] as number) : -Infinity, values[i] as number);
    }
    detail.draw(shown, g.w, g.h);
    const svg = q<SVGSVGElement>('[data-role="detail-marks"]');
    svg.setAttribute('viewBox', `-0.5 -0.5 ${g.w} ${g.h}`);
    marks(svg, samples.keypoints[s.sample] ?? [], g.points, 1 / 4);
    const truth = samples.keypoints[s.sample] ?? [];
    // SimDR: its two 1-D vectors, the maximum over keypoints of each softmax, with the truth's bins.
    const vectors = q<HTMLElement>('[data-role="vectors"]');
    vectors.hidden = !(s.head === 'simdr' && g.vectors);
    if (s.head === 'simdr' && g.vectors) {
      const { bins } = g.vectors;
      for (const axis of ['x', 'y'] as const) {
        const logits = g.vectors[axis];
        const peak = new Float64Array(bins);
        for (let j = 0; j < k; j++) {
          const p = softmax(logits.subarray(j * bins, (j + 1) * bins));
          for (let n = 0; n < bins; n++) peak[n] = Math.max(peak[n] as number, p[n] as number);
        }
        const top = Math.max(...peak, 1e-9);
        const svg = q<SVGSVGElement>(`[data-role="vec-${axis}"]`);
        svg.replaceChildren(
          path(Array.from(peak, (v, n) => `${n ? 'L' : 'M'}${n} ${(23 - 22 * (v / top)).toFixed(2)}`).join(''), 'vec'),
          path(truth.map((t) => `M${((bins / 64) * t[axis]).toFixed(2)} 0V24`).join(''), 'tick'),
        );
      }
    }
    const means = sampleErrors(truth, g.points);
    const errs = HEAD_METHODS[s.head].map((method) => `${METHOD_LABELS[method]} ${fmt(means[method] ?? NaN, 2)} px`);
    const kind =
      s.head === 'heatmap'
        ? 'its heatmaps'
        : s.head === 'dsnt'
          ? 'the softmax of its logit maps'
          : 'its keypoint maps (the linear layers read them whole, so they need not peak at the joint)';
    q<HTMLElement>('[data-role="detail-text"]').textContent =
      `Sample ${s.sample + 1}, ${g.w} × ${g.h} output cells: ${kind}, the maximum over the ${k} keypoints. Mean error on this sample: ${errs.join(', ')}.`;
    announce(`Sample ${s.sample + 1}: ${errs.join(', ')}.`);
  };

  const stopListening = listen((m) => {
    if (m.type === 'shipped') {
      const t = m.manifest.training as { steps?: number; batch?: number; seconds?: number } | undefined;
      for (const [method, error] of Object.entries(m.errors)) {
        const cell = q<HTMLElement>(`[data-role="err-${m.size}-${m.head}-${method}"]`);
        if (cell) cell.textContent = fmt(error, 2);
        const trained = q<HTMLElement>(`[data-role="trained-${m.head}-${method}"]`);
        if (trained && t) {
          const line = `${m.size} px: ${t.steps} steps × ${t.batch}, ${t.seconds} s on CPU (Node)`;
          trained.textContent = m.size === SIZES[0] ? line : `${trained.textContent}; ${line}`;
        }
      }
      if (m.size === SIZES[0]) {
        shipped.set(m.head, m);
        galleryErrors[m.head] = m.gallery.map((g, i) => sampleErrors(samples.keypoints[i] ?? [], g.points));
        publish(GALLERY_ERRORS, { ...galleryErrors });
      }
      loaded += 1;
      const total = HEADS_LIST.length * SIZES.length;
      q<HTMLElement>('[data-role="shipped-status"]').textContent =
        loaded === total ? '' : `Loaded ${loaded} of ${total} models…`;
      render(store.get());
    } else if (m.type === 'eval' && m.step > 0) {
      // The reader's own training (figure 8.2), at 64 or 128 pixels, fills the next column.
      for (const [method, error] of Object.entries(m.errors)) {
        const cell = q<HTMLElement>(`[data-role="live-${m.head}-${method}"]`);
        if (cell) cell.textContent = `${fmt(error, 2)} at ${m.size} × ${m.size}, step ${m.step}`;
      }
    } else if (m.type === 'error' && loaded < HEADS_LIST.length * SIZES.length) {
      q<HTMLElement>('[data-role="shipped-status"]').textContent = m.message;
    }
  });
  const unsubscribe = store.subscribe(render);
  const onClick = (event: Event): void => {
    const b = (event.target as HTMLElement).closest<HTMLElement>('[data-sample]');
    if (b) store.set({ sample: Number(b.dataset.sample) });
  };
  root.addEventListener('click', onClick);
  const unbind = bindControls(root, store);
  showRejected(root, store);
  send({ type: 'init' });
  send({ type: 'shipped', heads: [...HEADS_LIST], sizes: [...SIZES], gallery: GALLERY });
  return () => {
    stopListening();
    unsubscribe();
    unbind();
    detail.destroy();
    root.removeEventListener('click', onClick);
  };
}
