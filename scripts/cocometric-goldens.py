#!/usr/bin/env python3
"""Golden values for MMPose's CocoMetric (rescoring, OKS-NMS, COCOeval), computed by its own code.

Usage (Python 3 with NumPy and OpenCV, e.g. Debian's /usr/bin/python3):

    git --git-dir=<fetched open-mmlab/mmpose> archive HEAD mmpose/evaluation mmpose/structures/bbox \
        mmpose/datasets/datasets/base | tar -x -C /tmp/mmpose
    git --git-dir=<fetched cocodataset/cocoapi> archive HEAD PythonAPI/pycocotools | tar -x -C /tmp/cocoapi
    /usr/bin/python3 scripts/cocometric-goldens.py /tmp/mmpose /tmp/cocoapi/PythonAPI \
        [--mmpose-commit <sha>] [--cocoapi-commit <sha>]

It loads `mmpose/evaluation/metrics/coco_metric.py`, `mmpose/evaluation/functional/nms.py` and
`transforms.py`, and `mmpose/structures/bbox/transforms.py` from the MMPose checkout, and
pycocotools from the cocoapi checkout, at run time (nothing of either is copied into this
project). It makes COCO ground-truth files and top-down predictions from fixed seeds, feeds the
predictions to `CocoMetric.process` as MMPose's test loop does (one data sample per instance:
keypoints, keypoint scores, the box and its score, the crop's `bbox_scales`), runs
`compute_metrics` with MMPose's defaults (score_mode 'bbox_keypoint', keypoint_score_thr 0.2,
nms_mode 'oks_nms', nms_thr 0.9), and writes the inputs, the results file CocoMetric dumped and
the ten statistics to tests/fixtures/cocometric/cases.json.

The detected-box cases also load `mmpose/datasets/datasets/base/base_coco_style_dataset.py`
and call its `_load_detection_results` and `filter_data` on a detector's results file, as a
config with `bbox_file` (and `filter_cfg=dict(bbox_score_thr=…)`) does; each sample they make
gets a prediction and goes to `CocoMetric` with its box score.

Stand-ins, for what the metric imports but these cases do not run: mmengine's `BaseMetric`
(a base class), `dump`/`load`/`get_local_path` (JSON files), its logger and message hub; MMPose's
registry (registration only); mmengine's `BaseDataset` (a base class with `metainfo`),
`is_list_of` and `exists`; `torch` (only `nms_torch` uses it); `bbox_overlaps`. xtcocotools is
pycocotools with `COCOeval(gt, dt, iouType, sigmas, use_area)`: the stand-in passes the sigmas to
pycocotools' COCOeval, which for COCO's 17 keypoints with areas computes the same. As in
cocoeval-goldens.py, `pycocotools.mask` and `matplotlib` are empty and `np.float` is restored.
"""

import argparse
import contextlib
import importlib.util
import io
import json
import platform
import sys
import tempfile
import types
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent.parent / 'tests' / 'fixtures' / 'cocometric'
K = 17
SIGMAS = np.array([.26, .25, .25, .35, .35, .79, .79, .72, .72, .62, .62, 1.07, 1.07, .87, .87, .89, .89]) / 10.0


def module(name, **attrs):
    m = types.ModuleType(name)
    m.__dict__.update(attrs)
    sys.modules[name] = m
    return m


