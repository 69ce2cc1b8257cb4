/**
 * The Decoder Lab's working state, kept in its worker: the reader's input (a heatmap stack or a
 * SimCC pair), the flipped image's maps, the ground-truth files, and decoding them under the
 * settings, a chunk at a time. Parsing files here, off the main thread, means a hostile file
 * (a JSON array 5,000 deep, a 30 MB CSV) costs the page nothing; every reader it calls checks
 * the library's limits first. No DOM: the worker wraps it, and unit tests drive it directly.
 *
 * All maths is the library's (`src/lib`); this module chooses which reader a file goes to,
 * slices per-sample arrays for the metrics, and keeps what was decoded for the map view.
 */
import {
  checkGroundTruthSize,
  cocoApImages,
  cocoTruthInInput,
  COCO17_SIGMAS,
  cropTruth,
  decodeLabRange,
  decodeLabSimccRange,
  flipIndicesFromPairs,
  flipTestAverage,
  groundTruthInHeatmap,
  keypointAp,
  keypointNames,
  labInputScale,
  labMetrics,
  LabInputError,
  nonFiniteSummary,
  npyForLab,
  npzEntriesForLab,
  npzForLab,
  readGroundTruth,
  readHeatmapLayout,
  scanNonFinite,
  simccFromArrays,
  simccFromNpz,
  stackFromJson,
  stackFromNpy,
  stackFromNpz,
  summarize,
  summarizeLab,
  type CocoKeypoints,
  type CocoResult,
  type DecodeConvention,
  type GroundTruthFile,
  type GroundTruthUnits,
  type HeatmapDecoderId,
  type InputMapping,
  type KeypointAp,
  type KeypointTruth,
  type LabDecoderMetrics,
  type LabRow,
  type LabSimcc,
  type LabStack,
  type LayoutChoice,
  type NonFiniteReport,
  type Point,
  type SimccDecoderId,
} from '../../lib/index.ts';
import type { LabDecoderId } from './state.ts';

/** A file as the page hands it over: its name and bytes. */
export interface LabFile {
  name: string;
  bytes: ArrayBuffer;
}

/** How a file is read: the layout rule or the reader's choice, and the archive member chosen. */
export interface ReadOptions {
  layout: LayoutChoice;
  /** The `.npz` member holding the heatmaps, when the archive holds several. */
  array?: string;
}

/** What was loaded, for the page to say. */
export interface InputSummary {
  kind: 'heatmaps' | 'simcc';
  source: string;
  n: number;
  k: number;
  /** Heatmaps: rows and columns. SimCC: bins of the x and y vectors. */
  h: number;
  w: number;
  /** How the file was read, when worth saying (channels last, the archive's first two arrays). */
  note?: string;
}

/** A `.npz` archive of several arrays, none chosen: the reader picks one. */
export interface ArchiveChoice {
  file: string;
  arrays: { name: string; bytes: number }[];
}

/** The outcome of loading: what was read, or the archive's arrays to choose from. */
export type LoadOutcome = { loaded: InputSummary } | { choose: ArchiveChoice };

/** The decoding settings, as the page's state gives them. */
export interface LabRun {
  convention: DecodeConvention;
  mapping: InputMapping;
  decoders: HeatmapDecoderId[];
  simccDecoders: SimccDecoderId[];
  kernel: number;
  beta: number;
  stride: number;
  units: GroundTruthUnits;
  splitRatio: number;
  sigma: [number, number];
  /** The flip test's shift in cells, or off. */
  flip: 'off' | 0 | 1;
  pairs: [number, number][];
}

/** Each decoder's mean error with the flip test off, shifted 0 and shifted 1 (input px). */
export interface FlipComparison {
  decoder: HeatmapDecoderId;
  off?: number;
  shift0?: number;
  shift1?: number;
}

