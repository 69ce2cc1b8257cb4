#!/usr/bin/env python3
"""Golden values for the MMPose convention, computed by MMPose's own code.

Usage (Python 3 with NumPy and OpenCV, e.g. Debian's /usr/bin/python3):

    git --git-dir=<fetched open-mmlab/mmpose> archive HEAD mmpose/codecs \
        mmpose/models/utils/tta.py | tar -x -C /tmp/mmpose
    /usr/bin/python3 scripts/mmpose-goldens.py /tmp/mmpose [--commit <sha>]

It imports MMPose's codec files from that checkout at run time (nothing of MMPose is copied
into this project), runs them on maps and vectors made here from a fixed seed, and writes the
inputs (.npy) and MMPose's outputs (manifest.json) to tests/fixtures/mmpose/.

MMPose's package __init__ files pull in torch, mmengine and mmcv. This script does not run
them: it registers empty stand-in packages for `mmpose`, `mmpose.codecs` and
`mmpose.models.utils` whose search path is the checkout, so that the codec modules
themselves load from their files; `mmpose.registry.KEYPOINT_CODECS.register_module()` and
`mmengine.utils.is_method_overridden` are stubbed (registration only), and `torch` is a
stand-in whose Tensor is a NumPy array with the two Tensor methods `flip_heatmaps` calls
(`flip` returning a copy, as torch's does, and `clone`). The functions under test run
unchanged.

Rounding-sensitive cases. MMPose blurs in float32 with OpenCV, whose summation order (and FMA
use) depends on the CPU's dispatch path. Where a result hinges on that rounding (the sign of a
difference between two blurred cells that are equal in exact arithmetic, as Megvii's shift on a
symmetric map; or a Newton step whose tiny curvature magnifies the last bit), the script runs
the same MMPose function again with OpenCV's blur done in float64 (cv2.GaussianBlur on a float64
copy, cast back to float32; nothing else changes). Cases whose outputs differ between the two by
more than the tests' tolerance are listed under `float64Blur` with the float64-blur values; the
tests compare those to the float64-blur values and everything else to MMPose as it runs.
"""

import argparse
import contextlib
import importlib
import json
import platform
import sys
import types
from pathlib import Path

import cv2
import numpy as np

OUT = Path(__file__).resolve().parent.parent / 'tests' / 'fixtures' / 'mmpose'


# --------------------------------------------------------------------------- loading MMPose


class _Tensor(np.ndarray):
    """The part of torch.Tensor that flip_heatmaps uses, on NumPy."""

    def flip(self, dim):
        return np.flip(np.asarray(self), dim).copy().view(_Tensor)

    def clone(self):
        return self.copy()


def _package(name, path=None):
    module = types.ModuleType(name)
    if path is not None:
        module.__path__ = [str(path)]
    sys.modules[name] = module
    return module


def load_mmpose(root: Path):
    torch = _package('torch')
    torch.Tensor = _Tensor
    nn = _package('torch.nn')
    functional = _package('torch.nn.functional')
    torch.nn = nn
    nn.functional = functional

    mmengine = _package('mmengine')
    mmengine_utils = _package('mmengine.utils')
    mmengine_utils.is_method_overridden = lambda method, base, derived: False
    mmengine.utils = mmengine_utils

    class _Registry:
        def register_module(self, *args, **kwargs):
            return lambda cls: cls

    mmpose = _package('mmpose', root / 'mmpose')
    registry = _package('mmpose.registry')
    registry.KEYPOINT_CODECS = _Registry()
    mmpose.registry = registry
    _package('mmpose.codecs', root / 'mmpose' / 'codecs')
    _package('mmpose.models', root / 'mmpose' / 'models')
    _package('mmpose.models.utils', root / 'mmpose' / 'models' / 'utils')

    utils = importlib.import_module('mmpose.codecs.utils')
    return types.SimpleNamespace(
        utils=utils,
        refinement=importlib.import_module('mmpose.codecs.utils.refinement'),
        MSRAHeatmap=importlib.import_module('mmpose.codecs.msra_heatmap').MSRAHeatmap,
        UDPHeatmap=importlib.import_module('mmpose.codecs.udp_heatmap').UDPHeatmap,
        MegviiHeatmap=importlib.import_module('mmpose.codecs.megvii_heatmap').MegviiHeatmap,
        SimCCLabel=importlib.import_module('mmpose.codecs.simcc_label').SimCCLabel,
        flip_heatmaps=importlib.import_module('mmpose.models.utils.tta').flip_heatmaps,
    )


