/**
 * Lazy hydration for figures. A figure's markup is rendered at build time; its interactive
 * code is a separate module loaded only when the figure nears the viewport, then mounted on
 * the element. `defineFigure` registers the custom element that does this.
 */

export type Mount = (root: HTMLElement) => void | (() => void);

/** How far outside the viewport a figure starts to load. */
const NEAR_VIEWPORT = '400px 0px';

export function defineFigure(tag: string, load: () => Promise<{ mount: Mount }>): void {
  if (customElements.get(tag)) return;
  customElements.define(
    tag,
    class extends HTMLElement {
      #observer: IntersectionObserver | undefined;
      #unmount: (() => void) | undefined;

      connectedCallback(): void {
        this.#observer = new IntersectionObserver(
          (entries) => {
            if (!entries.some((e) => e.isIntersecting)) return;
            this.#observer?.disconnect();
            void this.#hydrate();
          },
          { rootMargin: NEAR_VIEWPORT },
        );
        this.#observer.observe(this);
      }

      disconnectedCallback(): void {
        this.#observer?.disconnect();
        this.#unmount?.();
      }

      async #hydrate(): Promise<void> {
        try {
          const { mount } = await load();
          this.#unmount = mount(this) ?? undefined;
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
