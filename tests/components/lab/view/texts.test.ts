/** The Lab's sentences: what was loaded and decoded, NaN cells, toolkit functions, the settings' texts. */
import { describe, expect, it } from 'vitest';
import {
  decodeLabStack,
  DECODE_CONVENTION_LABELS,
  DECODE_CONVENTIONS,
  HEATMAP_DECODER_IDS,
  INPUT_MAPPING_LABELS,
  LAB_SAMPLE,
  makeLabSample,
  nonFiniteSummary,
  scanNonFinite,
  SIMCC_DECODER_IDS,
  TOOLKIT_FUNCTIONS,
} from '../../../../src/lib/index.ts';
import {
  conventionText,
  decodedLine,
  followsText,
  loadedLine,
  mapName,
  nonFiniteMessage,
  settingsView,
  stackLine,
  toolkitFunction,
} from '../../../../src/components/lab/view/texts.ts';
import { fmt } from '../../../../src/components/ui/format.ts';
import { heatmapsDecoded, runWith, simccDecoded } from '../decoded.ts';

const { stack } = makeLabSample({ ...LAB_SAMPLE, n: 10, k: 17 });
const settings = { decoders: ['argmax' as const, 'dark' as const], kernel: 11, beta: 20, stride: 4 };
const ALL_DECODERS = [...HEATMAP_DECODER_IDS, ...SIMCC_DECODER_IDS];

describe('nonFiniteMessage(source, nonFinite) and stackLine(input)', () => {
  it('says in one message how many cells were bad, what was decoded, and where the first are', () => {
    const data = Float32Array.from(stack.data.subarray(0, 2 * 64 * 48));
    data[64 * 48 + 2 * 48 + 9] = Number.NEGATIVE_INFINITY;
    const small = { n: 1, k: 2, h: 64, w: 48, data, source: 'x.npy' };
    const report = scanNonFinite(small);
    const rows = decodeLabStack(small, settings, undefined, report.emptyMaps);
    expect(nonFiniteMessage('x.npy', { summary: nonFiniteSummary(rows)!, first: report.first })).toBe(
      'x.npy: 1 NaN or infinite cell in 1 map: decoded 2 maps of 2 from their finite cells. First at n 0, k 1, x 9, y 2 (−∞).',
    );
    expect(nonFiniteSummary(decodeLabStack(stack, settings))).toBeUndefined();
    expect(stackLine(small)).toBe('x.npy: 1 sample × 2 keypoints of 64 × 48 cells (2 maps).');
    expect(stackLine({ kind: 'simcc', source: 'a + b', n: 2, k: 17, w: 384, h: 512 })).toBe(
      'a + b: 2 samples × 17 keypoints, SimCC vectors of 384 (x) and 512 (y) bins.',
    );
  });

  it('names NaN and +∞ cells, and leaves out the places when none are listed', () => {
    const first = [
      { n: 0, k: 0, x: 1, y: 2, value: Number.NaN },
      { n: 1, k: 3, x: 4, y: 5, value: Number.POSITIVE_INFINITY },
    ];
    expect(nonFiniteMessage('m.npy', { summary: 'S', first })).toBe(
      'm.npy: S. First at n 0, k 0, x 1, y 2 (NaN); n 1, k 3, x 4, y 5 (+∞).',
    );
    expect(nonFiniteMessage('m.npy', { summary: 'S', first: [] })).toBe('m.npy: S.');
  });
});

describe('mapName(index, k, names)', () => {
  it('names maps by sample, keypoint and its name, leaving out a name that only repeats the number', () => {
    const names = ['nose', 'left_eye', 'right_eye', 'left_ear', 'right_ear', 'left_shoulder', 'right_shoulder'];
    expect(mapName(17 + 6, 17, names)).toBe('sample 1, keypoint 6 (right_shoulder)');
    expect(mapName(3, 4, ['keypoint 0', 'keypoint 1', 'keypoint 2', 'keypoint 3'])).toBe('sample 0, keypoint 3');
    expect(mapName(9, 4, [])).toBe('sample 2, keypoint 1');
  });
});

