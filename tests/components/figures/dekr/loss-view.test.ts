import { describe, expect, it } from 'vitest';
import { lossChart, lossData, lossView } from '../../../../src/components/figures/dekr/loss-view.ts';
import { defaultsOf } from '../../../../src/components/ui/params.ts';
import { ch7, type Ch7State } from '../../../../src/components/state/ch7.ts';
import { doc, numbersOf } from '../chart-doc.ts';

const state = (patch: Partial<Ch7State> = {}): Ch7State => ({ ...defaultsOf(ch7), ...patch });

describe('lossView(data, error)', () => {
  const d = lossData(state({ small: 32, large: 256, err: 5 }));

  it('draws both people at one scale, the error circle of the error’s radius', () => {
    const v = lossView(d, 5);
    expect(v.attrs['small-error']?.r).toBe('5.00');
    expect(v.attrs['large-error']?.r).toBe('5.00');
    // The box holds the large person (256 px to the nose, a head of 6 % of that above it) and
    // 12 px of margin above and below.
    const [, , , h] = numbersOf(v.attrs.people!.viewBox!);
    expect(h).toBeCloseTo(256 * 1.06 + 24, 1);
    expect(Number(v.attrs['large-head']?.r)).toBeCloseTo(0.06 * 256, 2);
    expect(Number(v.attrs['large-head']?.cy) - Number(v.attrs['large-head']?.r)).toBeGreaterThanOrEqual(12 - 1e-9);
    expect(v.text.ratio).toBe("The same wrist error on both: the small person's loss is 8.0 times the large one's.");
  });
});

describe('lossChart(data, frame)', () => {
  it('charts loss against height with both people marked', () => {
    const d = lossData(state({ small: 32, large: 256, err: 5 }));
    const svg = lossChart(d, { width: 480, document: doc() });
    expect(svg.querySelector('style')).toBeNull();
    expect(svg.querySelectorAll('.person-small circle, circle.person-small').length).toBeGreaterThan(0);
    expect(svg.getAttribute('aria-description')).toContain('at 32 px');
  });

  it('keeps the whole curve inside the plot, whatever the people and the error', () => {
    for (const patch of [{ small: 16, err: 20 }, { small: 128, large: 128, err: 0.5 }, { err: 0 }]) {
      const d = lossData(state(patch));
      const svg = lossChart(d, { width: 480, document: doc() }) as Element & { scale(n: 'y'): { domain: number[] } };
      const top = svg.scale('y').domain[1]!;
      expect(Math.max(...d.curve.map((c) => c.loss))).toBeLessThanOrEqual(top);
      expect(Math.max(d.small.loss, d.large.loss)).toBeLessThanOrEqual(top);
    }
  });

  it('draws 5 px on 40 and 240 px people as pinned', async () => {
    const d = lossData(state({ small: 40, large: 240, err: 5 }));
    await expect(lossChart(d, { width: 480, document: doc() }).outerHTML).toMatchFileSnapshot(
      '../../__snapshots__/dekr-loss.svg',
    );
  });
});
