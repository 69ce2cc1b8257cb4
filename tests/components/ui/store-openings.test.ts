import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { choiceParam, numberParam, reopen, withDefault } from '../../../src/components/ui/params.ts';
import { keypointSchema } from '../../../src/components/state/keypoint.ts';
import { CHAPTER_OPENINGS } from '../../../src/components/state/openings.ts';
import { renderFigure } from '../../../src/components/ui/render-figure.ts';
import pixelGrid from '../../../src/components/figures/pixel-grid/spec.ts';

describe('withDefault and reopen', () => {
  const target = choiceParam(['unbiased', 'biased'] as const, 'unbiased');

  it('gives one parameter object per parameter and default, and the parameter itself for its own default', () => {
    const a = withDefault(target, 'biased');
    expect(a.default).toBe('biased');
    expect(withDefault(target, 'biased')).toBe(a);
    expect(withDefault(target, 'unbiased')).toBe(target);
    // Everything else is the parameter's own.
    expect(a.parse('unbiased')).toBe('unbiased');
    expect(a.control).toBe(target.control);
  });

  it('reads the openings as the URL writes them, ignores keys the schema lacks, and refuses a value the parameter refuses', () => {
    const sigma = numberParam({ default: 2, min: 0.5, max: 4, digits: 1 });
    const schema = { target, sigma };
    const opened = reopen(schema, { target: 'biased', sigma: '3.5', other: 'x' });
    expect(opened.target.default).toBe('biased');
    expect(opened.sigma.default).toBe(3.5);
    expect(Object.keys(opened)).toEqual(['target', 'sigma']);
    expect(reopen(schema, undefined)).toBe(schema);
    expect(() => reopen(schema, { sigma: '9' })).toThrow(/'9' is not a value of 'sigma'/);
  });

  it('every chapter opening is a value its key accepts in the keypoint parameters', () => {
    for (const openings of Object.values(CHAPTER_OPENINGS))
      expect(() => reopen(keypointSchema, openings)).not.toThrow();
  });
});

describe('a chapter store opens where its chapter says, at build time as in the browser', () => {
  beforeEach(() => {
    vi.stubGlobal('location', new URL('https://example.org/chapters/02-x/'));
    vi.stubGlobal('history', { state: null, replaceState: vi.fn() });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('chapter 2 opens on the biased target, chapter 1 on the unbiased one, and a link still chooses', async () => {
    expect(renderFigure(pixelGrid, { store: 'ch2' }).state.target).toBe('biased');
    expect(renderFigure(pixelGrid, { store: 'ch1' }).state.target).toBe('unbiased');
    expect(renderFigure(pixelGrid).state.target).toBe('unbiased');
    const { chapterStore } = await import('../../../src/components/ui/store.ts');
    expect(chapterStore('ch2', keypointSchema).get().target).toBe('biased');
    expect(chapterStore('ch1', keypointSchema).get().target).toBe('unbiased');
    // A second figure of chapter 2 with the same shared parameters is accepted.
    expect(() => chapterStore('ch2', keypointSchema)).not.toThrow();
  });
});
