/**
 * Heatmap stacks: K maps of H rows by W columns, row-major in one Float32Array.
 * The value of map k at column x, row y is `data[(k * h + y) * w + x]` (codec-spec §1).
 */

/** K heatmaps of h×w, row-major. Heatmap coordinates put pixel centres on integers. */
export interface HeatmapStack {
  data: Float32Array;
  k: number;
  h: number;
  w: number;
}

/** One map of a stack, as a view (no copy) of `w * h` values, row-major. */
export interface Heatmap {
  data: Float32Array;
  h: number;
  w: number;
}

/** A decoded keypoint in heatmap coordinates; `score` is the map's maximum. */
export interface DecodedPoint {
  x: number;
  y: number;
  score: number;
  /**
   * Set when the decoder could not do all it normally does (a NaN or infinite cell where its
   * refinement reads, a map with no finite value, a singular Hessian) and says what it
   * returned instead. Absent on a normal decode.
   */
  fallback?: string;
}

/** A point in some named coordinate frame (input pixels, heatmap pixels, ...). */
export interface Point {
  x: number;
  y: number;
}

/** Allocates a zero stack of `k` maps of `h×w`. */
export function createStack(k: number, h: number, w: number): HeatmapStack {
  return { data: new Float32Array(k * h * w), k, h, w };
}

/** Map `index` of `stack`, as a view sharing the stack's memory. */
export function mapOf(stack: HeatmapStack, index: number): Heatmap {
  if (!Number.isInteger(index) || index < 0 || index >= stack.k) {
    throw new RangeError(`map index ${index} is outside 0..${stack.k - 1}`);
  }
  const size = stack.h * stack.w;
  return { data: stack.data.subarray(index * size, (index + 1) * size), h: stack.h, w: stack.w };
}

/** A stack of one map, sharing the map's memory. */
export function stackOf(map: Heatmap): HeatmapStack {
  return { data: map.data, k: 1, h: map.h, w: map.w };
}

/** Value at integer column `x`, row `y`; 0 outside the map (zero padding). */
export function valueAt(map: Heatmap, x: number, y: number): number {
  if (x < 0 || y < 0 || x >= map.w || y >= map.h) return 0;
  return map.data[y * map.w + x] as number;
}

/**
 * The (2r+1) × (2r+1) cells of a map around the integer cell `centre`, row-major, zero where
 * the window leaves the map, with the map cell at the window's top left (`origin`). Figures
 * use it for close-ups around a maximum.
 */
export function windowAround(
  map: Heatmap,
  centre: Point,
  radius: number,
): { values: Float32Array; origin: Point; size: number } {
  const size = 2 * radius + 1;
  const origin = { x: Math.round(centre.x) - radius, y: Math.round(centre.y) - radius };
  const values = new Float32Array(size * size);
  for (let j = 0; j < size; j++)
    for (let i = 0; i < size; i++) values[j * size + i] = valueAt(map, origin.x + i, origin.y + j);
  return { values, origin, size };
}

/** Euclidean distance between two points. */
export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** A `w × h` window of a map: its values (a copy, row-major) and where its top-left cell sits in the map. */
export interface MapWindow extends Heatmap {
  /** Column and row, in the map, of the window's cell (0, 0). */
  x0: number;
  y0: number;
}

/**
 * The `size × size` window of `map` whose centre cell is nearest `centre` (heatmap cells), moved
 * inside the map where it would cross its edge (a map smaller than `size` is taken whole). A point
 * (x, y) of the map is (x − x0, y − y0) in the window. Unlike {@link windowAround}, which pads with
 * zeros, every cell is the map's own: a window of logits, where 0 is no floor, shows no made-up cells.
 */
export function mapWindow(map: Heatmap, centre: Point, size: number): MapWindow {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`window size ${size} is not a positive integer`);
  const w = Math.min(size, map.w);
  const h = Math.min(size, map.h);
  const place = (c: number, n: number, span: number): number =>
    Math.min(n - span, Math.max(0, Math.round(Number.isFinite(c) ? c : (n - 1) / 2) - Math.floor(span / 2)));
  const x0 = place(centre.x, map.w, w);
  const y0 = place(centre.y, map.h, h);
  const data = new Float32Array(w * h);
  for (let y = 0; y < h; y++) data.set(map.data.subarray((y0 + y) * map.w + x0, (y0 + y) * map.w + x0 + w), y * w);
  return { data, w, h, x0, y0 };
}
