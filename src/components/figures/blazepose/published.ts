/**
 * What chapter 9's model session publishes for the exercises (`ui/published.ts`): numbers that come
 * from the model in the reader's browser and so cannot be in the figures' state.
 */
import { publication } from '../../ui/published.ts';

/** Published after each run of the model on the current crop. */
export const CH9_PEAKS = publication<PublishedPeaks>('ch9:peaks');

/** Each joint's heatmap peak (sigmoid) and whether the model sees it (peak and visibility ≥ 0.5). */
export interface PublishedPeaks {
  peaks: number[];
  seen: boolean[];
  names: readonly string[];
}

/** Published once the shift test has run on the current crop. */
export const CH9_ARGMAX = publication<PublishedArgmax>('ch9:argmax');

/** The shift test's shifts (input px) and argmax's column for every joint at each, [joint][shift]. */
export interface PublishedArgmax {
  shifts: number[];
  columns: number[][];
}
