/** The URL-mirrored state of the pixel-grid figure (chapter 1). */
import { numberParam, type Schema } from '../../ui/params.ts';

export interface PixelGridState {
  /** Keypoint, input pixels. */
  x: number;
  y: number;
  /** Target σ, heatmap pixels. */
  sigma: number;
}

export const pixelGridSchema: Schema<PixelGridState> = {
  x: numberParam({ default: 141.3, min: 0, max: 191.9 }),
  y: numberParam({ default: 109.6, min: 0, max: 255.9 }),
  sigma: numberParam({ default: 2, min: 0.5, max: 4, digits: 1 }),
};
