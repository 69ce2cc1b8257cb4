/**
 * The Lab's drawn blocks (`block` parts): table rows from the lines of `view/lines.ts`, legends,
 * messages and a select's options, each made in the document it is drawn into. Decoders are
 * named with their glyph (the map view's marker, the charts' symbol) so they differ by more than
 * colour.
 */
import { decoderStyle } from '../ui/decoder-style.ts';
import type { LabDecoderId } from '../../lib/index.ts';
import type { MetricsLine } from './view/accuracy.ts';
import type { MapLine, SummaryLine, TableLine } from './view/lines.ts';

const SVG = 'http://www.w3.org/2000/svg';

function cell(doc: Document, tag: 'td' | 'th', text: string): HTMLTableCellElement {
  const el = doc.createElement(tag);
  el.textContent = text;
  if (tag === 'th') el.scope = 'row';
  return el;
}

/** A row: a header cell, then data cells. */
function row(
  doc: Document,
  header: string | HTMLElement,
  cells: readonly string[],
  className = '',
): HTMLTableRowElement {
  const tr = doc.createElement('tr');
  if (className) tr.className = className;
  tr.append(typeof header === 'string' ? cell(doc, 'th', header) : header, ...cells.map((c) => cell(doc, 'td', c)));
  return tr;
}

/** A decoder's glyph as an inline SVG. */
function glyph(doc: Document, id: string): SVGSVGElement {
  const svg = doc.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'glyph');
  svg.setAttribute('viewBox', '-1 -1 2 2');
  svg.setAttribute('aria-hidden', 'true');
  const use = doc.createElementNS(SVG, 'use');
  use.setAttribute('href', `#lab-glyph-${id}`);
  use.setAttribute('class', `marker decoder-${id}`);
  svg.append(use);
  return svg;
}

/** A row header naming a decoder, with its glyph before the name. */
function decoderHeader(doc: Document, id: string, label: string): HTMLTableCellElement {
  const th = cell(doc, 'th', '');
  th.append(glyph(doc, id), doc.createTextNode(` ${label}`));
  return th;
}

/** A column header: text, or a decoder's short name with its glyph. */
function column(doc: Document, title: string | { id: LabDecoderId }): HTMLTableCellElement {
  const th = doc.createElement('th');
  th.scope = 'col';
  if (typeof title === 'string') th.textContent = title;
  else {
    const name = doc.createElement('span');
    name.className = 'name';
    name.textContent = ` ${decoderStyle(title.id).short}`;
    th.append(glyph(doc, title.id), name);
  }
  return th;
}

/** A header row. */
function headRow(doc: Document, titles: readonly (string | { id: LabDecoderId })[]): HTMLTableRowElement {
  const tr = doc.createElement('tr');
  tr.append(...titles.map((t) => column(doc, t)));
  return tr;
}

/** Messages as paragraphs. */
export const paragraphs = (texts: readonly string[], doc: Document): Node[] =>
  texts.map((t) => {
    const p = doc.createElement('p');
    p.textContent = t;
    return p;
  });

/** A select's options. */
export const options = (list: readonly { value: string; label: string }[], doc: Document): Node[] =>
  list.map(({ value, label }) => {
    const option = doc.createElement('option');
    option.value = value;
    option.textContent = label;
    return option;
  });

/** A legend of decoders: each glyph and name. */
/**
 * A chart's legend: each decoder's glyph and name; an item that says whether it is `shown` is a
 * button that switches its decoder off and on (`data-action="off"`, pressed while it shows).
 */
export const legend = (items: readonly { id: string; label: string; shown?: boolean }[], doc: Document): Node[] =>
  items.map(({ id, label, shown }) => {
    const key = doc.createElement(shown === undefined ? 'span' : 'button');
    if (shown !== undefined) {
      key.setAttribute('type', 'button');
      key.className = 'legend-key key-button';
      key.dataset.action = 'off';
      key.dataset.value = id;
      key.setAttribute('aria-pressed', String(shown));
    }
    key.append(glyph(doc, id), doc.createTextNode(` ${label}`));
    return key;
  });

export const summaryRows = (lines: readonly SummaryLine[], doc: Document): Node[] =>
  lines.map((l) => row(doc, decoderHeader(doc, l.id, l.label), [l.mean, l.median, l.p95, l.max, l.score, l.scoreKind]));

