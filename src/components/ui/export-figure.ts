/**
 * A figure's graphics as one picture: every visible SVG and canvas layer of the figure, placed
 * where the page lays it out, with the page's computed colours written into the SVG (figures
 * style their marks with CSS classes and custom properties, which a file cannot carry).
 * Controls, buttons and text outside the graphics are left out; the state JSON carries those.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Presentation properties copied from the page's computed style onto each exported element. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'visibility',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'vector-effect',
] as const;

const isShown = (el: Element): boolean => {
  const rect = el.getBoundingClientRect();
  if (rect.width < 1 || rect.height < 1) return false;
  const style = getComputedStyle(el);
  return style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0;
};

/** The layers to export: outermost SVGs and canvases that are drawn, outside any control. */
export function graphicLayers(root: Element): (SVGSVGElement | HTMLCanvasElement)[] {
  return [...root.querySelectorAll<SVGSVGElement | HTMLCanvasElement>('svg, canvas')].filter(
    (el) =>
      !el.parentElement?.closest('svg') &&
      !el.closest('button, label, fieldset, figcaption, figure-tools, .controls, [hidden]') &&
      isShown(el),
  );
}

/** Copies computed presentation styles from `source`'s tree onto `copy`'s (the same shape). */
function inlineStyles(source: Element, copy: Element): void {
  const style = getComputedStyle(source);
  const declarations = STYLE_PROPERTIES.map((p) => `${p}:${style.getPropertyValue(p)}`).filter((d) => !d.endsWith(':'));
  copy.setAttribute('style', declarations.join(';'));
  copy.removeAttribute('class');
  const from = [...source.children];
  const to = [...copy.children];
  from.forEach((child, i) => {
    if (to[i]) inlineStyles(child, to[i]);
  });
}

const round = (v: number) => Math.round(v * 100) / 100;

/** One self-contained SVG document of the figure's graphics, at CSS-pixel size. */
export function figureSvg(root: HTMLElement): { svg: string; width: number; height: number } {
  const layers = graphicLayers(root);
  const box = root.getBoundingClientRect();
  // The picture spans the layers, not the controls around them.
  const left = Math.min(...layers.map((l) => l.getBoundingClientRect().left), box.right);
  const top = Math.min(...layers.map((l) => l.getBoundingClientRect().top), box.bottom);
  const right = Math.max(...layers.map((l) => l.getBoundingClientRect().right), left + 1);
  const bottom = Math.max(...layers.map((l) => l.getBoundingClientRect().bottom), top + 1);
  const width = round(right - left);
  const height = round(bottom - top);
  const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
  const out = doc.documentElement;
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const background = doc.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', getComputedStyle(document.body).backgroundColor);
  out.append(background);
  for (const layer of layers) {
    const r = layer.getBoundingClientRect();
    const place = {
      x: String(round(r.left - left)),
      y: String(round(r.top - top)),
      width: String(round(r.width)),
      height: String(round(r.height)),
    };
    if (layer instanceof HTMLCanvasElement) {
      const image = doc.createElementNS(SVG_NS, 'image');
      for (const [k, v] of Object.entries(place)) image.setAttribute(k, v);
      image.setAttribute('preserveAspectRatio', 'none');
      image.setAttribute('href', layer.toDataURL('image/png'));
      if (getComputedStyle(layer).imageRendering === 'pixelated')
        image.setAttribute('style', 'image-rendering:pixelated');
      out.append(image);
    } else {
      const copy = doc.importNode(layer, true) as SVGSVGElement;
      inlineStyles(layer, copy);
      for (const [k, v] of Object.entries(place)) copy.setAttribute(k, v);
      for (const attribute of ['aria-hidden', 'role', 'tabindex', 'aria-label', 'focusable', 'id']) {
        copy.removeAttribute(attribute);
      }
      out.append(copy);
    }
  }
  return { svg: new XMLSerializer().serializeToString(doc), width, height };
}

/** The same picture as a PNG, at `scale` device pixels per CSS pixel. */
export async function figurePng(root: HTMLElement, scale = 2): Promise<Blob> {
  const { svg, width, height } = figureSvg(root);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw to a canvas');
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be encoded'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Offers `blob` to the reader as a file called `name`. */
export function download(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
