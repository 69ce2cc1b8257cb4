/**
 * <exercise-check>: runs an exercise's check on its chapter store when asked, then again on
 * every change of the state or of what the figures published, and says the verdict.
 */
import { createAnnouncer } from '../ui/announce.ts';
import { onPublish, published } from '../ui/published.ts';
import { chapterStore } from '../ui/store.ts';
import { EXERCISE_SETS } from './sets.ts';

class ExerciseCheck extends HTMLElement {
  #stop: (() => void)[] = [];

  connectedCallback(): void {
    this.querySelector('[data-action="check"]')?.addEventListener('click', this.#start);
  }

  disconnectedCallback(): void {
    this.querySelector('[data-action="check"]')?.removeEventListener('click', this.#start);
    this.#stop.forEach((stop) => stop());
  }

  #start = async (): Promise<void> => {
    const verdict = this.querySelector<HTMLElement>('[data-role="verdict"]');
    const load = EXERCISE_SETS[this.dataset.set ?? ''];
    if (!verdict || !load) return;
    if (this.#stop.length) return this.#run();
    try {
      const set = (await load()).default;
      const exercise = set.exercises.find((e) => e.id === this.dataset.exercise);
      if (!exercise) throw new Error(`no exercise ${this.dataset.exercise}`);
      const store = chapterStore(set.store, set.schema);
      // The verdict follows a drag live; screen readers hear it once the reader pauses.
      const announce = createAnnouncer(this.querySelector('[data-role="announce"]') as HTMLElement);
      this.#run = () => {
        const v = exercise.check(store.get(), published);
        verdict.dataset.done = String(v.done);
        verdict.textContent = `${v.done ? 'Done.' : 'Not yet.'} ${v.detail}`;
        announce(verdict.textContent);
      };
      this.#stop.push(
        store.subscribe(() => this.#run()),
        onPublish(() => this.#run()),
      );
    } catch (error) {
      verdict.textContent = `The check could not run: ${(error as Error).message}`;
    }
  };

  #run = (): void => undefined;
}

/** Registers <exercise-check> once. */
export function defineExercise(): void {
  if (!customElements.get('exercise-check')) customElements.define('exercise-check', ExerciseCheck);
}
