/**
 * Colour as some readers see it, for the palette test: sRGB to OKLab (Ottosson 2020,
 * https://bottosson.github.io/posts/oklab/), the colour-vision-deficiency simulation of Machado,
 * Oliveira and Fernandes (2009, "A physiologically-based model for simulation of color vision
 * deficiency", IEEE TVCG 15(6); their matrices at severity 1: protanopia, deuteranopia,
 * tritanopia, applied in linear RGB), and WCAG 2's contrast ratio.
 */
type Vec3 = readonly [number, number, number];
type Mat3 = readonly [Vec3, Vec3, Vec3];

export type Vision = 'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia';

const IDENTITY: Mat3 = [
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
];

export const SIMULATIONS: Readonly<Record<Vision, Mat3>> = {
  normal: IDENTITY,
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

const times = (m: Mat3, v: Vec3): Vec3 => [
  m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
  m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
  m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2],
];

/** `#rrggbb` as linear RGB in [0, 1]. */
export function linearRgb(hex: string): Vec3 {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const channel = (h: string): number => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return [channel(m[1]!), channel(m[2]!), channel(m[3]!)];
}

/** Linear RGB to OKLab (L, a, b). */
export function oklab([r, g, b]: Vec3): Vec3 {
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

/** How far apart two colours look to a reader with `vision`: the OKLab distance of the simulated colours. */
export function distance(a: string, b: string, vision: Vision = 'normal'): number {
  const seen = (hex: string): Vec3 => {
    const [r, g, bl] = times(SIMULATIONS[vision], linearRgb(hex));
    const clip = (v: number) => Math.min(1, Math.max(0, v));
    return oklab([clip(r), clip(g), clip(bl)]);
  };
  const p = seen(a);
  const q = seen(b);
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/** WCAG 2's contrast ratio of two colours. */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = linearRgb(hex);
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
