/**
 * What chapter 10's figures publish for the exercises (`ui/published.ts`): each figure's own
 * builder, bound to its setting, which an exercise calls with the chapter's state. An exercise
 * set is loadable from every page (its size counts there); through these it checks with the
 * figures' library builders without loading them itself. Types only from elsewhere.
 */
import type { BorderRulesData, FlipTestData, ScoreConvention, ThresholdRow, UdpGridData } from '../../../lib/index.ts';
import type { Ch10State } from '../../state/ch10.ts';
import { publication } from '../../ui/published.ts';

/** Figure 10.1's data for a state (`buildUdpGrid`). */
export type PublishedUdp = (s: Readonly<Pick<Ch10State, 'x' | 'y' | 'stride'>>) => UdpGridData;
export const CH10_UDP = publication<PublishedUdp>('ch10:udp');

/** Figure 10.2's data for a state (`buildFlipTest`). */
export type PublishedFlip = (s: Readonly<Pick<Ch10State, 'fx' | 'fy' | 'mapping' | 'shift'>>) => FlipTestData;
export const CH10_FLIP = publication<PublishedFlip>('ch10:flip');

/** Figure 10.3's rows at a threshold, on the samples the page embeds (`scoreThresholdRows`). */
export type PublishedScores = (threshold: number) => Record<ScoreConvention, ThresholdRow>;
export const CH10_SCORES = publication<PublishedScores>('ch10:scores');

/** Figure 10.4's data for a state (`buildBorderRules`). */
export type PublishedBorder = (s: Readonly<Pick<Ch10State, 'bx' | 'by'>>) => BorderRulesData;
export const CH10_BORDER = publication<PublishedBorder>('ch10:border');
