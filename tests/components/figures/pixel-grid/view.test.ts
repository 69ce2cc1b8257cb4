import { describe, expect, it } from 'vitest';
import { buildPixelGrid } from '../../../../src/lib/index.ts';
import { pixelGridAnnouncement, pixelGridView } from '../../../../src/components/figures/pixel-grid/view.ts';

describe('pixelGridView(data)', () => {
  const data = buildPixelGrid({ keypoint: { x: 141.3, y: 109.6 }, sigma: 2, target: 'unbiased' });
  const view = pixelGridView(data);

  it('places the handle on the keypoint and the cell square around the argmax cell', () => {
    expect(view.attrs.handle).toEqual({ transform: 'translate(141.300 109.600)' });
    expect(view.attrs['hm-cell']).toEqual({ x: '34.500', y: '26.500' });
    expect(view.attrs['crop-cell']).toMatchObject({ x: '138.000', y: '106.000', width: '4.00' });
  });

  it('reports the numbers of the library, formatted', () => {
    expect(view.text['stat-cell']).toBe('(35, 27)');
    expect(view.text['stat-back']).toBe('(140.00, 108.00)');
    expect(view.text['stat-error']).toBe(`${data.error.toFixed(2)} px`);
    expect(pixelGridAnnouncement(data)).toMatch(
      /cell 35, 27\. Argmax maps back to x 140, y 108, an error of 2\.06 pixels/,
    );
  });
});