describe('toolkitFunction(convention, decoder) and followsText(convention, decoder)', () => {
  it('names each decoder by the toolkit function it follows', () => {
    expect(followsText('mmpose', 'quarter')).toBe(
      'refine_keypoints (MSRAHeatmap, unbiased=False), open-mmlab/mmpose mmpose/codecs/utils/refinement.py',
    );
    expect(followsText('reference', 'quarter')).toMatch(/^get_final_preds \(no DARK\), leoxiaobin/);
    expect(followsText('reference', 'darkUdp')).toMatch(/^refine_keypoints_dark_udp/);
    expect(followsText('mmpose', 'simccExpectation')).toMatch(/no MMPose decoder/);
    expect(followsText('reference', 'nothing')).toBe('');
  });

  it('takes the convention’s own row, or the row both conventions share', () => {
    for (const convention of DECODE_CONVENTIONS) {
      for (const id of ALL_DECODERS) {
        const rows = TOOLKIT_FUNCTIONS.filter((t) => t.decoder === id);
        const expected = rows.find((t) => t.convention === convention) ?? rows.find((t) => t.convention === 'both');
        expect(toolkitFunction(convention, id), `${convention} ${id}`).toBe(expected);
        expect(expected, `${id} has a row`).toBeDefined();
      }
    }
  });
});

describe('conventionText(convention, mapping, loaded)', () => {
  it('says each convention’s rule for an empty map and names the mapping', () => {
    expect(conventionText('mmpose', 'udp')).toMatch(/\(−1, −1\)/);
    expect(conventionText('mmpose', 'udp')).toContain(INPUT_MAPPING_LABELS.udp);
    expect(conventionText('reference', 'stride', 'heatmaps')).toMatch(/\(0, 0\)/);
    expect(conventionText('reference', 'stride', 'heatmaps')).toContain(INPUT_MAPPING_LABELS.stride);
  });

  it('for SimCC, says its decoders follow SimCCLabel under either convention', () => {
    expect(conventionText('mmpose', 'stride', 'simcc')).toBe(conventionText('reference', 'stride', 'simcc'));
    expect(conventionText('reference', 'udp', 'simcc')).toMatch(/SimCCLabel/);
    expect(conventionText('reference', 'udp', 'simcc')).toContain(INPUT_MAPPING_LABELS.udp);
  });
});

describe('decodedLine(result) and loadedLine(result, run)', () => {
  it('counts the maps and decoders decoded', async () => {
    const { result } = await heatmapsDecoded({ run: runWith({ megvii: true }) });
    expect(decodedLine(result)).toBe(`Decoded ${2 * 17} maps with ${result.decoders.length} decoders.`);
    const simcc = (await simccDecoded({ run: runWith({ simccDark: false, simccExpectation: false }) })).result;
    expect(decodedLine(simcc)).toBe('Decoded 2 keypoints with 1 decoder.');
  });

  it('names the input, the run’s convention, mapping and stride, and says when there is no ground truth', async () => {
    const run = runWith({ convention: 'mmpose', mapping: 'udp', stride: 4 });
    const { result } = await heatmapsDecoded({ run });
    const line = loadedLine(result, run);
    expect(line.startsWith(stackLine(result))).toBe(true);
    expect(line).toContain(`${DECODE_CONVENTION_LABELS.mmpose} convention, udp mapping, stride ${fmt(4, 2)}`);
    expect(line).toContain(`(input ${48 * 4} × ${64 * 4} px)`);
    expect(line).toContain('No ground truth');
    const reference = runWith();
    expect(loadedLine(result, reference)).toContain(`${DECODE_CONVENTION_LABELS.reference} convention, stride mapping`);
  });

  it('names the ground truth, its units and the flip test’s file and shift', async () => {
    const run = runWith({ flip: '0', units: 'input' });
    const { result } = await heatmapsDecoded({ run, truth: true, flipped: true });
    const line = loadedLine(result, run);
    expect(line).toContain('Ground truth: truth.json, input pixels.');
    expect(line).toContain('Flip test with flipped.npy, shift 0.');
  });

  it('for SimCC, names the split ratio and the input size the bins make', async () => {
    const run = runWith({ split: 2 });
    const { result } = await simccDecoded({ run, truth: true });
    expect(loadedLine(result, run)).toContain(
      `Split ratio ${fmt(2, 2)} (input ${fmt(96 / 2, 1)} × ${fmt(128 / 2, 1)} px).`,
    );
    expect(loadedLine(result, run)).toContain('Ground truth: truth.json.');
  });
});

