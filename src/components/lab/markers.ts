/**
 * Marks on the Lab's map panels (drawn into their overlays by `block` parts): each decoder's glyph
 * at its point, the truth as a dashed ring, and the close-up's box on the whole map, in cell units
 * offset by the panel's corner.
 */
import type { LabDecoderId, LabRow } from '../../lib/index.ts';

const SVG = 'http://www.w3.org/2000/svg';

/** One mark: a decoder's glyph, the truth's ring or the close-up's box. */
export type Mark =
  | { kind: 'glyph'; id: LabDecoderId; x: number; y: number; size: number }
  | { kind: 'truth'; x: number; y: number; r: number }
  | { kind: 'box'; x: number; y: number; w: number; h: number };

const finite = (p: { x: number; y: number } | undefined): p is { x: number; y: number } =>
  p !== undefined && Number.isFinite(p.x) && Number.isFinite(p.y);

/** Each decoder's point and the truth of `row`, offset by (dx, dy), glyphs `size` cells across. */
export function pointMarks(
  row: LabRow<LabDecoderId> | undefined,
  decoders: readonly LabDecoderId[],
  dx: number,
  dy: number,
  size: number,
): Mark[] {
  if (!row || row.skipped) return [];
  const marks: Mark[] = [];
  for (const id of decoders) {
    const p = row.points[id];
    if (finite(p)) marks.push({ kind: 'glyph', id, x: p.x - dx, y: p.y - dy, size });
  }
  if (finite(row.truth)) marks.push({ kind: 'truth', x: row.truth.x - dx, y: row.truth.y - dy, r: size * 2 });
  return marks;
}

/** The marks as SVG elements. */
export function drawMarks(marks: readonly Mark[], doc: Document): Node[] {
  return marks.map((m) => {
    if (m.kind === 'glyph') {
      const use = doc.createElementNS(SVG, 'use');
      use.setAttribute('href', `#lab-glyph-${m.id}`);
      use.setAttribute('class', `marker decoder-${m.id}`);
      use.setAttribute('transform', `translate(${m.x} ${m.y}) scale(${m.size})`);
      return use;
    }
    if (m.kind === 'truth') {
      const ring = doc.createElementNS(SVG, 'circle');
      ring.setAttribute('class', 'truth');
      ring.setAttribute('cx', String(m.x));
      ring.setAttribute('cy', String(m.y));
      ring.setAttribute('r', String(m.r));
      return ring;
    }
    const box = doc.createElementNS(SVG, 'rect');
    box.setAttribute('class', 'zoom-box');
    box.setAttribute('x', String(m.x - 0.5));
    box.setAttribute('y', String(m.y - 0.5));
    box.setAttribute('width', String(m.w));
    box.setAttribute('height', String(m.h));
    return box;
  });
}
