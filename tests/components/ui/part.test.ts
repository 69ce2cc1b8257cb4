import { describe, expect, it } from 'vitest';
import { part } from '../../../src/components/ui/part.ts';
import { pageWith } from './dom.ts';

describe('part(root, selector, figure)', () => {
  const root = pageWith('<div id="fig"><p data-role="out">x</p></div>').getElementById('fig')!;

  it('gives the element the selector names under root', () => {
    expect(part(root, '[data-role="out"]').textContent).toBe('x');
  });

  it('throws, naming the figure and the selector, when the element is missing', () => {
    expect(() => part(root, '[data-role="in"]', 'pixel-grid')).toThrow('pixel-grid: missing [data-role="in"]');
    expect(() => part(root, '.none')).toThrow('figure: missing .none');
  });
});