describe('settingsView(run, loaded, flipped)', () => {
  const hidden = (view: ReturnType<typeof settingsView>) => ({
    heatmap: view.attrs['heatmap-settings']?.hidden,
    simcc: view.attrs['simcc-settings']?.hidden,
  });

  it('shows both families’ settings before anything is loaded, and hides the other family’s once one is', () => {
    const run = runWith();
    expect(hidden(settingsView(run, undefined, false))).toEqual({ heatmap: null, simcc: null });
    expect(hidden(settingsView(run, 'heatmaps', false))).toEqual({ heatmap: null, simcc: '' });
    expect(hidden(settingsView(run, 'simcc', false))).toEqual({ heatmap: '', simcc: null });
  });

  it('says the flip shift in words, or why the flip test does nothing', () => {
    const flipText = (flip: '0' | '1' | 'off', loaded: 'heatmaps' | 'simcc', flipped: boolean) =>
      settingsView(runWith({ flip }), loaded, flipped).text['flip-text'];
    expect(flipText('0', 'heatmaps', true)).toMatch(/pairs\), not shifted and averaged/);
    expect(flipText('1', 'heatmaps', true)).toMatch(/shifted 1 cell right and averaged/);
    expect(flipText('1', 'heatmaps', true)).toContain('flip_heatmaps');
    expect(flipText('off', 'heatmaps', true)).toBe('The flipped maps are loaded but not used.');
    expect(flipText('1', 'heatmaps', false)).toMatch(/^Load the flipped image's maps/);
    expect(flipText('1', 'simcc', true)).toMatch(/as MMPose's flip_vectors/);
    expect(flipText('1', 'simcc', false)).toMatch(/^Load the flipped image's SimCC vectors/);
  });

  it("follows MMPose's configs for the mapping, and says so when the reader's shift differs (issue 27 item 6)", () => {
    const text = (flip: 'auto' | '0' | '1', mapping: 'stride' | 'udp') =>
      settingsView(runWith({ flip, mapping }), 'heatmaps', true).text['flip-text'] ?? '';
    expect(text('auto', 'stride')).toMatch(/shifted 1 cell right and averaged/);
    expect(text('auto', 'udp')).toMatch(/not shifted and averaged/);
    expect(text('auto', 'udp')).not.toMatch(/shift_heatmap/);
    expect(text('1', 'udp')).toMatch(/MMPose's UDP configs test with shift_heatmap=False/);
    expect(text('0', 'stride')).toMatch(/shift_heatmap=True/);
    expect(text('1', 'stride')).not.toMatch(/shift_heatmap/);
  });

  it('says which toolkit function each decoder follows under each convention', () => {
    for (const convention of DECODE_CONVENTIONS) {
      const { text } = settingsView(runWith({ convention }), 'heatmaps', false);
      for (const id of ALL_DECODERS) {
        expect(text[`follows-${id}`], `${convention} ${id}`).toBe(followsText(convention, id));
        expect(text[`follows-${id}`]).toContain(toolkitFunction(convention, id)!.follows);
      }
    }
    const reference = settingsView(runWith({ convention: 'reference' }), 'heatmaps', false).text;
    const mmpose = settingsView(runWith({ convention: 'mmpose' }), 'heatmaps', false).text;
    // Only the decoders with a row per convention change with it.
    const perConvention = new Set(TOOLKIT_FUNCTIONS.filter((t) => t.convention !== 'both').map((t) => t.decoder));
    for (const id of ALL_DECODERS)
      expect(reference[`follows-${id}`] !== mmpose[`follows-${id}`], id).toBe(perConvention.has(id));
  });

  it('says the convention’s text for what is loaded', () => {
    const run = runWith({ convention: 'mmpose', mapping: 'udp' });
    expect(settingsView(run, 'simcc', false).text['convention-text']).toBe(conventionText('mmpose', 'udp', 'simcc'));
    expect(settingsView(run, undefined, false).text['convention-text']).toBe(conventionText('mmpose', 'udp'));
  });
});
