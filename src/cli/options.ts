/**
 * The flags of `subpixel decode`, read into the Decoder Lab's own settings (`LabRun`), with the
 * Lab's defaults: the same run decodes alike in both. Every value is checked here; a bad one is a
 * usage error naming the flag.
 */
import { isDecodeConvention } from '../lib/conventions.ts';
import { HEATMAP_DECODER_IDS, isHeatmapDecoderId, type HeatmapDecoderId } from '../lib/decoders.ts';
import { COCO17_FLIP_PAIRS } from '../lib/keypoints.ts';
import type { LayoutChoice } from '../lib/lab/layout.ts';
import { LAB_DEFAULT_BETA, mmposeFlipShift, type LabRun } from '../lib/lab/run.ts';
import { isInputMapping } from '../lib/mapping.ts';
import { MMPOSE_SIMCC_DEFAULTS, SIMCC_DECODER_IDS, type SimccDecoderId } from '../lib/simcc.ts';
import { usageError } from './errors.ts';

/** The heatmap decoders the Lab starts with, and so does the command line. */
export const DEFAULT_DECODERS: HeatmapDecoderId[] = ['argmax', 'quarter', 'quarter2', 'dark', 'softargmax'];

/** DARK's kernel sizes the Lab offers. */
const KERNELS = [3, 5, 7, 9, 11];

/** What `decode` reads from its flags (all strings, as `parseArgs` gives them). */
export interface DecodeFlags {
  decoders?: string;
  convention?: string;
  mapping?: string;
  kernel?: string;
  beta?: string;
  stride?: string;
  'split-ratio'?: string;
  sigma?: string;
  'flip-shift'?: string;
  pairs?: string;
  sigmas?: string;
  units?: string;
  'box-thr'?: string;
}

function numberFlag(
  flag: string,
  value: string | undefined,
  fallback: number,
  ok: (v: number) => boolean,
  what: string,
): number {
  if (value === undefined) return fallback;
  const v = Number(value);
  if (value.trim() === '' || !Number.isFinite(v) || !ok(v)) throw usageError(`--${flag} ${value}: expected ${what}`);
  return v;
}

function listFlag(flag: string, value: string): number[] {
  const text = value.trim().replace(/^\[|\]$/g, '');
  const items = text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
  if (!items.length || items.some((v) => !Number.isFinite(v)))
    throw usageError(`--${flag} ${value}: expected numbers separated by commas`);
  return items;
}

/**
 * Left/right pairs as `1,2;3,4` or Python's/JSON's `[[1, 2], [3, 4]]` (0-based keypoint indices,
 * as MMPose's `flip_indices` pairs).
 */
export function parsePairs(value: string): [number, number][] {
  const groups = value.includes('[') ? (value.match(/\[[^[\]]*\]/g) ?? []) : value.split(';');
  const pairs = groups.map((g) =>
    g
      .replace(/[[\]()]/g, '')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number),
  );
  if (!pairs.length || pairs.some((p) => p.length !== 2 || p.some((v) => !Number.isInteger(v) || v < 0))) {
    throw usageError(`--pairs ${value}: expected pairs of keypoint indices, as 1,2;3,4 or [[1, 2], [3, 4]]`);
  }
  return pairs as [number, number][];
}

/** The run a `decode` asks for: heatmap decoders or SimCC decoders, as the input turns out to be. */
export function decodeRun(flags: DecodeFlags, simcc: boolean): LabRun {
  const mapping = flags.mapping ?? 'stride';
  if (!isInputMapping(mapping)) throw usageError(`--mapping ${mapping}: expected stride or udp`);
  const convention = flags.convention ?? 'reference';
  if (!isDecodeConvention(convention)) throw usageError(`--convention ${convention}: expected reference or mmpose`);
  const ids = flags.decoders
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const offered: readonly string[] = simcc ? SIMCC_DECODER_IDS : HEATMAP_DECODER_IDS;
  const unknown = ids?.filter((id) => !offered.includes(id)) ?? [];
  if (unknown.length) {
    throw usageError(
      `--decoders: ${unknown.join(', ')} is not a ${simcc ? 'SimCC' : 'heatmap'} decoder (${offered.join(', ')})`,
    );
  }
  const decoders = simcc ? [] : ((ids ?? DEFAULT_DECODERS).filter(isHeatmapDecoderId) as HeatmapDecoderId[]);
  const simccDecoders = simcc ? ((ids ?? [...SIMCC_DECODER_IDS]) as SimccDecoderId[]) : [];
  const sigma = flags.sigma ? listFlag('sigma', flags.sigma) : [MMPOSE_SIMCC_DEFAULTS.sigma];
  if (sigma.length > 2 || sigma.some((v) => !(v > 0)))
    throw usageError(`--sigma ${flags.sigma}: expected one or two positive numbers (x, y)`);
  const shift = flags['flip-shift'] ?? String(mmposeFlipShift(mapping));
  if (shift !== '0' && shift !== '1') throw usageError(`--flip-shift ${shift}: expected 0 or 1`);
  const units = flags.units ?? 'input';
  if (units !== 'input' && units !== 'heatmap') throw usageError(`--units ${units}: expected input or heatmap`);
  const sigmas = flags.sigmas ? listFlag('sigmas', flags.sigmas) : [];
  if (sigmas.some((v) => !(v > 0))) throw usageError(`--sigmas ${flags.sigmas}: each σ must be positive`);
  return {
    convention,
    mapping,
    decoders,
    simccDecoders,
    kernel: numberFlag('kernel', flags.kernel, 11, (v) => KERNELS.includes(v), `one of ${KERNELS.join(', ')}`),
    beta: numberFlag('beta', flags.beta, LAB_DEFAULT_BETA, (v) => v > 0, 'a positive number'),
    stride: numberFlag('stride', flags.stride, 4, (v) => v > 0, 'a positive number'),
    units,
    splitRatio: numberFlag(
      'split-ratio',
      flags['split-ratio'],
      MMPOSE_SIMCC_DEFAULTS.splitRatio,
      (v) => v > 0,
      'a positive number',
    ),
    sigma: [sigma[0]!, sigma[1] ?? sigma[0]!],
    flip: Number(shift) as 0 | 1,
    pairs: flags.pairs ? parsePairs(flags.pairs) : COCO17_FLIP_PAIRS.map(([a, b]) => [a, b] as [number, number]),
    sigmas,
    names: [],
    bboxScoreThr: numberFlag('box-thr', flags['box-thr'], 0, (v) => v >= 0 && v <= 1, 'a number from 0 to 1'),
  };
}

/** The layout flag: auto (the Lab's rule), channels-first or channels-last. */
export function layoutChoice(value: string | undefined): LayoutChoice {
  if (value === undefined || value === 'auto') return 'auto';
  if (value === 'channels-first') return 'channelsFirst';
  if (value === 'channels-last') return 'channelsLast';
  throw usageError(`--layout ${value}: expected auto, channels-first or channels-last`);
}

/** `--shard i/n` as a 0-based shard. */
export function parseShard(value: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = match ? Number(match[1]) : 0;
  const count = match ? Number(match[2]) : 0;
  if (!match || count < 1 || index < 1 || index > count)
    throw usageError(`--shard ${value}: expected i/n with 1 ≤ i ≤ n, as 2/4`);
  return { index: index - 1, count };
}
