/** listen: several listeners added to one target together, with the same options, and removed together. */
import { describe, expect, it, vi } from 'vitest';
import { listen } from '../../../src/components/ui/listen.ts';

/** A target that records what is added and removed. */
function target() {
  const added: [string, unknown, unknown][] = [];
  const removed: [string, unknown, unknown][] = [];
  return {
    added,
    removed,
    addEventListener: (type: string, l: unknown, o: unknown) => added.push([type, l, o]),
    removeEventListener: (type: string, l: unknown, o: unknown) => removed.push([type, l, o]),
  } as unknown as EventTarget & { added: typeof added; removed: typeof removed };
}

describe('listen(target, listeners, options)', () => {
  it('adds each listener under its event type, with the options', () => {
    const t = target();
    const keydown = vi.fn();
    const click = vi.fn();
    listen(t, { keydown, click }, { passive: false });
    expect(t.added).toEqual([
      ['keydown', keydown, { passive: false }],
      ['click', click, { passive: false }],
    ]);
  });

  it('removes exactly those listeners when stopped', () => {
    const t = target();
    const focus = vi.fn();
    const stop = listen(t, { focus });
    expect(t.removed).toEqual([]);
    stop();
    expect(t.removed).toEqual([['focus', focus, undefined]]);
  });

  it('calls the listener with the event on a real target', () => {
    const t = new EventTarget();
    const seen: string[] = [];
    const stop = listen(t, { input: (e) => seen.push(e.type) });
    t.dispatchEvent(new Event('input'));
    stop();
    t.dispatchEvent(new Event('input'));
    expect(seen).toEqual(['input']);
  });
});
