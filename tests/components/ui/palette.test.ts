/**
 * The decoder palette (src/styles/global.css) holds apart every two series a chart draws together,
 * for readers with normal colour vision and with each of the three dichromacies, in light and
 * dark mode; and each colour keeps WCAG's 3:1 against the page (a line is a graphical object).
 * The palette before these checks drew figures 9.3 and 9.4's argmax and MediaPipe 0.066 apart in
 * dark mode (0.035 for a tritanope) and, in every chart, argmax and soft-argmax 0.028 apart for a
 * deuteranope (light mode): OKLab distances, where 1 is black to white.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HEATMAP_DECODER_IDS } from '../../../src/lib/index.ts';
import { MARK_IDS } from '../../../src/components/figures/blazepose/marks.ts';
import { contrastRatio, distance, linearRgb, oklab, SIMULATIONS, type Vision } from './colour-vision.ts';

const css = readFileSync('src/styles/global.css', 'utf8');

/** The OKLab distance two series' colours keep at least: with normal colour vision, and simulated dichromacy. */
const APART: Readonly<Record<Vision, number>> = { normal: 0.1, protanopia: 0.05, deuteranopia: 0.05, tritanopia: 0.05 };

/** The value of each custom property `--name`, in light mode (its first definition) and dark mode (its second). */
function property(name: string): { light: string; dark: string } {
  const values = [...css.matchAll(new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})\\s*;`, 'g'))].map((m) => m[1]!);
  if (values.length !== 2) throw new Error(`--${name}: expected a light and a dark value, found ${values.length}`);
  return { light: values[0]!, dark: values[1]! };
}

/** The palette variable a chart's series of class `decoder-<id>` strokes with. */
function variableOf(id: string): string {
  for (const [, selectors, body] of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const listed = selectors!.split(',').some((s) => s.trim() === `.plot .decoder-${id}`);
    const stroke = /stroke:\s*var\(--(decoder-[\w-]+)\)/.exec(body!);
    if (listed && stroke) return stroke[1]!;
  }
  throw new Error(`no .plot .decoder-${id} rule with a stroke`);
}

/** The charts' sets of series drawn together, each as the palette variables they use. */
const SETS: Readonly<Record<string, readonly string[]>> = {
  "chapter 9's decoders and the regressed landmark (figures 9.2–9.4)": MARK_IDS.map(variableOf),
  "the heatmap decoders (the Lab's charts, chapter 10's figures)": HEATMAP_DECODER_IDS.map(variableOf),
};

describe('the decoder palette', () => {
  const bg = property('bg');
  for (const scheme of ['light', 'dark'] as const) {
    for (const [name, variables] of Object.entries(SETS)) {
      const colours = [...new Set(variables)].map((v) => ({ v, hex: property(v)[scheme] }));

      it(`${name}, ${scheme}: every colour keeps 3:1 against the page`, () => {
        for (const { v, hex } of colours) expect(contrastRatio(hex, bg[scheme]), v).toBeGreaterThanOrEqual(3);
      });

      for (const vision of Object.keys(SIMULATIONS) as Vision[]) {
        it(`${name}, ${scheme}: every two colours at least ${APART[vision]} apart (${vision})`, () => {
          const close: string[] = [];
          colours.forEach((a, i) =>
            colours.slice(i + 1).forEach((b) => {
              const d = distance(a.hex, b.hex, vision);
              if (d < APART[vision]) close.push(`${a.v} ${a.hex} and ${b.v} ${b.hex}: ${d.toFixed(3)}`);
            }),
          );
          expect(close).toEqual([]);
        });
      }
    }
  }
});

describe('colour-vision.ts', () => {
  it('gives a colour no distance from itself, and black and white the OKLab lightness range and 21:1', () => {
    expect(distance('#3366cc', '#3366cc', 'deuteranopia')).toBe(0);
    expect(distance('#000000', '#ffffff')).toBeCloseTo(1, 6);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 6);
  });

  it('makes red and green alike for a deuteranope, and keeps them apart for normal vision', () => {
    const [red, green] = ['#d62728', '#2ca02c'];
    expect(distance(red, green)).toBeGreaterThan(0.2);
    expect(distance(red, green, 'deuteranopia')).toBeLessThan(distance(red, green) / 3);
  });

  it('gives the OKLab values CSS Color 4 lists for sRGB red and blue', () => {
    // oklab(62.8% 0.2249 0.1258) and oklab(45.2% -0.0325 -0.3115), as CSS Color 4's conversions give them.
    const [L, a, b] = oklab(linearRgb('#ff0000'));
    expect([L, a, b].map((v) => Number(v.toFixed(3)))).toEqual([0.628, 0.225, 0.126]);
    expect(oklab(linearRgb('#0000ff')).map((v) => Number(v.toFixed(3)))).toEqual([0.452, -0.032, -0.312]);
  });
});
