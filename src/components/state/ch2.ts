/** Chapter 2's state: the keypoint, σ and target kind that figures 2.1–2.3 follow. */
import type { Schema } from '../ui/params.ts';
import { keypointSchema, type KeypointState } from './keypoint.ts';

export type Ch2State = KeypointState;

export const ch2: Schema<Ch2State> = { ...keypointSchema };
