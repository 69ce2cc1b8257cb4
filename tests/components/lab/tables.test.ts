/**
 * The Lab's drawn blocks on a server-side DOM (linkedom): the header cells, glyphs and buttons
 * its tables need, made in the document they are drawn into. (linkedom does not reflect a cell's
 * `scope` property to its attribute, as a browser does: the tests read the property.)
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  everyMapHead,
  everyMapRows,
  flipRows,
  keypointHead,
  keypointRows,
  legend,
  metricsRows,
  options,
  paragraphs,
  pointRows,
  summaryRows,
  type EveryMap,
} from '../../../src/components/lab/tables.ts';
import {
  flipLines,
  keypointLines,
  labelOf,
  mapLines,
  summaryLines,
  tableLines,
  type TableLine,
} from '../../../src/components/lab/view/lines.ts';
import { metricsLines } from '../../../src/components/lab/view/accuracy.ts';
import { decoderStyle } from '../../../src/components/ui/decoder-style.ts';
import type { LabDecoderId } from '../../../src/lib/index.ts';
import { heatmapsDecoded, runWith } from './decoded.ts';

const SVG = 'http://www.w3.org/2000/svg';
const newDocument = () => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;

const withTruth = await heatmapsDecoded({ truth: true, flipped: true, run: runWith({ flip: '1' }) });
const bare = await heatmapsDecoded();

/** The cells of a row as a screen reader meets them: the tag, the scope and the text. */
const cellsOf = (row: Node) =>
  [...(row as Element).children].map((c) =>
    c.tagName === 'TH'
      ? { tag: 'th', scope: (c as HTMLTableCellElement).scope, text: c.textContent }
      : { tag: c.tagName.toLowerCase(), text: c.textContent },
  );

/** The glyph at the start of a header cell: an SVG `<use>` of the decoder's symbol. */
const glyphOf = (cell: Element) => {
  const svg = cell.querySelector('svg');
  const use = svg?.querySelector('use');
  return {
    namespace: svg?.namespaceURI,
    hidden: svg?.getAttribute('aria-hidden'),
    href: use?.getAttribute('href'),
    className: use?.getAttribute('class'),
  };
};

describe('paragraphs(texts, doc) and options(list, doc)', () => {
  it('make one paragraph per message and one option per value, in order', () => {
    const doc = newDocument();
    expect(paragraphs(['First.', 'Second.'], doc).map((p) => (p as Element).outerHTML)).toEqual([
      '<p>First.</p>',
      '<p>Second.</p>',
    ]);
    const made = options(
      [
        { value: 'heatmaps', label: 'heatmaps (10 bytes)' },
        { value: 'flipped', label: 'flipped (12 bytes)' },
      ],
      doc,
    ) as HTMLOptionElement[];
    expect(made.map((o) => [o.tagName.toLowerCase(), o.value, o.textContent])).toEqual([
      ['option', 'heatmaps', 'heatmaps (10 bytes)'],
      ['option', 'flipped', 'flipped (12 bytes)'],
    ]);
    expect(made[0]!.ownerDocument).toBe(doc);
  });
});

describe('summaryRows(lines, doc) and metricsRows(lines, doc)', () => {
  it('head each summary row with the decoder’s glyph and name, then its statistics and score', () => {
    const { result } = withTruth;
    const lines = summaryLines(result.rows, result.decoders, result.meanScores);
    const rows = summaryRows(lines, newDocument());
    expect(rows).toHaveLength(result.decoders.length);
    const dark = lines.find((l) => l.id === 'dark')!;
    const row = rows[lines.indexOf(dark)] as Element;
    expect(cellsOf(row)).toEqual([
      { tag: 'th', scope: 'row', text: ` ${dark.label}` },
      ...[dark.mean, dark.median, dark.p95, dark.max, dark.score, dark.scoreKind].map((text) => ({ tag: 'td', text })),
    ]);
    expect(glyphOf(row.firstElementChild!)).toEqual({
      namespace: SVG,
      hidden: 'true',
      href: '#lab-glyph-dark',
      className: 'marker decoder-dark',
    });
  });

  it('head a decoder’s accuracy with its glyph, and a COCO results list with its label alone', () => {
    const lines = [
      ...metricsLines(withTruth.result),
      {
        id: 'results' as const,
        label: 'Your results (r.json)',
        pck05: '—',
        pck10: '—',
        oks: '—',
        ap: '71.0',
        ap50: '—',
        ap75: '—',
      },
    ];
    const rows = metricsRows(lines, newDocument()) as Element[];
    const first = lines[0]!;
    expect(cellsOf(rows[0]!).map((c) => c.text)).toEqual([
      ` ${first.label}`,
      first.pck05,
      first.pck10,
      first.oks,
      first.ap,
      first.ap50,
      first.ap75,
    ]);
    const last = rows.at(-1)!;
    expect(last.firstElementChild!.textContent).toBe('Your results (r.json)');
    expect(last.querySelector('svg')).toBeNull();
  });
});

