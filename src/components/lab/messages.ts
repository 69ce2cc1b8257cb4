/**
 * The Lab's messages, one list per source (the input file, the flipped stack, the ground truth,
 * the last decode), so that loading a new file replaces its own messages and no others: old
 * errors never pile up under new ones. Problems go to an alert region, notes about how a file
 * was read to a status region.
 */

/** Where a message comes from. */
export type MessageSource = 'input' | 'flipped' | 'truth' | 'decode';

const ORDER: readonly MessageSource[] = ['input', 'flipped', 'truth', 'decode'];

export interface LabMessages {
  /** Replaces the problems from `source`. */
  problems(source: MessageSource, texts: readonly string[]): void;
  /** Replaces the notes from `source`. */
  notes(source: MessageSource, texts: readonly string[]): void;
  /** Clears the problems and notes of the given sources. */
  clear(...sources: MessageSource[]): void;
}

export function createMessages(alerts: HTMLElement, status: HTMLElement): LabMessages {
  const problems = new Map<MessageSource, readonly string[]>();
  const notes = new Map<MessageSource, readonly string[]>();
  const draw = (into: HTMLElement, from: Map<MessageSource, readonly string[]>): void => {
    const texts = ORDER.flatMap((s) => from.get(s) ?? []);
    // Unchanged text is left alone, so a screen reader does not hear it again.
    if (texts.join('\n') === Array.from(into.children, (p) => p.textContent).join('\n')) return;
    into.replaceChildren(
      ...texts.map((t) => {
        const p = document.createElement('p');
        p.textContent = t;
        return p;
      }),
    );
  };
  return {
    problems(source, texts) {
      problems.set(source, texts);
      draw(alerts, problems);
    },
    notes(source, texts) {
      notes.set(source, texts);
      draw(status, notes);
    },
    clear(...sources) {
      for (const s of sources) {
        problems.delete(s);
        notes.delete(s);
      }
      draw(alerts, problems);
      draw(status, notes);
    },
  };
}
