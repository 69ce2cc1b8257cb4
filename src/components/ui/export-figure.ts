/**
 * A figure's graphics as one picture: every visible SVG and canvas layer of the figure, placed
 * where the page lays it out, with the page's computed colours written into the SVG (figures
 * style their marks with CSS classes and custom properties, which a file cannot carry).
 * Text marked `data-export-text` (a legend's labels) is written in as SVG text where it
 * stands. Controls, buttons and other text are left out; the state JSON carries those.
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

/** The HTML text drawn with the graphics (legend labels), outside any control. */
function textLabels(root: Element): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('[data-export-text]')].filter(
    (el) => !el.closest('button, label, fieldset, figcaption, figure-tools, .controls, [hidden]') && isShown(el),
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
  const labels = textLabels(root);
  const box = root.getBoundingClientRect();
  // The picture spans the layers and their labels, not the controls around them.
  const boxes = [...layers, ...labels].map((l) => l.getBoundingClientRect());
  const left = Math.min(...boxes.map((b) => b.left), box.right);
  const top = Math.min(...boxes.map((b) => b.top), box.bottom);
  const right = Math.max(...boxes.map((b) => b.right), left + 1);
  const bottom = Math.max(...boxes.map((b) => b.bottom), top + 1);
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
  for (const label of labels) {
    const r = label.getBoundingClientRect();
    const style = getComputedStyle(label);
    const text = doc.createElementNS(SVG_NS, 'text');
    text.setAttribute('x', String(round(r.left - left)));
    text.setAttribute('y', String(round(r.top - top + r.height / 2)));
    text.setAttribute(
      'style',
      `font-family:${style.fontFamily};font-size:${style.fontSize};font-weight:${style.fontWeight};fill:${style.color};dominant-baseline:central`,
    );
    text.textContent = label.textContent?.trim() ?? '';
    out.append(text);
  }
  return { svg: new XMLSerializer().serializeToString(doc), width, height };
}

/** What a PNG carries under the graphics, as print does: the caption and the live address. */
export interface FigureCredit {
  /** "Figure 2.1", set in bold before the caption. */
  number: string;
  caption: string;
  /** The figure's address in its current state. */
  link: string;
}

/** Lines of `text` no wider than `width` in the context's current font. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The same picture as a PNG, at `scale` device pixels per CSS pixel; with `credit`, the
 * figure's number, caption and live address follow below it, as on paper.
 */
export async function figurePng(root: HTMLElement, scale = 2, credit?: FigureCredit): Promise<Blob> {
  const { svg, width, height } = figureSvg(root);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw to a canvas');
    // The caption block: its lines are measured at CSS size before the canvas is sized.
    const body = getComputedStyle(document.body);
    const font = body.fontFamily || 'sans-serif';
    const size = 13;
    const lineHeight = 18;
    const pad = 12;
    ctx.font = `${size}px ${font}`;
    const lines = credit
      ? [
          ...wrap(ctx, `${credit.number}. ${credit.caption}`, width - 2 * pad),
          ...wrap(ctx, credit.link, width - 2 * pad),
        ]
      : [];
    const footer = lines.length ? pad + lines.length * lineHeight + pad : 0;
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil((height + footer) * scale);
    ctx.scale(scale, scale);
    ctx.fillStyle = body.backgroundColor || '#fff';
    ctx.fillRect(0, 0, width, height + footer);
    ctx.drawImage(image, 0, 0, width, height);
    if (credit) {
      ctx.font = `${size}px ${font}`;
      ctx.fillStyle = body.color || '#000';
      ctx.textBaseline = 'top';
      const captionLines = lines.length - wrap(ctx, credit.link, width - 2 * pad).length;
      lines.forEach((text, i) => {
        // The number in bold, the address in the page's link colour.
        if (i === 0) {
          ctx.font = `600 ${size}px ${font}`;
          const label = `${credit.number}.`;
          ctx.fillText(label, pad, height + pad);
          const w = ctx.measureText(`${label} `).width;
          ctx.font = `${size}px ${font}`;
          ctx.fillText(text.slice(label.length + 1), pad + w, height + pad);
          return;
        }
        if (i === captionLines)
          ctx.fillStyle = getComputedStyle(document.documentElement).getPropertyValue('--link') || '#1f5fa8';
        ctx.fillText(text, pad, height + pad + i * lineHeight);
      });
    }
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
