/**
 * The Lab's results (`results-spec.ts`) drawn from real decodes (the library's plan, run and
 * result): which blocks a decode shows with and without ground truth, the every-map table in the
 * chosen order, and the `pick` action of its rows' buttons.
 */
import { describe, expect, it, vi } from 'vitest';
import spec from '../../../../src/components/lab/specs/results-spec.ts';
import { SORTS } from '../../../../src/components/lab/state.ts';
import { summaryLines, tableLines } from '../../../../src/components/lab/view/lines.ts';
import { loadedLine } from '../../../../src/components/lab/view/texts.ts';
import { renderFigure } from '../../../../src/components/ui/render-figure.ts';
import { act } from '../../figures/spec-parts.ts';
import { heatmapsDecoded, runWith, simccDecoded } from '../decoded.ts';
import { drawBlock, newDocument } from './blocks.ts';

const bare = await heatmapsDecoded();
const withTruth = await heatmapsDecoded({ truth: true });
const flipRun = runWith({ flip: '1' });
const flipped = await heatmapsDecoded({ truth: true, flipped: true, run: flipRun });
const simcc = await simccDecoded();

const HIDDEN_WITHOUT_TRUTH = ['accuracy-block', 'keypoints-block', 'scores-block'] as const;
const hiddenOf = (attrs: Record<string, Record<string, string | null>>, roles: readonly string[]) =>
  roles.map((role) => attrs[role]?.hidden);

