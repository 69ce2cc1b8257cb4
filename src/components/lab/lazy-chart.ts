/**
 * The Lab's charts load with their first drawing, not with the page: Observable Plot is most of
 * the page's script, and a reader who opens the Lab has decoded nothing yet. A chart part returns
 * a holder at once; the chart fills it when the chart module is there.
 */
type Charts = typeof import('./charts.ts');

let loading: Promise<Charts> | undefined;

/** A holder that `draw` fills with its chart once the chart module has loaded (the first call loads it). */
export function lazyChart(doc: Document, draw: (charts: Charts) => Element): Element {
  const holder = doc.createElement('div');
  loading ??= import('./charts.ts');
  void loading.then((charts) => holder.replaceChildren(draw(charts)));
  return holder;
}
