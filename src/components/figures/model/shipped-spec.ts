/**
 * Figure 8.1: the shipped models on held-out samples. Their results table and gallery show
 * at once what was recorded when each model was trained (the page embeds it from the
 * manifests); as the worker measures each model in this browser, its numbers and gallery
 * replace the recorded ones. The reader's own training (figure 8.2) fills the table's next
 * column.
 */
import { HEADS } from '../../../lib/tf/names.ts';
import type { ViewModel } from '../../ui/apply-view.ts';
import { defineSpec } from '../../ui/figure.ts';
import { pick } from '../../ui/params.ts';
import { publish } from '../../ui/published.ts';
import { ch8, GALLERY, SIZES, type Ch8State } from '../../state/ch8.ts';
import { drawSampleImages } from './gallery-images.ts';
import {
  galleryPicture,
  gallerySet,
  galleryView,
  sampleErrorText,
  selectedSample,
  type GalleryInput,
} from './gallery-view.ts';
import { galleryErrors, onShippedMessage, resultsView, type ShippedFed } from './results.ts';
import { GALLERY_ERRORS } from './view.ts';
import { listen, send } from './worker-client.ts';

const params = pick(ch8, 'head', 'sample');
type State = Pick<Ch8State, keyof typeof params>;

/** The gallery's size: the first of the shipped models'. */
const SIZE = SIZES[0] as number;

function galleryOf(s: Readonly<State>, fed: ShippedFed): GalleryInput {
  const shown = fed.gallery[s.head];
  return {
    samples: shown?.samples,
    truth: gallerySet(SIZE).keypoints,
    head: s.head,
    selected: s.sample,
    size: SIZE,
    source:
      shown?.source === 'measured'
        ? 'Measured in your browser.'
        : 'As recorded when the model was trained; your browser measures it again.',
  };
}

const merged = (a: ViewModel, b: ViewModel): ViewModel => ({
  attrs: { ...a.attrs, ...b.attrs },
  text: { ...a.text, ...b.text },
});

export default defineSpec({
  name: 'shipped',
  params,
  build: (s, _pre, fed: ShippedFed) => ({ fed, gallery: galleryOf(s, fed) }),
  view: (d) => merged(resultsView(d.fed), galleryView(d.gallery)),
  maps: { detail: { draw: (d) => galleryPicture(d.gallery) } },
  announce: (d) => {
    const sample = selectedSample(d.gallery);
    return sample ? `Sample ${d.gallery.selected + 1}: ${sampleErrorText(d.gallery.head, sample.errors)}.` : '';
  },
  setup({ root, store, fed, feed, listen: on }) {
    drawSampleImages(root, '', gallerySet(SIZE));
    publish(GALLERY_ERRORS, galleryErrors(fed()));
    on(root, 'click', (event) => {
      const button = (event.target as HTMLElement).closest<HTMLElement>('[data-sample]');
      if (button) store.set({ sample: Number(button.dataset.sample) });
    });
    const stop = listen((m) => {
      const next = onShippedMessage(fed(), m);
      if (next === fed()) return;
      feed(next);
      if (m.type === 'shipped') publish(GALLERY_ERRORS, galleryErrors(next));
    });
    send({ type: 'init' });
    send({ type: 'shipped', heads: [...HEADS], sizes: [...SIZES], gallery: GALLERY });
    return stop;
  },
});