/** Everything one decode gives the page. */
export interface LabResult {
  kind: 'heatmaps' | 'simcc';
  source: string;
  n: number;
  k: number;
  /** Heatmap size (heatmaps) or vector lengths (SimCC: w = x bins, h = y bins). */
  w: number;
  h: number;
  /** The input (crop) size in pixels the points map to. */
  inputW: number;
  inputH: number;
  decoders: LabDecoderId[];
  /** One row per map (heatmaps: points in heatmap px) or keypoint (SimCC: input px). */
  rows: LabRow<LabDecoderId>[];
  /** Input pixels per point unit, per axis. */
  scale: Point;
  names: string[];
  /** Each decoder's mean score over its decoded points (its own score convention). */
  meanScores: Partial<Record<LabDecoderId, number>>;
  truth?: { kind: 'points' | 'coco'; source: string };
  /** Per decoder: PCK, OKS, AP and per-keypoint errors (with ground truth). */
  metrics?: LabDecoderMetrics<LabDecoderId>[];
  /** The AP of a COCO results list against the COCO ground truth. */
  results?: { source: string; ap: KeypointAp };
  /** The flip test as decoded, and what each shift does to each decoder's error. */
  flip?: { source: string; shift: 0 | 1; comparison?: FlipComparison[] };
  /** NaN and infinite cells: the library's one summary line and the first places. */
  nonFinite?: { summary: string; first: NonFiniteReport['first'] };
  /** Problems the reader should fix (a ground truth that does not fit, bad flip pairs). */
  messages: string[];
  /** How things were read or assumed, worth saying. */
  notes: string[];
}

/** What was loaded; a stack set by the page (a model's maps) may name its keypoints. */
type Input =
  { kind: 'heatmaps'; stack: LabStack; report: NonFiniteReport; names?: string[] } | { kind: 'simcc'; simcc: LabSimcc };

const isNpz = (name: string) => /\.npz$/i.test(name);
const isNpy = (name: string) => /\.npy$/i.test(name);
const isJson = (name: string) => /\.json$/i.test(name);

/** Which of two file names is the x vectors: a base name ending in x (or y for the other), else name order. */
function xyOrder(a: LabFile, b: LabFile): { x: LabFile; y: LabFile; note?: string } {
  const axis = (f: LabFile) => /(^|[^a-z])([xy])$/i.exec(f.name.replace(/\.npy$/i, ''))?.[2]?.toLowerCase();
  if (axis(a) === 'x' && axis(b) === 'y') return { x: a, y: b };
  if (axis(a) === 'y' && axis(b) === 'x') return { x: b, y: a };
  const [x, y] = [a, b].sort((p, q) => p.name.localeCompare(q.name, 'en', { numeric: true })) as [LabFile, LabFile];
  return {
    x,
    y,
    note: `read ${x.name} as the x vectors and ${y.name} as the y vectors (file-name order; name them …_x.npy and …_y.npy to say which)`,
  };
}

/** Reads heatmap files (one `.npy`, `.npz` or `.json`) as a stack, or the archive's arrays to choose from. */
function readStack(files: readonly LabFile[], options: ReadOptions): LabStack | ArchiveChoice {
  const file = files[0];
  if (files.length !== 1 || !file) {
    throw new LabInputError(`${files.length} files: choose one heatmap file (.npy, .npz or .json)`);
  }
  const layout = { layout: options.layout };
  if (isNpy(file.name)) return stackFromNpy(file.bytes, file.name, layout);
  if (isJson(file.name)) return stackFromJson(new TextDecoder().decode(file.bytes), file.name, layout);
  if (isNpz(file.name)) {
    const arrays = npzEntriesForLab(file.bytes, file.name).filter((e) => e.npy);
    if (options.array !== undefined || arrays.length === 1) {
      return stackFromNpz(file.bytes, file.name, { ...layout, ...(options.array ? { array: options.array } : {}) });
    }
    if (!arrays.length) throw new LabInputError(`${file.name}: the archive holds no .npy array`);
    return { file: file.name, arrays: arrays.map((e) => ({ name: e.name, bytes: e.bytes })) };
  }
  throw new LabInputError(`${file.name}: expected a .npy, .npz, .json or .png file`);
}

/** Whether an array's shape reads as heatmaps by the layout rule (so it is not SimCC vectors). */
const readsAsHeatmaps = (shape: readonly number[], layout: LayoutChoice) =>
  (shape.length === 3 || shape.length === 4) && !('refused' in readHeatmapLayout(shape, layout));

/**
 * Reads the reader's input: heatmaps (one `.npy`, `.json` or `.npz` array) or a SimCC pair
 * (two `.npy` files, or a `.npz` with `simcc_x` and `simcc_y`, or whose arrays none of which
 * read as heatmaps: the first two, with a note).
 */
