/**
 * A figure owns its markup except the figures nested in it: an element belongs to the nearest
 * figure root (`data-store`) around it. The Lab's results hold its map view, a figure of its own;
 * each binds its own controls, roles and actions only.
 */

/** Whether `el` (inside `root`) belongs to `root` rather than to a figure nested in it. */
export function ownedBy(root: Element, el: Element): boolean {
  const owner = el.closest('[data-store]');
  return owner === null || owner === root || !root.contains(owner);
}

/** The elements under `root` (and `root` itself) that `selector` matches and `root` owns. */
export function ownAll<T extends Element = HTMLElement>(root: Element, selector: string): T[] {
  const found = [...(root.matches(selector) ? [root as unknown as T] : []), ...root.querySelectorAll<T>(selector)];
  return found.filter((el) => ownedBy(root, el));
}
