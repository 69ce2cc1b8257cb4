/** The row-error figure's interactive half: redraws on the chapter keypoint and on resize. */
import { buildPixelGrid, buildRowError, CROP_GEOMETRY } from '../../../lib/index.ts';
import { mountChart } from '../../ui/chart-figure.ts';
import { fmt } from '../../ui/format.ts';
import { chapterStore } from '../../ui/store.ts';
import { keypointSchema } from '../shared/keypoint-state.ts';
import { rowErrorChart } from './chart.ts';

export function mount(root: HTMLElement): () => void {
  const store = chapterStore(root.dataset.store ?? 'grid', keypointSchema);
  // The keypoint's own error, shared by the drawing and the announcement of one frame.
  let here: { key: string; error: number } | undefined;
  const errorAt = (s: ReturnType<typeof store.get>): number => {
    const key = `${s.x}|${s.y}|${s.sigma}|${s.target}`;
    if (here?.key !== key)
      here = { key, error: buildPixelGrid({ keypoint: { x: s.x, y: s.y }, sigma: s.sigma, target: s.target }).error };
    return here.error;
  };
  const unmount = mountChart(root, {
    store,
    // The sawtooth depends on the row only; moving along x just moves the marker.
    dataKey: (s) => `${s.y}|${s.sigma}|${s.target}`,
    build: (s) => buildRowError({ y: s.y, sigma: s.sigma, target: s.target, step: 0.5 }),
    viewKey: (s) => String(s.x),
    draw: (data, s, width) => rowErrorChart(data, { width, current: { x: s.x, error: errorAt(s) } }),
    announce: (_data, s) => `At x ${fmt(s.x, 1)} on row ${fmt(s.y, 1)}, argmax errs by ${fmt(errorAt(s))} pixels.`,
  });

  // The chart is also a control: arrow keys slide the keypoint along its row.
  const holder = root.querySelector<HTMLElement>('[data-role="chart"]') as HTMLElement;
  holder.tabIndex = 0;
  holder.setAttribute('role', 'slider');
  holder.setAttribute('aria-label', 'Keypoint x along its row');
  holder.setAttribute('aria-valuemin', '0');
  holder.setAttribute('aria-valuemax', String(CROP_GEOMETRY.inputW - 0.1));
  const unsubscribeAria = store.subscribe((s) => {
    holder.setAttribute('aria-valuenow', s.x.toFixed(1));
    holder.setAttribute('aria-valuetext', `x ${fmt(s.x, 1)} input pixels`);
  });
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
    unmount();
    unsubscribeAria();
    holder.removeEventListener('keydown', onKey);
  };
}
