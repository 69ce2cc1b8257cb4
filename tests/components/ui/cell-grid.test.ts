import { describe, expect, it } from 'vitest';
import { cellGridPath } from '../../../src/components/ui/cell-grid.ts';

describe('cellGridPath(w, h)', () => {
  it('draws w + 1 vertical and h + 1 horizontal lines on the cells’ edges, half a cell off their centres', () => {
    expect(cellGridPath(2, 1)).toBe('M-0.5 -0.5V0.5M0.5 -0.5V0.5M1.5 -0.5V0.5M-0.5 -0.5H1.5M-0.5 0.5H1.5');
  });
});
