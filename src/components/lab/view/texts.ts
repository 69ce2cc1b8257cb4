/**
 * The Lab's sentences: what was loaded and decoded, the message about NaN cells, which toolkit
 * function each decoder follows, and the settings' texts. Pure: formatting only.
 */
import {
  mmposeFlipShift,
  DECODE_CONVENTION_LABELS,
  HEATMAP_DECODER_IDS,
  INPUT_MAPPING_LABELS,
  SIMCC_DECODER_IDS,
  TOOLKIT_FUNCTIONS,
  type DecodeConvention,
  type InputMapping,
  type InputSummary,
  type LabResult,
  type LabRun,
  type NonFiniteReport,
  type ToolkitFunction,
} from '../../../lib/index.ts';
import type { ViewModel } from '../../ui/apply-view.ts';
import { fmt } from '../../ui/format.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What was loaded, in one line. */
export function stackLine(
  input: Pick<InputSummary, 'source' | 'n' | 'k' | 'h' | 'w'> & { kind?: InputSummary['kind'] },
): string {
  const what = `${input.source}: ${plural(input.n, 'sample')} × ${plural(input.k, 'keypoint')}`;
  if (input.kind === 'simcc') return `${what}, SimCC vectors of ${input.w} (x) and ${input.h} (y) bins.`;
  return `${what} of ${input.h} × ${input.w} cells (${input.n * input.k} maps).`;
}

/**
 * The one message about NaN and infinite values: the library's summary (how many cells, in how
 * many maps, what was decoded), then where the first ones are.
 */
export function nonFiniteMessage(
  source: string,
  nonFinite: { summary: string; first: NonFiniteReport['first'] },
): string {
  const where = nonFinite.first
    .map((p) => `n ${p.n}, k ${p.k}, x ${p.x}, y ${p.y} (${Number.isNaN(p.value) ? 'NaN' : p.value > 0 ? '+∞' : '−∞'})`)
    .join('; ');
  return `${source}: ${nonFinite.summary}${where ? `. First at ${where}` : ''}.`;
}

/** The toolkit function a decoder follows under a convention. */
export function toolkitFunction(convention: DecodeConvention, decoder: string): ToolkitFunction | undefined {
  return (
    TOOLKIT_FUNCTIONS.find((t) => t.decoder === decoder && t.convention === convention) ??
    TOOLKIT_FUNCTIONS.find((t) => t.decoder === decoder && t.convention === 'both')
  );
}

/** "follows refine_keypoints (mmpose/codecs/utils/refinement.py)": a decoder's line under its checkbox. */
export function followsText(convention: DecodeConvention, decoder: string): string {
  const t = toolkitFunction(convention, decoder);
  if (!t) return '';
  return t.file.startsWith('(') ? `${t.follows}; ${t.note}` : `${t.follows}, ${t.repository} ${t.file}`;
}

/** The sentence under the convention and mapping controls. */
export function conventionText(
  convention: DecodeConvention,
  mapping: InputMapping,
  loaded?: 'heatmaps' | 'simcc',
): string {
  if (loaded === 'simcc') {
    return `SimCC decoders follow MMPose's SimCCLabel under either convention (points are bins / k, input pixels). The mapping, ${INPUT_MAPPING_LABELS[mapping]}, places a COCO file's boxes in the crop.`;
  }
  const how =
    convention === 'mmpose'
      ? "MMPose's codecs: a map whose maximum is ≤ 0 decodes to (−1, −1); the quarter shift is decided per axis; DARK starts from get_heatmap_maximum's point."
      : "HRNet's and DarkPose's code: a map whose maximum is ≤ 0 decodes to (0, 0); the quarter shift moves both axes only away from the border.";
  return `${how} Input pixels: ${INPUT_MAPPING_LABELS[mapping]}.`;
}

/** The status line after a decode. */
export function decodedLine(result: LabResult): string {
  if (!result.rows.length && result.results) return `Scored ${result.results.source} against ${result.truth?.source}.`;
  if (!result.rows.length) return '';
  const what = result.kind === 'simcc' ? 'keypoints' : 'maps';
  return `Decoded ${result.rows.length} ${what} with ${plural(result.decoders.length, 'decoder')}.`;
}

