/**
 * The fixed settings of chapter 10's figures (what your toolkit does): the crop of figure 10.1,
 * the shifts and setting of figure 10.2's flip test, and the map and rules of figure 10.4's
 * border rules. In a module of their own, apart from the builders that use them
 * (`udpGrid.ts`, `flipTestFigure.ts`, `borderRules.ts`): the chapter's URL state reads them
 * for its bounds and choices, and that state is loaded with the exercises on every page.
 */
import type { BorderRule } from '../conventions.ts';
import { CROP_GEOMETRY } from './pixelGrid.ts';

/** Figure 10.1's crop: 32 × 24 input pixels, small enough to draw every pixel, at strides 2, 4 or 8. */
export const UDP_FIGURE = { inputW: 32, inputH: 24, strides: [2, 4, 8] } as const;

/** The shifts figure 10.2 offers, in heatmap cells (HRNet's `SHIFT_HEATMAP` is 1). */
export const FLIP_SHIFTS = [0, 1, 2] as const;
/** A shift figure 10.2 offers. */
export type FlipShift = (typeof FLIP_SHIFTS)[number];

/**
 * Figure 10.2's setting: the crop of chapters 1 and 2, σ 2 cells, DARK's kernel 11, and an
 * 11 × 11-cell window of the map (cells 19–29 across, 27–37 down) that the keypoint stays in.
 */
export const FLIP_SETTING = {
  geometry: CROP_GEOMETRY,
  sigma: 2,
  kernel: 11,
  window: { centre: { x: 24, y: 32 }, radius: 5 },
  /** Where the keypoint may go, input px: inside the window's middle under both mappings. */
  keypoint: { minX: 88, maxX: 104, minY: 120, maxY: 136 },
} as const;

/** The rules figure 10.4 compares, in the order it lists them. */
export const FIGURE_BORDER_RULES = [
  'hrnetQuarter',
  'mmposeQuarter',
  'dark',
  'darkUdp',
] as const satisfies readonly BorderRule[];
/** A rule figure 10.4 compares. */
export type FigureBorderRule = (typeof FIGURE_BORDER_RULES)[number];

/** Figure 10.4's map: 16 × 12 cells, an unbiased target of σ 1.5 cells, blur kernel 7 (MMPose's for σ 1.5). */
export const BORDER_SETTING = { w: 16, h: 12, sigma: 1.5, kernel: 7 } as const;
