/**
 * The selected map: for heatmaps the whole map and a close-up around its maximum (the
 * framework's map panels), with every decoder's point and the truth; for SimCC the keypoint's
 * two vectors with every decoder's coordinate (Plot charts). The values come from the worker,
 * one map at a time, so the page never holds the whole stack.
 */
import { domainOf } from '../ui/colormap.ts';
import { mountMapPanel } from '../ui/map-panel.ts';
import { part } from '../ui/part.ts';
import { observeWidth } from '../ui/resize.ts';
import { withCharts } from './lazy-charts.ts';
import type { LabResult } from './session.ts';
import type { LabDecoderId } from './state.ts';
import type { LabClient } from './worker-client.ts';

const SVG = 'http://www.w3.org/2000/svg';
/** Half the close-up's side, cells. */
const ZOOM = 3;

export interface MapView {
  /** Shows map `index` of the result (heatmaps) or keypoint `index` (SimCC). */
  show(result: LabResult, index: number, splitRatio: number): void;
  destroy(): void;
}

/** Each decoder's glyph at its point, and the truth as a dashed ring, in cell units offset by (dx, dy). */
function markers(
  svg: SVGSVGElement,
  row: LabResult['rows'][number],
  decoders: readonly LabDecoderId[],
  dx: number,
  dy: number,
  size: number,
): void {
  const parts: SVGElement[] = [];
  for (const id of decoders) {
    const p = row.points[id];
    if (!p || !Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    const use = document.createElementNS(SVG, 'use');
    use.setAttribute('href', `#lab-glyph-${id}`);
    use.setAttribute('class', `marker decoder-${id}`);
    use.setAttribute('transform', `translate(${p.x - dx} ${p.y - dy}) scale(${size})`);
    parts.push(use);
  }
  const t = row.truth;
  if (t && Number.isFinite(t.x) && Number.isFinite(t.y)) {
    const ring = document.createElementNS(SVG, 'circle');
    ring.setAttribute('class', 'truth');
    ring.setAttribute('cx', String(t.x - dx));
    ring.setAttribute('cy', String(t.y - dy));
    ring.setAttribute('r', String(size * 2));
    parts.push(ring);
  }
  svg.append(...parts);
}

export function createMapView(root: HTMLElement, client: LabClient): MapView {
  const name = 'decoder-lab';
  const mapBlock = part(root, '[data-role="map-block"]', name);
  const vectorBlock = part(root, '[data-role="vector-block"]', name);
  const full = mountMapPanel(root, 'full');
  const zoom = mountMapPanel(root, 'zoom');
  const fullBox = part(root, '[data-panel="full"] .map-box', name);
  const zoomBox = part(root, '[data-panel="zoom"] .map-box', name);
  const fullSvg = part<SVGSVGElement>(root, '[data-role="full-surface"]', name);
  const zoomSvg = part<SVGSVGElement>(root, '[data-role="zoom-surface"]', name);
  const fullCanvas = part<HTMLCanvasElement>(root, '[data-panel="full"] canvas', name);
  const holders = {
    x: part(root, '[data-role="vector-x"]', name),
    y: part(root, '[data-role="vector-y"]', name),
    xZoom: part(root, '[data-role="vector-x-zoom"]', name),
    yZoom: part(root, '[data-role="vector-y-zoom"]', name),
  };
  const widths = { x: 0, y: 0, xZoom: 0, yZoom: 0 };
  let request = 0;
  let vectors: { x: Float32Array; y: Float32Array; result: LabResult; index: number; k: number } | undefined;

  const drawVectors = (): void =>
    withCharts(({ vectorChart }) => {
      if (!vectors) return;
      const { result, index, k } = vectors;
      const row = result.rows[index];
      for (const axis of ['x', 'y'] as const) {
        const points = result.decoders.map((id) => ({ id, at: row?.points[id]?.[axis] ?? Number.NaN }));
        // The close-up centres on the first decoder's point that lies on the vector.
        const centre = points.find((p) => Number.isFinite(p.at) && p.at >= 0)?.at;
        const zoom = axis === 'x' ? 'xZoom' : 'yZoom';
        if (widths[axis]) {
          holders[axis].replaceChildren(
            vectorChart(vectors[axis], k, axis, points, row?.truth?.[axis], { width: widths[axis] }),
          );
        }
        if (widths[zoom]) {
          holders[zoom].replaceChildren(
            centre === undefined
              ? document.createTextNode('No decoder placed this keypoint on the vector.')
              : vectorChart(vectors[axis], k, axis, points, row?.truth?.[axis], { width: widths[zoom] }, centre),
          );
        }
      }
    });
  const unobserve = (['x', 'y', 'xZoom', 'yZoom'] as const).map((key) =>
    observeWidth(holders[key], (w) => {
      widths[key] = w;
      drawVectors();
    }),
  );

  const drawHeatmap = (result: LabResult, index: number, values: Float32Array, w: number, h: number): void => {
    const row = result.rows[index];
    const domain = domainOf(values);
    fullBox.style.aspectRatio = `${w} / ${h}`;
    fullCanvas.setAttribute('aria-label', `Map ${index}: ${h} × ${w} cells; arrow keys read cell values`);
    full.draw(values, w, h, domain);
    fullSvg.setAttribute('viewBox', `-0.5 -0.5 ${w} ${h}`);
    fullSvg.replaceChildren();
    // The close-up: 7 × 7 cells around the argmax (or the middle), clamped to the map.
    const peak = row?.points.argmax ?? row?.points[result.decoders[0] as LabDecoderId] ?? { x: w / 2, y: h / 2 };
    const px = Number.isFinite(peak.x) ? peak.x : w / 2;
    const py = Number.isFinite(peak.y) ? peak.y : h / 2;
    const x0 = Math.max(0, Math.min(w - (2 * ZOOM + 1), Math.round(px) - ZOOM));
    const y0 = Math.max(0, Math.min(h - (2 * ZOOM + 1), Math.round(py) - ZOOM));
    const zw = Math.min(w, 2 * ZOOM + 1);
    const zh = Math.min(h, 2 * ZOOM + 1);
    const box = document.createElementNS(SVG, 'rect');
    box.setAttribute('class', 'zoom-box');
    box.setAttribute('x', String(x0 - 0.5));
    box.setAttribute('y', String(y0 - 0.5));
    box.setAttribute('width', String(zw));
    box.setAttribute('height', String(zh));
    fullSvg.append(box);
    if (row && !row.skipped) markers(fullSvg, row, result.decoders, 0, 0, Math.max(0.45, w / 80));
    const crop = new Float32Array(zw * zh);
    for (let y = 0; y < zh; y++)
      for (let x = 0; x < zw; x++) crop[y * zw + x] = values[(y0 + y) * w + x0 + x] as number;
    zoomBox.style.aspectRatio = `${zw} / ${zh}`;
    zoom.draw(crop, zw, zh, domain);
    zoomSvg.setAttribute('viewBox', `-0.5 -0.5 ${zw} ${zh}`);
    zoomSvg.replaceChildren();
    if (row && !row.skipped) markers(zoomSvg, row, result.decoders, x0, y0, 0.16);
  };

  return {
    show(result, index, splitRatio) {
      const simcc = result.kind === 'simcc';
      mapBlock.hidden = simcc;
      vectorBlock.hidden = !simcc;
      request += 1;
      const mine = request;
      void client.map(index).then((map) => {
        if (mine !== request || !map) return;
        if (map.kind === 'heatmap') {
          vectors = undefined;
          drawHeatmap(result, index, map.values, map.w, map.h);
        } else {
          vectors = { x: map.x, y: map.y, result, index, k: splitRatio };
          drawVectors();
        }
      });
    },
    destroy() {
      full.destroy();
      zoom.destroy();
      for (const stop of unobserve) stop();
    },
  };
}
