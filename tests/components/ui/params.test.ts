import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  booleanParam,
  choiceParam,
  defaultsOf,
  numberParam,
  readState,
  writeState,
} from '../../../src/components/ui/params.ts';

const schema = {
  x: numberParam({ default: 10, min: 0, max: 100 }),
  k: numberParam({ default: 2, min: 1, max: 4, integer: true }),
  target: choiceParam(['biased', 'unbiased'] as const, 'unbiased'),
  on: booleanParam(false),
};

describe('readState(schema, prefix, search)', () => {
  it('reads valid values and keeps defaults for missing ones', () => {
    const { state, rejected } = readState(schema, 'c', new URLSearchParams('c.x=42.5&c.target=biased&c.on=1'));
    expect(state).toEqual({ x: 42.5, k: 2, target: 'biased', on: true });
    expect(rejected).toEqual([]);
  });

  it('rejects hostile and out-of-range values, naming them, and falls back to defaults', () => {
    const search = new URLSearchParams(
      'c.x=%3Cscript%3E&c.k=2.5&c.target=constructor&c.on=true&c.__proto__=1&c.x2=' + '9'.repeat(5000),
    );
    const { state, rejected } = readState(schema, 'c', search);
    expect(state).toEqual(defaultsOf(schema));
    expect(rejected.sort()).toEqual(['k', 'on', 'target', 'x']);
    expect(readState(schema, 'c', new URLSearchParams('c.x=1e999')).rejected).toEqual(['x']);
    expect(readState(schema, 'c', new URLSearchParams('c.x=101')).rejected).toEqual(['x']);
    expect(readState(schema, 'c', new URLSearchParams(`c.x=${'1'.repeat(100)}`)).rejected).toEqual(['x']);
  });

  it('never throws and always yields values inside the schema, whatever the URL (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('c.x', 'c.k', 'c.target', 'c.on', 'x'), fc.string({ maxLength: 80 })),
        (entries) => {
          const { state } = readState(schema, 'c', new URLSearchParams(entries));
          return (
            state.x >= 0 &&
            state.x <= 100 &&
            Number.isInteger(state.k) &&
            ['biased', 'unbiased'].includes(state.target) &&
            typeof state.on === 'boolean'
          );
        },
      ),
    );
  });
});

describe('writeState(schema, prefix, state, search)', () => {
  it('writes changed keys, drops defaults, and round-trips through readState', () => {
    const search = new URLSearchParams('other=keep&c.k=3');
    writeState(schema, 'c', { x: 12.345, k: 2, target: 'biased', on: true }, search);
    expect(search.toString()).toBe('other=keep&c.x=12.35&c.target=biased&c.on=1');
    expect(readState(schema, 'c', search).state).toEqual({ x: 12.35, k: 2, target: 'biased', on: true });
  });
});

describe('numberParam clamp', () => {
  it('brings values into range and rounds integers', () => {
    expect(schema.x.clamp(-5)).toBe(0);
    expect(schema.x.clamp(500)).toBe(100);
    expect(schema.k.clamp(2.6)).toBe(3);
  });
});
