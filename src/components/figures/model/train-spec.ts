/**
 * Figure 8.2: the reader trains one head in the worker, on the best backend the ladder finds,
 * and sees the loss, the held-out error (the whole run, and the last evaluations zoomed in)
 * and their model's output maps on the gallery's samples. The worker's messages feed the
 * figure (progress.ts); the figure only draws them.
 */
import { choose, toggle } from '../../ui/actions.ts';
import { defineSpec } from '../../ui/figure.ts';
import { pick } from '../../ui/params.ts';
import { ch8, type Ch8State } from '../../state/ch8.ts';
import { errorChart, lossChart, zoomChart } from './charts.ts';
import { drawSampleImages } from './gallery-images.ts';
import { galleryPicture, gallerySet } from './gallery-view.ts';
import { onTrainMessage, resetRun, startRun, tickWarmUp, type TrainFed } from './progress.ts';
import { trainView, YOURS } from './view.ts';
import { listen, send } from './worker-client.ts';

/** Batch size and learning rate of the reader's training (the shipped models used 16 and 3e-3). */
const BATCH = 8;
const LEARNING_RATE = 2e-3;

export default defineSpec({
  name: 'train-live',
  params: pick(ch8, 'head', 'size', 'target', 'sample', 'only'),
  build: (_s, _pre, fed: TrainFed) => fed,
  view: trainView,
  maps: {
    [`${YOURS}detail`]: {
      draw: (f, s) =>
        galleryPicture({ samples: f.gallery?.samples, selected: s.sample, size: f.gallery?.size ?? Number(s.size) }),
    },
  },
  charts: [
    { role: 'chart', keys: [], draw: (_s, frame, f) => lossChart(f.losses, frame) },
    { role: 'chart-error', keys: [], draw: (_s, frame, f) => errorChart(f.errors, frame) },
    { role: 'chart-zoom', keys: [], draw: (_s, frame, f) => zoomChart(f.errors, frame) },
  ],
  announce: (f) => f.said,
  // A sample's button in the reader's gallery, and a decoder's key (its marks alone, or all again).
  actions: { sample: choose('sample'), only: toggle<'only', Ch8State['only']>('only', 'all') },
  setup({ root, store, fed, feed, listen: on }) {
    let imagesAt = 0;
    const stop = listen((m) => {
      const next = onTrainMessage(fed(), m);
      if (next === fed()) return;
      feed(next);
      // The gallery's images at the run's size, drawn when that size first appears.
      if (next.gallery && next.gallery.size !== imagesAt) {
        imagesAt = next.gallery.size;
        drawSampleImages(root, YOURS, gallerySet(imagesAt));
      }
    });
    const start = (from: 'scratch' | 'shipped'): void => {
      const s = store.get();
      feed(startRun(fed(), s.head, Number(s.size), performance.now()));
      send({ type: 'init' });
      send({
        type: 'train',
        from,
        config: {
          head: s.head,
          size: Number(s.size),
          target: s.target,
          batch: BATCH,
          learningRate: from === 'scratch' ? LEARNING_RATE : LEARNING_RATE / 4,
          seed: 1,
        },
      });
    };
    on(root, 'click', (event) => {
      // The worker's commands; the gallery's `sample` is a declared action.
      const action = (event.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset.action;
      if (action === 'scratch') start('scratch');
      else if (action === 'finetune') start('shipped');
      else if (action === 'pause') send({ type: fed().running ? 'pause' : 'resume' });
      else if (action === 'reset') {
        send({ type: 'reset' });
        feed(resetRun(fed()));
      } else if (action === 'lose') send({ type: 'lose-context' });
      else if (action === 'bench') send({ type: 'bench', steps: 10 });
    });
    // The warm-up's clock, once a second until the first step (a feed only while there is one).
    const clock = setInterval(() => {
      const next = tickWarmUp(fed(), performance.now());
      if (next !== fed()) feed(next);
    }, 1000);
    // The backend is chosen as the figure starts, so that its status line (and a float16
    // warning) is there before the first step.
    send({ type: 'init' });
    return () => {
      clearInterval(clock);
      send({ type: 'pause' });
      stop();
    };
  },
});