def load_file(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    m = importlib.util.module_from_spec(spec)
    sys.modules[name] = m
    spec.loader.exec_module(m)
    return m


def load(mmpose, cocoapi):
    # pycocotools, as in cocoeval-goldens.py.
    for name in ('matplotlib', 'matplotlib.pyplot', 'matplotlib.collections', 'matplotlib.patches'):
        module(name, PatchCollection=object, Polygon=object)
    package = module('pycocotools')
    package.__path__ = [str(Path(cocoapi) / 'pycocotools')]
    module('pycocotools.mask')
    if not hasattr(np, 'float'):
        np.float = float
    coco = importlib.import_module('pycocotools.coco')
    cocoeval = importlib.import_module('pycocotools.cocoeval')

    class XtCOCOeval(cocoeval.COCOeval):
        def __init__(self, gt, dt, iou_type, sigmas=None, use_area=True):
            super().__init__(gt, dt, iou_type)
            if sigmas is not None:
                self.params.kpt_oks_sigmas = np.array(sigmas)

    module('xtcocotools')
    module('xtcocotools.coco', COCO=coco.COCO)
    module('xtcocotools.cocoeval', COCOeval=XtCOCOeval)

    # mmengine.
    class BaseMetric:
        def __init__(self, collect_device='cpu', prefix=None):
            self.results = []

    @contextlib.contextmanager
    def get_local_path(path):
        yield path

    def dump(obj, file, **kwargs):
        Path(file).write_text(json.dumps(obj, sort_keys=True, indent=4))

    class Quiet:
        def info(self, *args, **kwargs):
            pass

        @classmethod
        def get_current_instance(cls):
            return cls()

        def get_info(self, *args):
            return None

    module('mmengine')
    module('mmengine.evaluator', BaseMetric=BaseMetric)
    module('mmengine.fileio', dump=dump, load=lambda f: json.loads(Path(f).read_text()), get_local_path=get_local_path)
    module('mmengine.logging', MessageHub=Quiet, MMLogger=Quiet, print_log=lambda *a, **k: None)
    module('torch', Tensor=object)

    # MMPose: a registry that only registers, the bbox transforms and the functional modules from the checkout.
    root = Path(mmpose) / 'mmpose'
    for name in ('mmpose', 'mmpose.evaluation', 'mmpose.evaluation.metrics', 'mmpose.structures'):
        module(name).__path__ = [str(root / name.replace('mmpose', '', 1).lstrip('.').replace('.', '/'))]
    module('mmpose.registry', METRICS=types.SimpleNamespace(register_module=lambda *a, **k: (lambda cls: cls)))
    bbox = module('mmpose.structures.bbox', bbox_overlaps=None)
    transforms = load_file('mmpose.structures.bbox.transforms', root / 'structures/bbox/transforms.py')
    bbox.bbox_xyxy2xywh = transforms.bbox_xyxy2xywh
    functional = module('mmpose.evaluation.functional')
    nms = load_file('mmpose.evaluation.functional.nms', root / 'evaluation/functional/nms.py')
    tf = load_file('mmpose.evaluation.functional.transforms', root / 'evaluation/functional/transforms.py')
    for name in ('oks_nms', 'soft_oks_nms'):
        setattr(functional, name, getattr(nms, name))
    for name in ('transform_ann', 'transform_pred', 'transform_sigmas'):
        setattr(functional, name, getattr(tf, name))
    metric = load_file('mmpose.evaluation.metrics.coco_metric', root / 'evaluation/metrics/coco_metric.py')

    # The dataset's reading of a detector's bbox_file (`_load_detection_results`, `filter_data`).
    class BaseDataset:
        metainfo = property(lambda self: self._metainfo)

    module('mmengine.dataset', BaseDataset=BaseDataset, force_full_init=lambda f: f)
    sys.modules['mmengine.fileio'].exists = lambda path: Path(path).exists()
    module('mmengine.utils', is_list_of=lambda seq, kind: isinstance(seq, list) and all(isinstance(x, kind) for x in seq))
    module('mmpose.registry', METRICS=sys.modules['mmpose.registry'].METRICS,
           DATASETS=types.SimpleNamespace(register_module=lambda *a, **k: (lambda cls: cls)))
    bbox.bbox_xywh2xyxy = transforms.bbox_xywh2xyxy
    for name in ('mmpose.datasets', 'mmpose.datasets.datasets', 'mmpose.datasets.datasets.base'):
        module(name).__path__ = [str(root / name.replace('mmpose', '', 1).lstrip('.').replace('.', '/'))]
    module('mmpose.datasets.datasets.utils', parse_pose_metainfo=None)
    dataset = load_file('mmpose.datasets.datasets.base.base_coco_style_dataset',
                        root / 'datasets/datasets/base/base_coco_style_dataset.py')
    return metric.CocoMetric, dataset.BaseCocoStyleDataset, transforms.bbox_xyxy2cs


def f32(v):
    return float(np.float32(v))


def make_case(name, seed, images=8, people=(1, 4), twins=0, ties=False, low_scores=0, duplicates=0, noise=0.03):
    """A ground-truth file and one prediction per annotation, as a top-down test with ground-truth boxes makes them."""
    rng = np.random.default_rng(seed)
    gt = {'images': [], 'annotations': [], 'categories': [{'id': 1, 'name': 'person'}]}
    instances = []
    ann_id = 1
    for n in range(images):
        image_id = 500 + 3 * n
        width, height = 640, 480
        gt['images'].append({'id': image_id, 'width': width, 'height': height})
        count = int(rng.integers(people[0], people[1] + 1))
        for p in range(count + (twins if n % 2 == 0 else 0)):
            twin = p >= count
            if twin and gt['annotations']:
                base = [a for a in gt['annotations'] if a['image_id'] == image_id][0]
                x, y, w, h = base['bbox']
            else:
                w, h = float(rng.uniform(40, 200)), float(rng.uniform(60, 300))
                x, y = float(rng.uniform(0, width - w)), float(rng.uniform(0, height - h))
            keypoints = []
            for _ in range(K):
                v = int(rng.choice([0, 1, 2], p=[0.1, 0.2, 0.7]))
                keypoints += [round(x + rng.uniform(0, w), 2), round(y + rng.uniform(0, h), 2), v] if v else [0, 0, 0]
            if twin and gt['annotations']:
                # The same person annotated twice: its two predictions overlap, and OKS-NMS keeps one.
                keypoints = list(base['keypoints'])
                keypoints = [k if i % 3 != 2 else 2 for i, k in enumerate(keypoints)]
                keypoints = [round(k + (rng.uniform(1, 3) if i % 3 != 2 else 0), 2) for i, k in enumerate(keypoints)]
            ann = {'id': ann_id, 'image_id': image_id, 'category_id': 1, 'keypoints': keypoints,
                   'num_keypoints': sum(1 for v in keypoints[2::3] if v), 'bbox': [round(x, 2), round(y, 2), round(w, 2), round(h, 2)],
                   'area': round(w * h * 0.6, 2), 'iscrowd': 0}
            gt['annotations'].append(ann)
            ann_id += 1
            scale = noise * np.sqrt(w * h)
            points = []
            for i in range(K):
                gx, gy, gv = keypoints[3 * i: 3 * i + 3]
                if not gv:
                    gx, gy = x + rng.uniform(0, w), y + rng.uniform(0, h)
                points.append([f32(gx + rng.normal(0, scale)), f32(gy + rng.normal(0, scale))])
            if ties:
                scores = [f32(rng.choice([0.3, 0.6, 0.9])) for _ in range(K)]
            elif len(instances) < low_scores:
                scores = [f32(rng.uniform(0, 0.19)) for _ in range(K)]
            else:
                scores = [f32(rng.uniform(0, 1)) for _ in range(K)]
            aspect = 192 / 256
            sw, sh = w * 1.25, h * 1.25
            scale_wh = [sw, sw / aspect] if sw > sh * aspect else [sh * aspect, sh]
            instance = {'id': ann['id'], 'img_id': image_id, 'category_id': 1, 'keypoints': points, 'keypoint_scores': scores,
                        'bbox': [f32(x), f32(y), f32(x + w), f32(y + h)], 'bbox_score': 1.0,
                        'bbox_scale': [f32(scale_wh[0]), f32(scale_wh[1])]}
            instances.append(instance)
    for i in range(duplicates):
        instances.append(dict(instances[i]))
    return {'name': name, 'gt': gt, 'instances': instances}


def make_detection_case(name, seed, images=8, bbox_score_thr=None):
    """A ground-truth file, a person detector's results on its images (MMPose's bbox_file) and one prediction per
    detection the dataset keeps: boxes near the people (some twice), false positives (some on images without
    people), and detections of another category, which the dataset drops."""
    base = make_case(name, seed, images=images, people=(0, 3))
    rng = np.random.default_rng(seed + 1000)
    gt = base['gt']
    for image in gt['images']:
        image['file_name'] = f"{image['id']:012d}.jpg"
    detections = []
    for image in gt['images']:
        found = []
        for ann in (a for a in gt['annotations'] if a['image_id'] == image['id']):
            x, y, w, h = ann['bbox']
            for copy in range(1 + int(rng.uniform() < 0.3)):
                jitter = rng.normal(0, 0.04, 4) * [w, h, w, h]
                found.append(({'image_id': image['id'], 'category_id': 1,
                               'bbox': [round(float(v), 3) for v in (x + jitter[0], y + jitter[1], w + jitter[2], h + jitter[3])],
                               'score': round(float(rng.uniform(0.5, 1) if copy == 0 else rng.uniform(0.2, 0.6)), 6)}, ann))
        for _ in range(int(rng.integers(0, 3))):
            w, h = float(rng.uniform(30, 150)), float(rng.uniform(40, 200))
            x, y = float(rng.uniform(0, image['width'] - w)), float(rng.uniform(0, image['height'] - h))
            found.append(({'image_id': image['id'], 'category_id': int(rng.choice([1, 1, 3])),
                           'bbox': [round(x, 3), round(y, 3), round(w, 3), round(h, 3)],
                           'score': round(float(rng.uniform(0.01, 0.45)), 6)}, None))
        for i in rng.permutation(len(found)):
            detections.append(found[i])
    return {'name': name, 'gt': gt, 'detections': [d for d, _ in detections], 'sources': [a for _, a in detections],
            'bboxScoreThr': bbox_score_thr, 'rng': rng}


def detection_instances(case, dataset_class, bbox_xyxy2cs, tmp):
    """The dataset's samples for the case's bbox_file (MMPose's own code), and a prediction for each."""
    gt_path, det_path = Path(tmp) / 'gt.json', Path(tmp) / 'det.json'
    gt_path.write_text(json.dumps(case['gt']))
    det_path.write_text(json.dumps(case['detections']))
    ds = object.__new__(dataset_class)
    ds.ann_file, ds.bbox_file, ds.data_prefix, ds.data_mode = str(gt_path), str(det_path), {'img': ''}, 'topdown'
    ds._metainfo = {'num_keypoints': K}
    ds.filter_cfg = None if case['bboxScoreThr'] is None else {'bbox_score_thr': case['bboxScoreThr']}
    ds.data_list = ds._load_detection_results()
    data_list = ds.filter_data()
    # Which annotation each person detection came from (None for a false positive), in the dataset's id order.
    person_sources = [a for d, a in zip(case['detections'], case['sources']) if d['category_id'] == 1]
    rng = case.pop('rng')
    del case['sources']
    case['dataList'] = []
    case['instances'] = []
    for data in data_list:
        bbox = data['bbox']
        _, scale = bbox_xyxy2cs(bbox, padding=1.25)
        w, h = np.hsplit(scale, [1])
        aspect = np.float32(192) / np.float32(256)
        scale = np.where(w > h * aspect, np.hstack([w, w / aspect]), np.hstack([h * aspect, h]))
        source = person_sources[data['id']]
        x1, y1, x2, y2 = (float(v) for v in bbox[0])
        points = []
        for i in range(K):
            if source is not None and source['keypoints'][3 * i + 2]:
                gx, gy = source['keypoints'][3 * i], source['keypoints'][3 * i + 1]
                spread = 0.02 * np.sqrt(max(x2 - x1, 1) * max(y2 - y1, 1))
            else:
                gx, gy, spread = rng.uniform(x1, x2), rng.uniform(y1, y2), 0
            points.append([f32(gx + rng.normal(0, spread)), f32(gy + rng.normal(0, spread))])
        case['dataList'].append({'id': data['id'], 'img_id': data['img_id'], 'bbox': [float(v) for v in bbox[0]],
                                 'bbox_score': float(data['bbox_score'][0])})
        case['instances'].append({'id': data['id'], 'img_id': data['img_id'], 'category_id': 1, 'keypoints': points,
                                  'keypoint_scores': [f32(rng.uniform(0, 1)) for _ in range(K)],
                                  'bbox': [float(v) for v in bbox[0]], 'bbox_score': float(data['bbox_score'][0]),
                                  'bbox_scale': [float(v) for v in scale[0]]})
    return case


DETECTION_CASES = [
    ('detected boxes (bbox_file), every person detection kept', dict(seed=21, images=10)),
    ('detected boxes with bbox_score_thr 0.3', dict(seed=22, images=10, bbox_score_thr=0.3)),
]

CASES = [
    ('top-down with ground-truth boxes', dict(seed=11, images=10)),
    ('two people with the same box on an image: OKS-NMS keeps one', dict(seed=12, images=8, twins=1, noise=0.005)),
    ('tied keypoint scores', dict(seed=13, images=8, ties=True)),
    ('instances with every keypoint score under 0.2 (score 0)', dict(seed=14, images=8, low_scores=6)),
    ('the same instance twice (multi-batch testing): kept once', dict(seed=15, images=6, duplicates=4)),
    ('crowded images', dict(seed=16, images=4, people=(8, 14), twins=2, noise=0.01)),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('mmpose', help='the MMPose checkout (holding mmpose/)')
    parser.add_argument('pythonapi', help="cocoapi's PythonAPI directory")
    parser.add_argument('--mmpose-commit', default='')
    parser.add_argument('--cocoapi-commit', default='')
    args = parser.parse_args()
    CocoMetric, dataset_class, bbox_xyxy2cs = load(args.mmpose, args.pythonapi)
    cases = []
    with tempfile.TemporaryDirectory() as tmp:
        made = [make_case(name, **settings) for name, settings in CASES]
        made += [detection_instances(make_detection_case(name, **settings), dataset_class, bbox_xyxy2cs, tmp)
                 for name, settings in DETECTION_CASES]
        for case in made:
            gt_path = Path(tmp) / 'gt.json'
            gt_path.write_text(json.dumps(case['gt']))
            prefix = str(Path(tmp) / 'out')
            with contextlib.redirect_stdout(io.StringIO()):
                metric = CocoMetric(ann_file=str(gt_path), outfile_prefix=prefix)
                metric.dataset_meta = {'sigmas': SIGMAS, 'num_keypoints': K, 'dataset_name': 'coco',
                                       'CLASSES': case['gt']['categories']}
                for inst in case['instances']:
                    # A detection's data sample has no category_id: CocoMetric then writes 1.
                    category = {} if 'detections' in case else {'category_id': inst['category_id']}
                    metric.process(None, [{
                        'id': inst['id'], 'img_id': inst['img_id'], **category,
                        'pred_instances': {
                            'keypoints': np.array([inst['keypoints']], dtype=np.float32),
                            'keypoint_scores': np.array([inst['keypoint_scores']], dtype=np.float32),
                            'bboxes': np.array([inst['bbox']], dtype=np.float32),
                            'bbox_scores': np.array([inst['bbox_score']], dtype=np.float32),
                        },
                        'gt_instances': {
                            'bbox_scales': np.array([inst['bbox_scale']], dtype=np.float32),
                            'bbox_scores': np.array([inst['bbox_score']], dtype=np.float32),
                        },
                    }])
                stats = metric.compute_metrics(metric.results)
            case['results'] = json.loads(Path(prefix + '.keypoints.json').read_text())
            case['stats'] = [float(v) for v in stats.values()]
            case['statNames'] = list(stats.keys())
            cases.append(case)
    OUT.mkdir(parents=True, exist_ok=True)
    manifest = {
        'generator': 'scripts/cocometric-goldens.py',
        'mmpose': {'repository': 'open-mmlab/mmpose', 'commit': args.mmpose_commit},
        'cocoapi': {'repository': 'cocodataset/cocoapi', 'commit': args.cocoapi_commit},
        'versions': {'python': platform.python_version(), 'numpy': np.__version__},
        'cases': cases,
    }
    (OUT / 'cases.json').write_text(json.dumps(manifest, separators=(',', ':')) + '\n')
    for case in cases:
        print(f"{case['name']}: {len(case['instances'])} instances, {len(case['results'])} results kept, AP {case['stats'][0]:.4f}")


if __name__ == '__main__':
    main()
