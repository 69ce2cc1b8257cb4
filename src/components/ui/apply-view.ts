/**
 * A figure's view model: attributes and texts keyed by `data-role`. The build-time render
 * spreads the same model into its markup, and the client applies each new one, so the two
 * never disagree about what goes where.
 */
import { ownAll } from './owned.ts';

export interface ViewModel {
  /** Attribute values by role; `null` removes the attribute (a boolean such as `disabled`). */
  attrs: Record<string, Record<string, string | null>>;
  text: Record<string, string>;
}

/** Applies a view model to the elements under `root` (and `root` itself, not a nested figure) that carry the model's roles. */
export function createViewApplier(root: HTMLElement): (view: ViewModel) => void {
  const cache = new Map<string, Element[]>();
  const elements = (role: string): Element[] => {
    let found = cache.get(role);
    if (!found) {
      found = ownAll(root, `[data-role="${role}"]`);
      cache.set(role, found);
    }
    return found;
  };
  return (view) => {
    for (const [role, attrs] of Object.entries(view.attrs)) {
      for (const el of elements(role)) {
        for (const [name, value] of Object.entries(attrs)) {
          if (value === null) el.removeAttribute(name);
          else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
        }
      }
    }
    for (const [role, text] of Object.entries(view.text)) {
      for (const el of elements(role)) if (el.textContent !== text) el.textContent = text;
    }
  };
}
