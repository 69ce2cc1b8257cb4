/**
 * "Copy as code": from the Decoder Lab's settings, a self-contained NumPy script that decodes
 * a file as the Lab did (same decoders, convention, kernel, β, mapping, flip test, SimCC split
 * ratio), and the MMPose codec configuration that matches. Pure functions of the settings; the
 * script needs only NumPy (the OpenCV Gaussian kernel and blur are written out) and prints
 * JSON, one entry per map (or SimCC keypoint) with each decoder's [x, y, score] in heatmap
 * pixels (SimCC: input pixels) and in input pixels. tests/lib/lab/copyAsCode.test.ts runs it
 * with python3 and compares with the library.
 */
import type { DecodeConvention } from '../conventions.ts';
import { DECODER_LABELS, type HeatmapDecoderId } from '../decoders.ts';
import type { InputMapping } from '../mapping.ts';
import { SIMCC_DECODER_LABELS, simccDarkKernel, type SimccDecoderId } from '../simcc.ts';

/** The Lab settings the code reproduces. */
export interface CopyAsCodeSettings {
  /** Heatmaps [N, K, H, W] (or [K, H, W]), or SimCC pairs. */
  input: 'heatmaps' | 'simcc';
  convention: DecodeConvention;
  /** Heatmap decoders (input 'heatmaps') or SimCC decoders (input 'simcc'). */
  decoders: readonly (HeatmapDecoderId | SimccDecoderId)[];
  /** The modulation kernel of DARK, DARK-UDP and Megvii. */
  kernel: number;
  /** Soft-argmax's (or SimCC expectation's) β. */
  beta: number;
  /** Input pixels per heatmap pixel (input = stride × heatmap). */
  stride: number;
  mapping: InputMapping;
  /** The heatmap size W × H, for the input size in the MMPose config (default 48 × 64). */
  heatmapW?: number;
  heatmapH?: number;
  /** SimCC: the split ratio k and the label σ (bins) SimCC-DARK's kernels come from. */
  splitRatio?: number;
  sigma?: number | readonly [number, number];
  /** The flip test: the flipped image's file, flip indices and the shift in cells. */
  flip?: { file: string; flipIndices: readonly number[]; shift: number } | null;
  /** The file the code reads (a .npy of heatmaps; for SimCC a .npz with simcc_x, simcc_y). */
  file?: string;
  /** Heatmaps stored channels last ([H, W, K] or [N, H, W, K]): the code moves the channels first. */
  layout?: 'channelsLast';
  /** SimCC from two .npy files, x and y (instead of one .npz). */
  simccFiles?: { x: string; y: string };
}

const PY_HEADER = `import json
import sys

import numpy as np
`;

/** OpenCV's getGaussianKernel(k, 0), as the library's blur.ts. */
const PY_KERNEL = `

def gaussian_kernel(k):
    """cv2.getGaussianKernel(k, 0): fixed tables up to 9 taps, else exp(-t^2 / 2s^2)."""
    tables = {1: [1], 3: [1, 2, 1], 5: [1, 4, 6, 4, 1], 7: [1, 3.5, 7, 9, 7, 3.5, 1],
              9: [1, 3.25, 7.5, 12.75, 15, 12.75, 7.5, 3.25, 1]}
    if k in tables:
        w = np.array(tables[k], dtype=np.float64)
        return w / w.sum()
    s = 0.3 * ((k - 1) * 0.5 - 1) + 0.8
    t = np.arange(k) - (k - 1) / 2
    w = np.exp(-t * t / (2 * s * s))
    return w / w.sum()


def finite_max(a):
    f = a[np.isfinite(a)]
    return f.max() if f.size else -np.inf
`;

