/** Every chapter's exercises, loaded on demand: the page loads only its own chapter's set. */
import type { ExerciseSet } from './types.ts';

export const EXERCISE_SETS: Record<string, () => Promise<{ default: ExerciseSet<object> }>> = {
  ch1: () => import('./ch1.ts'),
  ch2: () => import('./ch2.ts'),
  ch3: () => import('./ch3.ts'),
  ch4: () => import('./ch4.ts'),
  ch5: () => import('./ch5.ts'),
  ch6: () => import('./ch6.ts'),
  ch7: () => import('./ch7.ts'),
  ch8: () => import('./ch8.ts'),
  ch9: () => import('./ch9.ts'),
};

/** The set an exercise id belongs to: ex-3-2 → ch3. */
export const setOf = (id: string): string => `ch${/^ex-(\d+)-\d+$/.exec(id)?.[1] ?? ''}`;