describe('flipRows, keypointHead, keypointRows, legend and pointRows', () => {
  it('draw the flip comparison, one row per decoder with its three shifts', () => {
    const lines = flipLines(withTruth.result.flip!.comparison!);
    const rows = flipRows(lines, newDocument()) as Element[];
    expect(cellsOf(rows[0]!).map((c) => c.text)).toEqual([` ${lines[0]!.label}`, ...lines[0]!.cells]);
  });

  it('draw the per-keypoint table: decoders across with their glyphs, keypoints down', () => {
    const { result } = withTruth;
    const [head] = keypointHead(result.decoders, newDocument()) as Element[];
    const columns = [...head!.children] as HTMLTableCellElement[];
    expect(columns.map((c) => [c.scope, c.textContent])).toEqual([
      ['col', 'Keypoint'],
      ...result.decoders.map((id) => ['col', ` ${decoderStyle(id).short}`]),
    ]);
    expect(glyphOf(columns[1]!).href).toBe(`#lab-glyph-${result.decoders[0]}`);
    const lines = keypointLines(result);
    const rows = keypointRows(lines, newDocument()) as Element[];
    expect(cellsOf(rows[16]!)).toEqual([
      { tag: 'th', scope: 'row', text: result.names[16] },
      ...lines[16]!.errors.map((text) => ({ tag: 'td', text })),
    ]);
  });

  it('draw a legend of glyphs and names', () => {
    const items = (['argmax', 'simccDark'] as const).map((id) => ({ id, label: labelOf(id) }));
    const spans = legend(items, newDocument()) as Element[];
    expect(spans.map((s) => [s.tagName.toLowerCase(), s.textContent, glyphOf(s).href])).toEqual([
      ['span', ` ${labelOf('argmax')}`, '#lab-glyph-argmax'],
      ['span', ` ${labelOf('simccDark')}`, '#lab-glyph-simccDark'],
    ]);
  });

  it('draw the selected map’s points, titled with what a decoder fell back to', () => {
    const { result } = bare;
    const row = result.rows[0]!;
    const fallen = { ...row, points: { ...row.points, dark: { ...row.points.dark!, fallback: 'argmax kept' } } };
    const lines = mapLines(fallen, result.decoders, result.scale);
    const rows = pointRows(lines, newDocument()) as HTMLTableRowElement[];
    const at = result.decoders.indexOf('dark');
    const line = lines[at]!;
    expect(cellsOf(rows[at]!).map((c) => c.text)).toEqual([
      ` ${line.label}`,
      line.heatmap,
      line.input,
      line.score,
      line.error,
    ]);
    expect(rows[at]!.getAttribute('title')).toBe('argmax kept');
    expect(rows[0]!.hasAttribute('title')).toBe(false);
  });
});