function readInput(files: readonly LabFile[], options: ReadOptions): Input | ArchiveChoice {
  if (files.length === 2 && files.every((f) => isNpy(f.name))) {
    const { x, y, note } = xyOrder(files[0] as LabFile, files[1] as LabFile);
    const ax = npyForLab(x.bytes, x.name);
    const ay = npyForLab(y.bytes, y.name);
    const heat = [x, y].filter((_, i) => readsAsHeatmaps([ax, ay][i]!.shape, 'auto'));
    if (heat.length) {
      throw new LabInputError(
        `${heat.map((f) => f.name).join(' and ')} ${heat.length === 1 ? 'reads' : 'read'} as heatmaps, not SimCC vectors [K, bins]: choose one heatmap file (a flipped image's maps go under "Flip test")`,
      );
    }
    return { kind: 'simcc', simcc: simccFromArrays(ax, ay, `${x.name} + ${y.name}`, note) };
  }
  const file = files[0];
  if (files.length === 1 && file && isNpz(file.name) && options.array === undefined) {
    const arrays = npzEntriesForLab(file.bytes, file.name).filter((e) => e.npy);
    const names = arrays.map((e) => e.name);
    if (names.includes('simcc_x') && names.includes('simcc_y')) {
      return { kind: 'simcc', simcc: simccFromNpz(file.bytes, file.name) };
    }
    if (arrays.length >= 2) {
      const archive = npzForLab(file.bytes, file.name);
      const heat = Object.values(archive.arrays).filter((a) => readsAsHeatmaps(a.shape, options.layout));
      if (!heat.length) return { kind: 'simcc', simcc: simccFromNpz(file.bytes, file.name) };
    }
  }
  if (files.length > 2 || (files.length === 2 && !files.every((f) => isNpy(f.name)))) {
    throw new LabInputError(
      `${files.length} files: choose one .npy, .npz or .json file of heatmaps, two .npy files of SimCC vectors (x and y), or PNG images only (one per keypoint)`,
    );
  }
  const read = readStack(files, options);
  if ('arrays' in read) return read;
  return { kind: 'heatmaps', stack: read, report: scanNonFinite(read) };
}

function summaryOf(input: Input): InputSummary {
  if (input.kind === 'heatmaps') {
    const { stack } = input;
    return {
      kind: 'heatmaps',
      source: stack.source,
      n: stack.n,
      k: stack.k,
      h: stack.h,
      w: stack.w,
      ...(stack.note ? { note: stack.note } : {}),
    };
  }
  const { simcc } = input;
  return {
    kind: 'simcc',
    source: simcc.source,
    n: simcc.n,
    k: simcc.k,
    h: simcc.lengthY,
    w: simcc.lengthX,
    ...(simcc.note ? { note: simcc.note } : {}),
  };
}

/** Maps decoded between progress reports (and chances to be superseded). */
export const CHUNK = 64;

/** How a decode reports progress and learns it was superseded. */
export interface DecodeHooks {
  progress(done: number, total: number): void;
  cancelled(): boolean;
  /** Yields to the event loop between chunks (a worker's setTimeout; tests may resolve at once). */
  pause(): Promise<void>;
}

/** The ground truth as the decode needs it: per map (point units) and per sample (input px). */
interface Truth {
  kind: 'points' | 'coco';
  source: string;
  perMap: Point[];
  perSample: KeypointTruth[];
  names?: string[];
  coco?: CocoKeypoints;
}

export class LabSession {
  #input?: Input;
  #inputFiles?: LabFile[];
  #inputOptions: ReadOptions = { layout: 'auto' };
  #flipped?: { stack: LabStack; files?: LabFile[] };
  #flippedOptions: ReadOptions = { layout: 'auto' };
  /** The flipped image's file while its archive member is being chosen. */
  #flippedFiles?: LabFile[];
  #truthFiles: { name: string; text: string }[] = [];
  /** Parsed ground-truth files, kept while the number of maps they were read for stays. */
  #parsed?: { expected: number; files: ({ name: string; file: GroundTruthFile } | { name: string; error: string })[] };
  /** The stack last decoded (the flip test's average, or the input), for the map view. */
  #decoded?: LabStack;

  /** Loads the reader's input; a refused file leaves nothing loaded. */
  loadInput(files: LabFile[], options: ReadOptions): LoadOutcome {
    this.#input = undefined;
    this.#decoded = undefined;
    this.#inputFiles = files;
    this.#inputOptions = options;
    return this.#readInput();
  }

