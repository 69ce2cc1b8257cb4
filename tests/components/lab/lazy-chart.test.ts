/** lazyChart: a holder now, filled with its chart once the chart module has loaded; the module loads once. */
import { describe, expect, it, vi } from 'vitest';
import { pageWith } from '../ui/dom.ts';

const loaded = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../src/components/lab/charts.ts', () => {
  loaded.count += 1;
  return { scoreChart: (label: string, doc: Document) => Object.assign(doc.createElement('svg'), { id: label }) };
});

/** Waits for the chart module's import, then for the holders' fill that follows it. */
async function loadedCharts(): Promise<void> {
  await vi.dynamicImportSettled();
  await Promise.resolve();
}

describe('lazyChart(doc, draw)', () => {
  it('returns an empty holder at once, and fills it with the chart once the module is there', async () => {
    const { lazyChart } = await import('../../../src/components/lab/lazy-chart.ts');
    const doc = pageWith('');
    const draw = vi.fn((charts: { scoreChart: (l: string, d: Document) => Element }) =>
      charts.scoreChart('scores', doc),
    );
    const holder = lazyChart(doc, draw as never);
    expect(holder.tagName).toBe('DIV');
    expect(holder.children).toHaveLength(0);
    await loadedCharts();
    expect(holder.children).toHaveLength(1);
    expect(holder.firstElementChild!.id).toBe('scores');
    const second = lazyChart(doc, (() => doc.createElement('p')) as never);
    await loadedCharts();
    expect(second.firstElementChild?.tagName).toBe('P');
    expect(loaded.count).toBe(1);
    expect(draw).toHaveBeenCalledTimes(1);
  });
});
