/**
 * The Lab's inputs (`inputs-spec.ts`) drawn from a status and what is loaded: the progress bar,
 * the Remove buttons, the chooser of a `.npz` member, the sample buttons, and the messages in
 * the order of their sources.
 */
import { describe, expect, it } from 'vitest';
import spec from '../../../../src/components/lab/specs/inputs-spec.ts';
import { LAB_SAMPLES } from '../../../../src/components/lab/samples.ts';
import { labStatus, type LabLoaded, type LabStatus } from '../../../../src/components/lab/sources.ts';
import { renderFigure } from '../../../../src/components/ui/render-figure.ts';
import type { InputSummary } from '../../../../src/lib/index.ts';
import { drawBlock } from './blocks.ts';

/** The status as the page starts, patched. */
const statusWith = (patch: Partial<LabStatus> = {}): LabStatus => ({ ...labStatus.get(), ...patch });
const maps: InputSummary = { kind: 'heatmaps', source: 'maps.npy', n: 2, k: 17, h: 64, w: 48 };
const render = (status: Partial<LabStatus> = {}, loaded: LabLoaded = {}) =>
  renderFigure(spec, { fed: { status: statusWith(status), loaded } });

describe('the Lab’s inputs: their view', () => {
  it('hides the progress bar when no decode runs, and shows how far one is', () => {
    expect(render().view.attrs.progress).toEqual({ hidden: '', value: '0' });
    expect(render({ progress: 0.25, line: 'Decoding: 16 of 64 maps' }).view).toMatchObject({
      attrs: { progress: { hidden: null, value: String(0.25) } },
      text: { status: 'Decoding: 16 of 64 maps' },
    });
    expect(render({ progress: 0 }).view.attrs.progress?.hidden).toBeNull();
  });

  it('shows each Remove button, and what was chosen, only when something is loaded', () => {
    const none = render().view;
    expect([none.attrs['clear-truth']?.hidden, none.attrs['clear-flipped']?.hidden]).toEqual(['', '']);
    expect([none.text['truth-name'], none.text['flipped-name']]).toEqual(['', '']);
    const both = render(
      { truth: ['truth.json', 'results.json'] },
      { input: maps, flipped: { ...maps, source: 'flipped.npy' } },
    ).view;
    expect([both.attrs['clear-truth']?.hidden, both.attrs['clear-flipped']?.hidden]).toEqual([null, null]);
    expect([both.text['truth-name'], both.text['flipped-name']]).toEqual([
      'Chosen: truth.json, results.json',
      'Chosen: flipped.npy',
    ]);
    // The input alone loaded: the flipped image's button stays hidden.
    expect(render({}, { input: maps }).view.attrs['clear-flipped']?.hidden).toBe('');
  });

  it('shows the chooser of an archive’s arrays with a sentence naming the file and the slot', () => {
    expect(render().view.attrs.choose?.hidden).toBe('');
    const arrays = [
      { name: 'heatmaps', bytes: 12_345 },
      { name: 'flipped', bytes: 678 },
    ];
    const input = render({ choose: { role: 'input', choice: { file: 'out.npz', arrays } } });
    expect(input.view.attrs.choose?.hidden).toBeNull();
    expect(input.view.text['choose-what']).toBe('out.npz holds 2 arrays: which holds the heatmaps?');
    const flipped = render({ choose: { role: 'flipped', choice: { file: 'f.npz', arrays } } });
    expect(flipped.view.text['choose-what']).toBe("f.npz holds 2 arrays: which holds the flipped image's maps?");
    const options = drawBlock(spec, 'choose-array', input, 'select').querySelectorAll('option');
    expect([...options].map((o) => [o.getAttribute('value'), o.textContent])).toEqual([
      ['heatmaps', `heatmaps (${(12_345).toLocaleString('en')} bytes)`],
      ['flipped', 'flipped (678 bytes)'],
    ]);
  });

  it('disables every sample button while a sample opens', () => {
    const idle = render().view.attrs;
    const opening = render({ opening: LAB_SAMPLES[0]!.id }).view.attrs;
    expect(LAB_SAMPLES.length).toBeGreaterThan(1);
    for (const { id } of LAB_SAMPLES) {
      expect(idle[`sample-${id}`], id).toEqual({ disabled: null });
      expect(opening[`sample-${id}`], id).toEqual({ disabled: '' });
    }
  });
});

describe('the Lab’s inputs: their messages', () => {
  const texts = (into: Element) => [...into.querySelectorAll('p')].map((p) => p.textContent);

  it('lists the problems in the order input, flipped, truth, decode, whatever order they came in', () => {
    const drawn = render({
      problems: { decode: ['D1', 'D2'], truth: ['T'], input: ['I'], flipped: ['F'] },
    });
    expect(texts(drawBlock(spec, 'messages', drawn))).toEqual(['I', 'F', 'T', 'D1', 'D2']);
  });

  it('lists the notes in the same order, apart from the problems', () => {
    const drawn = render({ problems: { input: ['problem'] }, notes: { decode: ['N2'], input: ['N1'] } });
    expect(texts(drawBlock(spec, 'notes', drawn))).toEqual(['N1', 'N2']);
    expect(texts(drawBlock(spec, 'messages', drawn))).toEqual(['problem']);
  });

  it('draws no message when there are none', () => {
    expect(drawBlock(spec, 'messages', render()).children).toHaveLength(0);
  });
});
