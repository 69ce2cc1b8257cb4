/**
 * Reduced motion and the global pause, with the module loaded afresh in each case: outside a
 * browser nothing is reduced; in one, the stored pause and the system's setting stop animations,
 * `setPaused` stores the pause and marks the page, and listeners hear every change.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageWith } from './dom.ts';

type Motion = typeof import('../../../src/components/ui/motion.ts');

/** A browser whose stored pause is `stored` and whose system asks for reduced motion when `reduce`. */
function browser(stored: string | null | 'throws', reduce = false) {
  const doc = pageWith('');
  const saved = new Map<string, string>();
  if (stored !== null && stored !== 'throws') saved.set('subpixel:paused', stored);
  const media = { matches: reduce, listeners: [] as (() => void)[] };
  const refuse = () => {
    throw new Error('storage is disabled');
  };
  vi.stubGlobal('window', {});
  vi.stubGlobal('document', doc);
  vi.stubGlobal(
    'localStorage',
    stored === 'throws'
      ? { getItem: refuse, setItem: refuse }
      : { getItem: (k: string) => saved.get(k) ?? null, setItem: (k: string, v: string) => saved.set(k, v) },
  );
  vi.stubGlobal('matchMedia', (query: string) => {
    expect(query).toBe('(prefers-reduced-motion: reduce)');
    return {
      get matches() {
        return media.matches;
      },
      addEventListener: (_t: string, l: () => void) => media.listeners.push(l),
    };
  });
  return { doc, saved, media };
}

async function load(): Promise<Motion> {
  vi.resetModules();
  return import('../../../src/components/ui/motion.ts');
}

afterEach(() => vi.unstubAllGlobals());

describe('motion outside a browser (the build)', () => {
  it('allows motion, reduces nothing and is not paused', async () => {
    const motion = await load();
    expect([motion.motionAllowed(), motion.prefersReducedMotion(), motion.isPaused()]).toEqual([true, false, false]);
  });
});

describe('motion in a browser', () => {
  it('allows motion when neither the reader nor the system asked otherwise', async () => {
    const { doc } = browser(null);
    const motion = await load();
    expect(motion.motionAllowed()).toBe(true);
    expect(doc.documentElement.hasAttribute('data-paused')).toBe(false);
  });

  it('starts paused when the pause was stored, and marks the page', async () => {
    const { doc } = browser('1');
    const motion = await load();
    expect([motion.isPaused(), motion.motionAllowed()]).toEqual([true, false]);
    expect(doc.documentElement.hasAttribute('data-paused')).toBe(true);
  });

  it('stops motion when the system asks for reduced motion, whatever the pause', async () => {
    browser('0', true);
    const motion = await load();
    expect([motion.isPaused(), motion.prefersReducedMotion(), motion.motionAllowed()]).toEqual([false, true, false]);
  });

  it('stores a pause, marks the page and tells listeners until they stop', async () => {
    const { doc, saved } = browser(null);
    const motion = await load();
    const heard: boolean[] = [];
    const stop = motion.onMotionChange((allowed) => heard.push(allowed));
    motion.setPaused(true);
    expect(saved.get('subpixel:paused')).toBe('1');
    expect(doc.documentElement.hasAttribute('data-paused')).toBe(true);
    motion.setPaused(false);
    expect(saved.get('subpixel:paused')).toBe('0');
    expect(doc.documentElement.hasAttribute('data-paused')).toBe(false);
    stop();
    motion.setPaused(true);
    expect(heard).toEqual([false, true]);
  });

  it("tells listeners when the system's setting changes", async () => {
    const { media } = browser(null);
    const motion = await load();
    const heard: boolean[] = [];
    motion.onMotionChange((allowed) => heard.push(allowed));
    media.matches = true;
    media.listeners.forEach((l) => l());
    expect(heard).toEqual([false]);
  });

  it('pauses for the page when storage is disabled', async () => {
    browser('throws');
    const motion = await load();
    expect(motion.isPaused()).toBe(false);
    expect(() => motion.setPaused(true)).not.toThrow();
    expect(motion.isPaused()).toBe(true);
  });
});
