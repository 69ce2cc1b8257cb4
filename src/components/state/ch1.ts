/** Chapter 1's state: the keypoint that figures 1.1 and 1.2 follow. */
import type { Schema } from '../ui/params.ts';
import { keypointSchema, type KeypointState } from './keypoint.ts';

export type Ch1State = KeypointState;

export const ch1: Schema<Ch1State> = { ...keypointSchema };
