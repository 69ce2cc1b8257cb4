/**
 * Chapter 9's model runtime: BlazePose's lite landmark model on LiteRT.js (@litertjs/core), served
 * by the site itself (`assets.ts`). Nothing is downloaded until `loadBlazePose` is called: the
 * LiteRT.js module is a dynamic import, its WebAssembly and the model are fetched then. It tries
 * WebGPU, then WebAssembly (XNNPACK on the CPU), and says which ran and why another did not.
 *
 * Runs on the page's main thread: LiteRT.js loads its WebAssembly glue with a <script> element (or
 * importScripts in a classic worker); a module worker, which has neither, cannot load it. Under the
 * site's CSP it needs only script-src 'self' 'wasm-unsafe-eval' and connect-src 'self'.
 */
import { readBlazePoseOutputs, type BlazePoseRawOutputs, type BlazePoseResult } from '../../../lib/index.ts';
import { BLAZEPOSE_INPUT_SHAPE, BLAZEPOSE_OUTPUTS } from '../../../lib/index.ts';
import { BLAZEPOSE_MODEL_URL, LITERT_WASM_DIR } from './assets.ts';

/** The accelerators the chapter offers, best first. */
export type BlazePoseAccelerator = 'webgpu' | 'wasm';

/** Why the model cannot run here: the reader's message names it. */
export type BlazePoseErrorReason = 'no-webassembly' | 'runtime-failed' | 'model-failed' | 'bad-input' | 'bad-output';

/** An error with a reason a figure can turn into a message; `message` is already a sentence for the reader. */
export class BlazePoseError extends Error {
  readonly reason: BlazePoseErrorReason;
  constructor(reason: BlazePoseErrorReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BlazePoseError';
    this.reason = reason;
  }
}

/** What this browser offers, checked without downloading anything. */
export interface BlazePoseSupport {
  webassembly: boolean;
  /** `navigator.gpu` exists (an adapter may still be refused when the model compiles). */
  webgpu: boolean;
}

/** Checks for WebAssembly and WebGPU; downloads nothing. */
export function blazePoseSupport(): BlazePoseSupport {
  return {
    webassembly: typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function',
    webgpu: typeof navigator !== 'undefined' && 'gpu' in navigator && Boolean((navigator as { gpu?: unknown }).gpu),
  };
}

/** The model's outputs that the chapter reads, plus the two it does not decode. */
export interface BlazePoseRunOutputs extends BlazePoseRawOutputs {
  /** `Identity_2`, 256·256 segmentation logits. */
  segmentation: Float32Array;
  /** `Identity_4`, 39 × 3 world landmarks in metres. */
  worldLandmarks: Float32Array;
}

/** A loaded model, ready to run. */
export interface BlazePoseRuntime {
  /** The accelerator that compiled the model. */
  readonly accelerator: BlazePoseAccelerator;
  /** For WebGPU: whether every operation runs on the GPU (otherwise LiteRT.js runs it all on WASM). */
  readonly fullyAccelerated: boolean;
  /** Why a better accelerator was not used (e.g. "WebGPU: no adapter"), or null. */
  readonly fallback: string | null;
  /** Runs the model on one [1, 256, 256, 3] input (RGB in 0–1, channels last) and returns its outputs. */
  run(input: Float32Array): Promise<BlazePoseRunOutputs>;
  /** `run`, read into the site's shapes (`src/lib/blazepose`). */
  runResult(input: Float32Array): Promise<BlazePoseResult>;
  /** Frees the compiled model (LiteRT.js manages memory by hand). */
  dispose(): void;
}

/** Options of {@link loadBlazePose}; the defaults are the site's own files and WebGPU, then WASM. */
export interface BlazePoseLoadOptions {
  accelerators?: readonly BlazePoseAccelerator[];
  modelUrl?: string;
  wasmDir?: string;
}

type LiteRtModule = typeof import('@litertjs/core');

let liteRt: Promise<LiteRtModule> | null = null;

const LOG_LINES = 200;
const runtimeLog: string[] = [];

/**
 * The last lines LiteRT.js's WebAssembly printed. Its C++ logging (INFO lines as it sets up, a
 * WARNING that no NPU exists) goes to stderr, which Emscripten sends to console.error; the runtime
 * keeps it here instead, and passes on only lines that start with ERROR, as warnings.
 */
export function blazePoseRuntimeLog(): readonly string[] {
  return runtimeLog;
}

function keepLog(line: string): void {
  runtimeLog.push(line);
  if (runtimeLog.length > LOG_LINES) runtimeLog.shift();
  if (line.startsWith('ERROR')) console.warn(`LiteRT.js: ${line}`);
}

/** LiteRT.js, imported and its WebAssembly loaded once per page. */
function loadLiteRtOnce(wasmDir: string): Promise<LiteRtModule> {
  liteRt ??= (async () => {
    const module = await import('@litertjs/core');
    // LiteRT.js's loader hands a global `Module`, when one is set, to the Emscripten factory as its
    // settings (and clears it after): the way to give it our print functions.
    (globalThis as { Module?: unknown }).Module = { print: keepLog, printErr: keepLog };
    await module.loadLiteRt(wasmDir);
    return module;
  })().catch((error: unknown) => {
    (globalThis as { Module?: unknown }).Module = undefined;
    liteRt = null;
    throw new BlazePoseError(
      'runtime-failed',
      `The model's runtime (LiteRT.js) could not start in this browser: ${describe(error)}`,
      { cause: error },
    );
  });
  return liteRt;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  // A script that failed to load rejects with its 'error' event, whose String() says nothing.
  if (typeof Event !== 'undefined' && error instanceof Event) {
    const src = (error.target as { src?: unknown } | null)?.src;
    const file = typeof src === 'string' && src ? new URL(src, location.href).pathname : 'a file it needs';
    return `${file} could not be downloaded from this site`;
  }
  return String(error);
}

