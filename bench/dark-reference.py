#!/usr/bin/env python3
"""Times DarkPose's own DARK post-processing on a heatmap stack, for `npm run bench`.

Usage (Python 3 with NumPy and OpenCV, e.g. Debian's /usr/bin/python3):

    git --git-dir=<fetched ilovepose/DarkPose> archive HEAD lib/core/inference.py \
        lib/utils/transforms.py | tar -x -C /tmp/darkpose
    /usr/bin/python3 bench/dark-reference.py /tmp/darkpose <stack.f32> K H W

It imports `get_max_preds`, `gaussian_blur` and `taylor` from that checkout at run time
(nothing of DarkPose is copied into this project) and runs them in the order of DarkPose's
`get_final_preds`, without its final transform back to the image: argmax, the blur and
rescale, max(·, 1e-10), the log, one Taylor step per joint. The stack is raw little-endian
float32 in [K, H, W] order, as bench/run.ts writes it. Prints the median time of one call in
milliseconds, as JSON.
"""

import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np


def main() -> None:
    checkout, stack_path, k, h, w = sys.argv[1], sys.argv[2], *map(int, sys.argv[3:6])
    sys.path.insert(0, str(Path(checkout) / 'lib'))
    from core.inference import gaussian_blur, get_max_preds, taylor  # noqa: E402

    stack = np.fromfile(stack_path, dtype='<f4').reshape(1, k, h, w)

    def dark() -> np.ndarray:
        hm = stack.copy()  # gaussian_blur works in place, as get_final_preds lets it
        coords, _ = get_max_preds(hm)
        hm = gaussian_blur(hm, 11)
        hm = np.log(np.maximum(hm, 1e-10))
        for p in range(k):
            coords[0, p] = taylor(hm[0][p], coords[0][p])
        return coords

    for _ in range(20):
        dark()
    times = []
    deadline = time.perf_counter() + 1.5
    while time.perf_counter() < deadline or len(times) < 50:
        start = time.perf_counter()
        dark()
        times.append(time.perf_counter() - start)
    print(json.dumps({'medianMs': statistics.median(times) * 1000, 'samples': len(times)}))


if __name__ == '__main__':
    main()
