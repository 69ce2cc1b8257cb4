import { describe, expect, it } from 'vitest';
import { choose, MAX_SEED, reseed, toggle, toggleIn } from '../../../src/components/ui/actions.ts';
import { ch4 } from '../../../src/components/state/ch4.ts';
import { ch7 } from '../../../src/components/state/ch7.ts';

describe('reseed(key)', () => {
  it('asks for the next seed at key, and for 1 after the last', () => {
    expect(reseed('seed')({ seed: 7 })).toEqual({ seed: 8 });
    expect(reseed('scene')({ scene: MAX_SEED - 1 })).toEqual({ scene: MAX_SEED });
    expect(reseed('scene')({ scene: MAX_SEED })).toEqual({ scene: 1 });
  });

  it('wraps where the chapters’ seed parameters end', () => {
    for (const param of [ch4.seed, ch7.seed, ch7.scene])
      expect(param.control).toMatchObject({ kind: 'number', min: 1, max: MAX_SEED });
  });
});

describe('choose(key)', () => {
  it('asks for the button’s data-value at key, as a number', () => {
    expect(choose('joint')({}, '0')).toEqual({ joint: 0 });
    expect(choose('sample')({}, '12')).toEqual({ sample: 12 });
  });

  it('asks for nothing when data-value is missing or not a whole number', () => {
    for (const value of [undefined, '', 'x', '1.5', '-1']) expect(choose('joint')({}, value)).toEqual({});
  });
});

describe('toggle(key, none)', () => {
  it("sets the pressed button's value, back to `none` when it is set already, and asks nothing without a value", () => {
    const only = toggle<'only', 'all' | 'dark' | 'argmax'>('only', 'all');
    expect(only({ only: 'all' }, 'dark')).toEqual({ only: 'dark' });
    expect(only({ only: 'dark' }, 'dark')).toEqual({ only: 'all' });
    expect(only({ only: 'dark' }, 'argmax')).toEqual({ only: 'argmax' });
    expect(only({ only: 'dark' }, undefined)).toEqual({});
  });
});

describe('toggleIn(key)', () => {
  it("takes the pressed button's value out of the set when it is in, adds it otherwise, and asks nothing without a value", () => {
    const off = toggleIn<'off', 'argmax' | 'dark'>('off');
    expect(off({ off: [] }, 'dark')).toEqual({ off: ['dark'] });
    expect(off({ off: ['argmax', 'dark'] }, 'dark')).toEqual({ off: ['argmax'] });
    expect(off({ off: ['dark'] }, undefined)).toEqual({});
  });
});