describe('everyMapHead(table, doc) and everyMapRows(table, doc)', () => {
  const everyMap = (decoded: typeof bare, selected: number, errors: boolean): EveryMap => {
    const { rows, decoders } = decoded.result;
    return { lines: tableLines(rows, decoders, 'spread').lines, decoders, selected, unit: 'map', errors };
  };

  it('heads the table with the map, the spread and each decoder, with a group of error columns first only with ground truth', () => {
    const decoders: LabDecoderId[] = ['argmax', 'dark'];
    const head = (errors: boolean, unit: 'map' | 'keypoint' = 'map') => {
      const [row] = everyMapHead({ lines: [], decoders, selected: 0, unit, errors }, newDocument()) as Element[];
      return [...row!.children] as HTMLTableCellElement[];
    };
    const without = head(false);
    expect(without.map((c) => [c.scope, c.textContent])).toEqual([
      ['col', 'Map (n, k)'],
      ['col', 'Spread, input px'],
      ['col', ` ${decoderStyle('argmax').short}`],
      ['col', ` ${decoderStyle('dark').short}`],
    ]);
    expect(glyphOf(without[3]!).href).toBe('#lab-glyph-dark');
    // With ground truth: every decoder's error, then every decoder's point, each group headed over
    // its decoders' names (so a column's name is its group's and its decoder's).
    const [top, names] = everyMapHead(
      { lines: [], decoders, selected: 0, unit: 'map', errors: true },
      newDocument(),
    ) as Element[];
    expect(
      ([...top!.children] as HTMLTableCellElement[]).map((c) => [
        c.scope,
        c.textContent,
        c.getAttribute('rowspan'),
        c.getAttribute('colspan'),
      ]),
    ).toEqual([
      ['col', 'Map (n, k)', '2', null],
      ['colgroup', 'Error, input px', null, '2'],
      ['col', 'Spread, input px', '2', null],
      ['colgroup', 'Point', null, '2'],
    ]);
    const named = [...names!.children] as HTMLTableCellElement[];
    expect(named.map((c) => glyphOf(c).href)).toEqual([
      '#lab-glyph-argmax',
      '#lab-glyph-dark',
      '#lab-glyph-argmax',
      '#lab-glyph-dark',
    ]);
    expect(named[1]!.textContent).toBe(` ${decoderStyle('dark').short}`);
    expect(head(false, 'keypoint')[0]!.textContent).toBe('Keypoint (n, k)');
  });

  it('makes each row’s map a button that picks it, marks the selected, and flags where decoders disagree most', () => {
    const table = everyMap(withTruth, 0, true);
    const rows = everyMapRows(table, newDocument()) as HTMLTableRowElement[];
    expect(rows).toHaveLength(table.lines.length);
    rows.forEach((row, i) => {
      const line = table.lines[i] as TableLine;
      const button = row.querySelector('th > button')!;
      expect(button.getAttribute('type')).toBe('button');
      expect(button.getAttribute('data-action')).toBe('pick');
      expect(button.getAttribute('data-value')).toBe(String(line.index));
      expect(button.textContent).toBe(line.map);
      expect(button.getAttribute('aria-label')).toBe(
        `Show map ${line.map}${line.flagged ? ', where the decoders disagree most' : ''}`,
      );
      expect(row.getAttribute('data-index')).toBe(String(line.index));
      expect(row.getAttribute('aria-current')).toBe(line.index === 0 ? 'true' : 'false');
      expect(row.classList.contains('flagged')).toBe(line.flagged);
    });
    expect(rows.filter((r) => r.getAttribute('aria-current') === 'true')).toHaveLength(1);
    expect(rows.filter((r) => r.classList.contains('flagged')).length).toBeGreaterThan(0);
    const line = table.lines[0]!;
    expect(cellsOf(rows[0]!).map((c) => c.text)).toEqual([
      line.map,
      ...line.cells.map((c) => c.error),
      line.spread,
      ...line.cells.map((c) => c.point),
    ]);
  });

  it('leaves out the error cells without ground truth, and says why a map was skipped', () => {
    const table = everyMap(bare, 3, false);
    const line = { ...table.lines[0]!, skipped: 'holds no finite value' };
    const [row] = everyMapRows({ ...table, lines: [line], unit: 'keypoint' }, newDocument()) as Element[];
    expect(cellsOf(row!).map((c) => c.text)).toEqual([
      line.map,
      'skipped: holds no finite value',
      ...line.cells.map((c) => c.point),
    ]);
    expect(row!.querySelector('button')!.getAttribute('aria-label')).toMatch(/^Show keypoint /);
  });
});
