/**
 * The URL-mirrored state of chapter 9's figures (BlazePose on a photo): which photo, the person's
 * crop on it, the joint every figure follows, how the large map is coloured, DARK's kernel, the
 * shift being read in the shift test, and which joints the regression figure shows.
 */
import {
  ASTRONAUT_DEFAULT_CROP,
  ASTRONAUT_SIZE,
  BLAZEPOSE_DECODER_IDS,
  BLAZEPOSE_KEYPOINT_COUNT,
  fractionFromCrop,
  SHIFT_TEST_STEP,
  type GapFilter,
  type HeatmapScale,
} from '../../lib/index.ts';
import { choiceParam, numberParam, setParam, type Schema } from '../ui/params.ts';

/** Where the photo comes from: the bundled one, the reader's own file, or a webcam frame. */
export const SOURCES = ['photo', 'own', 'webcam'] as const;
export type PhotoSource = (typeof SOURCES)[number];

/** DARK's kernel sizes the chapter offers (odd, cells). */
export const CH9_KERNELS = ['3', '5', '7', '9', '11'] as const;

/** The crop's side, as a fraction of the photo's longer side: smallest and largest. */
export const CROP_SIDE = { min: 0.1, max: 1.25 } as const;

export interface Ch9State {
  src: PhotoSource;
  /** The crop's centre and side, fractions of the photo's longer side (`CropFraction`). */
  cx: number;
  cy: number;
  side: number;
  /** The joint every figure follows, 0–38 in the model's order (0: nose). */
  joint: number;
  /** Figure 9.2's large map: the sigmoid or the logits. */
  scale: HeatmapScale;
  kernel: (typeof CH9_KERNELS)[number];
  /** The shift test's shift being read, input pixels. */
  shift: number;
  /** Figure 9.4: the joints the model sees, or all. */
  gaps: GapFilter;
  /** The series the reader switched off in figures 9.2–9.4 (by their legends). */
  off: readonly ChartSeries[];
}

/** The series of chapter 9's maps and charts: each decoder's point and the regressed landmark. */
export const CH9_SERIES = [...BLAZEPOSE_DECODER_IDS, 'regressed'] as const;
export type ChartSeries = (typeof CH9_SERIES)[number];

/** The bundled photo's default crop, as the state holds it. */
export const DEFAULT_CROP = fractionFromCrop(ASTRONAUT_DEFAULT_CROP, ASTRONAUT_SIZE.width, ASTRONAUT_SIZE.height);

export const ch9: Schema<Ch9State> = {
  src: choiceParam(SOURCES, 'photo'),
  cx: numberParam({ default: DEFAULT_CROP.cx, min: 0, max: 1, digits: 4 }),
  cy: numberParam({ default: DEFAULT_CROP.cy, min: 0, max: 1, digits: 4 }),
  side: numberParam({ default: DEFAULT_CROP.side, min: CROP_SIDE.min, max: CROP_SIDE.max, digits: 4, shown: 2 }),
  joint: numberParam({ default: 0, min: 0, max: BLAZEPOSE_KEYPOINT_COUNT - 1, integer: true }),
  scale: choiceParam(['sigmoid', 'logit'] as const, 'sigmoid'),
  kernel: choiceParam(CH9_KERNELS, '11'),
  shift: numberParam({ default: 0, min: 0, max: 8, digits: 2, step: SHIFT_TEST_STEP }),
  gaps: choiceParam(['seen', 'all'] as const, 'seen'),
  off: setParam(CH9_SERIES),
};
