/**
 * <figure-tools> on a server-side DOM (linkedom's custom elements), with the clipboard and the
 * export code faked: the link is copied (or shown when copying is refused), the embed panel lists
 * the figure's controls and writes the iframe snippet for the ones kept, the downloads carry the
 * figure's state, picture and caption, and every figure's live address is written before print.
 */
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { embedUrl, iframeSnippet, permalink } from '../../../src/components/ui/figure-links.ts';
import { fire } from '../ui/dom.ts';

const exported = vi.hoisted(() => ({
  downloads: [] as { blob: Blob; name: string }[],
  png: [] as unknown[],
  fail: null as Error | null,
}));
vi.mock('../../../src/components/ui/export-figure.ts', () => ({
  download: (blob: Blob, name: string) => exported.downloads.push({ blob, name }),
  figureSvg: () => {
    if (exported.fail) throw exported.fail;
    return { svg: '<svg/>', width: 1, height: 1 };
  },
  figurePng: async (_root: unknown, scale: number, credit: unknown) => {
    exported.png.push({ scale, credit });
    return new Blob(['png']);
  },
}));

const FIGURE = `<figure id="fig-grid">
  <div class="fig-root">
    <fieldset data-param-group="target"><legend> Target </legend></fieldset>
    <label><span>σ: 2.0</span><input type="range" data-param="sigma"></label>
    <label><input type="range" data-param="x"></label>
  </div>
  <figcaption><span class="figure-number">Figure 1.1</span> The grid at
    <span class="katex"><span class="katex-mathml"><math><mi>σ</mi><annotation>\\sigma</annotation></math></span><span class="katex-html">σσ</span></span>
    = 2.</figcaption>
  <figure-tools data-figure="fig-grid" data-figure-store="ch1" data-number="1.1" data-title="The grid" data-chapter="1">
    <button data-tool="link">Copy link</button>
    <button data-tool="embed" aria-expanded="false">Embed</button>
    <div class="embed-panel" hidden>
      <div data-role="embed-controls" hidden><div data-role="embed-control-list"></div></div>
      <textarea data-role="embed-code"></textarea><a data-role="embed-open"></a>
      <button data-tool="copy-embed">Copy</button>
    </div>
    <button data-tool="svg">SVG</button><button data-tool="png">PNG</button><button data-tool="state">State</button>
    <p data-role="tools-status"></p><span data-role="print-url"></span>
  </figure-tools>
</figure>`;

const place = new URL('https://example.org/chapters/01-points/?ch1.sigma=3&ch2.x=4');
let doc: Document;
let tools: HTMLElement;
let frames: (() => void)[];
let copied: string[];
let refuseCopy: boolean;
let windowListeners: Record<string, () => void>;

/** Runs the pending animation frames (the status is written in one). */
const flush = () => frames.splice(0).forEach((f) => f());
/** Lets the clipboard's and the downloads' promises run. */
const settle = async () => {
  await vi.dynamicImportSettled();
  for (let i = 0; i < 10; i++) await Promise.resolve();
};
const role = <T extends Element = HTMLElement>(name: string) => tools.querySelector(`[data-role="${name}"]`) as T;
const press = (tool: string) => fire(tools.querySelector(`[data-tool="${tool}"]`)!, 'click');

beforeEach(async () => {
  exported.downloads = [];
  exported.png = [];
  exported.fail = null;
  frames = [];
  copied = [];
  refuseCopy = false;
  windowListeners = {};
  const page = parseHTML(`<!doctype html><html><body></body></html>`);
  doc = page.document as unknown as Document;
  vi.stubGlobal('document', doc);
  vi.stubGlobal('HTMLElement', page.HTMLElement);
  vi.stubGlobal('customElements', page.customElements);
  vi.stubGlobal('location', place);
  vi.stubGlobal('history', { state: null, replaceState: () => {} });
  vi.stubGlobal('window', { addEventListener: (type: string, l: () => void) => (windowListeners[type] = l) });
  vi.stubGlobal('matchMedia', () => ({ addEventListener: () => {} }));
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
  vi.stubGlobal('navigator', {
    clipboard: {
      writeText: async (text: string) => {
        if (refuseCopy) throw new Error('NotAllowedError');
        copied.push(text);
      },
    },
  });
  vi.resetModules();
  const { defineTools } = await import('../../../src/components/content/figure-tools.ts');
  defineTools();
  doc.body.innerHTML = FIGURE;
  tools = doc.querySelector<HTMLElement>('figure-tools')!;
  doc.querySelector('.fig-root')!.getBoundingClientRect = () => ({ height: 400 }) as DOMRect;
});
afterEach(() => vi.unstubAllGlobals());

describe('<figure-tools>: the link', () => {
  it('copies the chapter address at this state, scrolled to the figure, and says so', async () => {
    press('link');
    await settle();
    expect(copied).toEqual([permalink(place, 'fig-grid')]);
    flush();
    expect(role('tools-status').textContent).toBe('Link copied');
  });

  it('shows the link when copying is refused', async () => {
    refuseCopy = true;
    press('link');
    await settle();
    flush();
    expect(role('tools-status').textContent).toBe(`Copying was refused; the link is ${permalink(place, 'fig-grid')}`);
  });
});

