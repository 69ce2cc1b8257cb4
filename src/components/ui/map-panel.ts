/** Mounts a MapPanel's canvas as a heatmap view: hides the build-time image, returns the view. */
import type { Palette } from './colormap.ts';
import { createHeatmapView, type HeatmapView, type HeatmapViewOptions } from './heatmap-view.ts';

export function mountMapPanel(root: HTMLElement, name: string, options: Partial<HeatmapViewOptions> = {}): HeatmapView {
  const panel = root.querySelector<HTMLElement>(`[data-panel="${name}"]`);
  const canvas = panel?.querySelector<HTMLCanvasElement>('canvas');
  const readout = panel?.querySelector<HTMLElement>('.panel-readout');
  if (!panel || !canvas || !readout) throw new Error(`map panel '${name}' is missing`);
  const view = createHeatmapView({
    canvas,
    readout,
    palette: (canvas.dataset.palette as Palette) ?? 'viridis',
    ...options,
  });
  canvas.hidden = false;
  panel.querySelector('img')?.setAttribute('hidden', '');
  return view;
}
