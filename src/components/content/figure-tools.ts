/**
 * The behaviour of <figure-tools>: copy a permalink, build the embed snippet, download the
 * figure (SVG, PNG, state JSON), and write each figure's live address into the page before
 * it prints. The export code loads only when a download is asked for.
 */
import { copyText } from '../ui/clipboard.ts';
import { embedUrl, iframeSnippet, permalink } from '../ui/figure-links.ts';
import { flushUrl, storeState } from '../ui/store.ts';

/** The figure's parameters as the URL holds them (for a figure whose store has not started). */
function paramsFromUrl(store: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(location.search)) {
    if (key.startsWith(`${store}.`)) out[key.slice(store.length + 1)] = value;
  }
  return out;
}

/**
 * A caption as plain text, without its leading number: KaTeX formulas read as their MathML
 * text (the HTML rendering and the TeX annotation would repeat each symbol).
 */
function captionText(caption: Element | null, number: string): string {
  if (!caption) return '';
  const copy = caption.cloneNode(true) as Element;
  copy.querySelector('.figure-number')?.remove();
  for (const katex of copy.querySelectorAll('.katex')) {
    const math = katex.querySelector('.katex-mathml math')?.cloneNode(true) as Element | undefined;
    math?.querySelector('annotation')?.remove();
    katex.replaceWith(math?.textContent ?? '');
  }
  const text = (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text.startsWith(number) ? text.slice(number.length).trim() : text;
}

/** The controls a figure offers: sliders and segmented groups, by parameter name and label. */
function controlsOf(figure: Element): { name: string; label: string }[] {
  const found = new Map<string, string>();
  for (const group of figure.querySelectorAll<HTMLFieldSetElement>('fieldset[data-param-group]')) {
    const name = group.dataset.paramGroup ?? '';
    found.set(name, group.querySelector('legend')?.textContent?.trim() || name);
  }
  for (const input of figure.querySelectorAll<HTMLInputElement>('input[type="range"][data-param]')) {
    const name = input.dataset.param ?? '';
    const label = input.closest('label')?.querySelector('span')?.textContent?.split(':')[0]?.trim();
    found.set(name, label || name);
  }
  return [...found].filter(([name]) => name).map(([name, label]) => ({ name, label }));
}

const updatePrintLinks = (): void => {
  flushUrl();
  for (const tools of document.querySelectorAll<HTMLElement>('figure-tools')) {
    const span = tools.querySelector('[data-role="print-url"]');
    if (span) span.textContent = permalink(location, tools.dataset.figure ?? '');
  }
};

class FigureTools extends HTMLElement {
  #controls: { name: string; label: string }[] = [];

  get figure(): HTMLElement {
    return (this.closest('figure') ?? this.parentElement) as HTMLElement;
  }

  connectedCallback(): void {
    this.addEventListener('click', this.#onClick);
    this.addEventListener('change', this.#onChange);
  }

  disconnectedCallback(): void {
    this.removeEventListener('click', this.#onClick);
    this.removeEventListener('change', this.#onChange);
  }

  #q<T extends Element>(role: string): T {
    return this.querySelector(`[data-role="${role}"]`) as T;
  }

  #status(message: string): void {
    const status = this.#q<HTMLElement>('tools-status');
    status.textContent = '';
    // A new text node each time, so that a repeated message is announced again.
    requestAnimationFrame(() => (status.textContent = message));
  }

  #hidden(): string[] {
    return [...this.querySelectorAll<HTMLInputElement>('input[data-embed-control]')]
      .filter((box) => !box.checked)
      .map((box) => box.dataset.embedControl ?? '');
  }

  #embedAddress(): string {
    flushUrl();
    return embedUrl(location, this.dataset.figure ?? '', this.dataset.figureStore, this.#hidden());
  }

  #updateEmbed(): void {
    const src = this.#embedAddress();
    const root = this.figure.querySelector('.fig-root') ?? this.figure;
    // Room for the figure as it is now, its caption and credit, and some growth; embed.js then
    // follows the figure's real height.
    const height = 1.15 * root.getBoundingClientRect().height + 140;
    const title = `Figure ${this.dataset.number}: ${this.dataset.title} (Subpixel)`;
    const script = new URL('/embed.js', location.origin).href;
    this.#q<HTMLTextAreaElement>('embed-code').value = iframeSnippet(src, title, height, script);
    this.#q<HTMLAnchorElement>('embed-open').href = src;
  }

  #openEmbed(button: HTMLButtonElement): void {
    const panel = this.querySelector<HTMLElement>('.embed-panel');
    if (!panel) return;
    const open = panel.hidden;
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (!open) return;
    if (!this.#controls.length) {
      this.#controls = controlsOf(this.figure);
      const list = this.#q<HTMLElement>('embed-control-list');
      list.replaceChildren(
        ...this.#controls.map(({ name, label }) => {
          const item = document.createElement('label');
          const box = document.createElement('input');
          box.type = 'checkbox';
          box.checked = true;
          box.dataset.embedControl = name;
          item.append(box, ` ${label}`);
          return item;
        }),
      );
      this.#q<HTMLElement>('embed-controls').hidden = this.#controls.length === 0;
    }
    this.#updateEmbed();
  }

  #state(): object {
    flushUrl();
    const store = this.dataset.figureStore;
    return {
      site: 'Subpixel',
      figure: this.dataset.figure,
      number: this.dataset.number,
      title: this.dataset.title,
      chapter: this.dataset.chapter,
      url: permalink(location, this.dataset.figure ?? ''),
      embed: embedUrl(location, this.dataset.figure ?? '', store),
      state: store ? (storeState(store) ?? paramsFromUrl(store)) : {},
      savedAt: new Date().toISOString(),
    };
  }

  async #download(kind: 'svg' | 'png' | 'state'): Promise<void> {
    const name = `subpixel-${this.dataset.figure}`;
    const { download, figurePng, figureSvg } = await import('../ui/export-figure.ts');
    const root = this.figure;
    if (kind === 'state') {
      download(new Blob([`${JSON.stringify(this.#state(), null, 2)}\n`], { type: 'application/json' }), `${name}.json`);
    } else if (kind === 'svg') {
      download(new Blob([figureSvg(root).svg], { type: 'image/svg+xml' }), `${name}.svg`);
    } else {
      flushUrl();
      const number = `Figure ${this.dataset.number}`;
      const text = captionText(root.querySelector('figcaption'), number);
      download(
        await figurePng(root, 2, { number, caption: text, link: permalink(location, this.dataset.figure ?? '') }),
        `${name}.png`,
      );
    }
    this.#status(`Saved ${name}.${kind === 'state' ? 'json' : kind}`);
  }

  #onClick = (event: Event): void => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-tool]');
    if (!button) return;
    const tool = button.dataset.tool;
    if (tool === 'link') {
      flushUrl();
      const link = permalink(location, this.dataset.figure ?? '');
      void copyText(link).then((ok) => this.#status(ok ? 'Link copied' : `Copying was refused; the link is ${link}`));
    } else if (tool === 'copy-embed') {
      const code = this.#q<HTMLTextAreaElement>('embed-code');
      void copyText(code.value).then((ok) => {
        if (!ok) code.select();
        this.#status(ok ? 'Embed code copied' : 'Copying was refused: the code is selected, press Ctrl+C');
      });
    } else if (tool === 'embed') this.#openEmbed(button);
    else if (tool === 'svg' || tool === 'png' || tool === 'state') {
      this.#download(tool).catch((error: Error) => this.#status(`The download failed: ${error.message}`));
    }
  };

  #onChange = (event: Event): void => {
    if ((event.target as HTMLElement).matches('input[data-embed-control]')) this.#updateEmbed();
  };
}

/** Registers <figure-tools> once, and the print hook that writes each figure's address. */
export function defineTools(): void {
  if (customElements.get('figure-tools')) return;
  customElements.define('figure-tools', FigureTools);
  window.addEventListener('beforeprint', updatePrintLinks);
  matchMedia('print').addEventListener('change', (event) => {
    if (event.matches) updatePrintLinks();
  });
}