/** The 2-D blur and DARK's modulation (MMPose's gaussian_blur). */
const PY_MODULATE = `

def blur(h, k):
    """The k x k Gaussian blur with zero padding, in float64, stored as float32."""
    w = gaussian_kernel(k)
    r = (k - 1) // 2
    p = np.pad(h.astype(np.float64), r)
    rows = sum(w[i] * p[:, i:i + h.shape[1]] for i in range(k))
    out = sum(w[i] * rows[i:i + h.shape[0], :] for i in range(k))
    return out.astype(np.float32)


def modulate(h, k):
    """DARK's modulation (MMPose gaussian_blur): blur, then rescale to the original maximum."""
    b = blur(h, k)
    with np.errstate(invalid='ignore', divide='ignore'):
        scale = np.float32(np.float32(finite_max(h)) / np.float32(finite_max(b)))
    return (b * scale).astype(np.float32)
`;

const PY_ARGMAX = `

def argmax(h):
    """First maximum over the finite cells, row-major; (x, y, value), or None if none."""
    v = np.where(np.isfinite(h), h, -np.inf)
    if not np.isfinite(v).any():
        return None
    i = int(np.argmax(v))
    return i % h.shape[1], i // h.shape[1], float(v.flat[i])


def maximum(h):
    """The argmax under the convention: a maximum <= 0 at (0, 0) (reference) or (-1, -1) (mmpose)."""
    m = argmax(h)
    if m is None:
        return NAN_POINT
    x, y, s = m
    if s <= 0:
        return (-1, -1, s) if CONVENTION == 'mmpose' else (0, 0, s)
    return x, y, s
`;