const INPUT_LENGTH = BLAZEPOSE_INPUT_SHAPE.reduce((a: number, b: number) => a * b, 1);

/**
 * Loads the runtime and compiles the model on the first accelerator that works, in the order given
 * (default WebGPU, then WASM). Throws a {@link BlazePoseError} when WebAssembly is missing or no
 * accelerator compiles the model.
 */
export async function loadBlazePose(options: BlazePoseLoadOptions = {}): Promise<BlazePoseRuntime> {
  const support = blazePoseSupport();
  if (!support.webassembly) {
    throw new BlazePoseError(
      'no-webassembly',
      'This browser has no WebAssembly (or it is turned off), which the model needs even on the GPU.',
    );
  }
  const accelerators = options.accelerators ?? ['webgpu', 'wasm'];
  const litert = await loadLiteRtOnce(options.wasmDir ?? LITERT_WASM_DIR);
  const skipped: string[] = [];
  for (const accelerator of accelerators) {
    if (accelerator === 'webgpu') {
      if (!(support.webgpu && litert.isWebGPUSupported())) {
        skipped.push('WebGPU: not offered by this browser');
        continue;
      }
      // LiteRT.js asked for a GPU as it loaded; without an adapter it has no device to compile on.
      if (!litert.getWebGpuDevice()) {
        skipped.push('WebGPU: the browser gave no GPU adapter');
        continue;
      }
    }
    let model: Awaited<ReturnType<LiteRtModule['loadAndCompile']>>;
    try {
      model = await litert.loadAndCompile(options.modelUrl ?? BLAZEPOSE_MODEL_URL, { accelerator });
    } catch (error) {
      skipped.push(`${accelerator === 'webgpu' ? 'WebGPU' : 'WebAssembly'}: ${describe(error)}`);
      continue;
    }
    // A model that compiled but lacks an output the chapter reads is the wrong model, on any
    // accelerator: say so (bad-output), and free it.
    try {
      return wrap(litert, model, accelerator, skipped.length ? skipped.join('; ') : null);
    } catch (error) {
      model.delete();
      throw error;
    }
  }
  throw new BlazePoseError('model-failed', `The model could not be compiled here (${skipped.join('; ')}).`);
}

function wrap(
  litert: LiteRtModule,
  model: Awaited<ReturnType<LiteRtModule['loadAndCompile']>>,
  accelerator: BlazePoseAccelerator,
  fallback: string | null,
): BlazePoseRuntime {
  const outputNames = model.getOutputDetails().map((d) => d.name);
  const expected = Object.values(BLAZEPOSE_OUTPUTS);
  for (const { name } of expected) {
    if (!outputNames.includes(name)) {
      throw new BlazePoseError(
        'bad-output',
        `The model has no output named ${name} (it has ${outputNames.join(', ')}).`,
      );
    }
  }
  const run = async (input: Float32Array): Promise<BlazePoseRunOutputs> => {
    if (!(input instanceof Float32Array) || input.length !== INPUT_LENGTH) {
      throw new BlazePoseError('bad-input', `The model takes ${INPUT_LENGTH} float32 values (1 × 256 × 256 × 3).`);
    }
    const tensor = new litert.Tensor(input, [...BLAZEPOSE_INPUT_SHAPE]);
    let outputs: Awaited<ReturnType<typeof model.run>> | null = null;
    try {
      outputs = await model.run(tensor);
      const byName: Record<string, Float32Array> = {};
      for (const [i, out] of outputs.entries()) {
        const data = await out.data();
        if (!(data instanceof Float32Array)) {
          throw new BlazePoseError('bad-output', `Output ${outputNames[i]} is not float32.`);
        }
        // A copy: the tensor's memory is freed below.
        byName[outputNames[i] as string] = data.slice();
      }
      const take = (key: keyof typeof BLAZEPOSE_OUTPUTS): Float32Array => {
        const { name, shape } = BLAZEPOSE_OUTPUTS[key];
        const data = byName[name];
        const length = shape.reduce((a: number, b: number) => a * b, 1);
        if (!data || data.length !== length) {
          throw new BlazePoseError('bad-output', `Output ${name} has ${data?.length ?? 0} values, not ${length}.`);
        }
        return data;
      };
      return {
        landmarks: take('landmarks'),
        poseFlag: take('poseFlag'),
        segmentation: take('segmentation'),
        heatmaps: take('heatmaps'),
        worldLandmarks: take('worldLandmarks'),
      };
    } finally {
      tensor.delete();
      for (const out of outputs ?? []) out.delete();
    }
  };
  return {
    accelerator,
    fullyAccelerated: model.isFullyAccelerated,
    fallback,
    run,
    runResult: async (input) => readBlazePoseOutputs(await run(input)),
    dispose: () => model.delete(),
  };
}
