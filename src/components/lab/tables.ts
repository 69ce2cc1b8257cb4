/**
 * The Lab's tables, drawn from the lines of `view.ts`: the summary (errors and scores), the
 * COCO-style accuracy, the flip test's comparison, the error per keypoint, the selected map's
 * points, and every map's results. Each function replaces a table body's rows.
 */
import { decoderStyle } from '../ui/decoder-style.ts';
import type { LabDecoderId } from './state.ts';
import type { MapLine, MetricsLine, SummaryLine, TableLine } from './view.ts';

function cell<K extends 'td' | 'th'>(tag: K, text: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.textContent = text;
  if (tag === 'th') (el as HTMLTableCellElement).scope = 'row';
  return el;
}

/** A row: a header cell, then data cells. */
function row(header: string | HTMLElement, cells: readonly string[], className = ''): HTMLTableRowElement {
  const tr = document.createElement('tr');
  if (className) tr.className = className;
  const th = typeof header === 'string' ? cell('th', header) : header;
  tr.append(th, ...cells.map((c) => cell('td', c)));
  return tr;
}

const SVG = 'http://www.w3.org/2000/svg';

/** A decoder's glyph, the map view's marker, as an inline SVG. */
function glyph(id: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'glyph');
  svg.setAttribute('viewBox', '-1 -1 2 2');
  svg.setAttribute('aria-hidden', 'true');
  const use = document.createElementNS(SVG, 'use');
  use.setAttribute('href', `#lab-glyph-${id}`);
  use.setAttribute('class', `marker decoder-${id}`);
  svg.append(use);
  return svg;
}

/** A row header naming a decoder, with its glyph before the name. */
export function decoderHeader(id: string, label: string): HTMLTableCellElement {
  const th = cell('th', '');
  th.append(glyph(id), document.createTextNode(` ${label}`));
  return th;
}

/** A legend of decoders: each glyph (the charts' symbol) and name. */
export function renderLegend(into: HTMLElement, items: readonly { id: string; label: string }[]): void {
  into.replaceChildren(
    ...items.map(({ id, label }) => {
      const span = document.createElement('span');
      span.append(glyph(id), document.createTextNode(` ${label}`));
      return span;
    }),
  );
}

/** A column header naming a decoder (its short name), with its glyph before the name. */
function decoderColumn(id: LabDecoderId): HTMLTableCellElement {
  const th = document.createElement('th');
  th.scope = 'col';
  th.append(glyph(id), document.createTextNode(` ${decoderStyle(id).short}`));
  return th;
}

/** The column of a decoder's errors, right of its points: "error" on screen, the decoder's name for a screen reader. */
function errorColumn(id: LabDecoderId): HTMLTableCellElement {
  const th = document.createElement('th');
  th.scope = 'col';
  const name = document.createElement('span');
  name.className = 'sr-only';
  name.textContent = `${decoderStyle(id).short} `;
  th.append(name, document.createTextNode('error'));
  return th;
}

/** A header row of column headers. */
function headRow(titles: readonly (string | HTMLTableCellElement)[]): HTMLTableRowElement {
  const tr = document.createElement('tr');
  for (const t of titles) {
    if (typeof t !== 'string') {
      tr.append(t);
      continue;
    }
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = t;
    tr.append(th);
  }
  return tr;
}

export function renderSummary(body: HTMLElement, lines: readonly SummaryLine[]): void {
  body.replaceChildren(
    ...lines.map((l) => row(decoderHeader(l.id, l.label), [l.mean, l.median, l.p95, l.max, l.score, l.scoreKind])),
  );
}

export function renderMetrics(body: HTMLElement, lines: readonly MetricsLine[]): void {
  body.replaceChildren(
    ...lines.map((l) =>
      row(l.id === 'results' ? l.label : decoderHeader(l.id, l.label), [l.pck05, l.pck10, l.oks, l.ap, l.ap50, l.ap75]),
    ),
  );
}

export function renderFlip(body: HTMLElement, lines: readonly { id: string; label: string; cells: string[] }[]): void {
  body.replaceChildren(...lines.map((l) => row(decoderHeader(l.id, l.label), l.cells)));
}

/** Keypoints by name down, decoders across. */
export function renderKeypoints(
  head: HTMLElement,
  body: HTMLElement,
  decoders: readonly LabDecoderId[],
  lines: readonly { name: string; errors: string[] }[],
): void {
  head.replaceChildren(headRow(['Keypoint', ...decoders.map((id) => decoderColumn(id))]));
  body.replaceChildren(...lines.map((l) => row(l.name, l.errors)));
}

/** The selected map's points, with what a decoder fell back to when it did. */
export function renderPoints(body: HTMLElement, lines: readonly MapLine[], firstFrame: string): void {
  body.replaceChildren(
    ...lines.map((l) => {
      const tr = row(decoderHeader(l.id, l.label), [l.heatmap, l.input, l.score, l.error]);
      if (l.fallback) tr.title = l.fallback;
      tr.dataset.frame = firstFrame;
      return tr;
    }),
  );
}

/** Every map's points and errors (at most TABLE_LIMIT rows), each map a button that selects it. */
export function renderAll(
  head: HTMLElement,
  body: HTMLElement,
  lines: readonly TableLine[],
  decoders: readonly LabDecoderId[],
  selected: number,
  unit: 'map' | 'keypoint',
  /** Whether there is a ground truth: without one the error columns would be empty, and are left out. */
  errors: boolean,
): void {
  head.replaceChildren(
    headRow([
      unit === 'map' ? 'Map (n, k)' : 'Keypoint (n, k)',
      'Spread, input px',
      ...decoders.flatMap((id) => (errors ? [decoderColumn(id), errorColumn(id)] : [decoderColumn(id)])),
    ]),
  );
  body.replaceChildren(
    ...lines.map((line) => {
      const th = document.createElement('th');
      th.scope = 'row';
      const pick = document.createElement('button');
      pick.type = 'button';
      pick.className = 'pick';
      pick.textContent = line.map;
      pick.dataset.pick = String(line.index);
      pick.setAttribute(
        'aria-label',
        `Show ${unit} ${line.map}${line.flagged ? ', where the decoders disagree most' : ''}`,
      );
      th.append(pick);
      const tr = row(
        th,
        [
          line.skipped ? `skipped: ${line.skipped}` : line.spread,
          ...line.cells.flatMap((c) => (errors ? [c.point, c.error] : [c.point])),
        ],
        line.flagged ? 'flagged' : '',
      );
      tr.dataset.index = String(line.index);
      tr.setAttribute('aria-current', line.index === selected ? 'true' : 'false');
      return tr;
    }),
  );
}