export const metricsRows = (lines: readonly MetricsLine[], doc: Document): Node[] =>
  lines.map((l) =>
    row(doc, l.id === 'results' ? l.label : decoderHeader(doc, l.id, l.label), [
      l.pck05,
      l.pck10,
      l.oks,
      l.ap,
      l.ap50,
      l.ap75,
    ]),
  );

export const cocoRows = (lines: readonly { id: string; label: string; cells: string[] }[], doc: Document): Node[] =>
  lines.map((l) => row(doc, l.id === 'results' ? l.label : decoderHeader(doc, l.id, l.label), l.cells));

export const flipRows = (lines: readonly { id: string; label: string; cells: string[] }[], doc: Document): Node[] =>
  lines.map((l) => row(doc, decoderHeader(doc, l.id, l.label), l.cells));

/** The per-keypoint table's head: keypoints down, decoders across. */
export const keypointHead = (decoders: readonly LabDecoderId[], doc: Document): Node[] => [
  headRow(doc, ['Keypoint', ...decoders.map((id) => ({ id }))]),
];

export const keypointRows = (lines: readonly { name: string; errors: string[] }[], doc: Document): Node[] =>
  lines.map((l) => row(doc, l.name, l.errors));

/** The selected map's points, with what a decoder fell back to when it did. */
export const pointRows = (lines: readonly MapLine[], doc: Document): Node[] =>
  lines.map((l) => {
    const tr = row(doc, decoderHeader(doc, l.id, l.label), [l.heatmap, l.input, l.score, l.error]);
    if (l.fallback) tr.title = l.fallback;
    return tr;
  });

/** What the every-map table shows. */
export interface EveryMap {
  lines: readonly TableLine[];
  decoders: readonly LabDecoderId[];
  selected: number;
  unit: 'map' | 'keypoint';
  /** Whether there is a ground truth: without one the error columns would be empty, and are left out. */
  errors: boolean;
}

/**
 * The every-map table's head. With a ground truth its columns come in two groups, every decoder's
 * error first and, after the spread, every decoder's point, so that the errors (what the table is
 * read for) fit a phone's width without a sideways scroll; each group is headed over its
 * decoders' names (on a phone, their glyphs: lab.css).
 */
export const everyMapHead = ({ decoders, unit, errors }: EveryMap, doc: Document): Node[] => {
  const first = unit === 'map' ? 'Map (n, k)' : 'Keypoint (n, k)';
  if (!errors) return [headRow(doc, [first, 'Spread, input px', ...decoders.map((id) => ({ id }))])];
  const single = (title: string) => {
    const th = column(doc, title);
    th.setAttribute('rowspan', '2');
    return th;
  };
  const group = (title: string) => {
    const th = column(doc, title);
    th.scope = 'colgroup';
    th.setAttribute('colspan', String(decoders.length));
    return th;
  };
  const top = doc.createElement('tr');
  top.append(single(first), group('Error, input px'), single('Spread, input px'), group('Point'));
  return [
    top,
    headRow(
      doc,
      [...decoders, ...decoders].map((id) => ({ id })),
    ),
  ];
};

/** Every map's points and errors, each map a button that selects it (the `pick` action). */
export const everyMapRows = ({ lines, selected, unit, errors }: EveryMap, doc: Document): Node[] =>
  lines.map((line) => {
    const th = doc.createElement('th');
    th.scope = 'row';
    const pick = doc.createElement('button');
    pick.type = 'button';
    pick.className = 'pick';
    pick.textContent = line.map;
    pick.dataset.action = 'pick';
    pick.dataset.value = String(line.index);
    pick.setAttribute(
      'aria-label',
      `Show ${unit} ${line.map}${line.flagged ? ', where the decoders disagree most' : ''}`,
    );
    th.append(pick);
    const tr = row(
      doc,
      th,
      [
        ...(errors ? line.cells.map((c) => c.error) : []),
        line.skipped ? `skipped: ${line.skipped}` : line.spread,
        ...line.cells.map((c) => c.point),
      ],
      line.flagged ? 'flagged' : '',
    );
    tr.dataset.index = String(line.index);
    tr.setAttribute('aria-current', line.index === selected ? 'true' : 'false');
    return tr;
  });
