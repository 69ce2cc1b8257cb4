/**
 * Which annotations of a COCO keypoints file become samples in MMPose's top-down evaluation with
 * ground-truth boxes, in its order: what a model's dump of MMPose's test follows, so sample n of
 * the reader's heatmaps is the n-th instance here. Read from MMPose 1.x
 * (`mmpose/datasets/datasets/base/base_coco_style_dataset.py`, not copied):
 *
 * - images in the file's order (`COCO.getImgIds()`), each image's annotations in the file's order
 *   (`getAnnIds(imgIds=…)`); an annotation on an image the file does not list is never read;
 * - `parse_data_info` clips the box to the image, x1 = clip(x, 0, W − 1), x2 = clip(x + w, 0,
 *   W − 1) (likewise y), stored as float32; the crop is taken from that box;
 * - `_is_valid_instance` drops, in this order: a crowd (`iscrowd`), `num_keypoints == 0`, a box
 *   of zero width or height after clipping, and keypoints whose largest coordinate is ≤ 0.
 *
 * A file without `num_keypoints` gets the count of labelled keypoints (the Lab's reader), where
 * MMPose counts keypoints with a non-zero coordinate; the two differ only for such files.
 */
import type { CocoAnnotation, CocoKeypoints } from './coco.ts';

/** Why MMPose's dataset leaves an annotation out, in the order it tests. */
export const TOPDOWN_DROP_REASONS = ['image', 'crowd', 'noKeypoints', 'emptyBox', 'keypointsAtZero'] as const;
/** One of {@link TOPDOWN_DROP_REASONS}. */
export type TopdownDropReason = (typeof TOPDOWN_DROP_REASONS)[number];

/** Each reason as the reader reads it. */
export const TOPDOWN_DROP_TEXT: Record<TopdownDropReason, string> = {
  image: 'on an image the file does not list',
  crowd: 'with iscrowd set',
  noKeypoints: 'with num_keypoints 0',
  emptyBox: 'whose box is empty once clipped to the image',
  keypointsAtZero: 'whose keypoints all lie at or below 0',
};

/**
 * A sample of MMPose's top-down test: a ground-truth annotation with its clipped box, or a
 * detector's box (`detections.ts`), with the box MMPose crops (float32, xywh).
 */
export interface TopdownInstance {
  /** MMPose's sample id: the annotation's id, or the detection's index among the person detections. */
  id: number;
  imageId: number;
  categoryId: number;
  /** The annotation the sample is; none for a detected box. */
  annotation?: CocoAnnotation;
  bbox: [number, number, number, number];
  /** 1 for a ground-truth box; the detector's score (float32) otherwise. */
  bboxScore: number;
}

/** The samples in MMPose's order, and how many annotations each rule dropped. */
export interface TopdownPairing {
  instances: TopdownInstance[];
  dropped: Record<TopdownDropReason, number>;
  /** Images without a width or height, whose boxes are not clipped (MMPose needs both). */
  unsized: number;
}

const f32 = Math.fround;
const clip = (v: number, hi: number) => Math.min(Math.max(v, 0), hi);

/** MMPose's top-down instances of a COCO file (see the module comment). */
export function mmposeTopdownInstances(coco: CocoKeypoints): TopdownPairing {
  const dropped = Object.fromEntries(TOPDOWN_DROP_REASONS.map((r) => [r, 0])) as Record<TopdownDropReason, number>;
  const byImage = new Map<number, CocoAnnotation[]>();
  for (const a of coco.annotations) {
    let list = byImage.get(a.imageId);
    if (!list) byImage.set(a.imageId, (list = []));
    list.push(a);
  }
  const images = new Map<number, { width?: number; height?: number }>();
  for (const im of coco.images) if (!images.has(im.id)) images.set(im.id, im);
  for (const [id, list] of byImage) if (!images.has(id)) dropped.image += list.length;

  const instances: TopdownInstance[] = [];
  let unsized = 0;
  for (const [id, image] of images) {
    const { width, height } = image;
    const sized = width !== undefined && height !== undefined;
    if (!sized) unsized++;
    for (const a of byImage.get(id) ?? []) {
      const [x, y, w, h] = a.bbox;
      const box =
        width !== undefined && height !== undefined
          ? [clip(x, width - 1), clip(y, height - 1), clip(x + w, width - 1), clip(y + h, height - 1)].map(f32)
          : [x, y, x + w, y + h].map(f32);
      const [x1, y1, x2, y2] = box as [number, number, number, number];
      const bw = f32(x2 - x1);
      const bh = f32(y2 - y1);
      let reason: TopdownDropReason | undefined;
      if (a.iscrowd) reason = 'crowd';
      else if (a.numKeypoints === 0) reason = 'noKeypoints';
      else if (bw <= 0 || bh <= 0) reason = 'emptyBox';
      else if (Math.max(...a.keypoints.flatMap((p) => [f32(p.x), f32(p.y)])) <= 0) reason = 'keypointsAtZero';
      if (reason) dropped[reason]++;
      else
        instances.push({
          id: a.id,
          imageId: a.imageId,
          categoryId: a.categoryId,
          annotation: a,
          bbox: [x1, y1, bw, bh],
          bboxScore: 1,
        });
    }
  }
  return { instances, dropped, unsized };
}

/** "… keeps 6,352 of 11,004 annotations (dropped: 4,652 with num_keypoints 0, …)": what the pairing did. */
export function describeTopdownPairing(pairing: TopdownPairing, total: number): string {
  const parts = TOPDOWN_DROP_REASONS.filter((r) => pairing.dropped[r] > 0).map(
    (r) => `${pairing.dropped[r].toLocaleString('en')} ${TOPDOWN_DROP_TEXT[r]}`,
  );
  const kept = `MMPose's top-down order keeps ${pairing.instances.length.toLocaleString('en')} of ${total.toLocaleString('en')} annotations`;
  const unsized = pairing.unsized
    ? `; ${pairing.unsized.toLocaleString('en')} image${pairing.unsized === 1 ? ' has' : 's have'} no width or height, so ${pairing.unsized === 1 ? 'its boxes are' : 'their boxes are'} not clipped as MMPose clips them`
    : '';
  return `${kept}${parts.length ? ` (dropped: ${parts.join(', ')})` : ''}${unsized}`;
}
