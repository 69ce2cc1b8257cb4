/** From figure 10.1's data (`buildUdpGrid`) to what its elements show: no maths here. */
import { INPUT_MAPPINGS, type InputMapping, type Mismatch, type UdpGridData } from '../../../lib/index.ts';
import type { ViewModel } from '../../ui/apply-view.ts';
import { fmt, fmtPoint, num } from '../../ui/format.ts';

/** The mapping names the figure prints. */
export const MAPPING_NAMES: Record<InputMapping, string> = { stride: 'Stride', udp: 'UDP' };

/** The mismatch each panel shows: a map trained under the other mapping, decoded under the panel's. */
export const decodedInto = (d: UdpGridData, m: InputMapping): Mismatch => (m === 'udp' ? d.strideToUdp : d.udpToStride);

/** An SVG path of the cell edges of one mapping's grid. */
function cellEdges(d: UdpGridData, m: InputMapping): string {
  const g = d.grids[m];
  const { x0, x1, y0, y1 } = g.extent;
  const xs = [...g.centresX.map((c) => c - g.scale.x / 2), x1];
  const ys = [...g.centresY.map((c) => c - g.scale.y / 2), y1];
  return [
    ...xs.map((x) => `M${num(x, 3)} ${num(y0, 3)}V${num(y1, 3)}`),
    ...ys.map((y) => `M${num(x0, 3)} ${num(y, 3)}H${num(x1, 3)}`),
  ].join('');
}

/** Zero-length segments at the cell centres: with round caps they draw as dots. */
function centreDots(d: UdpGridData, m: InputMapping): string {
  const g = d.grids[m];
  return g.centresY.flatMap((y) => g.centresX.map((x) => `M${num(x, 3)} ${num(y, 3)}h0`)).join('');
}

const signedPoint = (p: { x: number; y: number }) =>
  `(${p.x > 0 ? '+' : ''}${fmt(p.x)}, ${p.y > 0 ? '+' : ''}${fmt(p.y)}) px`;

export function udpView(d: UdpGridData): ViewModel {
  const attrs: ViewModel['attrs'] = {};
  const text: ViewModel['text'] = {};
  const k = d.keypoint;
  for (const m of INPUT_MAPPINGS) {
    const g = d.grids[m];
    const mis = decodedInto(d, m);
    attrs[`${m}-handle`] = { transform: `translate(${num(k.x, 3)} ${num(k.y, 3)})` };
    attrs[`${m}-cells`] = { d: cellEdges(d, m) };
    attrs[`${m}-centres`] = { d: centreDots(d, m) };
    attrs[`${m}-cell`] = {
      x: num((g.cell.x - 0.5) * g.scale.x, 3),
      y: num((g.cell.y - 0.5) * g.scale.y, 3),
      width: num(g.scale.x, 3),
      height: num(g.scale.y, 3),
    };
    attrs[`${m}-error`] = { x1: num(k.x, 3), y1: num(k.y, 3), x2: num(mis.decoded.x, 3), y2: num(mis.decoded.y, 3) };
    attrs[`${m}-decoded`] = { transform: `translate(${num(mis.decoded.x, 3)} ${num(mis.decoded.y, 3)})` };
    text[`${m}-heatmap`] = `(${fmt(g.heatmap.x)}, ${fmt(g.heatmap.y)})`;
    text[`${m}-scale`] = `${fmt(g.scale.x, 3)} × ${fmt(g.scale.y, 3)} px`;
    text[`${m}-offset`] = signedPoint(g.offset);
  }
  text['stat-keypoint'] = `(${fmt(k.x)}, ${fmt(k.y)}) px`;
  text['stat-s2u'] = `${signedPoint(d.strideToUdp.error)}, ${fmt(d.strideToUdp.distance)} px`;
  text['stat-u2s'] = `${signedPoint(d.udpToStride.error)}, ${fmt(d.udpToStride.distance)} px`;
  text['stat-far'] = signedPoint(d.farCorner);
  text['map-size'] = `${d.geometry.heatmapH} × ${d.geometry.heatmapW} cells`;
  return { attrs, text };
}

export function udpAnnouncement(d: UdpGridData): string {
  return (
    `Keypoint at ${fmtPoint(d.keypoint, 1)} input pixels, stride ${d.stride}. ` +
    `A map trained with the stride mapping and decoded with UDP’s misses by ${fmt(d.strideToUdp.distance)} pixels; ` +
    `trained with UDP’s and decoded with the stride mapping, by ${fmt(d.udpToStride.distance)} pixels.`
  );
}

export function describeUdpKeypoint(p: { x: number; y: number }): string {
  return `${fmtPoint(p, 1)} pixels on the input crop`;
}
