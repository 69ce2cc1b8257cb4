/**
 * A spec's map panels on the client: each `MapPanel`'s build-time PNG gives way to a canvas,
 * redrawn only when its picture changes. A picture of another size resizes the panel's box and
 * its overlay's cell units; its domain's ends go to the colour bar's labels.
 */
import { domainMiddle } from './colormap.ts';
import { fmtScale } from './format.ts';
import type { HeatmapView } from './heatmap-view.ts';
import { mountMapPanel } from './map-panel.ts';
import type { MapPart } from './parts.ts';
import type { Store } from './store.ts';

/** Draws every panel for a data and state (skipping unchanged pictures), and destroys them. */
export interface MountedMaps<S, D> {
  draw(data: D, state: Readonly<S>): void;
  destroy(): void;
}

export function mountMaps<S, D>(
  root: HTMLElement,
  maps: Record<string, MapPart<S, D>>,
  store: Store<S>,
  current: () => D,
): MountedMaps<S, D> {
  const panels = Object.entries(maps).map(([name, m]) => {
    const view: HeatmapView = mountMapPanel(root, name, {
      ...(m.describe ? { describe: (cell, value) => m.describe?.(cell, value, current()) ?? '' } : {}),
      ...(m.pick ? { onPick: (cell) => store.set(m.pick?.(cell, current(), store.get()) ?? {}) } : {}),
    });
    const panel = root.querySelector<HTMLElement>(`[data-panel="${name}"]`);
    const box = panel?.querySelector<HTMLElement>('.map-box');
    const overlay = panel?.querySelector('.map-overlay');
    const canvas = panel?.querySelector('canvas');
    const markupLabel = canvas?.getAttribute('aria-label');
    const lo = root.querySelector(`[data-role="${name}-scale-lo"]`);
    const hi = root.querySelector(`[data-role="${name}-scale-hi"]`);
    const mid = root.querySelector(`[data-role="${name}-scale-mid"]`);
    let last: { values: ArrayLike<number>; domain: string; size: string } | undefined;
    return {
      view,
      draw(d: D, s: Readonly<S>): void {
        const pic = m.draw(d, s);
        const domain = String(pic.domain);
        const size = `${pic.w} / ${pic.h}`;
        if (last?.values === pic.values && last.domain === domain && last.size === size) return;
        if (last?.size !== size) {
          if (box) box.style.aspectRatio = size;
          overlay?.setAttribute('viewBox', `-0.5 -0.5 ${pic.w} ${pic.h}`);
        }
        last = { values: pic.values, domain, size };
        canvas?.setAttribute('aria-label', pic.label ?? markupLabel ?? '');
        view.draw(pic.values, pic.w, pic.h, pic.domain);
        if (pic.domain) {
          if (lo) lo.textContent = fmtScale(pic.domain[0]);
          if (hi) hi.textContent = fmtScale(pic.domain[1]);
          if (mid) mid.textContent = fmtScale(domainMiddle(pic.domain));
        }
      },
    };
  });
  return {
    draw(d, s) {
      for (const p of panels) p.draw(d, s);
    },
    destroy() {
      for (const p of panels) p.view.destroy();
    },
  };
}
