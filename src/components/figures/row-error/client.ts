/** The row-error figure's interactive half: redraws on the chapter keypoint and on resize. */
import { buildPixelGrid, buildRowError, CROP_GEOMETRY, type RowErrorData } from '../../../lib/index.ts';
import { createAnnouncer } from '../../ui/announce.ts';
import { fmt } from '../../ui/format.ts';
import { observeWidth } from '../../ui/resize.ts';
import { chapterStore } from '../../ui/store.ts';
import { keypointSchema } from '../shared/keypoint-state.ts';
import { rowErrorChart } from './chart.ts';

export function mount(root: HTMLElement): () => void {
  const store = chapterStore(root.dataset.store ?? 'grid', keypointSchema);
  const holder = root.querySelector<HTMLElement>('[data-role="chart"]');
  const region = root.querySelector<HTMLElement>('[data-role="announce"]');
  if (!holder || !region) throw new Error('row-error figure: missing parts');
  const announce = createAnnouncer(region);
  let width = 0;
  // The sawtooth depends on the row only; moving along x just moves the marker.
  let row: { y: number; sigma: number; data: RowErrorData } | undefined;
  let frame = 0;

  const render = (): void => {
    frame = 0;
    if (!width) return;
    const s = store.get();
    if (!row || row.y !== s.y || row.sigma !== s.sigma) {
      row = { y: s.y, sigma: s.sigma, data: buildRowError({ y: s.y, sigma: s.sigma, target: 'unbiased', step: 0.5 }) };
    }
    const here = buildPixelGrid({ keypoint: { x: s.x, y: s.y }, sigma: s.sigma, target: 'unbiased' });
    holder.replaceChildren(rowErrorChart(row.data, { width, current: { x: s.x, error: here.error } }));
    announce(`At x ${fmt(s.x, 1)} on row ${fmt(s.y, 1)}, argmax errs by ${fmt(here.error)} pixels.`);
  };
  const schedule = (): void => {
    if (!frame) frame = requestAnimationFrame(render);
  };

  const stopWidth = observeWidth(holder, (w) => {
    width = w;
    schedule();
  });
  const unsubscribe = store.subscribe(schedule);

  // The chart is also a control: arrow keys slide the keypoint along its row.
  holder.tabIndex = 0;
  holder.setAttribute('role', 'slider');
  holder.setAttribute('aria-label', 'Keypoint x along its row');
  holder.setAttribute('aria-valuemin', '0');
  holder.setAttribute('aria-valuemax', String(CROP_GEOMETRY.inputW - 0.1));
  const syncAria = (): void => {
    const x = store.get().x;
    holder.setAttribute('aria-valuenow', x.toFixed(1));
    holder.setAttribute('aria-valuetext', `x ${fmt(x, 1)} input pixels`);
  };
  const unsubscribeAria = store.subscribe(syncAria);
  const onKey = (event: KeyboardEvent): void => {
    const dir =
      event.key === 'ArrowRight' || event.key === 'ArrowUp'
        ? 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowDown'
          ? -1
          : 0;
    if (!dir) return;
    event.preventDefault();
    const step = event.shiftKey ? 0.1 : 1;
    store.set({ x: Number((store.get().x + dir * step).toFixed(1)) });
  };
  holder.addEventListener('keydown', onKey);

  return () => {
    if (frame) cancelAnimationFrame(frame);
    stopWidth();
    unsubscribe();
    unsubscribeAria();
    holder.removeEventListener('keydown', onKey);
  };
}