describe('the Lab’s results: what a decode shows', () => {
  it('hides the results before anything is decoded', () => {
    const { view, data, state } = renderFigure(spec, { fed: null });
    expect(view.attrs.results?.hidden).toBe('');
    expect(view.text.loaded).toBe('');
    expect(drawBlock(spec, 'rows', { data, state }).children).toHaveLength(0);
  });

  it('says what was decoded under which run', () => {
    const { view } = renderFigure(spec, { fed: bare });
    expect(view.attrs.results?.hidden).toBeNull();
    expect(view.text.loaded).toBe(loadedLine(bare.result, bare.run));
  });

  it('hides accuracy, keypoints and scores without ground truth, and shows them with it', () => {
    const without = renderFigure(spec, { fed: bare }).view;
    expect(hiddenOf(without.attrs, HIDDEN_WITHOUT_TRUTH)).toEqual(['', '', '']);
    expect(without.attrs['summary-table']).toEqual({ 'data-truth': 'no' });
    expect(without.text['summary-caption']).toMatch(/need a ground truth/);
    const shown = renderFigure(spec, { fed: withTruth }).view;
    expect(hiddenOf(shown.attrs, HIDDEN_WITHOUT_TRUTH)).toEqual([null, null, null]);
    expect(shown.attrs['summary-table']).toEqual({ 'data-truth': 'yes' });
    expect(shown.text['summary-caption']).toMatch(/against the ground truth/);
  });

  it('shows the flip test’s comparison only when it was decoded with ground truth', () => {
    expect(renderFigure(spec, { fed: withTruth }).view.attrs['flip-block']?.hidden).toBe('');
    const { view, data, state } = renderFigure(spec, { fed: flipped });
    expect(view.attrs['flip-block']?.hidden).toBeNull();
    expect(view.text['flip-note']).toMatch(/^The flip test as decoded uses shift 1; flipped\.npy is/);
    expect(drawBlock(spec, 'flip-rows', { data, state }, 'tbody').children).toHaveLength(flipRun.decoders.length);
  });

  it('draws a summary row per decoder, and the keypoint table’s decoder columns only with ground truth', () => {
    const drawn = renderFigure(spec, { fed: withTruth });
    const summary = drawBlock(spec, 'summary', drawn, 'tbody');
    const { rows, decoders, meanScores } = withTruth.result;
    expect([...summary.children].map((r) => r.lastElementChild?.textContent)).toEqual(
      summaryLines(rows, decoders, meanScores).map((l) => l.scoreKind),
    );
    expect(drawBlock(spec, 'keypoints-head', drawn, 'thead').querySelectorAll('th')).toHaveLength(1 + decoders.length);
    // Without ground truth its block is hidden, and its head names no decoder.
    const head = drawBlock(spec, 'keypoints-head', renderFigure(spec, { fed: bare }), 'thead');
    expect([...head.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['Keypoint']);
  });

  it('heads the every-map table with a group of error columns only with ground truth', () => {
    const columns = (fed: typeof bare) =>
      drawBlock(spec, 'head', renderFigure(spec, { fed }), 'thead').querySelectorAll('th').length;
    expect(columns(bare)).toBe(2 + bare.result.decoders.length);
    // Map, spread, the two groups' headings, and each decoder under each group.
    expect(columns(withTruth)).toBe(4 + 2 * withTruth.result.decoders.length);
  });

  it('names SimCC rows keypoints', () => {
    const drawn = renderFigure(spec, { fed: simcc });
    expect(drawn.view.text['every-title']).toBe('Every keypoint');
    expect(drawn.view.text.note).toBe(tableLines(simcc.result.rows, simcc.result.decoders, 'index', 'keypoint').note);
    expect(drawBlock(spec, 'head', drawn, 'thead').querySelector('th')?.textContent).toBe('Keypoint (n, k)');
    expect(renderFigure(spec, { fed: bare }).view.text['every-title']).toBe('Every map');
  });

  it('computes a decode’s lines once, whatever the order and the selected map', () => {
    const first = renderFigure(spec, { fed: withTruth, state: { sort: 'index', map: 0 } }).data;
    const again = renderFigure(spec, { fed: withTruth, state: { sort: 'error', map: 4 } }).data;
    expect(again.lines).toBe(first.lines);
    expect(renderFigure(spec, { fed: bare }).data.lines).not.toBe(first.lines);
  });
});

describe('the Lab’s every-map table', () => {
  it('is sorted by the chosen order, each row’s button carrying its map', () => {
    const { rows, decoders } = withTruth.result;
    for (const sort of SORTS) {
      const drawn = renderFigure(spec, { fed: withTruth, state: { sort } });
      const table = tableLines(rows, decoders, sort, 'map');
      expect(drawn.data.table, sort).toEqual(table);
      expect(drawn.view.text.note).toBe(table.note);
      const buttons = drawBlock(spec, 'rows', drawn, 'tbody').querySelectorAll('button[data-action="pick"]');
      expect(
        [...buttons].map((b) => b.getAttribute('data-value')),
        sort,
      ).toEqual(table.lines.map((l) => String(l.index)));
    }
  });

  it('marks the selected map’s row', () => {
    const drawn = renderFigure(spec, { fed: withTruth, state: { sort: 'spread', map: 7 } });
    const current = drawBlock(spec, 'rows', drawn, 'tbody').querySelectorAll('tr[aria-current="true"]');
    expect([...current].map((r) => r.getAttribute('data-index'))).toEqual(['7']);
  });

  it('pick selects the map its button’s data-value names', () => {
    expect(act(spec, 'pick', {}, '7', withTruth)).toEqual({ map: 7 });
    expect(act(spec, 'pick', { map: 12 }, '0', withTruth)).toEqual({ map: 0 });
  });
});

describe('the Lab’s score chart: its legend switches decoders off', () => {
  it('makes each key a button pressed while its decoder shows, and marks the switched-off ones for lab.css', () => {
    const { decoders } = withTruth.result;
    const off = [decoders[1]!];
    const drawn = renderFigure(spec, { fed: withTruth, state: { off } });
    const keys = [...drawBlock(spec, 'score-legend', drawn).querySelectorAll('button[data-action="off"]')];
    expect(keys.map((k) => [k.getAttribute('data-value'), k.getAttribute('aria-pressed')])).toEqual(
      decoders.map((id) => [id, String(!off.includes(id))]),
    );
    expect(drawn.view.attrs['scores-block']?.['data-off']).toBe(decoders[1]);
    expect(renderFigure(spec, { fed: withTruth }).view.attrs['scores-block']?.['data-off']).toBe('');
  });

  it('off takes a pressed decoder out, or puts it back', () => {
    expect(act(spec, 'off', { off: [] }, 'dark', withTruth)).toEqual({ off: ['dark'] });
    expect(act(spec, 'off', { off: ['dark', 'argmax'] }, 'dark', withTruth)).toEqual({ off: ['argmax'] });
  });
});

describe('the Lab’s score chart', () => {
  const drawChart = (fed: typeof bare) => {
    const chart = spec.charts!.find((c) => c.role === 'score-chart')!;
    const { data, state } = renderFigure(spec, { fed });
    return chart.draw(state, { width: 480, document: newDocument() }, data);
  };

  it('is empty without ground truth', () => {
    const holder = drawChart(bare);
    expect(holder.childNodes).toHaveLength(0);
  });

  it('with ground truth, fills its holder with the chart once the chart module loads', async () => {
    const holder = drawChart(withTruth);
    await vi.waitFor(() => expect(holder.querySelector('svg')).not.toBeNull(), { timeout: 5000 });
    expect(holder.querySelector('svg')!.getAttribute('aria-label')).toBe('Score against error, each decoder');
  });
});