class _Float64Blur:
    """cv2, except that GaussianBlur runs on a float64 copy and casts back."""

    def __init__(self, cv):
        self._cv = cv

    def __getattr__(self, name):
        return getattr(self._cv, name)

    def GaussianBlur(self, src, ksize, sigma, *args, **kwargs):
        return self._cv.GaussianBlur(src.astype(np.float64), ksize, sigma, *args, **kwargs).astype(src.dtype)


@contextlib.contextmanager
def float64_blur():
    module = sys.modules['mmpose.codecs.utils.post_processing']
    original = module.cv2
    module.cv2 = _Float64Blur(original)
    try:
        yield
    finally:
        module.cv2 = original


POINT_TOL = 1e-4
SCORE_TOL = 1e-5


def both_blurs(run):
    """MMPose's outputs as it runs, and the float64-blur outputs of the cases that differ.

    `run()` returns (points [K, 2], scores [K] or None). Returns (points, scores, sensitive)
    with `sensitive` mapping a case index to its float64-blur [x, y] or [x, y, score].
    """
    with np.errstate(invalid='ignore', divide='ignore'):
        points, scores = run()
        with float64_blur():
            points64, scores64 = run()
    sensitive = {}
    for i in range(len(points)):
        a, b = np.asarray(points[i], np.float64), np.asarray(points64[i], np.float64)
        differs = not np.allclose(a, b, rtol=0, atol=POINT_TOL, equal_nan=True)
        if scores is not None:
            differs = differs or not np.allclose(scores[i], scores64[i], rtol=0, atol=SCORE_TOL, equal_nan=True)
        if differs:
            value = list(b) + ([float(scores64[i])] if scores is not None else [])
            sensitive[i] = [None if np.isnan(v) else float(v) for v in value]
    return points, scores, sensitive


# --------------------------------------------------------------------------- inputs


def gaussian(w, h, cx, cy, sigma, amplitude=1.0):
    x = np.arange(w)[None, :]
    y = np.arange(h)[:, None]
    return amplitude * np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * sigma**2))


def msra_target(w, h, cx, cy, sigma):
    """Integer-centred target in a 3σ window, peak 1, zero elsewhere (as MSRA encodes)."""
    ux, uy = int(cx + 0.5), int(cy + 0.5)
    g = gaussian(w, h, ux, uy, sigma)
    x = np.arange(w)[None, :]
    y = np.arange(h)[:, None]
    g[(np.abs(x - ux) > 3 * sigma) | (np.abs(y - uy) > 3 * sigma)] = 0
    return g


