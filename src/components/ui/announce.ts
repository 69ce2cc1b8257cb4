/**
 * The live region of a figure: announces the result a figure computes to screen readers,
 * once the reader pauses (a drag would otherwise announce dozens of values a second).
 */
const SETTLE_MS = 500;

export function createAnnouncer(region: HTMLElement): (message: string) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = '';
  let pending = '';
  return (message) => {
    // The same message again (a figure redrawn for another reason) does not restart the wait:
    // a figure fed many times a second would otherwise never settle.
    if (message === pending) return;
    pending = message;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      if (message !== last) {
        region.textContent = message;
        last = message;
      }
    }, SETTLE_MS);
  };
}