/** The selected map's name: sample, keypoint and its name. */
export function mapName(index: number, k: number, names: readonly string[]): string {
  const j = index % k;
  const name = names[j];
  return `sample ${Math.floor(index / k)}, keypoint ${j}${name && name !== `keypoint ${j}` ? ` (${name})` : ''}`;
}

/** The line above the results: what was decoded, against what, under which convention. */
export function loadedLine(result: LabResult, run: LabRun): string {
  if (!result.rows.length && result.results) {
    return `${result.results.source} scored against ${result.truth?.source ?? 'its ground truth'} (COCO keypoints) by COCOeval, as it stands; no heatmaps are loaded.`;
  }
  const input = stackLine(result);
  const truth = result.truth
    ? `Ground truth: ${result.truth.source}${result.truth.kind === 'coco' ? ' (COCO keypoints)' : result.kind === 'heatmaps' ? `, ${run.units} pixels` : ''}${result.truth.detections ? `, samples on ${result.truth.detections}'s detected boxes` : ''}.`
    : 'No ground truth: errors, PCK, OKS and AP are not shown.';
  const flip = result.flip ? ` Flip test with ${result.flip.source}, shift ${result.flip.shift}.` : '';
  const frame =
    result.kind === 'heatmaps'
      ? ` ${DECODE_CONVENTION_LABELS[run.convention]} convention, ${run.mapping} mapping, stride ${fmt(run.stride, 2)} (input ${fmt(result.inputW, 0)} × ${fmt(result.inputH, 0)} px).`
      : ` Split ratio ${fmt(run.splitRatio, 2)} (input ${fmt(result.inputW, 1)} × ${fmt(result.inputH, 1)} px).`;
  return `${input} ${truth}${flip}${frame}`;
}

/** Which settings apply to what is loaded, and which toolkit function each decoder follows. */
/** What MMPose's configs would shift under this mapping, when the reader's shift differs. */
function flipShiftNote(run: LabRun): string {
  if (run.flip === 'off' || run.flip === mmposeFlipShift(run.mapping)) return '';
  return run.mapping === 'udp'
    ? " MMPose's UDP configs test with shift_heatmap=False: under UDP the flipped-back map is already aligned, and a 1-cell shift moves it a cell off."
    : " MMPose's configs for the stride mapping test with shift_heatmap=True: without it the flipped-back map sits most of a cell off, (λ − 1)/λ at stride λ (chapter 10).";
}

export function settingsView(run: LabRun, loaded: 'heatmaps' | 'simcc' | undefined, flipped: boolean): ViewModel {
  const text: Record<string, string> = {
    'convention-text': conventionText(run.convention, run.mapping, loaded),
    'flip-text':
      loaded === 'simcc'
        ? flipped
          ? run.flip === 'off'
            ? 'The flipped vectors are loaded but not used.'
            : "The flipped image's vectors are flipped back (x mirrored, left and right swapped by the pairs; y swapped) and averaged with the input's, as MMPose's flip_vectors (mmpose/models/utils/tta.py) and RTMCCHead do: SimCC has no shift, whatever the setting."
          : "Load the flipped image's SimCC vectors under Inputs (two .npy files, or a .npz of simcc_x and simcc_y) to use RTMPose's flip test."
        : flipped
          ? run.flip === 'off'
            ? 'The flipped maps are loaded but not used.'
            : `The flipped image's maps are flipped back (mirrored, left and right swapped by the pairs), ${run.flip === 1 ? 'shifted 1 cell right' : 'not shifted'} and averaged with the input's, as MMPose's flip_heatmaps (mmpose/models/utils/tta.py) and its heads do.${flipShiftNote(run)}`
          : "Load the flipped image's maps under Inputs to use the flip test.",
  };
  for (const id of [...HEATMAP_DECODER_IDS, ...SIMCC_DECODER_IDS])
    text[`follows-${id}`] = followsText(run.convention, id);
  return {
    attrs: {
      'heatmap-settings': { hidden: loaded === 'simcc' ? '' : null },
      'simcc-settings': { hidden: loaded === 'heatmaps' ? '' : null },
    },
    text,
  };
}
