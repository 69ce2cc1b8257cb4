/**
 * <exercise-check> on a server-side DOM, with a one-exercise set in place of the chapters': the
 * check runs when asked, then again on every change of the chapter's state and on every
 * publication, says its verdict (and, once the reader pauses, announces it), and stops when the
 * element leaves the page.
 */
import { parseHTML } from 'linkedom';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExerciseSet } from '../../../src/components/exercises/types.ts';
import { numberParam } from '../../../src/components/ui/params.ts';
import { publication, publish } from '../../../src/components/ui/published.ts';
import { chapterStore, flushUrl } from '../../../src/components/ui/store.ts';
import { fire } from '../ui/dom.ts';

const BONUS = publication<number>('test:bonus');
type State = { x: number };
const schema = { x: numberParam({ default: 1, min: 0, max: 10, integer: true }) };

const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../src/components/exercises/sets.ts', async () => {
  const { publication: key } = await import('../../../src/components/ui/published.ts');
  const bonus = key<number>('test:bonus');
  const set: ExerciseSet<State> = {
    store: 'chx',
    schema,
    exercises: [
      {
        id: 'ex-x-1',
        figure: 'fig-x',
        prompt: 'Reach 5.',
        hints: [],
        check: (s, published) => {
          checks.count += 1;
          const total = s.x + (published(bonus) ?? 0);
          return { done: total >= 5, detail: `x + bonus is ${total}.` };
        },
      },
    ],
  };
  return { EXERCISE_SETS: { chx: async () => ({ default: set }) } };
});

let doc: Document;

/** An exercise element of `set` and `exercise`, put on the page. */
function exercise(set = 'chx', id = 'ex-x-1'): HTMLElement {
  const host = doc.createElement('div');
  host.innerHTML = `<exercise-check data-set="${set}" data-exercise="${id}">
    <button data-action="check">Check</button><p data-role="verdict"></p><p data-role="announce"></p>
  </exercise-check>`;
  doc.body.append(host);
  return host.firstElementChild as HTMLElement;
}
const verdictOf = (el: Element) => el.querySelector<HTMLElement>('[data-role="verdict"]')!;
/** Presses Check and lets the set load. */
async function check(el: Element) {
  fire(el.querySelector('[data-action="check"]')!, 'click');
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

// One page for the file: linkedom registers a class once.
const page = parseHTML('<!doctype html><html><body></body></html>');
beforeAll(async () => {
  doc = page.document as unknown as Document;
  vi.stubGlobal('HTMLElement', page.HTMLElement);
  vi.stubGlobal('customElements', page.customElements);
  const { defineExercise } = await import('../../../src/components/exercises/client.ts');
  defineExercise();
  defineExercise();
});

beforeEach(() => {
  checks.count = 0;
  // The last test's exercises leave the page, and stop listening.
  doc.body.replaceChildren();
  vi.stubGlobal('document', doc);
  vi.stubGlobal('location', new URL('https://example.org/chapters/x/'));
  vi.stubGlobal('history', { state: null, replaceState: () => {} });
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  chapterStore<State>('chx', schema).set({ x: 1 });
  publish(BONUS, 0);
});
afterEach(() => {
  flushUrl();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.stubGlobal('HTMLElement', page.HTMLElement);
  vi.stubGlobal('customElements', page.customElements);
});

describe('<exercise-check>', () => {
  it('checks the state when asked, and says the verdict', async () => {
    const el = exercise();
    expect(checks.count).toBe(0);
    await check(el);
    expect(verdictOf(el).textContent).toBe('Not yet. x + bonus is 1.');
    expect(verdictOf(el).dataset.done).toBe('false');
  });

  it('checks again on every change of the state, and on every publication', async () => {
    const el = exercise();
    await check(el);
    chapterStore<State>('chx', schema).set({ x: 5 });
    expect(verdictOf(el).textContent).toBe('Done. x + bonus is 5.');
    expect(verdictOf(el).dataset.done).toBe('true');
    chapterStore<State>('chx', schema).set({ x: 2 });
    publish(BONUS, 4);
    expect(verdictOf(el).textContent).toBe('Done. x + bonus is 6.');
  });

  it('checks again when asked again, loading the set once', async () => {
    const el = exercise();
    await check(el);
    const after = checks.count;
    await check(el);
    expect(checks.count).toBe(after + 1);
  });

  it('announces the verdict once the reader pauses', async () => {
    const el = exercise();
    await check(el);
    const region = el.querySelector('[data-role="announce"]')!;
    expect(region.textContent).toBe('');
    vi.advanceTimersByTime(500);
    expect(region.textContent).toBe('Not yet. x + bonus is 1.');
  });

  it('says when the check cannot run, and does nothing for an unknown set', async () => {
    const missing = exercise('chx', 'ex-x-9');
    await check(missing);
    expect(verdictOf(missing).textContent).toBe('The check could not run: no exercise ex-x-9');
    const unknown = exercise('nope');
    await check(unknown);
    expect(verdictOf(unknown).textContent).toBe('');
  });

  it('stops checking when it leaves the page', async () => {
    const el = exercise();
    await check(el);
    const after = checks.count;
    el.remove();
    chapterStore<State>('chx', schema).set({ x: 7 });
    publish(BONUS, 1);
    fire(el.querySelector('[data-action="check"]')!, 'click');
    expect(checks.count).toBe(after);
  });
});
