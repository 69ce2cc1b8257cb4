/** Finding a figure's elements by selector, with an error that names the figure when one is missing. */

/** The element `selector` names under `root`; throws, naming the figure, when it is missing. */
export function part<T extends Element = HTMLElement>(root: ParentNode, selector: string, figure = 'figure'): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`${figure}: missing ${selector}`);
  return el;
}