  #readInput(): LoadOutcome {
    this.#input = undefined;
    if (!this.#inputFiles) throw new LabInputError('no file loaded');
    const read = readInput(this.#inputFiles, this.#inputOptions);
    if ('arrays' in read) return { choose: read };
    this.#input = read;
    return { loaded: summaryOf(read) };
  }

  /**
   * Loads a stack made on the page (PNG images, a model's maps), which cannot be read again, with
   * its keypoint names when it has them (a ground truth's names still come first).
   */
  setStack(stack: LabStack, names?: string[]): InputSummary {
    this.#inputFiles = undefined;
    if (names && names.length !== stack.k)
      throw new LabInputError(`${stack.source}: ${names.length} keypoint names for ${stack.k} maps per sample`);
    const input: Input = { kind: 'heatmaps', stack, report: scanNonFinite(stack), ...(names ? { names } : {}) };
    this.#input = input;
    this.#decoded = undefined;
    return summaryOf(input);
  }

  /** Reads the input again with another layout or archive member (files only). */
  rereadInput(options: Partial<ReadOptions>): LoadOutcome | undefined {
    if (!this.#inputFiles) return undefined;
    this.#inputOptions = { ...this.#inputOptions, ...options };
    return this.#readInput();
  }

  /** Loads the flipped image's heatmaps (a stack like the input's). */
  loadFlipped(files: LabFile[], options: ReadOptions): LoadOutcome {
    this.#flipped = undefined;
    this.#flippedOptions = options;
    const read = readStack(files, options);
    if ('arrays' in read) {
      this.#flipped = undefined;
      this.#flippedFiles = files;
      return { choose: read };
    }
    this.#flipped = { stack: read, files };
    return { loaded: { kind: 'heatmaps', source: read.source, n: read.n, k: read.k, h: read.h, w: read.w } };
  }

  /** Reads the flipped stack again with another layout or archive member. */
  rereadFlipped(options: Partial<ReadOptions>): LoadOutcome | undefined {
    const files = this.#flipped?.files ?? this.#flippedFiles;
    if (!files) return undefined;
    return this.loadFlipped(files, { ...this.#flippedOptions, ...options });
  }

  clearFlipped(): void {
    this.#flipped = undefined;
    this.#flippedFiles = undefined;
  }

  /**
   * Takes ground-truth files (points, a COCO keypoints file, a COCO results list): sizes are
   * checked before the bytes are read as text; parsing waits for the decode, which knows how
   * many maps there are.
   */
  setTruth(files: LabFile[]): void {
    this.#truthFiles = [];
    this.#parsed = undefined;
    for (const f of files) checkGroundTruthSize(f.name, f.bytes.byteLength);
    this.#truthFiles = files.map((f) => ({ name: f.name, text: new TextDecoder().decode(f.bytes) }));
  }

  clearTruth(): void {
    this.#truthFiles = [];
    this.#parsed = undefined;
  }

  #parsedTruth(expected: number) {
    if (this.#parsed?.expected !== expected) {
      this.#parsed = {
        expected,
        files: this.#truthFiles.map(({ name, text }) => {
          try {
            return { name, file: readGroundTruth(text, name, expected) };
          } catch (error) {
            if (!(error instanceof LabInputError)) throw error;
            return { name, error: error.message };
          }
        }),
      };
    }
    return this.#parsed.files;
  }

  /** The values of map `index` as last decoded (heatmaps), or its two vectors (SimCC). */
  mapAt(
    index: number,
  ):
    | { kind: 'heatmap'; values: Float32Array; w: number; h: number }
    | { kind: 'simcc'; x: Float32Array; y: Float32Array }
    | undefined {
    const input = this.#input;
    if (!input) return undefined;
    if (input.kind === 'simcc') {
      const { simcc } = input;
      if (index < 0 || index >= simcc.n * simcc.k) return undefined;
      return {
        kind: 'simcc',
        x: simcc.x.slice(index * simcc.lengthX, (index + 1) * simcc.lengthX),
        y: simcc.y.slice(index * simcc.lengthY, (index + 1) * simcc.lengthY),
      };
    }
    const stack = this.#decoded ?? input.stack;
    if (index < 0 || index >= stack.n * stack.k) return undefined;
    const size = stack.w * stack.h;
    return { kind: 'heatmap', values: stack.data.slice(index * size, (index + 1) * size), w: stack.w, h: stack.h };
  }

