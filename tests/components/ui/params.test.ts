import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  booleanParam,
  choiceControl,
  choiceParam,
  defaultsOf,
  numberControl,
  numberParam,
  readState,
  setParam,
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

describe('numberParam(options).control', () => {
  it('steps by one unit of the last decimal shown, 1 for integers, and shows the URL’s decimals', () => {
    expect(numberParam({ default: 1, min: 0, max: 2 }).control).toEqual({
      kind: 'number',
      min: 0,
      max: 2,
      step: 0.01,
      digits: 2,
    });
    expect(numberParam({ default: 1, min: 0, max: 2, digits: 3 }).control).toMatchObject({ step: 0.001, digits: 3 });
    expect(numberParam({ default: 4, min: 1, max: 6, integer: true }).control).toMatchObject({ step: 1, digits: 0 });
  });

  it('takes a step and the decimals shown apart from the URL’s, which they leave alone', () => {
    const side = numberParam({ default: 1, min: 0.1, max: 1.25, digits: 4, shown: 2 });
    expect(side.control).toMatchObject({ step: 0.01, digits: 2 });
    expect(side.format(0.123456)).toBe('0.1235');
    const rotation = numberParam({ default: 20, min: -180, max: 180, digits: 0, step: 5 });
    expect(rotation.control).toMatchObject({ step: 5, digits: 0 });
    expect(rotation.parse('21')).toBe(21);
  });
});

describe('numberControl(schema, key) and choiceControl(schema, key)', () => {
  it('give a control’s view of a parameter with its default, and throw for a key of another kind', () => {
    expect(numberControl(schema, 'k')).toEqual({ kind: 'number', min: 1, max: 4, step: 1, digits: 0, default: 2 });
    expect(choiceControl(schema, 'target')).toEqual({ values: ['biased', 'unbiased'], default: 'unbiased' });
    expect(() => numberControl(schema, 'target')).toThrow(/not a number parameter/);
    expect(() => choiceControl(schema, 'on')).toThrow(/not a choice parameter/);
    expect(() => numberControl(schema, 'missing')).toThrow(/not a number parameter/);
  });
});

describe('setParam(values)', () => {
  const p = setParam(['argmax', 'dark', 'regressed'] as const);

  it('is empty by default and writes nothing then; keeps the values in their own order', () => {
    expect(p.default).toEqual([]);
    expect(p.format([])).toBe('');
    expect(p.format(['regressed', 'argmax'])).toBe('argmax,regressed');
    expect(p.parse('regressed,argmax')).toEqual(['argmax', 'regressed']);
    expect(p.parse('')).toEqual([]);
  });

  it('refuses an unknown value, a repeated one and an overlong text; clamps to the known values', () => {
    expect(p.parse('argmax,median')).toBeUndefined();
    expect(p.parse('dark,dark')).toBeUndefined();
    expect(p.parse('dark,'.repeat(100))).toBeUndefined();
    expect(p.clamp(['dark', 'x' as 'dark', 'argmax'])).toEqual(['argmax', 'dark']);
  });

  it('round-trips every subset through the URL', () => {
    const values = ['argmax', 'dark', 'regressed'] as const;
    for (let mask = 0; mask < 8; mask++) {
      const subset = values.filter((_, i) => mask & (1 << i));
      expect(p.parse(p.format(subset))).toEqual(subset);
    }
  });
});
