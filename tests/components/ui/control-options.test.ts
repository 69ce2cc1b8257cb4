/**
 * controlOptions, and the controls every chapter's parameters describe: the ranges, steps and
 * decimals its sliders are built with (Slider.astro reads them from the parameter), and the
 * options of its segmented controls and drop-downs (Segmented.astro, Select.astro).
 */
import { describe, expect, it } from 'vitest';
import { BLAZEPOSE_KEYPOINT_NAMES } from '../../../src/lib/index.ts';
import { ch1 } from '../../../src/components/state/ch1.ts';
import { ch2 } from '../../../src/components/state/ch2.ts';
import { ch3 } from '../../../src/components/state/ch3.ts';
import { ch4 } from '../../../src/components/state/ch4.ts';
import { ch5 } from '../../../src/components/state/ch5.ts';
import { ch6, LABEL_NAMES } from '../../../src/components/state/ch6.ts';
import { ch7 } from '../../../src/components/state/ch7.ts';
import { ch8 } from '../../../src/components/state/ch8.ts';
import { ch9 } from '../../../src/components/state/ch9.ts';
import { ch10 } from '../../../src/components/state/ch10.ts';
import { controlOptions, MAX_LISTED_NUMBERS } from '../../../src/components/ui/control-options.ts';
import {
  booleanParam,
  choiceParam,
  numberControl,
  numberParam,
  type Param,
} from '../../../src/components/ui/params.ts';

type AnySchema = Readonly<Record<string, Param<unknown>>>;
const chapters: Record<string, AnySchema> = { ch1, ch2, ch3, ch4, ch5, ch6, ch7, ch8, ch9, ch10 };
const paramsOf = (kind: Param<unknown>['control']['kind']) =>
  Object.entries(chapters).flatMap(([chapter, schema]) =>
    Object.entries(schema)
      .filter(([, param]) => param.control.kind === kind)
      .map(([key]) => ({ chapter, schema, key })),
  );

describe('controlOptions(schema, key, labels)', () => {
  const schema = {
    target: choiceParam(['unbiased', 'biased'] as const, 'biased'),
    joint: numberParam({ default: 2, min: 0, max: 4, integer: true }),
    seed: numberParam({ default: 1, min: 1, max: 9999, integer: true }),
    on: booleanParam(false),
  };

  it('lists a choice parameter’s values in its order, labelled, with its default as the value', () => {
    expect(controlOptions(schema, 'target', { biased: 'Biased', unbiased: 'Unbiased' })).toEqual({
      options: [
        ['unbiased', 'Unbiased'],
        ['biased', 'Biased'],
      ],
      value: 'biased',
    });
    expect(controlOptions(schema, 'target', (v, i) => `${i + 1}. ${v}`).options).toEqual([
      ['unbiased', '1. unbiased'],
      ['biased', '2. biased'],
    ]);
  });

  it('lists every step of a number parameter, written as the URL writes it', () => {
    expect(controlOptions(schema, 'joint', (v) => `joint ${v}`)).toEqual({
      options: [0, 1, 2, 3, 4].map((k) => [String(k), `joint ${k}`]),
      value: '2',
    });
  });

  it('throws when a value has no label, or a label names a value the parameter lacks', () => {
    expect(() => controlOptions(schema, 'target', { unbiased: 'Unbiased' })).toThrow(/'biased' has no label/);
    expect(() => controlOptions(schema, 'target', () => '')).toThrow(/'unbiased' has no label/);
    expect(() => controlOptions(schema, 'target', { unbiased: 'Unbiased', biased: 'Biased', soft: 'Soft' })).toThrow(
      /no value 'soft'/,
    );
  });

  it('throws for a key the schema lacks, a boolean, or a number with too many steps to list', () => {
    expect(() => controlOptions(schema, 'missing', {})).toThrow(/not a parameter/);
    expect(() => controlOptions(schema, 'on', {})).toThrow(/not a choice or number parameter/);
    expect(() => controlOptions(schema, 'seed', String)).toThrow(
      new RegExp(`9999 steps.*at most ${MAX_LISTED_NUMBERS}`),
    );
  });
});

