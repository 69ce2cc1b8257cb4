/** block(role, rows, draw): a block redraws its children only when what it shows changes, compared as JSON. */
import { describe, expect, it, vi } from 'vitest';
import { block } from '../../../src/components/ui/parts.ts';
import { pageWith } from './dom.ts';

type Data = { rows: { name: string; error: number }[] };

describe('block(role, rows, draw)', () => {
  const draw = vi.fn((rows: Data['rows'], doc: Document) =>
    rows.map((r) => Object.assign(doc.createElement('li'), { textContent: `${r.name} ${r.error}` })),
  );
  const legend = block<object, Data, Data['rows']>('legend', (d) => d.rows, draw);

  it('is named by its role', () => {
    expect(legend.role).toBe('legend');
  });

  it('draws what it shows into its element, and returns that as JSON', () => {
    const into = pageWith('<ul id="l"><li>old</li></ul>').getElementById('l')!;
    const rows = [{ name: 'argmax', error: 1.5 }];
    const shown = legend.redraw({ rows }, {}, into, undefined);
    expect(shown).toBe(JSON.stringify(rows));
    expect([...into.children].map((li) => li.textContent)).toEqual(['argmax 1.5']);
  });

  it('leaves its children alone when what it shows is unchanged, though the data is new', () => {
    draw.mockClear();
    const into = pageWith('<ul id="l"></ul>').getElementById('l')!;
    const first = legend.redraw({ rows: [{ name: 'dark', error: 0.5 }] }, {}, into, undefined);
    const child = into.firstElementChild;
    const again = legend.redraw({ rows: [{ name: 'dark', error: 0.5 }] }, {}, into, first);
    expect(again).toBe(first);
    expect(draw).toHaveBeenCalledTimes(1);
    expect(into.firstElementChild).toBe(child);
    legend.redraw({ rows: [{ name: 'dark', error: 0.75 }] }, {}, into, again);
    expect(draw).toHaveBeenCalledTimes(2);
    expect(into.firstElementChild!.textContent).toBe('dark 0.75');
  });

  it('draws an empty block for nothing to show', () => {
    const into = pageWith('<ul id="l"><li>old</li></ul>').getElementById('l')!;
    const empty = block<object, undefined, undefined>(
      'x',
      () => undefined,
      () => [],
    );
    expect(empty.redraw(undefined, {}, into, undefined)).toBe('');
    expect(into.children).toHaveLength(0);
  });
});
