#!/usr/bin/env python3
"""Golden values for COCO keypoint evaluation, computed by pycocotools' own code.

Usage (Python 3 with NumPy, e.g. Debian's /usr/bin/python3):

    git --git-dir=<fetched cocodataset/cocoapi> archive HEAD PythonAPI/pycocotools | tar -x -C /tmp/cocoapi
    /usr/bin/python3 scripts/cocoeval-goldens.py /tmp/cocoapi/PythonAPI [--commit <sha>]

It imports `pycocotools.coco` and `pycocotools.cocoeval` from that checkout at run time (nothing
of cocoapi is copied into this project), makes ground-truth files and results lists from a fixed
seed, runs `COCOeval(gt, dt, 'keypoints')` with `evaluate()`, `accumulate()` and `summarize()`
on each, and writes the files and the ten statistics to tests/fixtures/cocoeval/cases.json.

Keypoint evaluation needs neither cocoapi's C mask extension nor matplotlib: this script
registers empty stand-ins for `pycocotools.mask` and `matplotlib` (only segmentation and drawing
use them). The 2020 snapshot still writes `np.float`, which NumPy 1.24 removed; the script
restores that alias (`np.float = float`, what it meant). The functions under test run unchanged.

The cases cover what COCOeval decides: crowds, people without labelled keypoints
(`num_keypoints` 0), visibility 1 and 2 and unlabelled keypoints, results on images without
people, more than 20 results on one image, tied scores, small, medium and large areas, a ground
truth whose keypoints are all unlabelled though its `num_keypoints` is not 0 (OKS to its box),
results with a `bbox` (their area is then the box's), several categories, and an area range with
no person (its statistics are -1).
"""

import argparse
import contextlib
import io
import json
import platform
import sys
import types
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent.parent / 'tests' / 'fixtures' / 'cocoeval'
K = 17


def load_pycocotools(root):
    """pycocotools' coco and cocoeval modules from `root` (its PythonAPI directory)."""
    for name in ('matplotlib', 'matplotlib.pyplot', 'matplotlib.collections', 'matplotlib.patches'):
        module = types.ModuleType(name)
        module.PatchCollection = module.Polygon = object
        sys.modules[name] = module
    package = types.ModuleType('pycocotools')
    package.__path__ = [str(Path(root) / 'pycocotools')]
    sys.modules['pycocotools'] = package
    sys.modules['pycocotools.mask'] = types.ModuleType('pycocotools.mask')
    if not hasattr(np, 'float'):
        np.float = float
    import importlib
    coco = importlib.import_module('pycocotools.coco')
    cocoeval = importlib.import_module('pycocotools.cocoeval')
    return coco.COCO, cocoeval.COCOeval


def person(rng, image_id, ann_id, size, image_w, image_h, labelled=None, crowd=False, category=1):
    """A person annotation of roughly `size` pixels a side, keypoints inside its box."""
    w = size * rng.uniform(0.5, 1.0)
    h = size * rng.uniform(0.8, 1.3)
    x = rng.uniform(0, max(1.0, image_w - w))
    y = rng.uniform(0, max(1.0, image_h - h))
    keypoints = []
    visible = 0
    for _ in range(K):
        if crowd:
            keypoints += [0, 0, 0]
            continue
        v = int(rng.choice([0, 1, 2], p=[0.2, 0.2, 0.6])) if labelled is None else labelled
        if v:
            keypoints += [round(x + rng.uniform(0, w), 2), round(y + rng.uniform(0, h), 2), v]
            visible += 1
        else:
            keypoints += [0, 0, 0]
    return {
        'id': ann_id,
        'image_id': image_id,
        'category_id': category,
        'keypoints': keypoints,
        'num_keypoints': visible,
        'bbox': [round(x, 2), round(y, 2), round(w, 2), round(h, 2)],
        'area': round(w * h * rng.uniform(0.45, 0.75), 2),
        'iscrowd': 1 if crowd else 0,
    }


def guess(rng, ann, noise, score):
    """A result near an annotation: each keypoint moved by `noise` times the box's size."""
    x, y, w, h = ann['bbox']
    scale = noise * np.sqrt(w * h)
    keypoints = []
    for i in range(K):
        gx, gy, gv = ann['keypoints'][3 * i: 3 * i + 3]
        if gv == 0:
            gx, gy = x + rng.uniform(0, w), y + rng.uniform(0, h)
        keypoints += [round(gx + rng.normal(0, scale), 2), round(gy + rng.normal(0, scale), 2), round(rng.uniform(0, 1), 3)]
    return {'image_id': ann['image_id'], 'category_id': ann['category_id'], 'keypoints': keypoints, 'score': score}


def stray(rng, image_id, image_w, image_h, score, category=1):
    """A result where no one is."""
    return {
        'image_id': image_id,
        'category_id': category,
        'keypoints': sum(([round(rng.uniform(0, image_w), 2), round(rng.uniform(0, image_h), 2), 0.5] for _ in range(K)), []),
        'score': score,
    }


