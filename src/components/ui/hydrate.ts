/**
 * Lazy hydration for figures. A figure's markup is rendered at build time; its interactive
 * code is a separate module loaded only when the figure nears the viewport, then mounted on
 * the element. `defineFigure` registers the custom element that does this.
 */
import type { FigureSpec } from './figure.ts';

export type Mount = (root: HTMLElement) => void | (() => void);

/**
 * What a figure's module gives: a spec for the framework to mount (`export default
 * defineSpec({…})`), or, for a figure that is an application of its own, a `mount` function.
 */
// The spec's state and data types are the module's own business here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FigureModule = { default: FigureSpec<any, any, any, any> } | { mount: Mount };

/** How far outside the viewport a figure starts to load. */
const NEAR_VIEWPORT = '400px 0px';

/** Figures not yet hydrated: before the page prints, they all start, so that each prints its state. */
const waiting = new Set<() => void>();
let printHooked = false;
function hookPrint(): void {
  if (printHooked) return;
  printHooked = true;
  const startAll = () => [...waiting].forEach((start) => start());
  window.addEventListener('beforeprint', startAll);
  matchMedia('print').addEventListener('change', (event) => {
    if (event.matches) startAll();
  });
}

export function defineFigure(tag: string, load: () => Promise<FigureModule>): void {
  if (customElements.get(tag)) return;
  customElements.define(
    tag,
    class extends HTMLElement {
      #observer: IntersectionObserver | undefined;
      #unmount: (() => void) | undefined;

      #start = (): void => {
        waiting.delete(this.#start);
        this.#observer?.disconnect();
        void this.#hydrate();
      };

      connectedCallback(): void {
        hookPrint();
        waiting.add(this.#start);
        this.#observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && this.#start(), {
          rootMargin: NEAR_VIEWPORT,
        });
        this.#observer.observe(this);
      }

      disconnectedCallback(): void {
        waiting.delete(this.#start);
        this.#observer?.disconnect();
        this.#unmount?.();
      }

      async #hydrate(): Promise<void> {
        try {
          const module = await load();
          if ('mount' in module) this.#unmount = module.mount(this) ?? undefined;
          else {
            const { mountFigure } = await import('./mount-figure.ts');
            this.#unmount = mountFigure(this, module.default);
          }
          this.dataset.hydrated = 'true';
        } catch (error) {
          this.dataset.hydrated = 'failed';
          const note = document.createElement('p');
          note.className = 'figure-error';
          note.setAttribute('role', 'status');
          note.textContent = 'This figure could not start; it shows its default state. Reload the page to try again.';
          this.append(note);
          throw error;
        }
      }
    },
  );
}
