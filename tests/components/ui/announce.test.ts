/** createAnnouncer: the live region hears a message once the reader pauses, and a message once. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnnouncer } from '../../../src/components/ui/announce.ts';

const SETTLE_MS = 500;
let region: { textContent: string };
let announce: (message: string) => void;

beforeEach(() => {
  vi.useFakeTimers();
  region = { textContent: '' };
  announce = createAnnouncer(region as unknown as HTMLElement);
});
afterEach(() => vi.useRealTimers());

describe('createAnnouncer(region)', () => {
  it('writes a message to the region once the reader has paused for half a second', () => {
    announce('x 1.0');
    vi.advanceTimersByTime(SETTLE_MS - 1);
    expect(region.textContent).toBe('');
    vi.advanceTimersByTime(1);
    expect(region.textContent).toBe('x 1.0');
  });

  it('says only the last of messages that come faster than that', () => {
    const written: string[] = [];
    Object.defineProperty(region, 'textContent', { set: (t: string) => written.push(t), get: () => written.at(-1) });
    for (const m of ['x 1', 'x 2', 'x 3']) {
      announce(m);
      vi.advanceTimersByTime(SETTLE_MS / 2);
    }
    vi.advanceTimersByTime(SETTLE_MS);
    expect(written).toEqual(['x 3']);
  });

  it('does not restart the wait for the same message again', () => {
    announce('steady');
    vi.advanceTimersByTime(400);
    announce('steady');
    vi.advanceTimersByTime(100);
    expect(region.textContent).toBe('steady');
  });

  it('does not write a message the region already says', () => {
    const written: string[] = [];
    Object.defineProperty(region, 'textContent', { set: (t: string) => written.push(t), get: () => written.at(-1) });
    announce('a');
    vi.advanceTimersByTime(SETTLE_MS);
    announce('b');
    announce('a');
    vi.advanceTimersByTime(SETTLE_MS);
    expect(written).toEqual(['a']);
  });
});