def make_case(name, seed, images, sizes, crowds=0, unlabelled=0, strays=0, crowded_image=False, ties=False,
              boxes=False, all_hidden=0, categories=(1,), empty_images=0, noise=(0.004, 0.05)):
    rng = np.random.default_rng(seed)
    gt = {'images': [], 'annotations': [], 'categories': [{'id': c, 'name': f'category {c}'} for c in categories]}
    results = []
    ann_id = 1
    score = lambda: round(float(rng.choice([0.3, 0.5, 0.7, 0.9])), 1) if ties else round(float(rng.uniform(0.05, 1)), 4)
    for n in range(images + empty_images):
        image_id = 1000 + 7 * n
        image_w, image_h = 640, 480
        gt['images'].append({'id': image_id, 'width': image_w, 'height': image_h})
        if n >= images:
            for _ in range(strays + 1):
                results.append(stray(rng, image_id, image_w, image_h, score()))
            continue
        people = 25 if crowded_image and n == 0 else int(rng.integers(1, 4))
        for p in range(people):
            category = categories[int(rng.integers(0, len(categories)))]
            ann = person(rng, image_id, ann_id, float(rng.choice(sizes)), image_w, image_h, category=category)
            gt['annotations'].append(ann)
            ann_id += 1
            results.append(guess(rng, ann, float(rng.uniform(*noise)), score()))
            if rng.uniform() < 0.3:
                results.append(guess(rng, ann, float(rng.uniform(*noise)) * 2, score()))
        for _ in range(crowds if n % 2 == 0 else 0):
            ann = person(rng, image_id, ann_id, 150, image_w, image_h, crowd=True)
            gt['annotations'].append(ann)
            ann_id += 1
            ann_like = dict(ann, keypoints=sum(([ann['bbox'][0] + ann['bbox'][2] / 2, ann['bbox'][1] + ann['bbox'][3] / 2, 0] for _ in range(K)), []))
            results.append(guess(rng, ann_like, 0.1, score()))
        for _ in range(unlabelled if n % 3 == 0 else 0):
            ann = person(rng, image_id, ann_id, float(rng.choice(sizes)), image_w, image_h, labelled=0)
            gt['annotations'].append(ann)
            ann_id += 1
            results.append(guess(rng, ann, 0.05, score()))
        for _ in range(all_hidden if n % 2 == 1 else 0):
            ann = person(rng, image_id, ann_id, float(rng.choice(sizes)), image_w, image_h, labelled=0)
            ann['num_keypoints'] = 3
            gt['annotations'].append(ann)
            ann_id += 1
            results.append(guess(rng, ann, 0.05, score()))
        for _ in range(strays):
            results.append(stray(rng, image_id, image_w, image_h, score()))
    if boxes:
        for r in results:
            xs = r['keypoints'][0::3]
            ys = r['keypoints'][1::3]
            r['bbox'] = [min(xs), min(ys), round(max(xs) - min(xs) + rng.uniform(0, 20), 2), round(max(ys) - min(ys) + rng.uniform(0, 20), 2)]
    rng.shuffle(results)
    return {'name': name, 'gt': gt, 'results': results}


CASES = [
    ('people of every size, visibility 1 and 2, some unlabelled keypoints', dict(seed=1, images=12, sizes=[20, 50, 90, 160, 300])),
    ('crowds and people with no labelled keypoint', dict(seed=2, images=10, sizes=[60, 120, 200], crowds=1, unlabelled=1)),
    ('results on images without people, and stray results', dict(seed=3, images=6, sizes=[80, 150], strays=2, empty_images=4)),
    ('more than 20 results on one image', dict(seed=4, images=3, sizes=[40, 70, 110], crowded_image=True, strays=1)),
    ('tied scores', dict(seed=5, images=10, sizes=[50, 100, 200], ties=True, strays=1)),
    ('results with a bbox: their area is the box', dict(seed=6, images=8, sizes=[25, 60, 130], boxes=True, strays=1)),
    ('a person whose num_keypoints is not 0 but whose keypoints are all unlabelled', dict(seed=7, images=6, sizes=[70, 140], all_hidden=1)),
    ('two categories', dict(seed=8, images=8, sizes=[50, 120], categories=(1, 2))),
    ('only small people: medium and large are -1', dict(seed=9, images=6, sizes=[12, 20, 28])),
    ('noisy guesses', dict(seed=10, images=15, sizes=[30, 60, 100, 180, 260], noise=(0.03, 0.12), strays=1)),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('pythonapi', help="cocoapi's PythonAPI directory")
    parser.add_argument('--commit', default='', help='the cocoapi commit the checkout is at')
    args = parser.parse_args()
    COCO, COCOeval = load_pycocotools(args.pythonapi)
    cases = []
    for name, settings in CASES:
        case = make_case(name, **settings)
        with contextlib.redirect_stdout(io.StringIO()):
            gt = COCO()
            gt.dataset = json.loads(json.dumps(case['gt']))
            gt.createIndex()
            dt = gt.loadRes(json.loads(json.dumps(case['results'])))
            evaluator = COCOeval(gt, dt, 'keypoints')
            evaluator.evaluate()
            evaluator.accumulate()
            evaluator.summarize()
        case['stats'] = [float(s) for s in evaluator.stats]
        cases.append(case)
    OUT.mkdir(parents=True, exist_ok=True)
    manifest = {
        'generator': 'scripts/cocoeval-goldens.py',
        'cocoapi': {'repository': 'cocodataset/cocoapi', 'commit': args.commit},
        'versions': {'python': platform.python_version(), 'numpy': np.__version__},
        'stats': ['ap', 'ap50', 'ap75', 'apm', 'apl', 'ar', 'ar50', 'ar75', 'arm', 'arl'],
        'cases': cases,
    }
    (OUT / 'cases.json').write_text(json.dumps(manifest, separators=(',', ':')) + '\n')
    for case in cases:
        print(f"{case['name']}: {len(case['gt']['annotations'])} annotations, {len(case['results'])} results, "
              f"AP {case['stats'][0]:.4f}, APm {case['stats'][3]:.4f}, APl {case['stats'][4]:.4f}")


if __name__ == '__main__':
    main()