const PY_DECODERS: Record<HeatmapDecoderId, string> = {
  argmax: `

def decode_argmax(h):
    return maximum(h)
`,
  quarter: `

def decode_quarter(h):
    """The quarter shift: HRNet's both-axes rule (reference) or MMPose's per-axis refine_keypoints."""
    x, y, s = maximum(h)
    H, W = h.shape
    if not np.isfinite(s):
        return x, y, s
    if CONVENTION == 'mmpose':
        dx = h[y, x + 1] - h[y, x - 1] if 1 < x < W - 1 and 0 < y < H else 0.0
        dy = h[y + 1, x] - h[y - 1, x] if 1 < y < H - 1 and 0 < x < W else 0.0
    elif 1 < x < W - 1 and 1 < y < H - 1:
        dx, dy = h[y, x + 1] - h[y, x - 1], h[y + 1, x] - h[y - 1, x]
    else:
        return x, y, s
    if not (np.isfinite(dx) and np.isfinite(dy)):
        return x, y, s
    return x + 0.25 * np.sign(dx), y + 0.25 * np.sign(dy), s
`,
  quarter2: `

def decode_quarter2(h):
    """The DARK paper's form: m + 0.25 (s - m) / |s - m|, s the second largest finite cell."""
    m = argmax(h)
    if m is None:
        return NAN_POINT
    x, y, s = m if m[2] > 0 else (0, 0, m[2])
    v = np.where(np.isfinite(h), h, -np.inf)
    first = int(np.argmax(v))
    v.flat[first] = -np.inf
    if m[2] <= 0 or not np.isfinite(v).any():
        return x, y, s
    j = int(np.argmax(v))
    sx, sy = j % h.shape[1], j // h.shape[1]
    norm = np.hypot(sx - x, sy - y)
    return x + 0.25 * (sx - x) / norm, y + 0.25 * (sy - y) / norm, s
`,
  dark: `

def decode_dark(h):
    """DARK (DarkPose taylor, MMPose refine_keypoints_dark): one Newton step on the log map."""
    x, y, s = maximum(h)
    H, W = h.shape
    if not (1 < x < W - 2 and 1 < y < H - 2):
        return x, y, s
    L = np.log(np.maximum(modulate(h, KERNEL), np.float32(1e-10))).astype(np.float64)
    dx = 0.5 * (L[y, x + 1] - L[y, x - 1])
    dy = 0.5 * (L[y + 1, x] - L[y - 1, x])
    dxx = 0.25 * (L[y, x + 2] - 2 * L[y, x] + L[y, x - 2])
    dyy = 0.25 * (L[y + 2, x] - 2 * L[y, x] + L[y - 2, x])
    dxy = 0.25 * (L[y + 1, x + 1] - L[y - 1, x + 1] - L[y + 1, x - 1] + L[y - 1, x - 1])
    det = dxx * dyy - dxy * dxy
    if not np.isfinite([dx, dy, dxx, dyy, dxy]).all() or det == 0:
        return x, y, s
    return x - (dyy * dx - dxy * dy) / det, y - (dxx * dy - dxy * dx) / det, s
`,
  darkUdp: `

def decode_darkUdp(h):
    """MMPose refine_keypoints_dark_udp: clip [0.001, 50], log, edge padding, (H + eps I)^-1 everywhere."""
    m = argmax(h)
    if m is None:
        return NAN_POINT
    x, y, s = m
    if s <= 0:
        return -1, -1, s
    L = np.log(np.clip(modulate(h, KERNEL), np.float32(1e-3), 50)).astype(np.float32)
    P = np.pad(L, 1, mode='edge').astype(np.float64)
    c = P[y + 1, x + 1]
    xp, xm, yp, ym = P[y + 1, x + 2], P[y + 1, x], P[y + 2, x + 1], P[y, x + 1]
    pp, mm = P[y + 2, x + 2], P[y, x]
    dx, dy = 0.5 * (xp - xm), 0.5 * (yp - ym)
    dxx, dyy = xp - 2 * c + xm, yp - 2 * c + ym
    dxy = 0.5 * (pp - xp - yp + 2 * c - xm - ym + mm)
    if not np.isfinite([dx, dy, dxx, dyy, dxy]).all():
        return x, y, s
    hessian = np.array([[dxx, dxy], [dxy, dyy]]) + np.finfo(np.float32).eps * np.eye(2)
    ox, oy = np.linalg.inv(hessian) @ np.array([dx, dy])
    return x - ox, y - oy, s
`,
  megvii: `

def decode_megvii(h):
    """MMPose MegviiHeatmap.decode: argmax of the modulated map, +0.25 sign + 0.5 inside, score max/255 + 0.5."""
    b = modulate(h, KERNEL)
    m = argmax(b)
    if m is None:
        return 0, 0, float('nan')
    x, y, s = m
    H, W = h.shape
    score = s / 255 + 0.5
    if s <= 0:
        return -1, -1, score
    if not (1 < x < W - 1 and 1 < y < H - 1):
        return x, y, score
    dx, dy = b[y, x + 1] - b[y, x - 1], b[y + 1, x] - b[y - 1, x]
    if not (np.isfinite(dx) and np.isfinite(dy)):
        return x + 0.5, y + 0.5, score
    return x + 0.25 * np.sign(dx) + 0.5, y + 0.25 * np.sign(dy) + 0.5, score
`,
  softargmax: `

def softmax_finite(h):
    z = np.where(np.isfinite(h), BETA * h.astype(np.float64), -np.inf)
    e = np.exp(z - z.max())
    return e / e.sum(), z


def decode_softargmax(h):
    """Soft-argmax (DSNT): the expectation of softmax(beta h) over the finite cells, pixels."""
    if argmax(h) is None:
        return NAN_POINT
    m = maximum(h)
    p, _ = softmax_finite(h)
    H, W = h.shape
    return float((p.sum(0) * np.arange(W)).sum()), float((p.sum(1) * np.arange(H)).sum()), m[2]
`,
  softargmaxDebiased: `

def decode_softargmaxDebiased(h):
    """Soft-argmax debiased as Gu et al. (ICCV 2021): C/(C-1) (J - 1/(2C)) on the [0, 1) grid."""
    if argmax(h) is None:
        return NAN_POINT
    m = maximum(h)
    z = np.where(np.isfinite(h), BETA * h.astype(np.float64), -np.inf)
    e = np.exp(z - z.max())
    p = e / e.sum()
    H, W = h.shape
    jx = (p.sum(0) * (np.arange(W) + 0.5)).sum() / W
    jy = (p.sum(1) * (np.arange(H) + 0.5)).sum() / H
    inv_c = np.exp(-z.max()) / e.mean()
    if not inv_c < 1:
        return float(jx * W - 0.5), float(jy * H - 0.5), m[2]
    fix = lambda j: (j - inv_c / 2) / (1 - inv_c)
    return float(fix(jx) * W - 0.5), float(fix(jy) * H - 0.5), m[2]
`,
  softargmaxMmpose: `

def decode_softargmaxMmpose(h):
    """MMPose's IntegralRegressionHead with debias=True: grid j/W, C = sum(exp(h)) without beta."""
    if argmax(h) is None:
        return NAN_POINT
    m = maximum(h)
    p, _ = softmax_finite(h)
    H, W = h.shape
    jx = (p.sum(0) * np.arange(W)).sum() / W
    jy = (p.sum(1) * np.arange(H)).sum() / H
    raw = np.where(np.isfinite(h), h.astype(np.float64), -np.inf)
    inv_c = np.exp(-raw.max()) / np.exp(raw - raw.max()).sum()
    fix = lambda j: (j - inv_c / 2) / (1 - inv_c)
    return float(fix(jx) * W), float(fix(jy) * H), m[2]
`,
};

