import { expect } from 'vitest';
import { LabInputError } from '../../../src/lib/index.ts';

/** The reader's message of a refused input: `fn` must throw a LabInputError (and nothing else). */
export function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(LabInputError);
    return (error as Error).message;
  }
  throw new Error('expected a LabInputError');
}
