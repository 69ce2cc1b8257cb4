#!/usr/bin/env python3
"""Times MMPose's own decode loop on a heatmap file, for `npm run bench` (bench/cli.ts).

Usage (Python 3 with NumPy and OpenCV, e.g. Debian's /usr/bin/python3):

    git --git-dir=<fetched open-mmlab/mmpose> archive HEAD mmpose/codecs \
        mmpose/models/utils/tta.py | tar -x -C /tmp/mmpose
    /usr/bin/python3 bench/mmpose-decode.py /tmp/mmpose <heatmaps.npy> argmax,quarter,dark,darkUdp

It loads MMPose's codec files from that checkout at run time, as scripts/mmpose-goldens.py does
(nothing of MMPose is copied into this project), memory-maps the [N, K, H, W] file and decodes
it sample by sample, as MMPose's heatmap heads do (`[decoder.decode(h) for h in heatmaps]`):
argmax is `get_heatmap_maximum`, quarter `MSRAHeatmap(unbiased=False).decode`, dark
`MSRAHeatmap(unbiased=True, blur_kernel_size=11).decode`, darkUdp
`UDPHeatmap(blur_kernel_size=11).decode`. Prints the seconds each decoder took, as JSON.
"""

import importlib.util
import json
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent


def main() -> None:
    checkout, path, decoders = Path(sys.argv[1]), sys.argv[2], sys.argv[3].split(',')
    spec = importlib.util.spec_from_file_location('goldens', HERE.parent / 'scripts' / 'mmpose-goldens.py')
    goldens = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(goldens)
    mm = goldens.load_mmpose(checkout)
    maps = np.load(path, mmap_mode='r')
    n, k, h, w = maps.shape
    size = dict(input_size=(w * 4, h * 4), heatmap_size=(w, h), sigma=2)
    codecs = {
        'argmax': mm.utils.get_heatmap_maximum,
        'quarter': mm.MSRAHeatmap(**size, unbiased=False).decode,
        'dark': mm.MSRAHeatmap(**size, unbiased=True, blur_kernel_size=11).decode,
        'darkUdp': mm.UDPHeatmap(**size, blur_kernel_size=11).decode,
    }
    seconds = {}
    for name in decoders:
        decode = codecs[name]
        start = time.perf_counter()
        for i in range(n):
            decode(np.array(maps[i]))
        seconds[name] = time.perf_counter() - start
    print(json.dumps({'n': n, 'k': k, 'h': h, 'w': w, 'seconds': seconds}))


if __name__ == '__main__':
    main()