  /** Decodes the input under `run`, with the flip test and ground truth when given. */
  async decode(run: LabRun, hooks: DecodeHooks): Promise<LabResult | undefined> {
    const input = this.#input;
    if (!input) return undefined;
    return input.kind === 'heatmaps'
      ? this.#decodeHeatmaps(input, run, hooks)
      : this.#decodeSimcc(input.simcc, run, hooks);
  }

  /**
   * The ground truth for `n` samples of `k` keypoints, or messages saying why not. `toInput`
   * maps the rows' units to input pixels and `toRows` back; `fromFile` reads a points file's
   * points into the rows' units.
   */
  #truth(
    n: number,
    k: number,
    inputW: number,
    inputH: number,
    run: LabRun,
    units: { toInput: (p: Point) => Point; toRows: (p: Point) => Point; fromFile: (points: Point[]) => Point[] },
    messages: string[],
  ): { truth?: Truth; results?: { source: string; list: CocoResult[] } } {
    let truth: Truth | undefined;
    let results: { source: string; list: CocoResult[] } | undefined;
    for (const entry of this.#parsedTruth(n * k)) {
      if ('error' in entry) {
        messages.push(entry.error);
        continue;
      }
      const { name, file } = entry;
      if (file.kind === 'cocoResults') {
        results = { source: name, list: file.results };
        continue;
      }
      if (truth) {
        messages.push(`${name}: one ground truth at a time; ${truth.source} is used`);
        continue;
      }
      if (file.kind === 'points') {
        const perMap = units.fromFile(file.points);
        const perSample = Array.from({ length: n }, (_, s) =>
          cropTruth(perMap.slice(s * k, (s + 1) * k).map(units.toInput), inputW, inputH),
        );
        truth = { kind: 'points', source: name, perMap, perSample };
        continue;
      }
      const { coco } = file;
      if (coco.k !== k) {
        messages.push(`${name}: its annotations have ${coco.k} keypoints, but the input has ${k} per sample`);
        continue;
      }
      if (coco.annotations.length !== n) {
        messages.push(
          `${name}: ${coco.annotations.length} annotation${coco.annotations.length === 1 ? '' : 's'} with keypoints, but the input holds ${n} sample${n === 1 ? '' : 's'}; the Lab pairs sample n with the file's n-th annotation, so the counts must match`,
        );
        continue;
      }
      const perSample: KeypointTruth[] = [];
      const perMap: Point[] = [];
      for (const a of coco.annotations) {
        const { truth: t } = cocoTruthInInput(a, inputW, inputH, run.mapping);
        perSample.push(t);
        // Unlabelled keypoints (v = 0) have no error to measure.
        t.keypoints.forEach((p, j) =>
          perMap.push((t.visibility[j] as number) > 0 ? units.toRows(p) : { x: Number.NaN, y: Number.NaN }),
        );
      }
      truth = {
        kind: 'coco',
        source: name,
        perMap,
        perSample,
        coco,
        ...(coco.keypointNames.length === k ? { names: coco.keypointNames } : {}),
      };
    }
    return { ...(truth ? { truth } : {}), ...(results ? { results } : {}) };
  }

  async #decodeHeatmaps(
    input: Extract<Input, { kind: 'heatmaps' }>,
    run: LabRun,
    hooks: DecodeHooks,
  ): Promise<LabResult | undefined> {
    const { stack } = input;
    const { n, k, w, h } = stack;
    const maps = n * k;
    const messages: string[] = [];
    const notes: string[] = [];
    const settings = {
      decoders: run.decoders,
      kernel: run.kernel,
      beta: run.beta,
      stride: run.stride,
      convention: run.convention,
      mapping: run.mapping,
    };
    const scale = labInputScale(settings, w, h);
    const inputW = w * run.stride;
    const inputH = h * run.stride;
    const mapping = { mapping: run.mapping, heatmapW: w, heatmapH: h };
    // Rows are in heatmap pixels; the metrics read input pixels.
    const { truth, results } = this.#truth(
      n,
      k,
      inputW,
      inputH,
      run,
      {
        toInput: (p) => ({ x: p.x * scale.x, y: p.y * scale.y }),
        toRows: (p) => ({ x: p.x / scale.x, y: p.y / scale.y }),
        fromFile: (points) => groundTruthInHeatmap(points, run.units, run.stride, mapping),
      },
      messages,
    );

    // The flip test: averaged stacks per shift, when a flipped stack fits.
    let flip: { indices: number[]; source: string } | undefined;
    const flipped = this.#flipped?.stack;
    if (flipped && run.flip !== 'off') {
      if (flipped.n !== n || flipped.k !== k || flipped.w !== w || flipped.h !== h) {
        messages.push(
          `${flipped.source}: ${flipped.n} × ${flipped.k} maps of ${flipped.h} × ${flipped.w}, but the input is ${n} × ${k} of ${h} × ${w}; the flip test needs the same shape`,
        );
      } else {
        try {
          flip = { indices: flipIndicesFromPairs(run.pairs, k), source: flipped.source };
        } catch (error) {
          if (!(error instanceof RangeError)) throw error;
          messages.push(`Flip pairs: ${error.message}; the flip test is off until they fit the ${k} keypoints`);
        }
      }
    }
    const averaged = (shift: 0 | 1): LabStack => {
      const out = flipTestAverage(
        { data: stack.data, k: maps, h, w },
        { data: (flipped as LabStack).data, k: maps, h, w },
        (flip as { indices: number[] }).indices,
        shift,
      );
      return { ...stack, data: out.data };
    };
    const variants: { key: 'off' | 0 | 1; stack: LabStack }[] = [];
    const main = flip && run.flip !== 'off' ? run.flip : 'off';
    variants.push({ key: main, stack: main === 'off' ? stack : averaged(main) });
    // With ground truth, the other choices too: what each does to each decoder's error.
    if (flip && truth) {
      for (const key of ['off', 0, 1] as const) {
        if (key !== main) variants.push({ key, stack: key === 'off' ? stack : averaged(key) });
      }
    }

    const perMapTruth = truth?.perMap;
    const total = maps * variants.length;
    const decoded: Partial<Record<'off' | 0 | 1, LabRow[]>> = {};
    let done = 0;
    for (const variant of variants) {
      const report = variant.stack === stack ? input.report : scanNonFinite(variant.stack);
      const rows: LabRow[] = [];
      for (let from = 0; from < maps; from += CHUNK) {
        if (hooks.cancelled()) return undefined;
        rows.push(...decodeLabRange(variant.stack, settings, from, from + CHUNK, perMapTruth, report.emptyMaps));
        done += Math.min(CHUNK, maps - from);
        hooks.progress(done, total);
        await hooks.pause();
      }
      decoded[variant.key] = rows;
    }
    if (hooks.cancelled()) return undefined;
    const mainVariant = variants[0] as (typeof variants)[number];
    this.#decoded = mainVariant.stack;
    const rows = decoded[main] as LabRow[];
    const names = truth?.names ?? input.names ?? keypointNames(k);
    const result: LabResult = {
      kind: 'heatmaps',
      source: stack.source,
      n,
      k,
      w,
      h,
      inputW,
      inputH,
      decoders: run.decoders,
      rows,
      scale,
      names,
      meanScores: meanScores(rows, run.decoders),
      messages,
      notes,
    };
    const bad = nonFiniteSummary(rows);
    if (bad) {
      const report = mainVariant.stack === stack ? input.report : scanNonFinite(mainVariant.stack);
      result.nonFinite = { summary: bad, first: report.first };
    }
    if (flip && main !== 'off') {
      result.flip = { source: flip.source, shift: main };
      if (truth) {
        const s = (key: 'off' | 0 | 1) => summarizeLab(decoded[key] ?? [], run.decoders);
        const [off, s0, s1] = [s('off'), s(0), s(1)];
        result.flip.comparison = run.decoders.map((decoder) => ({
          decoder,
          ...(off[decoder] ? { off: off[decoder].mean } : {}),
          ...(s0[decoder] ? { shift0: s0[decoder].mean } : {}),
          ...(s1[decoder] ? { shift1: s1[decoder].mean } : {}),
        }));
      }
    }
    this.#finish(result, truth, results, rows, run.decoders, k, scale, messages, notes);
    return result;
  }

  async #decodeSimcc(simcc: LabSimcc, run: LabRun, hooks: DecodeHooks): Promise<LabResult | undefined> {
    const { n, k, lengthX, lengthY } = simcc;
    const total = n * k;
    const messages: string[] = [];
    const notes: string[] = [];
    const inputW = lengthX / run.splitRatio;
    const inputH = lengthY / run.splitRatio;
    if (this.#truthFiles.length && run.units === 'heatmap') {
      notes.push('SimCC points are input pixels (bins / k), so the ground truth is read in input pixels.');
    }
    const same = (p: Point) => ({ x: p.x, y: p.y });
    const { truth, results } = this.#truth(
      n,
      k,
      inputW,
      inputH,
      run,
      { toInput: same, toRows: same, fromFile: (points) => points },
      messages,
    );
    const settings = { decoders: run.simccDecoders, splitRatio: run.splitRatio, sigma: run.sigma, beta: run.beta };
    const rows: LabRow<SimccDecoderId>[] = [];
    for (let from = 0; from < total; from += CHUNK) {
      if (hooks.cancelled()) return undefined;
      rows.push(...decodeLabSimccRange(simcc, settings, from, from + CHUNK, truth?.perMap));
      hooks.progress(Math.min(total, from + CHUNK), total);
      await hooks.pause();
    }
    if (hooks.cancelled()) return undefined;
    if (this.#flipped && run.flip !== 'off') {
      notes.push('The flip test applies to heatmaps; SimCC vectors are decoded without it.');
    }
    const scale = { x: 1, y: 1 };
    const result: LabResult = {
      kind: 'simcc',
      source: simcc.source,
      n,
      k,
      w: lengthX,
      h: lengthY,
      inputW,
      inputH,
      decoders: run.simccDecoders,
      rows,
      scale,
      names: truth?.names ?? keypointNames(k),
      meanScores: meanScores(rows, run.simccDecoders),
      messages,
      notes,
    };
    const bad = nonFiniteSummary(rows);
    if (bad) result.nonFinite = { summary: bad, first: [] };
    this.#finish(result, truth, results, rows, run.simccDecoders, k, scale, messages, notes);
    return result;
  }

  /** Metrics against the ground truth, and the AP of a COCO results list. */
  #finish(
    result: LabResult,
    truth: Truth | undefined,
    results: { source: string; list: CocoResult[] } | undefined,
    rows: readonly LabRow<LabDecoderId>[],
    decoders: readonly LabDecoderId[],
    k: number,
    scale: Point,
    messages: string[],
    notes: string[],
  ): void {
    const sigmas = k === COCO17_SIGMAS.length ? COCO17_SIGMAS : undefined;
    if (truth) {
      result.truth = { kind: truth.kind, source: truth.source };
      result.metrics = labMetrics({ rows, k, decoders, truths: truth.perSample, scale, names: result.names });
      if (truth.kind === 'points') {
        notes.push(
          `${truth.source} has no boxes: PCK, OKS and AP take each sample's box as the crop without MMPose's 1.25 padding (${fmtSize(result.inputW / 1.25)} × ${fmtSize(result.inputH / 1.25)} px). A COCO keypoints file gives the real boxes.`,
        );
      }
      if (!sigmas)
        notes.push(`OKS and AP need a σ per keypoint; the Lab has COCO-17's, and the input has ${k} keypoints.`);
    }
    if (results) {
      if (truth?.kind !== 'coco' || !truth.coco) {
        messages.push(
          `${results.source}: a COCO results list is scored against the COCO keypoints file it was made for; load that too`,
        );
      } else if (!sigmas) {
        messages.push(`${results.source}: its AP needs a σ per keypoint (COCO-17's, for 17 keypoints)`);
      } else {
        try {
          result.results = { source: results.source, ap: keypointAp(cocoApImages(truth.coco, results.list), sigmas) };
        } catch (error) {
          if (!(error instanceof RangeError)) throw error;
          messages.push(`${results.source}: ${error.message}`);
        }
      }
    }
  }
}

const fmtSize = (v: number) => String(Number(v.toFixed(1)));

/** Each decoder's mean score over its finite scores (the library's summary). */
function meanScores(
  rows: readonly LabRow<LabDecoderId>[],
  decoders: readonly LabDecoderId[],
): Partial<Record<LabDecoderId, number>> {
  const out: Partial<Record<LabDecoderId, number>> = {};
  for (const id of decoders) {
    const scores = rows.flatMap((r) => (r.skipped || !r.points[id] ? [] : [r.points[id].score]));
    const s = summarize(scores);
    if (s.count) out[id] = s.mean;
  }
  return out;
}