const PY_SIMCC = `

def blur1d(v, k):
    """MMPose gaussian_blur1d: the 1 x k blur with zero padding, rescaled to the original maximum."""
    w = gaussian_kernel(k)
    r = (k - 1) // 2
    p = np.pad(v.astype(np.float64), r)
    b = sum(w[i] * p[i:i + v.shape[0]] for i in range(k)).astype(np.float32)
    with np.errstate(invalid='ignore', divide='ignore'):
        scale = np.float32(np.float32(finite_max(v)) / np.float32(finite_max(b)))
    return (b * scale).astype(np.float32)


def vector_argmax(v):
    f = np.where(np.isfinite(v), v, -np.inf)
    if not np.isfinite(f).any():
        return -1, float('nan')
    i = int(np.argmax(f))
    return i, float(f[i])


def simcc_maximum(vx, vy):
    """MMPose get_simcc_maximum: argmax bins, the smaller maximum, (-1, -1) when it is <= 0."""
    bx, mx = vector_argmax(vx)
    by, my = vector_argmax(vy)
    s = min(mx, my)
    if bx < 0 or by < 0:
        return -1, -1, float('nan')
    return (bx, by, s) if s > 0 else (-1, -1, s)


def expectation(v):
    z = np.where(np.isfinite(v), BETA * v.astype(np.float64), -np.inf)
    e = np.exp(z - z.max())
    return float((e / e.sum() * np.arange(v.shape[0])).sum())


def refine_simcc_dark(v, b, k):
    """MMPose refine_simcc_dark on one vector: clip [0.001, 50], log, edge padding by 2."""
    if b < 0:
        return b
    L = np.log(np.clip(blur1d(v, k), np.float32(1e-3), 50)).astype(np.float32).astype(np.float64)
    P = np.pad(L, 2, mode='edge')
    i = b + 2
    dx = 0.5 * (P[i + 1] - P[i - 1])
    dxx = 1e-9 + 0.25 * (P[i + 2] - 2 * P[i] + P[i - 2])
    offset = dx / dxx
    return b - offset if np.isfinite(offset) else b


def simcc_dark_kernel(sigma):
    """SimCCLabel.decode: int((20 sigma - 7) // 3), less one when even."""
    k = int((sigma * 20 - 7) // 3)
    return k - 1 if k % 2 == 0 else k
`;

function pySettings(s: CopyAsCodeSettings): string {
  const lines = [
    `CONVENTION = '${s.convention}'  # 'reference' (HRNet, DarkPose) or 'mmpose'`,
    `KERNEL = ${s.kernel}  # modulation kernel of DARK, DARK-UDP and Megvii`,
    `BETA = ${s.beta}  # soft-argmax temperature`,
    `STRIDE = ${s.stride}  # input = STRIDE x heatmap`,
    `MAPPING = '${s.mapping}'  # heatmap to input pixels: 'stride' (x * w/W) or 'udp' (x * (w-1)/(W-1))`,
    `NAN_POINT = (float('nan'), float('nan'), float('nan'))`,
  ];
  return `${lines.join('\n')}\n`;
}

