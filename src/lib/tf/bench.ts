/**
 * A training step's time on the backend in use, for chapter 8's backend table: a session steps a
 * few times untimed, while the backend compiles its shaders and makes its first allocations, then
 * a number of times under the clock.
 */
import { sessionStep, type Session } from './session.ts';

/** A training step's times, ms. */
export interface StepTimes {
  /** Each timed step, in the order run. */
  times: number[];
  /** The middle time: of an even count, the upper of the two middle ones (undefined for none). */
  medianMs: number | undefined;
}

/**
 * Steps `session` `warmUp` times, then `steps` times, each timed with `now` (ms). The session
 * stays the caller's to end, whether a step throws or not.
 */
export async function timeTrainingSteps(
  session: Session,
  options: { steps: number; warmUp: number; now?: () => number },
): Promise<StepTimes> {
  const { steps, warmUp, now = () => performance.now() } = options;
  for (let i = 0; i < warmUp; i++) await sessionStep(session);
  const times: number[] = [];
  for (let i = 0; i < steps; i++) {
    const t = now();
    await sessionStep(session);
    times.push(now() - t);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { times, medianMs: sorted[Math.floor(sorted.length / 2)] };
}
