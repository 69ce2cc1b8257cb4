/**
 * The Lab's selected map (`map-spec.ts`) from real decodes: the whole map and its close-up around
 * the argmax, the marks on both, the points table, the vectors for SimCC, and prev/next.
 */
import { describe, expect, it, vi } from 'vitest';
import spec, { BLANK, BLANK_CLOSE_UP } from '../../../../src/components/lab/specs/map-spec.ts';
import type { LabDecoded, LabSelected } from '../../../../src/components/lab/sources.ts';
import { mapLines } from '../../../../src/components/lab/view/lines.ts';
import { mapName } from '../../../../src/components/lab/view/texts.ts';
import { domainOf } from '../../../../src/components/ui/colormap.ts';
import { renderFigure } from '../../../../src/components/ui/render-figure.ts';
import { mapWindow } from '../../../../src/lib/index.ts';
import { act } from '../../figures/spec-parts.ts';
import { heatmapsDecoded, runWith, sampleOf, simcc, simccDecoded } from '../decoded.ts';
import { drawBlock, newDocument } from './blocks.ts';

const decoded = await heatmapsDecoded({ truth: true });
const { stack } = sampleOf(2);
const size = stack.w * stack.h;
const last = decoded.result.rows.length - 1;

/** The selection of map `index`, its values as the worker sends them. */
const heatmapAt = (index: number, from: LabDecoded = decoded): LabSelected => ({
  decoded: from,
  index,
  map: { kind: 'heatmap', values: stack.data.slice(index * size, (index + 1) * size), w: stack.w, h: stack.h },
});

const simccRun = runWith({ split: 2 });
const simccDecode = await simccDecoded({ truth: true, run: simccRun });
const simccAt = (index: number, from: LabDecoded = simccDecode): LabSelected => ({
  decoded: from,
  index,
  map: {
    kind: 'simcc',
    x: simcc.x.slice(index * simcc.lengthX, (index + 1) * simcc.lengthX),
    y: simcc.y.slice(index * simcc.lengthY, (index + 1) * simcc.lengthY),
  },
});

describe('the Lab’s selected map, before anything is decoded', () => {
  it('draws blank panels and names no map', () => {
    const { maps, view, data, state } = renderFigure(spec, { fed: null });
    expect(maps).toEqual({ full: BLANK, zoom: BLANK_CLOSE_UP });
    expect(view.text['map-name']).toBe('');
    expect(drawBlock(spec, 'points', { data, state }, 'tbody').children).toHaveLength(0);
  });
});

describe('the Lab’s selected heatmap', () => {
  const index = 20;
  const selected = heatmapAt(index);
  const row = decoded.result.rows[index]!;
  const values = selected.map.kind === 'heatmap' ? selected.map.values : new Float32Array();
  const window = mapWindow({ data: values, w: stack.w, h: stack.h }, row.points.argmax!, 7);

  it('draws the whole map, its label naming the index and size', () => {
    const { maps } = renderFigure(spec, { fed: selected });
    expect(maps.full).toMatchObject({ values, w: stack.w, h: stack.h, domain: domainOf(values) });
    expect(maps.full?.label).toBe(`Map ${index}: ${stack.h} × ${stack.w} cells; arrow keys read cell values`);
  });

  it('draws the close-up as mapWindow of the map around the argmax, in the whole map’s colours', () => {
    const { maps } = renderFigure(spec, { fed: selected });
    expect(maps.zoom).toEqual({ values: window.data, w: 7, h: 7, domain: domainOf(values) });
  });

  it('boxes the close-up on the whole map, and marks the points on both, offset by the close-up’s corner', () => {
    const drawn = renderFigure(spec, { fed: selected });
    const full = drawBlock(spec, 'full-surface', drawn, 'g');
    const box = full.querySelector('rect.zoom-box')!;
    expect([box.getAttribute('x'), box.getAttribute('y'), box.getAttribute('width')]).toEqual([
      String(window.x0 - 0.5),
      String(window.y0 - 0.5),
      '7',
    ]);
    const decoders = decoded.result.decoders;
    expect(full.querySelectorAll('use')).toHaveLength(decoders.length);
    const zoom = drawBlock(spec, 'zoom-surface', drawn, 'g');
    const ring = zoom.querySelector('circle.truth')!;
    expect(Number(ring.getAttribute('cx'))).toBeCloseTo(row.truth!.x - window.x0, 12);
    expect(Number(ring.getAttribute('cy'))).toBeCloseTo(row.truth!.y - window.y0, 12);
    expect(zoom.querySelector('rect')).toBeNull();
  });

  it('lists the points in heatmap and input pixels, and names the map', () => {
    const drawn = renderFigure(spec, { fed: selected });
    const lines = mapLines(row, decoded.result.decoders, decoded.result.scale);
    const rows = drawBlock(spec, 'points', drawn, 'tbody').children;
    expect([...rows].map((r) => r.children[1]?.textContent)).toEqual(lines.map((l) => l.heatmap));
    expect([...rows].map((r) => r.children[2]?.textContent)).toEqual(lines.map((l) => l.input));
    expect(drawn.view.text['map-name']).toBe(mapName(index, decoded.result.k, decoded.result.names));
    expect(drawn.view.text['points-first']).toBe('Heatmap px');
    expect(drawn.view.attrs['map-index']).toEqual({ max: String(last) });
  });

  it('shows the map and hides the vectors, whose charts stay empty', () => {
    const drawn = renderFigure(spec, { fed: selected });
    expect([drawn.view.attrs['map-block']?.hidden, drawn.view.attrs['vector-block']?.hidden]).toEqual([null, '']);
    const chart = spec.charts!.find((c) => c.role === 'vector-x')!;
    expect(chart.draw(drawn.state, { width: 480, document: newDocument() }, drawn.data).childNodes).toHaveLength(0);
  });

  it('centres the close-up on the first decoder’s point when argmax is off', async () => {
    const run = runWith({ argmax: false });
    const without = await heatmapsDecoded({ run });
    const first = without.result.rows[index]!.points[run.decoders[0]!]!;
    const { maps } = renderFigure(spec, { fed: heatmapAt(index, without) });
    expect(maps.zoom?.values).toEqual(mapWindow({ data: values, w: stack.w, h: stack.h }, first, 7).data);
  });
});

