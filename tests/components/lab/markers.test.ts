/** The marks on the Lab's map panels: where they go (`pointMarks`) and the SVG they make (`drawMarks`). */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { drawMarks, pointMarks, type Mark } from '../../../src/components/lab/markers.ts';
import { decodeLabStack, LAB_SAMPLE, makeLabSample, type LabDecoderId, type LabRow } from '../../../src/lib/index.ts';

const SVG = 'http://www.w3.org/2000/svg';
const { stack, truth } = makeLabSample({ ...LAB_SAMPLE, n: 1 });
const decoders = ['argmax', 'dark', 'softargmax'] as const;
const rows: LabRow<LabDecoderId>[] = decodeLabStack(
  stack,
  { decoders: [...decoders], kernel: 11, beta: 20, stride: 4 },
  truth.map((p) => ({ x: p.x / 4, y: p.y / 4 })),
);
const row = rows[5]!;

describe('pointMarks(row, decoders, dx, dy, size)', () => {
  it('puts each decoder’s glyph at its point less the offset, then the truth’s ring twice the glyph across', () => {
    const [dx, dy, size] = [10, 20, 0.5];
    const marks = pointMarks(row, decoders, dx, dy, size);
    expect(marks).toEqual([
      ...decoders.map((id) => ({
        kind: 'glyph',
        id,
        x: row.points[id]!.x - dx,
        y: row.points[id]!.y - dy,
        size,
      })),
      { kind: 'truth', x: row.truth!.x - dx, y: row.truth!.y - dy, r: 2 * size },
    ]);
  });

  it('marks only the decoders asked for', () => {
    expect(pointMarks(row, ['dark'], 0, 0, 1).map((m) => (m.kind === 'glyph' ? m.id : m.kind))).toEqual([
      'dark',
      'truth',
    ]);
  });

  it('skips non-finite points and a non-finite truth', () => {
    const bad = {
      ...row,
      points: { ...row.points, argmax: { x: Number.NaN, y: 3, score: 1 }, dark: { x: 2, y: Infinity, score: 1 } },
      truth: { x: Number.NaN, y: Number.NaN },
    };
    expect(pointMarks(bad, decoders, 0, 0, 1)).toEqual([
      { kind: 'glyph', id: 'softargmax', x: row.points.softargmax!.x, y: row.points.softargmax!.y, size: 1 },
    ]);
  });

  it('marks nothing for a skipped row or no row', () => {
    expect(pointMarks({ ...row, skipped: 'holds no finite value' }, decoders, 0, 0, 1)).toEqual([]);
    expect(pointMarks(undefined, decoders, 0, 0, 1)).toEqual([]);
  });
});

describe('drawMarks(marks, doc)', () => {
  const doc = parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
  const marks: Mark[] = [
    { kind: 'glyph', id: 'dark', x: 1.5, y: -2.25, size: 0.16 },
    { kind: 'truth', x: 3, y: 4.5, r: 0.32 },
    { kind: 'box', x: 20, y: 30, w: 7, h: 5 },
  ];
  const attrs = (el: Element) => Object.fromEntries([...el.attributes].map((a) => [a.name, a.value]));

  it('makes an SVG <use> of the decoder’s glyph, a <circle> for the truth and a <rect> for the close-up’s box', () => {
    const [use, ring, box] = drawMarks(marks, doc) as Element[];
    for (const el of [use, ring, box]) expect(el!.namespaceURI).toBe(SVG);
    expect([use!.localName, ring!.localName, box!.localName]).toEqual(['use', 'circle', 'rect']);
    expect(attrs(use!)).toEqual({
      href: '#lab-glyph-dark',
      class: 'marker decoder-dark',
      transform: 'translate(1.5 -2.25) scale(0.16)',
    });
    expect(attrs(ring!)).toEqual({ class: 'truth', cx: '3', cy: '4.5', r: '0.32' });
    // The box's corner is its first cell's corner: half a cell before the cell's centre.
    expect(attrs(box!)).toEqual({
      class: 'zoom-box',
      x: String(20 - 0.5),
      y: String(30 - 0.5),
      width: '7',
      height: '5',
    });
  });

  it('draws nothing for no marks', () => {
    expect(drawMarks([], doc)).toEqual([]);
  });
});
