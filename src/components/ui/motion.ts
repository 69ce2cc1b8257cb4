/**
 * Reduced motion and the global pause. Nothing animates by itself when the reader asks the
 * system for reduced motion, and the header's pause button stops every animation whatever
 * the system says. Animations ask `motionAllowed()` before each frame. Safe to import at
 * build time (figure specs do): outside a browser nothing is reduced and nothing listens.
 */
const inBrowser = typeof window !== 'undefined';

const PAUSE_KEY = 'subpixel:paused';
const listeners = new Set<(allowed: boolean) => void>();

function storedPause(): boolean {
  if (!inBrowser) return false;
  try {
    return localStorage.getItem(PAUSE_KEY) === '1';
  } catch {
    return false; // storage may be disabled; the pause then lasts for the page
  }
}

let paused = storedPause();
const reduced = inBrowser ? matchMedia('(prefers-reduced-motion: reduce)') : undefined;

/** Whether animations may play now. */
export function motionAllowed(): boolean {
  return !paused && !reduced?.matches;
}

/** Whether the reader asked the system for reduced motion. */
export function prefersReducedMotion(): boolean {
  return reduced?.matches ?? false;
}

export function isPaused(): boolean {
  return paused;
}

export function setPaused(value: boolean): void {
  paused = value;
  try {
    localStorage.setItem(PAUSE_KEY, value ? '1' : '0');
  } catch {
    // ignore: see storedPause
  }
  document.documentElement.toggleAttribute('data-paused', value);
  for (const listener of listeners) listener(motionAllowed());
}

/** Calls `listener` whenever motionAllowed() may have changed. */
export function onMotionChange(listener: (allowed: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

if (inBrowser) {
  reduced?.addEventListener('change', () => {
    for (const listener of listeners) listener(motionAllowed());
  });
  document.documentElement.toggleAttribute('data-paused', paused);
}