describe('<figure-tools>: the embed panel', () => {
  it("opens with a box per control, named by its legend or label, and the iframe for the figure's own state", () => {
    press('embed');
    expect(tools.querySelector<HTMLElement>('.embed-panel')!.hidden).toBe(false);
    expect(tools.querySelector('[data-tool="embed"]')!.getAttribute('aria-expanded')).toBe('true');
    expect(role('embed-controls').hidden).toBe(false);
    const boxes = [...role('embed-control-list').querySelectorAll('label')];
    expect(boxes.map((b) => [b.querySelector('input')!.dataset.embedControl, b.textContent])).toEqual([
      ['target', ' Target'],
      ['sigma', ' σ'],
      ['x', ' x'],
    ]);
    const src = embedUrl(place, 'fig-grid', 'ch1', []);
    expect(src).toBe('https://example.org/embed/fig-grid/?ch1.sigma=3');
    // 1.15 · 400 px + 140 for the caption and growth.
    expect(role<HTMLTextAreaElement>('embed-code').value).toBe(
      iframeSnippet(src, 'Figure 1.1: The grid (Subpixel)', 1.15 * 400 + 140, 'https://example.org/embed.js'),
    );
    expect(role<HTMLAnchorElement>('embed-open').href).toBe(src);
  });

  it('hides the controls whose boxes are cleared', () => {
    press('embed');
    const box = role('embed-control-list').querySelector<HTMLInputElement>('input[data-embed-control="sigma"]')!;
    box.checked = false;
    fire(box, 'change');
    expect(role<HTMLAnchorElement>('embed-open').href).toBe(
      'https://example.org/embed/fig-grid/?ch1.sigma=3&hide=sigma',
    );
  });

  it('closes on a second press', () => {
    press('embed');
    press('embed');
    expect(tools.querySelector<HTMLElement>('.embed-panel')!.hidden).toBe(true);
    expect(tools.querySelector('[data-tool="embed"]')!.getAttribute('aria-expanded')).toBe('false');
  });

  it('copies the snippet, or selects it when copying is refused', async () => {
    press('embed');
    press('copy-embed');
    await settle();
    expect(copied).toEqual([role<HTMLTextAreaElement>('embed-code').value]);
    flush();
    expect(role('tools-status').textContent).toBe('Embed code copied');
    refuseCopy = true;
    const select = vi.fn();
    role<HTMLTextAreaElement>('embed-code').select = select;
    press('copy-embed');
    await settle();
    flush();
    expect(select).toHaveBeenCalledTimes(1);
    expect(role('tools-status').textContent).toBe('Copying was refused: the code is selected, press Ctrl+C');
  });
});

describe('<figure-tools>: downloads', () => {
  it("saves the state as JSON: the figure, its addresses and its store's parameters from the URL", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-29T10:00:00Z'));
    press('state');
    await settle();
    vi.useRealTimers();
    const [{ blob, name }] = exported.downloads as [{ blob: Blob; name: string }];
    expect(name).toBe('subpixel-fig-grid.json');
    expect(blob.type).toBe('application/json');
    expect(JSON.parse(await blob.text())).toEqual({
      site: 'Subpixel',
      figure: 'fig-grid',
      number: '1.1',
      title: 'The grid',
      chapter: '1',
      url: permalink(place, 'fig-grid'),
      embed: embedUrl(place, 'fig-grid', 'ch1'),
      state: { sigma: '3' },
      savedAt: '2026-11-29T10:00:00.000Z',
    });
    flush();
    expect(role('tools-status').textContent).toBe('Saved subpixel-fig-grid.json');
  });

  it('saves the SVG picture', async () => {
    press('svg');
    await settle();
    expect(exported.downloads.map((d) => [d.name, d.blob.type])).toEqual([['subpixel-fig-grid.svg', 'image/svg+xml']]);
  });

  it('saves the PNG with its number, its caption as text (formulas read once) and its address', async () => {
    press('png');
    await settle();
    expect(exported.png).toEqual([
      { scale: 2, credit: { number: 'Figure 1.1', caption: 'The grid at σ = 2.', link: permalink(place, 'fig-grid') } },
    ]);
    expect(exported.downloads.map((d) => d.name)).toEqual(['subpixel-fig-grid.png']);
  });

  it('says when a download fails', async () => {
    exported.fail = new Error('no layers');
    press('svg');
    await settle();
    flush();
    expect(role('tools-status').textContent).toBe('The download failed: no layers');
  });
});

describe('defineTools()', () => {
  it("writes every figure's live address before the page prints", () => {
    windowListeners.beforeprint!();
    expect(role('print-url').textContent).toBe(permalink(place, 'fig-grid'));
  });

  it('registers the element once', async () => {
    const { defineTools } = await import('../../../src/components/content/figure-tools.ts');
    expect(() => defineTools()).not.toThrow();
  });
});
