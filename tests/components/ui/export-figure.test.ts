/**
 * A figure's graphics as one picture, on a server-side DOM laid out by hand (linkedom lays nothing
 * out): which layers go in, where they are placed, the computed styles written into the copy, the
 * legend text written in as SVG text; the PNG with its credit lines; and the download.
 */
import { DOMParser, parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { download, figurePng, figureSvg, graphicLayers } from '../../../src/components/ui/export-figure.ts';
import { place } from './dom.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * A figure laid out at (0, 0), 600 × 400: a chart (20, 30, 200 × 100) with an svg nested in it, a
 * map canvas (240, 30, 100 × 100, drawn pixelated), a legend label (20, 140, 60 × 16); and what
 * stays out: an icon in a button, a hidden svg, an empty svg, one with display none, one with
 * opacity 0, one in the controls and one in the caption.
 */
const FIGURE = `<div id="fig">
  <svg id="chart" class="plot" aria-label="Error" role="img" tabindex="0">
    <g class="decoder-dark"><path d="M0 0L1 1"></path></g><svg id="inner"><rect></rect></svg>
  </svg>
  <canvas id="map" class="map-canvas"></canvas>
  <span id="label" data-export-text> Argmax </span>
  <button><svg id="icon"></svg></button>
  <div hidden><svg id="hidden"></svg></div>
  <svg id="empty"></svg>
  <svg id="none"></svg>
  <svg id="clear"></svg>
  <div class="controls"><svg id="control"></svg><span data-export-text id="control-label">x</span></div>
  <figcaption><svg id="caption"></svg></figcaption>
</div>`;

let doc: Document;
let root: HTMLElement;
const styles = new Map<Element, Record<string, string>>();

/** The page's computed style of `el`, as the test set it. */
function computed(el: Element) {
  const s = styles.get(el) ?? {};
  return {
    getPropertyValue: (p: string) => s[p] ?? '',
    visibility: s.visibility ?? 'visible',
    display: s.display ?? 'inline',
    opacity: s.opacity ?? '1',
    backgroundColor: s.backgroundColor ?? '',
    color: s.color ?? '',
    imageRendering: s.imageRendering ?? 'auto',
    fontFamily: s.fontFamily ?? '',
    fontSize: s.fontSize ?? '',
    fontWeight: s.fontWeight ?? '',
  };
}

beforeEach(() => {
  const page = parseHTML(`<!doctype html><html><body>${FIGURE}</body></html>`);
  doc = page.document as unknown as Document;
  root = doc.getElementById('fig')!;
  const byId = (id: string) => doc.getElementById(id)!;
  place(root, { width: 600, height: 400 });
  place(byId('chart'), { left: 20, top: 30, width: 200, height: 100 });
  place(byId('inner'), { left: 30, top: 40, width: 10, height: 10 });
  place(byId('map'), { left: 240, top: 30, width: 100, height: 100 });
  place(byId('label'), { left: 20, top: 140, width: 60, height: 16 });
  for (const id of ['icon', 'hidden', 'none', 'clear', 'control', 'caption', 'control-label'])
    place(byId(id), { left: 500, top: 300, width: 20, height: 20 });
  styles.clear();
  styles.set(byId('none'), { display: 'none' });
  styles.set(byId('clear'), { opacity: '0' });
  styles.set(byId('chart'), { fill: 'none', 'font-family': 'Inter' });
  styles.set(byId('chart').querySelector('g')!, { stroke: 'rgb(15, 110, 63)', 'stroke-width': '2px' });
  styles.set(byId('map'), { imageRendering: 'pixelated' });
  styles.set(byId('label'), { fontFamily: 'Inter', fontSize: '12px', fontWeight: '400', color: 'rgb(0, 0, 0)' });
  styles.set(doc.body, { backgroundColor: 'rgb(255, 255, 255)', fontFamily: 'Source Serif', color: 'rgb(20, 20, 20)' });
  (byId('map') as HTMLCanvasElement).toDataURL = () => 'data:image/png;base64,MAP';
  Object.assign(doc, {
    implementation: {
      createDocument: () => new DOMParser().parseFromString(`<svg xmlns="${SVG_NS}"></svg>`, 'image/svg+xml'),
    },
  });
  vi.stubGlobal('document', doc);
  vi.stubGlobal('getComputedStyle', computed);
  vi.stubGlobal('HTMLCanvasElement', page.HTMLCanvasElement);
  vi.stubGlobal(
    'XMLSerializer',
    class {
      serializeToString = (d: Document) => d.toString();
    },
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** The exported picture, parsed back. */
function exported() {
  const { svg, width, height } = figureSvg(root);
  const out = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement as unknown as SVGSVGElement;
  return { out, width, height, children: [...out.children] };
}

describe('graphicLayers(root)', () => {
  it('takes the outermost drawn svgs and canvases outside the controls, caption and hidden parts', () => {
    expect(graphicLayers(root).map((el) => el.id)).toEqual(['chart', 'map']);
  });
});

describe('figureSvg(root)', () => {
  it('spans the layers and their labels, not the figure box around them', () => {
    const { out, width, height } = exported();
    // From (20, 30) to (340, 156): the map's right edge and the label's bottom.
    expect([width, height]).toEqual([320, 126]);
    expect(['width', 'height', 'viewBox'].map((a) => out.getAttribute(a))).toEqual(['320', '126', '0 0 320 126']);
  });

  it("lays the page's background under the graphics", () => {
    const [background] = exported().children;
    expect(background!.tagName).toBe('rect');
    expect(background!.getAttribute('fill')).toBe('rgb(255, 255, 255)');
  });

  it('places a copy of each svg where it stands, with its computed styles and without its classes or ARIA', () => {
    const chart = exported().children[1]!;
    expect(chart.tagName).toBe('svg');
    expect(['x', 'y', 'width', 'height'].map((a) => chart.getAttribute(a))).toEqual(['0', '0', '200', '100']);
    expect(chart.getAttribute('style')).toBe('fill:none;font-family:Inter');
    for (const a of ['class', 'aria-label', 'role', 'tabindex', 'id']) expect(chart.hasAttribute(a)).toBe(false);
    const g = chart.querySelector('g')!;
    expect(g.getAttribute('style')).toBe('stroke:rgb(15, 110, 63);stroke-width:2px');
    expect(g.hasAttribute('class')).toBe(false);
    // The nested svg comes along inside its chart, not as a layer of its own.
    expect(chart.querySelector('rect')).not.toBeNull();
  });

  it('places each canvas as an image of its pixels, kept pixelated', () => {
    const image = exported().children[2]!;
    expect(image.tagName).toBe('image');
    expect(['x', 'y', 'width', 'height'].map((a) => image.getAttribute(a))).toEqual(['220', '0', '100', '100']);
    expect(image.getAttribute('href')).toBe('data:image/png;base64,MAP');
    expect(image.getAttribute('preserveAspectRatio')).toBe('none');
    expect(image.getAttribute('style')).toBe('image-rendering:pixelated');
  });

  it("writes each legend label in as text, centred on its line, in the label's font and colour", () => {
    const { children } = exported();
    expect(children).toHaveLength(4);
    const text = children[3]!;
    expect(text.tagName).toBe('text');
    // x 20 − 20, y 140 − 30 + 16 / 2.
    expect([text.getAttribute('x'), text.getAttribute('y')]).toEqual(['0', '118']);
    expect(text.textContent).toBe('Argmax');
    expect(text.getAttribute('style')).toBe(
      'font-family:Inter;font-size:12px;font-weight:400;fill:rgb(0, 0, 0);dominant-baseline:central',
    );
  });
});

describe('figurePng(root, scale, credit)', () => {
  /** A canvas that records what is drawn on it, and the object URLs made and revoked. */
  function fakes() {
    const calls: string[] = [];
    const state = { font: '', fillStyle: '' };
    const ctx = {
      ...{ textBaseline: '' },
      get font() {
        return state.font;
      },
      set font(f: string) {
        state.font = f;
      },
      get fillStyle() {
        return state.fillStyle;
      },
      set fillStyle(f: string) {
        state.fillStyle = f;
        calls.push(`fill ${f}`);
      },
      // 6 px a character: the caption wraps at 320 − 2 · 12 = 296 px, 49 characters.
      measureText: (t: string) => ({ width: t.length * 6 }),
      scale: (x: number, y: number) => calls.push(`scale ${x} ${y}`),
      fillRect: (...a: number[]) => calls.push(`rect ${a.join(' ')}`),
      drawImage: (_i: unknown, ...a: number[]) => calls.push(`image ${a.join(' ')}`),
      fillText: (t: string, x: number, y: number) => calls.push(`text ${state.font} [${t}] ${x} ${y}`),
    };
    const canvas = {
      width: 0,
      height: 0,
      getContext: () => ctx,
      toBlob: (done: (b: Blob | null) => void) => done(new Blob(['png'])),
    };
    const urls: string[] = [];
    const revoked: string[] = [];
    vi.stubGlobal('URL', {
      createObjectURL: () => {
        urls.push(`blob:${urls.length}`);
        return urls.at(-1);
      },
      revokeObjectURL: (u: string) => revoked.push(u),
    });
    vi.stubGlobal(
      'Image',
      class {
        src = '';
        decode = async () => {};
      },
    );
    const createElement = doc.createElement.bind(doc);
    doc.createElement = ((tag: string) =>
      tag === 'canvas' ? canvas : createElement(tag)) as Document['createElement'];
    styles.set(doc.documentElement, {});
    return { calls, canvas, urls, revoked };
  }

  it('draws the picture at the scale on the background, and lets its URL go', async () => {
    const { calls, canvas, revoked } = fakes();
    const blob = await figurePng(root, 3);
    expect(await blob.text()).toBe('png');
    expect([canvas.width, canvas.height]).toEqual([960, 378]);
    expect(calls).toEqual(['scale 3 3', 'fill rgb(255, 255, 255)', 'rect 0 0 320 126', 'image 0 0 320 126']);
    expect(revoked).toEqual(['blob:0']);
  });

  it('sets the number in bold, then the caption and the address in lines under the picture', async () => {
    const { calls, canvas } = fakes();
    const caption = 'Where the fraction of a pixel goes when a keypoint is encoded';
    await figurePng(root, 2, { number: 'Figure 2.1', caption, link: 'https://example.org/ch2/?ch2.x=3#fig' });
    // Caption lines: "Figure 2.1. Where the fraction of a pixel goes" (46 characters; one more
    // word is 51) and "when a keypoint is encoded"; the address fits one line: 3 lines of 18 px,
    // padded by 12 px above and below.
    const footer = 12 + 3 * 18 + 12;
    expect(canvas.height).toBe(Math.ceil((126 + footer) * 2));
    const texts = calls.filter((c) => c.startsWith('text') || c.startsWith('fill'));
    expect(texts.slice(-6)).toEqual([
      'fill rgb(20, 20, 20)',
      'text 600 13px Source Serif [Figure 2.1.] 12 138',
      `text 13px Source Serif [Where the fraction of a pixel goes] ${12 + 'Figure 2.1. '.length * 6} 138`,
      'text 13px Source Serif [when a keypoint is encoded] 12 156',
      'fill #1f5fa8',
      'text 13px Source Serif [https://example.org/ch2/?ch2.x=3#fig] 12 174',
    ]);
  });
});

describe('download(blob, name)', () => {
  it('clicks a link to the blob named for the file, and lets the URL go ten seconds later', () => {
    vi.useFakeTimers();
    const revoked: string[] = [];
    vi.stubGlobal('URL', { createObjectURL: () => 'blob:1', revokeObjectURL: (u: string) => revoked.push(u) });
    const clicked: { href: string; download: string; attached: boolean }[] = [];
    const createElement = doc.createElement.bind(doc);
    doc.createElement = ((tag: string) => {
      const el = createElement(tag) as HTMLAnchorElement;
      el.click = () => clicked.push({ href: el.href, download: el.download, attached: el.isConnected });
      return el;
    }) as Document['createElement'];
    download(new Blob(['{}']), 'figure-2-1.json');
    expect(clicked).toEqual([{ href: 'blob:1', download: 'figure-2-1.json', attached: true }]);
    expect(doc.querySelector('a')).toBeNull();
    vi.advanceTimersByTime(9_999);
    expect(revoked).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(revoked).toEqual(['blob:1']);
  });
});