describe('the chapters’ choice parameters as segmented controls', () => {
  it.each(paramsOf('choice'))('$chapter.$key offers its values in order, its default checked', ({ schema, key }) => {
    const param = schema[key] as Param<unknown>;
    if (param.control.kind !== 'choice') throw new Error('not a choice');
    const { options, value } = controlOptions(schema, key, (v) => `“${v}”`);
    expect(options.map(([v]) => v)).toEqual(param.control.values);
    expect(options.map(([, label]) => label)).toEqual(param.control.values.map((v) => `“${v}”`));
    expect(param.control.values).toContain(value);
    expect(value).toBe(param.default);
  });

  it('a state module’s labels cover its values: SimDR’s label kinds', () => {
    expect(controlOptions(ch6, 'label', LABEL_NAMES).options.map(([v]) => v)).toEqual(['onehot', 'smooth', 'gauss']);
  });

  it('chapter 9’s joint is a drop-down of all 39 of BlazePose’s joints', () => {
    const labels = Object.fromEntries(BLAZEPOSE_KEYPOINT_NAMES.map((name, k) => [String(k), `${k}: ${name}`]));
    const { options, value } = controlOptions(ch9, 'joint', labels);
    expect(options).toHaveLength(39);
    expect(options[0]).toEqual(['0', '0: nose']);
    expect(value).toBe('0');
  });
});

describe('the chapters’ number parameters as sliders', () => {
  // What each slider is built with, [min, max, step, decimals shown, default]: the markup the
  // pages had when each slider restated its range (issue 25), now read from the parameter.
  const sliders: [chapter: string, key: string, control: [number, number, number, number, number]][] = [
    ['ch1', 'sigma', [0.5, 4, 0.1, 1, 2]],
    ['ch2', 'sigma', [0.5, 4, 0.1, 1, 2]],
    ['ch3', 'sigma', [0.5, 4, 0.1, 1, 2]],
    ['ch4', 'noise', [0, 0.3, 0.01, 2, 0.06]],
    ['ch4', 'peak', [0, 1, 0.05, 2, 0.45]],
    ['ch4', 'sigma', [1, 3, 0.1, 1, 2]],
    ['ch5', 'beta', [0.2, 8, 0.1, 1, 1]],
    ['ch5', 'a1', [0.5, 10, 0.5, 1, 6]],
    ['ch5', 'a2', [0, 10, 0.5, 1, 0]],
    ['ch5', 't', [0, 1, 0.01, 2, 0]],
    ['ch5', 'sigmaT', [0.5, 3, 0.1, 1, 1]],
    ['ch6', 'sigma', [0.5, 8, 0.5, 1, 6]],
    ['ch6', 'eps', [0, 0.3, 0.01, 2, 0.1]],
    ['ch6', 'shift', [-8, 8, 0.25, 2, 1.5]],
    ['ch6', 'width', [0.5, 8, 0.5, 1, 2]],
    ['ch7', 'scale', [0.5, 2.5, 0.05, 2, 1.6]],
    ['ch7', 'rotation', [-180, 180, 5, 0, 20]],
    ['ch7', 'shear', [-1, 1, 0.05, 2, 0]],
    ['ch7', 'people', [1, 6, 1, 0, 4]],
    ['ch7', 'reach', [0, 1, 0.05, 2, 0.85]],
    ['ch7', 'spread', [0.5, 4, 0.1, 1, 1.5]],
    ['ch7', 'cnoise', [0, 0.1, 0.005, 3, 0.03]],
    ['ch7', 'onoise', [0, 2, 0.1, 1, 0.4]],
    ['ch7', 'small', [16, 128, 1, 0, 40]],
    ['ch7', 'large', [128, 480, 1, 0, 240]],
    ['ch7', 'err', [0, 20, 0.5, 1, 5]],
    ['ch9', 'side', [0.1, 1.25, 0.01, 2, 1]],
    ['ch9', 'shift', [0, 8, 0.25, 2, 0]],
    ['ch10', 'threshold', [0, 2, 0.01, 2, 0.3]],
  ];

  it.each(sliders)('%s.%s has the range, step and decimals its slider shows', (chapter, key, expected) => {
    const { min, max, step, digits, default: value } = numberControl(chapters[chapter] as AnySchema, key);
    expect([min, max, step, digits, value]).toEqual(expected);
  });

  it.each(paramsOf('number'))(
    '$chapter.$key: its default is in range and on a step, and every step survives the URL',
    ({ schema, key }) => {
      const param = schema[key] as Param<number>;
      const { min, max, step, digits } = numberControl(schema, key);
      expect(step).toBeGreaterThan(0);
      expect(digits).toBeGreaterThanOrEqual(0);
      expect(param.default).toBeGreaterThanOrEqual(min);
      expect(param.default).toBeLessThanOrEqual(max);
      const steps = (param.default - min) / step;
      expect(Math.abs(steps - Math.round(steps))).toBeLessThan(1e-9);
      // The first, a middle and the last steps a slider can land on: written and read back unchanged.
      const count = Math.round((max - min) / step);
      for (const k of [0, 1, Math.floor(count / 2), count]) {
        const v = Math.min(max, min + k * step);
        expect(param.parse(param.format(v))).toBeCloseTo(v, 9);
      }
    },
  );
});
