/**
 * Figure 8.1: the shipped models on held-out samples. Their results table and gallery show
 * at once what was recorded when each model was trained (the page embeds it from the
 * manifests); as the worker measures each model in this browser, its numbers and gallery
 * replace the recorded ones. The reader's own training (figure 8.2) fills the table's next
 * column.
 */
import { HEADS } from '../../../lib/tf/names.ts';
import type { ViewModel } from '../../ui/apply-view.ts';
import { choose, toggle } from '../../ui/actions.ts';
import { defineSpec } from '../../ui/figure.ts';
import { pick } from '../../ui/params.ts';
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
import { GALLERY_ERRORS, type GalleryErrors } from './view.ts';
import { listen, send } from './worker-client.ts';

const params = pick(ch8, 'head', 'sample', 'only');
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
    only: s.only,
    source:
      shown?.source === 'measured'
        ? 'Measured in your browser.'
        : 'As recorded when the model was trained; your browser measures it again.',
  };
}

// The errors of one gallery, made once: the figure publishes them again when the worker measures
// a model's gallery, not on every render or message.
const errorsByGallery = new WeakMap<ShippedFed['gallery'], GalleryErrors>();
const errorsOf = (fed: ShippedFed): GalleryErrors => {
  let errors = errorsByGallery.get(fed.gallery);
  if (!errors) errorsByGallery.set(fed.gallery, (errors = galleryErrors(fed)));
  return errors;
};

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
  // A sample's button in the gallery (`data-value` its index), and a decoder's key (its marks alone, or all again).
  actions: { sample: choose('sample'), only: toggle<'only', Ch8State['only']>('only', 'all') },
  // Chapter 8's exercises check with the errors the gallery shows.
  publishes: { key: GALLERY_ERRORS, value: (_d, _s, fed) => errorsOf(fed) },
  setup({ root, fed, feed }) {
    drawSampleImages(root, '', gallerySet(SIZE));
    const stop = listen((m) => {
      const next = onShippedMessage(fed(), m);
      if (next !== fed()) feed(next);
    });
    send({ type: 'init' });
    send({ type: 'shipped', heads: [...HEADS], sizes: [...SIZES], gallery: GALLERY });
    return stop;
  },
});
