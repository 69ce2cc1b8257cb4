import { describe, expect, it } from 'vitest';
import {
  decodedInto,
  describeUdpKeypoint,
  MAPPING_NAMES,
  udpAnnouncement,
  udpView,
} from '../../../../src/components/figures/conventions/udp-view.ts';
import { fmt } from '../../../../src/components/ui/format.ts';
import { buildUdpGrid, UDP_FIGURE } from '../../../../src/lib/index.ts';

const { inputW, inputH } = UDP_FIGURE;
// Stride 4 on the 32 × 24 crop: an 8 × 6 map, cells of 4 px under the stride mapping and of
// 31/7 × 23/5 px under UDP's.
const W = inputW / 4;
const H = inputH / 4;
const d = buildUdpGrid({ keypoint: { x: 9.3, y: 13.6 }, stride: 4 });
const v = udpView(d);

describe('udpView(data)', () => {
  it('draws each mapping’s cell edges and centres across the crop', () => {
    const edges = v.attrs['stride-cells']!.d!;
    expect(edges.match(/M/g)).toHaveLength(W + 1 + H + 1);
    expect(edges.startsWith(`M-2.000 -2.000V${((H - 0.5) * 4).toFixed(3)}`)).toBe(true);
    expect(v.attrs['udp-cells']!.d!.match(/M/g)).toHaveLength(W + 1 + H + 1);
    expect(v.attrs['udp-centres']!.d!.match(/h0/g)).toHaveLength(W * H);
  });

  it('outlines the cell each mapping puts the keypoint in', () => {
    // Under the stride mapping 9.3 / 4 and 13.6 / 4 round to cell (2, 3).
    expect(v.attrs['stride-cell']).toEqual({
      x: ((2 - 0.5) * 4).toFixed(3),
      y: ((3 - 0.5) * 4).toFixed(3),
      width: '4.000',
      height: '4.000',
    });
    expect(v.text['udp-scale']).toBe(`${fmt(31 / 7, 3)} × ${fmt(23 / 5, 3)} px`);
  });

  it('shows on each panel the map trained under the other mapping, decoded under its own', () => {
    expect(decodedInto(d, 'udp')).toBe(d.strideToUdp);
    expect(decodedInto(d, 'stride')).toBe(d.udpToStride);
    const back = d.strideToUdp.decoded;
    expect(v.attrs['udp-error']).toEqual({ x1: '9.300', y1: '13.600', x2: back.x.toFixed(3), y2: back.y.toFixed(3) });
  });

  it('signs each error and says its length: a map trained with the stride mapping lands x(s′/s − 1) further on', () => {
    const e = { x: 9.3 * (31 / 7 / 4 - 1), y: 13.6 * (23 / 5 / 4 - 1) };
    expect(v.text['stat-s2u']).toBe(`(+${fmt(e.x)}, +${fmt(e.y)}) px, ${fmt(Math.hypot(e.x, e.y))} px`);
    expect(v.text['stat-u2s']).toMatch(/^\(−\d\.\d\d, −\d\.\d\d\) px, \d\.\d\d px$/);
    expect(v.text['map-size']).toBe(`${H} × ${W} cells`);
  });
});

describe('udpAnnouncement(data)', () => {
  it('says the keypoint, the stride and both mismatches’ distances', () => {
    expect(udpAnnouncement(d)).toBe(
      `Keypoint at x 9.3, y 13.6 input pixels, stride 4. A map trained with the stride mapping and decoded with UDP’s misses by ${fmt(d.strideToUdp.distance)} pixels; trained with UDP’s and decoded with the stride mapping, by ${fmt(d.udpToStride.distance)} pixels.`,
    );
  });
});

describe('describeUdpKeypoint(point) and MAPPING_NAMES', () => {
  it('name the point on the crop and each mapping', () => {
    expect(describeUdpKeypoint({ x: 9.34, y: 0 })).toBe('x 9.3, y 0.0 pixels on the input crop');
    expect(MAPPING_NAMES).toEqual({ stride: 'Stride', udp: 'UDP' });
  });
});
