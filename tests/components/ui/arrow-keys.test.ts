import { describe, expect, it } from 'vitest';
import { ARROW_STEPS } from '../../../src/components/ui/arrow-keys.ts';

describe('ARROW_STEPS', () => {
  it('steps one cell per arrow, x to the right and y down', () => {
    expect(ARROW_STEPS).toEqual({ ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] });
  });

  it('has no step for other keys', () => {
    for (const key of ['Enter', ' ', 'PageUp', 'Home', 'Left']) expect(ARROW_STEPS[key]).toBeUndefined();
  });
});
