/**
 * Synthetic training data for chapter 8: a stick person with random pose, size, rotation and
 * line thickness, drawn anti-aliased on a cluttered, noisy background, with its keypoints at
 * sub-pixel positions. Seeded and pure, so the browser, the tests and the Node training
 * script draw the same samples.
 */
import { DRAWN_BONES, stickPerson, type StickPose } from '../figures/stickPeople.ts';
import type { Random } from '../random.ts';
import type { Point } from '../stack.ts';

/** The joints the models predict, as indices into STICK_JOINTS (all but the hips). */
export const SYNTH_JOINTS = [0, 1, 2, 3, 4, 5, 6, 9, 10, 11, 12] as const;
/** Number of keypoints the models predict. */
export const SYNTH_K = SYNTH_JOINTS.length;

/**
 * The ranges synthSample draws a person from (chapter 8 states them): height and line width
 * as fractions of the image side, rotation in degrees either way.
 */
export const SYNTH_RANGES = {
  height: [0.45, 0.85],
  rotationDeg: 30,
  lineWidth: [0.01, 0.025],
} as const;

/** One sample: a size × size image in [0, 1] (row-major) and its keypoints in input pixels. */
export interface SynthSample {
  image: Float32Array;
  keypoints: Point[];
}

/** Squared distance from p to the segment ab. */
function segmentDistance2(px: number, py: number, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.min(1, Math.max(0, ((px - a.x) * dx + (py - a.y) * dy) / len2)) : 0;
  const x = a.x + t * dx - px;
  const y = a.y + t * dy - py;
  return x * x + y * y;
}

/** Draws a line of the given width and intensity, anti-aliased by coverage (max blending). */
function drawSegment(image: Float32Array, size: number, a: Point, b: Point, width: number, value: number): void {
  const r = width / 2 + 1;
  const x0 = Math.max(0, Math.floor(Math.min(a.x, b.x) - r));
  const x1 = Math.min(size - 1, Math.ceil(Math.max(a.x, b.x) + r));
  const y0 = Math.max(0, Math.floor(Math.min(a.y, b.y) - r));
  const y1 = Math.min(size - 1, Math.ceil(Math.max(a.y, b.y) + r));
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      // Pixel (x, y) covers [x - 0.5, x + 0.5): its centre is at (x, y).
      const d = Math.sqrt(segmentDistance2(x, y, a, b));
      const coverage = Math.min(1, Math.max(0, width / 2 + 0.5 - d));
      const v = coverage * value;
      const i = y * size + x;
      if (v > (image[i] as number)) image[i] = v;
    }
  }
}

/**
 * Draws one sample at `size` × `size` pixels: a person 45–85 % of the image tall (shrunk when
 * its pose would not fit), rotated by up to ±30°, with lines 1–2.5 % of the size thick; 3–6
 * clutter strokes; noise of σ 0.05.
 */
export function synthSample(size: number, random: Random): SynthSample {
  const height = size * random.uniform(SYNTH_RANGES.height[0], SYNTH_RANGES.height[1]);
  const pose: StickPose = {
    leftArm: random.uniform(5, 150),
    rightArm: random.uniform(5, 150),
    leftLeg: random.uniform(0, 45),
    rightLeg: random.uniform(0, 45),
  };
  const person = stickPerson({ x: 0, y: 0 }, height, pose);
  const angle = (random.uniform(-SYNTH_RANGES.rotationDeg, SYNTH_RANGES.rotationDeg) * Math.PI) / 180;
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const centred = person.joints.map((p) => ({ x: p.x - person.centre.x, y: p.y - person.centre.y }));
  const rotated = centred.map((p) => ({ x: c * p.x - s * p.y, y: s * p.x + c * p.y }));
  // Shrink a figure too wide or tall for the image (arms spread wide, say), then place it so
  // that every joint stays 3 px inside.
  const margin = 3;
  const room = size - 1 - 2 * margin;
  const extent = (values: number[]) => Math.max(...values) - Math.min(...values);
  const fit = Math.min(1, room / extent(rotated.map((p) => p.x)), room / extent(rotated.map((p) => p.y)));
  const turned = rotated.map((p) => ({ x: fit * p.x, y: fit * p.y }));
  const xs = turned.map((p) => p.x);
  const ys = turned.map((p) => p.y);
  const ox = random.uniform(margin - Math.min(...xs), size - 1 - margin - Math.max(...xs));
  const oy = random.uniform(margin - Math.min(...ys), size - 1 - margin - Math.max(...ys));
  const joints = turned.map((p) => ({ x: p.x + ox, y: p.y + oy }));

  const image = new Float32Array(size * size);
  const clutter = 3 + random.int(4);
  for (let i = 0; i < clutter; i++) {
    const a = { x: random.uniform(0, size), y: random.uniform(0, size) };
    const b = { x: a.x + random.uniform(-0.3, 0.3) * size, y: a.y + random.uniform(-0.3, 0.3) * size };
    drawSegment(image, size, a, b, size * random.uniform(0.01, 0.025), random.uniform(0.2, 0.5));
  }
  const width = size * random.uniform(SYNTH_RANGES.lineWidth[0], SYNTH_RANGES.lineWidth[1]) + 0.6;
  for (const [a, b] of DRAWN_BONES) drawSegment(image, size, joints[a] as Point, joints[b] as Point, width, 1);
  const neck = {
    x: ((joints[1] as Point).x + (joints[2] as Point).x) / 2,
    y: ((joints[1] as Point).y + (joints[2] as Point).y) / 2,
  };
  drawSegment(image, size, joints[0] as Point, neck, width, 1);
  // The head: a filled disc around the nose.
  drawSegment(image, size, joints[0] as Point, joints[0] as Point, width * 3, 1);
  for (let i = 0; i < image.length; i++) image[i] = (image[i] as number) + 0.05 * random.normal();
  return { image, keypoints: SYNTH_JOINTS.map((j) => joints[j] as Point) };
}
