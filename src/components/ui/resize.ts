/**
 * The one resize helper: calls `onWidth` with the element's content width now and whenever
 * it changes (rounded to whole pixels, so sub-pixel jitter does not re-render).
 */
export function observeWidth(element: Element, onWidth: (width: number) => void): () => void {
  let last = -1;
  const report = (width: number): void => {
    const w = Math.round(width);
    if (w !== last && w > 0) {
      last = w;
      onWidth(w);
    }
  };
  report(element.getBoundingClientRect().width);
  const observer = new ResizeObserver((entries) => {
    for (const entry of entries) report(entry.contentRect.width);
  });
  observer.observe(element);
  return () => observer.disconnect();
}
