import { describe, expect, it, vi } from 'vitest';
import { defineSpec, keyOf, memoOn } from '../../../src/components/ui/figure.ts';
import { numberParam } from '../../../src/components/ui/params.ts';

type State = { x: number; y: number; mode: 'a' | 'b' };

describe('defineSpec(spec)', () => {
  it('is the identity at run time', () => {
    const spec = { name: 'test', params: { x: numberParam({ default: 1, min: 0, max: 2 }) } };
    expect(defineSpec(spec)).toBe(spec);
  });
});

describe('memoOn(keys, fn)', () => {
  it('calls fn again only when one of its keys changes', () => {
    const fn = vi.fn((s: State) => s.x * 2);
    const memo = memoOn(['x'], fn);
    expect(memo({ x: 1, y: 1, mode: 'a' })).toBe(2);
    expect(memo({ x: 1, y: 9, mode: 'b' })).toBe(2);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(memo({ x: 2, y: 9, mode: 'b' })).toBe(4);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('remembers the last values only', () => {
    const fn = vi.fn((s: State) => s.x);
    const memo = memoOn(['x'], fn);
    memo({ x: 1, y: 0, mode: 'a' });
    memo({ x: 2, y: 0, mode: 'a' });
    memo({ x: 1, y: 0, mode: 'a' });
    expect(fn).toHaveBeenCalledTimes(3);
  });
});

describe('keyOf(state, keys)', () => {
  it('tells states apart by the listed keys only', () => {
    expect(keyOf({ x: 1, y: 2, mode: 'a' }, ['x', 'mode'])).toBe(keyOf({ x: 1, y: 7, mode: 'a' }, ['x', 'mode']));
    expect(keyOf({ x: 1, y: 2, mode: 'a' }, ['x'])).not.toBe(keyOf({ x: 1.5, y: 2, mode: 'a' }, ['x']));
  });

  it('joins the values in the order of the keys', () => {
    expect(keyOf({ x: 1, y: 2, mode: 'b' }, ['mode', 'x'])).toBe('b|1');
  });
});