function heatmapCode(s: CopyAsCodeSettings): string {
  const ids = s.decoders.filter((id): id is HeatmapDecoderId => id in PY_DECODERS);
  const needsBlur = ids.some((id) => id === 'dark' || id === 'darkUdp' || id === 'megvii');
  const file = s.file ?? 'heatmaps.npy';
  const flip = s.flip;
  const doc = [
    `"""Decodes heatmaps as the Subpixel Decoder Lab did: ${ids.map((id) => DECODER_LABELS[id]).join(', ')};`,
    `convention ${s.convention}, kernel ${s.kernel}, beta ${s.beta}, stride ${s.stride}, ${s.mapping} mapping${flip ? `, flip test (shift ${flip.shift})` : ''}.`,
    `Usage: python3 decode.py [heatmaps.npy${flip ? ' flipped.npy' : ''}]  (${s.layout === 'channelsLast' ? '[N, H, W, K] or [H, W, K], channels last' : '[N, K, H, W] or [K, H, W]'}; prints JSON)."""`,
  ].join('\n');
  const parts = [
    doc,
    '\n\n',
    PY_HEADER,
    '\n',
    pySettings(s),
    needsBlur ? PY_KERNEL + PY_MODULATE : '',
    PY_ARGMAX,
    ...ids.map((id) => PY_DECODERS[id]),
  ];
  const decoders = `DECODERS = {${ids.map((id) => `'${id}': decode_${id}`).join(', ')}}`;
  const flipLines = flip
    ? `
FLIP_INDICES = [${flip.flipIndices.join(', ')}]
SHIFT = ${flip.shift}  # cells; MMPose's shift_heatmap=True is 1


def flip_back(maps):
    """MMPose flip_heatmaps: mirror, swap left/right channels, shift right keeping the first columns."""
    out = maps[:, FLIP_INDICES, :, ::-1].copy()
    if SHIFT:
        out[..., SHIFT:] = out[..., :-SHIFT].copy()
    return out
`
    : '';
  const read = `

def read_maps(path):
    """The maps as [N, K, H, W] float32${s.layout === 'channelsLast' ? ', stored channels last as the Lab read them: the channels move first' : ''}."""
    maps = np.load(path).astype(np.float32)${
      s.layout === 'channelsLast'
        ? `
    maps = np.ascontiguousarray(np.moveaxis(maps, -1, -3))`
        : ''
    }
    return maps[None] if maps.ndim == 3 else maps
`;
  const main = `

def main():
    maps = read_maps(sys.argv[1] if len(sys.argv) > 1 else '${file}')${
      flip
        ? `
    flipped = read_maps(sys.argv[2] if len(sys.argv) > 2 else '${flip.file}')
    maps = ((maps + flip_back(flipped)) * 0.5).astype(np.float32)`
        : ''
    }
    N, K, H, W = maps.shape
    sx, sy = (STRIDE, STRIDE) if MAPPING == 'stride' else ((STRIDE * W - 1) / (W - 1), (STRIDE * H - 1) / (H - 1))
    clean = lambda v: None if not np.isfinite(v) else float(v)
    rows = []
    for n in range(N):
        for k in range(K):
            points = {}
            for name, decode in DECODERS.items():
                x, y, score = decode(maps[n, k])
                points[name] = {'heatmap': [clean(x), clean(y)], 'input': [clean(x * sx), clean(y * sy)],
                                'score': clean(score)}
            rows.append({'n': n, 'k': k, 'points': points})
    print(json.dumps(rows))


if __name__ == '__main__':
    main()
`;
  return [...parts, '\n', decoders, flipLines, read, main].join('').replace(/\n{4,}/g, '\n\n\n');
}

