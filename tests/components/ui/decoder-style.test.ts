/**
 * decoderStyle: every decoder a chart draws has a class the stylesheet colours, a dash pattern
 * and the library's label; heatmap decoders differ by dash as well as colour, and each SimCC
 * decoder is drawn as its heatmap counterpart is.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decoderStyle } from '../../../src/components/ui/decoder-style.ts';
import {
  DECODER_LABELS,
  HEATMAP_DECODER_IDS,
  SIMCC_DECODER_IDS,
  SIMCC_DECODER_LABELS,
} from '../../../src/lib/index.ts';

const ALL = [...HEATMAP_DECODER_IDS, ...SIMCC_DECODER_IDS];
const css = readFileSync(new URL('../../../src/styles/global.css', import.meta.url), 'utf8');

describe('decoderStyle(id)', () => {
  it("gives each decoder the library's label, a short name and a class named after it", () => {
    for (const id of HEATMAP_DECODER_IDS) expect(decoderStyle(id).label).toBe(DECODER_LABELS[id]);
    for (const id of SIMCC_DECODER_IDS) expect(decoderStyle(id).label).toBe(SIMCC_DECODER_LABELS[id]);
    for (const id of ALL) {
      expect(decoderStyle(id).className).toBe(`decoder-${id}`);
      expect(decoderStyle(id).short).not.toBe('');
    }
  });

  it("gives every decoder's class a rule in the stylesheet's charts", () => {
    for (const id of ALL) expect(css).toContain(`.plot .decoder-${id}`);
  });

  it('gives each heatmap decoder a dash pattern of its own', () => {
    const dashes = HEATMAP_DECODER_IDS.map((id) => decoderStyle(id).dash);
    expect(new Set(dashes).size).toBe(HEATMAP_DECODER_IDS.length);
    for (const dash of dashes) expect(dash).toMatch(/^(none|\d+( \d+)+)$/);
  });

  it('draws each SimCC decoder with the dash of its heatmap counterpart', () => {
    expect(decoderStyle('simccArgmax').dash).toBe(decoderStyle('argmax').dash);
    expect(decoderStyle('simccExpectation').dash).toBe(decoderStyle('softargmax').dash);
    expect(decoderStyle('simccDark').dash).toBe(decoderStyle('dark').dash);
  });
});
