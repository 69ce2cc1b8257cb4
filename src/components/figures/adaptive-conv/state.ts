/** The URL-mirrored state of chapter 7's adaptive-convolution figure. */
import { numberParam, type Schema } from '../../ui/params.ts';

export interface AdaptiveState {
  scale: number;
  rotation: number;
  shear: number;
  /** The translation t, feature pixels. */
  tx: number;
  ty: number;
}

export const adaptiveSchema: Schema<AdaptiveState> = {
  scale: numberParam({ default: 1.6, min: 0.5, max: 2.5, digits: 2 }),
  rotation: numberParam({ default: 20, min: -180, max: 180, digits: 0 }),
  shear: numberParam({ default: 0, min: -1, max: 1, digits: 2 }),
  tx: numberParam({ default: 1.3, min: -3.5, max: 3.5, digits: 2 }),
  ty: numberParam({ default: -0.6, min: -3.5, max: 3.5, digits: 2 }),
};

/** The feature map of the figure and its selected pixel. */
export const ADAPTIVE_GRID = { w: 11, h: 11, pixel: { x: 5, y: 5 } } as const;