function simccCode(s: CopyAsCodeSettings): string {
  const ids = s.decoders.filter((id): id is SimccDecoderId => id in SIMCC_DECODER_LABELS);
  const k = s.splitRatio ?? 2;
  const sigma = s.sigma ?? 6;
  const [sx, sy] = typeof sigma === 'number' ? [sigma, sigma] : sigma;
  const file = s.file ?? 'simcc.npz';
  const pair = s.simccFiles;
  const body: Record<SimccDecoderId, string> = {
    simccArgmax:
      "            bx, by, score = simcc_maximum(vx, vy)\n            points['simccArgmax'] = [bx / SPLIT, by / SPLIT, score]",
    simccExpectation:
      "            score = simcc_maximum(vx, vy)[2]\n            points['simccExpectation'] = [expectation(vx) / SPLIT, expectation(vy) / SPLIT, score]",
    simccDark:
      "            bx, by, score = simcc_maximum(vx, vy)\n            points['simccDark'] = [refine_simcc_dark(vx, bx, kx) / SPLIT, refine_simcc_dark(vy, by, ky) / SPLIT, score]",
  };
  return `"""Decodes SimCC vectors as the Subpixel Decoder Lab did: ${ids.map((id) => SIMCC_DECODER_LABELS[id]).join(', ')};
split ratio ${k}, sigma (${sx}, ${sy}), beta ${s.beta}. Points in input pixels (bins / k, as MMPose's SimCCLabel.decode).
Usage: ${pair ? `python3 decode.py [${pair.x} ${pair.y}]  (the x and the y vectors, [N, K, Wx] or [K, Wx] and [N, K, Wy] or [K, Wy]` : 'python3 decode.py [simcc.npz]  (simcc_x [N, K, Wx] or [K, Wx] and simcc_y'}; prints JSON)."""
${PY_HEADER}
BETA = ${s.beta}  # the expectation's temperature
SPLIT = ${k}  # simcc_split_ratio
SIGMA = (${sx}, ${sy})  # label sigma in bins; SimCC-DARK's kernels come from it
${PY_KERNEL}${PY_SIMCC}

def main():
    kx, ky = simcc_dark_kernel(SIGMA[0]), simcc_dark_kernel(SIGMA[1])
${
  pair
    ? `    x = np.load(sys.argv[1] if len(sys.argv) > 2 else '${pair.x}').astype(np.float32)
    y = np.load(sys.argv[2] if len(sys.argv) > 2 else '${pair.y}').astype(np.float32)`
    : `    data = np.load(sys.argv[1] if len(sys.argv) > 1 else '${file}')
    x = data['simcc_x'].astype(np.float32)
    y = data['simcc_y'].astype(np.float32)`
}
    if x.ndim == 2:
        x, y = x[None], y[None]
    clean = lambda v: None if not np.isfinite(v) else float(v)
    rows = []
    for n in range(x.shape[0]):
        for k in range(x.shape[1]):
            vx, vy = x[n, k], y[n, k]
            points = {}
${ids.map((id) => body[id]).join('\n')}
            rows.append({'n': n, 'k': k, 'points': {name: {'input': [clean(a), clean(b)], 'score': clean(c)}
                                                   for name, (a, b, c) in points.items()}})
    print(json.dumps(rows))


if __name__ == '__main__':
    main()
`;
}

/** The NumPy script that reproduces the Lab's decoding (see the module comment). */
export function numpyCode(settings: CopyAsCodeSettings): string {
  return settings.input === 'simcc' ? simccCode(settings) : heatmapCode(settings);
}

/**
 * The MMPose configuration matching the settings: the codec of each decoder, the flip test and
 * what MMPose cannot express (argmax alone, a 2-cell shift, a mapping the codec does not use).
 */
export function mmposeConfig(settings: CopyAsCodeSettings): string {
  const W = settings.heatmapW ?? 48;
  const H = settings.heatmapH ?? 64;
  const w = settings.stride * W;
  const h = settings.stride * H;
  const size = `input_size=(${w}, ${h}), heatmap_size=(${W}, ${H})`;
  const lines: string[] = [
    `# MMPose codec settings matching the Subpixel Decoder Lab (${settings.convention} convention).`,
  ];
  if (settings.input === 'simcc') {
    const k = settings.splitRatio ?? 2;
    const sigma = settings.sigma ?? 6;
    const [sx, sy] = typeof sigma === 'number' ? [sigma, sigma] : sigma;
    const dark = settings.decoders.includes('simccDark');
    lines.push(
      `codec = dict(type='SimCCLabel', input_size=(${w}, ${h}), sigma=(${sx}, ${sy}), simcc_split_ratio=${k}, normalize=False, use_dark=${dark ? 'True' : 'False'})`,
    );
    if (dark)
      lines.push(
        `# use_dark: refine_simcc_dark with kernels ${simccDarkKernel(sx)} (x) and ${simccDarkKernel(sy)} (y) from sigma.`,
      );
    if (settings.decoders.includes('simccExpectation'))
      lines.push('# The expectation (soft-argmax over the bins) has no MMPose codec: SimCCLabel decodes by argmax.');
    return `${lines.join('\n')}\n`;
  }
  const codecs: Partial<Record<HeatmapDecoderId, string>> = {
    quarter: `dict(type='MSRAHeatmap', ${size}, sigma=2)  # get_heatmap_maximum + refine_keypoints`,
    dark: `dict(type='MSRAHeatmap', ${size}, sigma=2, unbiased=True, blur_kernel_size=${settings.kernel})  # refine_keypoints_dark`,
    darkUdp: `dict(type='UDPHeatmap', ${size}, sigma=2, blur_kernel_size=${settings.kernel})  # refine_keypoints_dark_udp`,
    megvii: `dict(type='MegviiHeatmap', ${size}, kernel_size=${settings.kernel})  # MegviiHeatmap.decode`,
  };
  for (const id of settings.decoders as HeatmapDecoderId[]) {
    const codec = codecs[id];
    if (codec) lines.push(`codec = ${codec}`);
  }
  lines.push(
    '# sigma is your training label sigma; MMPose pairs blur_kernel_size 11 with sigma 2 and 17 with sigma 3.',
  );
  if (settings.decoders.includes('argmax'))
    lines.push('# Argmax alone: no MMPose codec decodes without refinement (MSRAHeatmap adds the quarter shift).');
  if (settings.decoders.includes('quarter2'))
    lines.push("# The DARK paper's second-maximum shift has no MMPose codec.");
  if (settings.decoders.includes('softargmax') || settings.decoders.includes('softargmaxMmpose'))
    lines.push(
      `# Soft-argmax: MMPose integrates in the head (IntegralRegressionHead or DSNTHead, beta=${settings.beta}; debias=True for its debiased form, the Lab's "debiased (MMPose)") with IntegralRegressionLabel.`,
    );
  if (settings.decoders.includes('softargmaxDebiased'))
    lines.push(
      '# Soft-argmax debiased as Gu et al. (ICCV 2021) write it has no MMPose setting: IntegralRegressionHead\'s debias=True computes the Lab\'s "debiased (MMPose)".',
    );
  if (settings.mapping === 'udp') {
    lines.push(
      "# UDP mapping: pair UDPHeatmap with dict(type='TopdownAffine', input_size=codec['input_size'], use_udp=True).",
    );
    if (settings.decoders.some((id) => id === 'quarter' || id === 'dark' || id === 'megvii'))
      lines.push('# MSRAHeatmap and MegviiHeatmap scale by input/heatmap size (the stride mapping), not (w-1)/(W-1).');
  }
  if (settings.flip) {
    const shift = settings.flip.shift;
    lines.push(`test_cfg = dict(flip_test=True, flip_mode='heatmap', shift_heatmap=${shift === 1 ? 'True' : 'False'})`);
    if (shift > 1) lines.push(`# A shift of ${shift} cells is not an MMPose option (shift_heatmap moves one cell).`);
    lines.push(`# flip_indices come from the dataset's metainfo: [${settings.flip.flipIndices.join(', ')}]`);
  } else lines.push('test_cfg = dict(flip_test=False)');
  return `${lines.join('\n')}\n`;
}
