/** From the adaptive-convolution data to what the figure shows. */
import type { AdaptiveConvData } from '../../../lib/index.ts';
import type { ViewModel } from '../../ui/apply-view.ts';
import { fmt, num } from '../../ui/format.ts';
import { ADAPTIVE_GRID } from '../../state/ch7.ts';

export function adaptiveView(d: AdaptiveConvData): ViewModel {
  const attrs: ViewModel['attrs'] = {};
  const text: ViewModel['text'] = {};
  const t = { x: d.adapted[4]!.x - ADAPTIVE_GRID.pixel.x, y: d.adapted[4]!.y - ADAPTIVE_GRID.pixel.y };
  attrs.handle = {
    transform: `translate(${num(ADAPTIVE_GRID.pixel.x + t.x, 3)} ${num(ADAPTIVE_GRID.pixel.y + t.y, 3)})`,
  };
  d.adapted.forEach((p, n) => {
    attrs[`tap-${n}`] = { cx: num(p.x, 3), cy: num(p.y, 3) };
    attrs[`link-${n}`] = { x1: num(d.regular[n]!.x, 3), y1: num(d.regular[n]!.y, 3), x2: num(p.x, 3), y2: num(p.y, 3) };
    text[`off-${n}`] = `(${fmt(d.offsets[2 * n]!, 2)}, ${fmt(d.offsets[2 * n + 1]!, 2)})`;
    // The four bilinear reads of the tap, as squares whose opacity is the weight.
    for (let q = 0; q < 4; q++) {
      const tap = d.taps[n]?.[q];
      attrs[`read-${n}-${q}`] = tap
        ? {
            x: num(tap.x - 0.5, 3),
            y: num(tap.y - 0.5, 3),
            'fill-opacity': num(0.6 * tap.weight, 3),
            visibility: tap.inside ? 'visible' : 'hidden',
          }
        : { visibility: 'hidden' };
    }
  });
  const [a, b, c, e] = d.affine;
  text['matrix'] = `[[${fmt(a, 2)}, ${fmt(b, 2)}], [${fmt(c, 2)}, ${fmt(e, 2)}]]`;
  text['translation'] = `(${fmt(t.y, 2)}, ${fmt(t.x, 2)})`;
  return { attrs, text };
}

export function adaptiveAnnouncement(d: AdaptiveConvData): string {
  const reach = Math.max(...d.adapted.map((p) => Math.hypot(p.x - ADAPTIVE_GRID.pixel.x, p.y - ADAPTIVE_GRID.pixel.y)));
  return `Affine matrix ${adaptiveView(d).text.matrix}; the nine taps now reach up to ${fmt(reach, 2)} pixels from the centre pixel.`;
}