describe('prev and next', () => {
  it('step one map, and wrap around at the first and the last', () => {
    expect(act(spec, 'next', { map: 5 }, undefined, heatmapAt(5))).toEqual({ map: 6 });
    expect(act(spec, 'prev', { map: 5 }, undefined, heatmapAt(5))).toEqual({ map: 4 });
    expect(act(spec, 'prev', { map: 0 }, undefined, heatmapAt(0))).toEqual({ map: last });
    expect(act(spec, 'next', { map: last }, undefined, heatmapAt(last))).toEqual({ map: 0 });
  });

  it('step from the map the state names, though the one drawn still lags (two quick presses move two maps)', () => {
    expect(act(spec, 'next', { map: 9 }, undefined, heatmapAt(2))).toEqual({ map: 10 });
    expect(act(spec, 'prev', { map: last + 40 }, undefined, heatmapAt(0))).toEqual({ map: last - 1 });
  });

  it('stay at 0 when nothing is decoded', () => {
    expect(act(spec, 'next', {}, undefined, null)).toEqual({ map: 0 });
    expect(act(spec, 'prev', {}, undefined, null)).toEqual({ map: 0 });
  });
});

describe('the Lab’s selected SimCC keypoint', () => {
  const index = 1;
  const selected = simccAt(index);
  const row = simccDecode.result.rows[index]!;

  it('hides the map and shows the vectors', () => {
    const { view, maps } = renderFigure(spec, { fed: selected });
    expect([view.attrs['map-block']?.hidden, view.attrs['vector-block']?.hidden]).toEqual(['', null]);
    expect(view.text['map-title']).toBe('The selected keypoint');
    expect(view.text['points-first']).toBe('Bins');
    expect(maps).toEqual({ full: BLANK, zoom: BLANK_CLOSE_UP });
  });

  it('lists the points in bins (input pixels × k) and input pixels', () => {
    const drawn = renderFigure(spec, { fed: selected });
    const lines = mapLines(row, simccDecode.result.decoders, 1, simccRun.splitRatio);
    const rows = drawBlock(spec, 'points', drawn, 'tbody').children;
    expect([...rows].map((r) => [r.children[1]?.textContent, r.children[2]?.textContent])).toEqual(
      lines.map((l) => [l.heatmap, l.input]),
    );
    expect(drawBlock(spec, 'full-surface', drawn, 'g').children).toHaveLength(0);
  });

  it('draws each vector, and its close-up around the first decoded point', async () => {
    const drawn = renderFigure(spec, { fed: selected });
    const draw = (role: string) =>
      spec.charts!.find((c) => c.role === role)!.draw(drawn.state, { width: 480, document: newDocument() }, drawn.data);
    const [x, zoom, y] = [draw('vector-x'), draw('vector-x-zoom'), draw('vector-y')];
    await vi.waitFor(() => expect([x, zoom, y].every((h) => h.querySelector('svg'))).toBe(true), { timeout: 5000 });
    expect(x.querySelector('svg')!.getAttribute('aria-label')).toBe(
      `simcc_x: ${simcc.lengthX} bins over the input's width`,
    );
    expect(y.querySelector('svg')!.getAttribute('aria-label')).toBe(
      `simcc_y: ${simcc.lengthY} bins over the input's height`,
    );
    expect(zoom.querySelector('svg')!.getAttribute('aria-label')).toMatch(/^simcc_x: close-up of \d+ bins around/);
  });

  it('says so when no decoder placed the keypoint on the vector', () => {
    const lost = { ...row, points: { simccArgmax: { x: -1, y: -1, score: 0 } } };
    const rows = simccDecode.result.rows.map((r, i) => (i === index ? lost : r));
    const from = { ...simccDecode, result: { ...simccDecode.result, rows, decoders: ['simccArgmax' as const] } };
    const drawn = renderFigure(spec, { fed: simccAt(index, from) });
    const zoom = spec
      .charts!.find((c) => c.role === 'vector-x-zoom')!
      .draw(drawn.state, { width: 480, document: newDocument() }, drawn.data);
    expect(zoom.textContent).toBe('No decoder placed this keypoint on the vector.');
  });
});
