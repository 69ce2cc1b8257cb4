/**
 * An exercise: a task on one figure, with hints, that the page verifies from the figure's
 * state (and, for chapter 8, from the numbers the figure published). Checks compute nothing
 * of their own: they call the same library builders the figures draw from.
 */
import type { Schema } from '../ui/params.ts';
import type { PublishedReader } from '../ui/published.ts';

/** What a check found: whether the task is done, and the number it looked at, in words. */
export interface Verdict {
  done: boolean;
  detail: string;
}

export interface Exercise<S> {
  /** The anchor, e.g. ex-1-1. */
  id: string;
  /** The figure the exercise uses. */
  figure: string;
  prompt: string;
  hints: readonly string[];
  /** `published` reads what a figure published (see ui/published.ts). */
  check(state: Readonly<S>, published: PublishedReader): Verdict;
}

/** A chapter's exercises: the store they read and their definitions. */
export interface ExerciseSet<S> {
  store: string;
  schema: Schema<S>;
  exercises: readonly Exercise<S>[];
}

/** Declares a chapter's exercises with their state type inferred from the schema. */
export const exerciseSet = <S>(set: ExerciseSet<S>): ExerciseSet<S> => set;
