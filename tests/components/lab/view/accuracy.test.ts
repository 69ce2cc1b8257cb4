/** The Lab's accuracy tables from a result: COCOeval's ten numbers, a dash where nobody counts. */
import { describe, expect, it } from 'vitest';
import type { CocoEvalStats, LabResult } from '../../../../src/lib/index.ts';
import { cocoLines, metricsLines } from '../../../../src/components/lab/view/accuracy.ts';

const stats: CocoEvalStats = {
  ap: 0.5,
  ap50: 1,
  ap75: 0.25,
  apm: 0.5,
  apl: -1,
  ar: 1,
  ar50: 1,
  ar75: 1,
  arm: 1,
  arl: -1,
};

describe('cocoLines(result) and metricsLines(result)', () => {
  it('gives each decoder with COCO numbers, then the results file, ten cells in summarize()’s order', () => {
    const result = {
      metrics: [
        { decoder: 'dark', coco: stats },
        { decoder: 'argmax' }, // a points file: no COCO numbers, no line
      ],
      results: { source: 'r.json', stats },
    } as unknown as LabResult;
    const cells = ['50.0', '100.0', '25.0', '50.0', '—', '100.0', '100.0', '100.0', '100.0', '—'];
    expect(cocoLines(result)).toEqual([
      { id: 'dark', label: 'DARK', cells },
      { id: 'results', label: 'Your results (r.json)', cells },
    ]);
    // The accuracy table takes AP from COCO's numbers when there are any.
    expect(metricsLines(result).map((l) => [l.id, l.ap, l.ap50, l.ap75])).toEqual([
      ['dark', '50.0', '100.0', '25.0'],
      ['argmax', '—', '—', '—'],
      ['results', '50.0', '100.0', '25.0'],
    ]);
  });
});
