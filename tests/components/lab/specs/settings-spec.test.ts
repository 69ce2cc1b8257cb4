/**
 * The Lab's settings (`settings-spec.ts`): the run of the URL state and what is loaded make its
 * texts (`settingsView`): which family's settings show, the flip test's sentence, and the toolkit
 * function each decoder follows.
 */
import { describe, expect, it } from 'vitest';
import spec from '../../../../src/components/lab/specs/settings-spec.ts';
import type { LabLoaded } from '../../../../src/components/lab/sources.ts';
import { runOf, type LabState } from '../../../../src/components/lab/state.ts';
import { followsText, settingsView } from '../../../../src/components/lab/view/texts.ts';
import { renderFigure } from '../../../../src/components/ui/render-figure.ts';
import type { InputSummary } from '../../../../src/lib/index.ts';

const heatmaps: InputSummary = { kind: 'heatmaps', source: 'maps.npy', n: 2, k: 17, h: 64, w: 48 };
const simcc: InputSummary = { kind: 'simcc', source: 'rtm.npz', n: 1, k: 17, h: 512, w: 384 };

const render = (loaded: LabLoaded, state: Partial<LabState> = {}) => renderFigure(spec, { fed: loaded, state });
const hidden = (view: ReturnType<typeof render>['view']) => [
  view.attrs['heatmap-settings']?.hidden,
  view.attrs['simcc-settings']?.hidden,
];

describe('the Lab’s settings', () => {
  const cases: [string, LabLoaded, (string | null)[]][] = [
    ['nothing loaded', {}, [null, null]],
    ['heatmaps', { input: heatmaps }, [null, '']],
    ['heatmaps with the flipped maps', { input: heatmaps, flipped: { ...heatmaps, source: 'f.npy' } }, [null, '']],
    ['SimCC', { input: simcc }, ['', null]],
  ];

  it.each(cases)('with %s, build the run of the state and show the settings that apply', (_, loaded, shown) => {
    const state: Partial<LabState> = { convention: 'mmpose', flip: '0', beta: 5, dark: false };
    const drawn = render(loaded, state);
    expect(drawn.data.run).toEqual(runOf(drawn.state));
    expect(drawn.data.run).toMatchObject({ convention: 'mmpose', flip: 0, beta: 5 });
    expect(drawn.data.run.decoders).not.toContain('dark');
    expect(drawn.view).toEqual(settingsView(drawn.data.run, loaded.input?.kind, Boolean(loaded.flipped)));
    expect(hidden(drawn.view)).toEqual(shown);
  });

  it('say what the flip test will do with what is loaded', () => {
    const flipped = { input: heatmaps, flipped: { ...heatmaps, source: 'f.npy' } };
    expect(render({ input: heatmaps }).view.text['flip-text']).toMatch(/^Load the flipped image's maps/);
    expect(render(flipped, { flip: '1' }).view.text['flip-text']).toMatch(/shifted 1 cell right/);
    expect(render(flipped, { flip: 'off' }).view.text['flip-text']).toBe('The flipped maps are loaded but not used.');
    expect(render({ input: simcc }).view.text['flip-text']).toMatch(/^Load the flipped image's SimCC vectors/);
    expect(render({ input: simcc, flipped: { ...simcc, source: 'f.npz' } }).view.text['flip-text']).toMatch(
      /flip_vectors .* SimCC has no shift/,
    );
  });

  it('name the toolkit function each decoder follows under the state’s convention', () => {
    for (const convention of ['reference', 'mmpose'] as const) {
      const { text } = render({ input: heatmaps }, { convention }).view;
      expect(text['follows-dark']).toBe(followsText(convention, 'dark'));
      expect(text['follows-simccDark']).toBe(followsText(convention, 'simccDark'));
    }
    expect(render({}, { convention: 'mmpose' }).view.text['follows-argmax']).not.toBe(
      render({}, { convention: 'reference' }).view.text['follows-argmax'],
    );
  });
});
