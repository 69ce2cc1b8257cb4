/**
 * What the Decoder Lab's worker holds between requests: the reader's input (a heatmap stack or a
 * SimCC pair, read by the library's `readLabInput`), the flipped image's maps, the ground-truth
 * files (read once the number of maps is known, and kept while it stays), and the stack last
 * decoded, for the map view. Reading files here, off the main thread, means a hostile file (a
 * JSON array 5,000 deep, a 30 MB CSV) costs the page nothing. No DOM, no policy: planning and
 * decoding are the library's (`planLabDecode`, `runLabPlan`, `labResult`).
 */
import {
  checkGroundTruthSize,
  heatmapInput,
  inputSummary,
  LabInputError,
  labResultsAlone,
  planLabDecode,
  readGroundTruth,
  readLabInput,
  type InputSummary,
  type LabFile,
  type LabInput,
  type LabPlan,
  type LabResult,
  type LabRun,
  type LabSimcc,
  type LabStack,
  type ReadOptions,
  type ReadTruthFile,
} from '../../../lib/index.ts';
import type { LoadOutcome, MapValues } from './protocol.ts';

/** Files read in a slot, and how, so that they can be read again another way. */
interface Slot {
  files?: LabFile[];
  options: ReadOptions;
}

export class LabFiles {
  #input?: LabInput;
  #inputSlot: Slot = { options: { layout: 'auto' } };
  #flipped?: LabStack;
  #flippedSimcc?: LabSimcc;
  #flippedSlot: Slot = { options: { layout: 'auto' } };
  #truthFiles: { name: string; text: string }[] = [];
  /** The ground-truth files as read for `expected` maps. */
  #truthRead?: { expected: number; files: ReadTruthFile[] };
  /** The stack last decoded (the flip test's average, or the input), for the map view. */
  #decoded?: LabStack;

  /** Loads the reader's input; a refused file leaves nothing loaded. */
  loadInput(files: LabFile[], options: ReadOptions): LoadOutcome {
    this.#inputSlot = { files, options };
    return this.#readInput();
  }

  /** Reads the input again with another layout or archive member (files only; undefined for a stack made on the page). */
  rereadInput(options: Partial<ReadOptions>): LoadOutcome | undefined {
    if (!this.#inputSlot.files) return undefined;
    this.#inputSlot.options = { ...this.#inputSlot.options, ...options };
    return this.#readInput();
  }

  #readInput(): LoadOutcome {
    this.#input = undefined;
    this.#decoded = undefined;
    const read = readLabInput(this.#inputSlot.files ?? [], this.#inputSlot.options);
    if ('arrays' in read) return { choose: read };
    this.#input = read;
    return { loaded: inputSummary(read) };
  }

  /**
   * Loads a stack made on the page (PNG images, a model's maps), which cannot be read again, with
   * its keypoint names when it has them (a ground truth's names still come first).
   */
  setStack(stack: LabStack, names?: string[]): InputSummary {
    this.#inputSlot = { options: this.#inputSlot.options };
    this.#decoded = undefined;
    this.#input = heatmapInput(stack, names);
    return inputSummary(this.#input);
  }

  /** Loads the flipped image's heatmaps or SimCC vectors (shaped like the input). */
  loadFlipped(files: LabFile[], options: ReadOptions): LoadOutcome {
    this.#flippedSlot = { files, options };
    this.#flipped = undefined;
    this.#flippedSimcc = undefined;
    // Heatmaps, or SimCC vectors (two .npy files, or a .npz of simcc_x and simcc_y) for RTMPose's flip test.
    const read = readLabInput(files, options);
    if ('arrays' in read) return { choose: read };
    if (read.kind === 'simcc') this.#flippedSimcc = read.simcc;
    else this.#flipped = read.stack;
    return { loaded: inputSummary(read) };
  }

  /** Reads the flipped stack again with another layout or archive member. */
  rereadFlipped(options: Partial<ReadOptions>): LoadOutcome | undefined {
    const { files } = this.#flippedSlot;
    return files ? this.loadFlipped(files, { ...this.#flippedSlot.options, ...options }) : undefined;
  }

  clearFlipped(): void {
    this.#flipped = undefined;
    this.#flippedSimcc = undefined;
    this.#flippedSlot = { options: this.#flippedSlot.options };
  }

  /**
   * Takes ground-truth files (points, a COCO keypoints file, a COCO results list): sizes are
   * checked before the bytes are read as text; reading waits for the decode, which knows how many
   * maps there are.
   */
  setTruth(files: LabFile[]): void {
    this.clearTruth();
    for (const f of files) checkGroundTruthSize(f.name, f.bytes.byteLength);
    this.#truthFiles = files.map((f) => ({ name: f.name, text: new TextDecoder().decode(f.bytes) }));
  }

  clearTruth(): void {
    this.#truthFiles = [];
    this.#truthRead = undefined;
  }

  #truth(expected: number): ReadTruthFile[] {
    if (this.#truthRead?.expected !== expected) {
      const files = this.#truthFiles.map(({ name, text }): ReadTruthFile => {
        try {
          return { name, file: readGroundTruth(text, name, expected) };
        } catch (error) {
          if (!(error instanceof LabInputError)) throw error;
          return { name, error: error.message };
        }
      });
      this.#truthRead = { expected, files };
    }
    return this.#truthRead.files;
  }

  /** With no heatmaps loaded: a COCO results list scored against its ground truth, if one is given. */
  resultsAlone(sigmas: readonly number[]): LabResult | undefined {
    if (this.#input || !this.#truthFiles.length) return undefined;
    return labResultsAlone(this.#truth(Number.NaN), sigmas);
  }

  /** The plan of a decode of what is loaded under `run`, or undefined when nothing is. */
  plan(run: LabRun): LabPlan | undefined {
    const input = this.#input;
    if (!input) return undefined;
    const { n, k } = input.kind === 'heatmaps' ? input.stack : input.simcc;
    return planLabDecode(input, run, {
      ...(this.#flipped ? { flipped: this.#flipped } : {}),
      ...(this.#flippedSimcc ? { flippedSimcc: this.#flippedSimcc } : {}),
      truth: this.#truth(n * k),
    });
  }

  /** Remembers which stack a finished plan decoded, for the map view. */
  decoded(plan: LabPlan): void {
    this.#decoded = plan.kind === 'heatmaps' ? plan.variants[0]?.stack : undefined;
  }

  /** The values of map `index` as last decoded (heatmaps), or its two vectors (SimCC): copies. */
  mapAt(index: number): MapValues | undefined {
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
}