def heatmap_cases(w, h, rng):
    """(label, map) pairs: interior, border, corner, maxima ≤ 0, ties, plateaus, noise."""
    cases = []

    def add(label, m):
        cases.append((label, np.asarray(m, dtype=np.float32)))

    def jitter():
        return rng.uniform(-0.45, 0.45)

    for i in range(10):
        cx, cy = rng.uniform(3, w - 4), rng.uniform(3, h - 4)
        add(f'interior unbiased σ=2 #{i}', gaussian(w, h, cx, cy, 2) + rng.normal(0, 0.01, (h, w)))
    for i in range(4):
        add(f'interior MSRA target σ=2 #{i}', msra_target(w, h, rng.uniform(4, w - 5), rng.uniform(4, h - 5), 2))
    for sigma in (1, 3):
        add(f'interior unbiased σ={sigma}', gaussian(w, h, rng.uniform(5, w - 6), rng.uniform(5, h - 6), sigma))
    # The border columns and rows where the rules differ: 0, 1, 2 and W-3, W-2, W-1.
    for x in (0, 1, 2, w - 3, w - 2, w - 1):
        add(f'border x={x}', gaussian(w, h, x + (0.3 if x < w / 2 else -0.3), h / 2 + jitter(), 2))
    for y in (0, 1, 2, h - 3, h - 2, h - 1):
        add(f'border y={y}', gaussian(w, h, w / 2 + jitter(), y + (0.3 if y < h / 2 else -0.3), 2))
    for x, y in ((0, 0), (w - 1, 0), (0, h - 1), (w - 1, h - 1), (1, 1), (w - 2, h - 2), (1, h - 2), (w - 2, 1)):
        add(f'corner ({x}, {y})', gaussian(w, h, x + 0.2 * np.sign(w / 2 - x), y + 0.2 * np.sign(h / 2 - y), 2))
    add('peak outside the map (left)', gaussian(w, h, -2.5, h / 2, 2))
    add('all zero', np.zeros((h, w)))
    add('all negative', -rng.uniform(0.1, 1, (h, w)))
    zero_max = -rng.uniform(0.1, 1, (h, w))
    zero_max[h // 2, w // 3] = 0
    add('maximum exactly 0', zero_max)
    add('negative bump', -1 + gaussian(w, h, w / 2, h / 2, 2, 0.5))
    tie = gaussian(w, h, w / 4, h / 3, 2) + gaussian(w, h, 3 * w / 4, 2 * h / 3, 2)
    add('two equal maxima', tie)
    add('symmetric peak on a cell (dx = dy = 0)', gaussian(w, h, w // 2, h // 2, 2))
    add('horizontal tie of the neighbours only', gaussian(w, h, w // 3, h // 3 + 0.3, 2))
    add('vertical tie of the neighbours only', gaussian(w, h, w // 3 + 0.3, h // 3, 2))
    plateau = np.minimum(gaussian(w, h, w / 2, h / 2, 3), 0.8)
    add('plateau (clipped peak)', plateau)
    flat = np.zeros((h, w))
    flat[h // 2, w // 3 : w // 3 + 4] = 1
    add('flat top 1 × 4', flat)
    add('constant 1', np.ones((h, w)))
    add('single hot cell', np.pad(np.ones((1, 1)), ((h // 2, h - h // 2 - 1), (w // 2, w - w // 2 - 1))))
    for i in range(6):
        cx, cy = rng.uniform(2, w - 3), rng.uniform(2, h - 3)
        add(f'noisy σ=2 noise 0.08 #{i}', gaussian(w, h, cx, cy, 2, 0.6) + rng.normal(0, 0.08, (h, w)))
    for i in range(3):
        a = gaussian(w, h, rng.uniform(3, w - 4), rng.uniform(3, h - 4), 2)
        b = gaussian(w, h, rng.uniform(3, w - 4), rng.uniform(3, h - 4), 2, 0.7)
        add(f'two peaks #{i}', a + b)
    add('logits-like peak 6 over -4', -4 + 10 * gaussian(w, h, w / 3 + 0.37, h / 2 - 0.21, 2))
    add('tiny peak 0.002 (under the DARK-UDP clip)', gaussian(w, h, w / 2 + 0.31, h / 2 - 0.17, 2, 0.002))
    add('peak 40 (near the DARK-UDP clip of 50)', gaussian(w, h, w / 2 - 0.41, h / 2 + 0.27, 2, 40))
    return cases


def small_cases(w, h, rng):
    cases = []
    for i in range(12):
        cx, cy = rng.uniform(-0.4, w - 0.6), rng.uniform(-0.4, h - 0.6)
        cases.append((f'small {w}×{h} #{i}', gaussian(w, h, cx, cy, 1.5).astype(np.float32)))
    return cases


def simcc_cases(nx, ny, rng):
    """(label, x vector, y vector) triples, bins of split ratio 2."""
    cases = []

    def g(n, c, s, a=1.0):
        return a * np.exp(-((np.arange(n) - c) ** 2) / (2 * s**2))

    def add(label, vx, vy):
        cases.append((label, np.asarray(vx, np.float32), np.asarray(vy, np.float32)))

    for i in range(12):
        add(f'gaussian σ=4 #{i}', g(nx, rng.uniform(6, nx - 7), 4), g(ny, rng.uniform(6, ny - 7), 4))
    for i in range(6):
        add(
            f'logits-like #{i}',
            -3 + 9 * g(nx, rng.uniform(6, nx - 7), 5) + rng.normal(0, 0.1, nx),
            -3 + 9 * g(ny, rng.uniform(6, ny - 7), 5) + rng.normal(0, 0.1, ny),
        )
    for i in range(4):
        add(f'noisy σ=6 #{i}', g(nx, rng.uniform(4, nx - 5), 6, 0.5) + rng.normal(0, 0.05, nx), g(ny, ny / 2, 6, 0.3))
    for c in (0, 1, 2):
        add(f'border bin {c}', g(nx, c + 0.3, 4), g(ny, ny - 1 - c - 0.3, 4))
    add('maximum ≤ 0 in x only', -np.ones(nx), g(ny, ny / 3, 4))
    add('maximum ≤ 0 in y only', g(nx, nx / 3, 4), -g(ny, ny / 2, 4))
    add('maximum exactly 0', np.zeros(nx), np.zeros(ny))
    add('x smaller than y', g(nx, nx / 2 + 0.3, 4, 0.4), g(ny, ny / 2 - 0.2, 4, 0.9))
    add('ties', g(nx, nx / 4, 4) + g(nx, 3 * nx / 4, 4), g(ny, ny / 2, 4))
    add('plateau', np.minimum(g(nx, nx / 2, 8), 0.7), np.minimum(g(ny, ny / 3, 8), 0.7))
    add('scores above 1', 8 * g(nx, nx / 3 + 0.4, 4), 5 * g(ny, ny / 2 - 0.4, 4))
    return cases


# --------------------------------------------------------------------------- running MMPose


def as_json(value):
    """Nested lists of Python floats; NaN (which JSON lacks) becomes null."""
    array = np.asarray(value, dtype=np.float64)
    return [None if np.isnan(v) else float(v) for v in array.ravel()] if array.ndim <= 1 else [as_json(r) for r in array]


def save(name, array):
    np.save(OUT / name, np.ascontiguousarray(array))
    return name


KERNELS = (3, 7, 11)


def decoded(points, scores, sensitive):
    out = {'keypoints': as_json(points)}
    if scores is not None:
        out['scores'] = as_json(scores)
    out['float64Blur'] = {str(i): v for i, v in sensitive.items()}
    return out


def heatmap_group(mm, name, cases, w, h, stride):
    stack = np.stack([m for _, m in cases]).astype(np.float32)
    K = len(cases)
    u = mm.utils
    r = mm.refinement
    locs, vals = u.get_heatmap_maximum(stack.copy())
    input_size = (w * stride, h * stride)
    group = {
        'file': save(f'{name}.npy', stack),
        'shape': [K, h, w],
        'labels': [label for label, _ in cases],
        'inputSize': list(input_size),
        'getHeatmapMaximum': {'locs': as_json(locs), 'vals': as_json(vals)},
        'refineKeypoints': as_json(r.refine_keypoints(locs[None].copy(), stack.copy())[0]),
        'refineKeypointsDark': {},
        'refineKeypointsDarkUdp': {},
        'megvii': {},
        'msraHeatmapDecode': {},
        'udpHeatmapDecode': {},
    }
    # refine_keypoints_dark_udp indexes one flat array of every padded map: a keypoint at
    # (-1, -1) (maximum <= 0) reads cells of the previous map (the last one for map 0).
    group['darkUdpReadsAnotherMap'] = [bool(v <= 0) for v in vals]

    def codec(make):
        def run():
            kp, sc = make().decode(stack.copy())
            return kp[0], sc[0]

        return decoded(*both_blurs(run))

    for k in KERNELS:
        group['refineKeypointsDark'][k] = decoded(
            *both_blurs(lambda: (r.refine_keypoints_dark(locs[None].copy(), stack.copy(), k)[0], None))
        )
        group['refineKeypointsDarkUdp'][k] = decoded(
            *both_blurs(lambda: (r.refine_keypoints_dark_udp(locs[None].copy(), stack.copy(), k)[0], None))
        )
        group['megvii'][k] = codec(lambda: mm.MegviiHeatmap(input_size, (w, h), k))
        group['msraHeatmapDecode'][f'unbiased-{k}'] = codec(
            lambda: mm.MSRAHeatmap(input_size, (w, h), sigma=2, unbiased=True, blur_kernel_size=k)
        )
        group['udpHeatmapDecode'][k] = codec(lambda: mm.UDPHeatmap(input_size, (w, h), blur_kernel_size=k))
    group['msraHeatmapDecode']['biased'] = codec(lambda: mm.MSRAHeatmap(input_size, (w, h), sigma=2, unbiased=False))
    return group


def simcc_group(mm, cases, input_size, split):
    vx = np.stack([c[1] for c in cases]).astype(np.float32)
    vy = np.stack([c[2] for c in cases]).astype(np.float32)
    locs, vals = mm.utils.get_simcc_maximum(vx.copy(), vy.copy())
    r = mm.refinement
    group = {
        'fileX': save('simcc-x.npy', vx),
        'fileY': save('simcc-y.npy', vy),
        'labels': [c[0] for c in cases],
        'inputSize': list(input_size),
        'splitRatio': split,
        'getSimccMaximum': {'locs': as_json(locs), 'vals': as_json(vals)},
        'refineSimccDark': {},
        'simccLabelDecode': {},
    }
    for k in KERNELS:

        def run():
            x = r.refine_simcc_dark(locs[None, :, 0].copy(), vx[None].copy(), k)[0]
            y = r.refine_simcc_dark(locs[None, :, 1].copy(), vy[None].copy(), k)[0]
            return np.stack([x, y], axis=-1), None

        group['refineSimccDark'][k] = decoded(*both_blurs(run))
    for sigma in ((2.0, 2.0), (4.9, 5.66)):
        for use_dark in (False, True):

            def run():
                codec = mm.SimCCLabel(
                    input_size, smoothing_type='gaussian', sigma=sigma, simcc_split_ratio=split, use_dark=use_dark
                )
                kp, sc = codec.decode(vx[None].copy(), vy[None].copy())
                return kp[0], sc[0]

            entry = decoded(*both_blurs(run))
            entry.update({'sigma': list(sigma), 'useDark': use_dark})
            group['simccLabelDecode'][f'sigma-{sigma[0]}-{sigma[1]}-dark-{use_dark}'] = entry
    return group


COCO_FLIP_INDICES = [0, 2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 12, 11, 14, 13, 16, 15]


def flip_group(mm, stack):
    # 17 maps (COCO), cropped to 16 × 12 cells to keep the fixture small.
    maps = stack[:17, 20:36, 10:22][None].copy()
    out = {'file': save('flip-input.npy', maps), 'flipIndices': COCO_FLIP_INDICES, 'outputs': {}}
    for shift in (False, True):
        flipped = mm.flip_heatmaps(maps.copy().view(_Tensor), flip_indices=COCO_FLIP_INDICES, shift_heatmap=shift)
        out['outputs']['shift' if shift else 'noShift'] = save(
            f'flip-{"shift" if shift else "noshift"}.npy', np.asarray(flipped, dtype=np.float32)
        )
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('mmpose', type=Path, help='a checkout or exported snapshot of open-mmlab/mmpose')
    parser.add_argument('--commit', default='unknown', help="the snapshot's commit, recorded in the manifest")
    args = parser.parse_args()
    mm = load_mmpose(args.mmpose.resolve())
    OUT.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(20250804)
    big = heatmap_cases(48, 64, rng)
    manifest = {
        'generator': 'scripts/mmpose-goldens.py',
        'mmposeCommit': args.commit,
        'versions': {'python': platform.python_version(), 'numpy': np.__version__, 'opencv': cv2.__version__},
        'kernels': list(KERNELS),
        'units': 'heatmap cells (bins for SimCC) unless a codec says input pixels; null stands for NaN',
        'heatmaps': [
            heatmap_group(mm, 'heatmaps-64x48', big, 48, 64, 4),
            heatmap_group(mm, 'heatmaps-10x12', small_cases(10, 12, rng), 10, 12, 4),
        ],
        'simcc': simcc_group(mm, simcc_cases(96, 128, rng), (48, 64), 2.0),
        'flip': flip_group(mm, np.stack([m for _, m in big]).astype(np.float32)),
    }
    (OUT / 'manifest.json').write_text(json.dumps(manifest, indent=1) + '\n')
    count = sum(len(g['labels']) for g in manifest['heatmaps'])
    print(f'wrote {OUT}: {count} heatmaps, {len(manifest["simcc"]["labels"])} SimCC pairs, flip test')
    for group in manifest['heatmaps']:
        for output in ('refineKeypointsDark', 'refineKeypointsDarkUdp', 'megvii', 'msraHeatmapDecode', 'udpHeatmapDecode'):
            for key, entry in group[output].items():
                for i in entry['float64Blur']:
                    print(f'  rounding-sensitive: {group["file"]} {output}[{key}] {group["labels"][int(i)]}')
    for output in ('refineSimccDark', 'simccLabelDecode'):
        for key, entry in manifest['simcc'][output].items():
            for i in entry['float64Blur']:
                print(f'  rounding-sensitive: simcc {output}[{key}] {manifest["simcc"]["labels"][int(i)]}')


if __name__ == '__main__':
    main()
