/**
 * Chapter 9's model runtime over a fake LiteRT.js (`@litertjs/core` mocked): nothing loads before
 * `loadBlazePose`; it tries WebGPU, then WebAssembly, and says why a better one was not used; each
 * failure is a `BlazePoseError` with a sentence for the reader; a run checks its input, copies the
 * outputs by name, frees every tensor, and reads them with the library.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BLAZEPOSE_INPUT_SHAPE, BLAZEPOSE_OUTPUTS, readBlazePoseOutputs } from '../../../../src/lib/index.ts';

type Runtime = typeof import('../../../../src/components/figures/blazepose/runtime.ts');

/** What the fake LiteRT.js does, set per test. */
const lite = vi.hoisted(() => ({
  loads: [] as string[],
  loadFails: null as unknown,
  webgpu: true,
  device: true as unknown,
  compiled: [] as { url: string; accelerator: string }[],
  compileFails: {} as Record<string, Error>,
  outputs: [] as { name: string; values: Float32Array | Int32Array }[],
  deleted: [] as string[],
  fully: true,
  printed: null as null | { print: (l: string) => void; printErr: (l: string) => void },
}));

vi.mock('@litertjs/core', () => ({
  async loadLiteRt(dir: string) {
    lite.loads.push(dir);
    lite.printed = (globalThis as { Module?: typeof lite.printed }).Module ?? null;
    if (lite.loadFails) throw lite.loadFails;
  },
  isWebGPUSupported: () => lite.webgpu,
  getWebGpuDevice: () => lite.device,
  async loadAndCompile(url: string, { accelerator }: { accelerator: string }) {
    lite.compiled.push({ url, accelerator });
    const failure = lite.compileFails[accelerator];
    if (failure) throw failure;
    return {
      isFullyAccelerated: lite.fully,
      getOutputDetails: () => lite.outputs.map(({ name }) => ({ name })),
      async run() {
        return lite.outputs.map(({ name, values }) => ({
          data: async () => values,
          delete: () => lite.deleted.push(name),
        }));
      },
      delete: () => lite.deleted.push('model'),
    };
  },
  Tensor: class {
    constructor(
      readonly data: Float32Array,
      readonly shape: number[],
    ) {}
    delete() {
      lite.deleted.push('input');
    }
  },
}));

/** The model's five outputs, each of its shape's length, in the model's order. */
const fullOutputs = () =>
  Object.values(BLAZEPOSE_OUTPUTS).map(({ name, shape }) => ({
    name,
    values: Float32Array.from({ length: shape.reduce((a: number, b: number) => a * b, 1) }, (_, i) => (i % 7) / 7),
  }));
const INPUT = new Float32Array(BLAZEPOSE_INPUT_SHAPE.reduce((a: number, b: number) => a * b, 1));

let runtime: Runtime;
beforeEach(async () => {
  Object.assign(lite, {
    loads: [],
    loadFails: null,
    webgpu: true,
    device: {},
    compiled: [],
    compileFails: {},
    outputs: fullOutputs(),
    deleted: [],
    fully: true,
    printed: null,
  });
  vi.stubGlobal('navigator', { gpu: {} });
  vi.resetModules();
  runtime = await import('../../../../src/components/figures/blazepose/runtime.ts');
});
afterEach(() => vi.unstubAllGlobals());

describe('blazePoseSupport()', () => {
  it('sees WebAssembly and navigator.gpu, downloading nothing', () => {
    expect(runtime.blazePoseSupport()).toEqual({ webassembly: true, webgpu: true });
    vi.stubGlobal('navigator', {});
    expect(runtime.blazePoseSupport().webgpu).toBe(false);
    expect(lite.loads).toEqual([]);
  });
});

describe('loadBlazePose(options)', () => {
  it("compiles the site's model on WebGPU first, from the site's runtime folder", async () => {
    const model = await runtime.loadBlazePose();
    expect(lite.loads).toEqual(['/blazepose/litert-2.5.3/']);
    expect(lite.compiled).toEqual([
      { url: expect.stringMatching(/^\/blazepose\/pose_landmark_lite-.*\.tflite$/), accelerator: 'webgpu' },
    ]);
    expect([model.accelerator, model.fullyAccelerated, model.fallback]).toEqual(['webgpu', true, null]);
  });

  it('falls back to WebAssembly and says why: no WebGPU, no adapter, or a failed compile', async () => {
    vi.stubGlobal('navigator', {});
    expect((await runtime.loadBlazePose()).fallback).toBe('WebGPU: not offered by this browser');
    vi.stubGlobal('navigator', { gpu: {} });
    lite.device = null;
    expect((await runtime.loadBlazePose()).fallback).toBe('WebGPU: the browser gave no GPU adapter');
    lite.device = {};
    lite.compileFails.webgpu = new Error('unsupported op');
    const model = await runtime.loadBlazePose();
    expect([model.accelerator, model.fallback]).toEqual(['wasm', 'WebGPU: unsupported op']);
  });

  it('loads the runtime once per page', async () => {
    await runtime.loadBlazePose();
    await runtime.loadBlazePose({ accelerators: ['wasm'] });
    expect(lite.loads).toHaveLength(1);
  });

  it('refuses a browser without WebAssembly before loading anything', async () => {
    vi.stubGlobal('WebAssembly', undefined);
    const error = await runtime.loadBlazePose().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(runtime.BlazePoseError);
    expect(error).toMatchObject({
      reason: 'no-webassembly',
      message: 'This browser has no WebAssembly (or it is turned off), which the model needs even on the GPU.',
    });
    expect(lite.loads).toEqual([]);
  });

  it('says the runtime could not start, and tries again on the next call', async () => {
    lite.loadFails = new Error('wasm streaming compile failed');
    await expect(runtime.loadBlazePose()).rejects.toMatchObject({
      reason: 'runtime-failed',
      message: "The model's runtime (LiteRT.js) could not start in this browser: wasm streaming compile failed",
    });
    lite.loadFails = null;
    await expect(runtime.loadBlazePose()).resolves.toMatchObject({ accelerator: 'webgpu' });
    expect(lite.loads).toHaveLength(2);
  });

  it('names the file a failed script load could not download', async () => {
    vi.stubGlobal('location', new URL('https://example.org/chapters/09/'));
    class ScriptEvent extends Event {
      override get target() {
        return { src: 'https://example.org/blazepose/litert-2.5.3/litert_wasm_internal.js' } as unknown as EventTarget;
      }
    }
    lite.loadFails = new ScriptEvent('error');
    await expect(runtime.loadBlazePose()).rejects.toThrow(
      "The model's runtime (LiteRT.js) could not start in this browser: /blazepose/litert-2.5.3/litert_wasm_internal.js could not be downloaded from this site",
    );
  });

  it('says why no accelerator compiled the model', async () => {
    lite.compileFails = { webgpu: new Error('out of memory'), wasm: new Error('bad flatbuffer') };
    await expect(runtime.loadBlazePose()).rejects.toMatchObject({
      reason: 'model-failed',
      message: 'The model could not be compiled here (WebGPU: out of memory; WebAssembly: bad flatbuffer).',
    });
  });

  it('refuses a model without one of the outputs the chapter reads, naming it, and frees it', async () => {
    lite.outputs = fullOutputs().filter((o) => o.name !== BLAZEPOSE_OUTPUTS.heatmaps.name);
    const error = await runtime.loadBlazePose().catch((e: unknown) => e);
    // The wrong model on any accelerator: refused as such, not compiled again elsewhere.
    expect(error).toBeInstanceOf(runtime.BlazePoseError);
    expect(error).toMatchObject({
      reason: 'bad-output',
      message: `The model has no output named ${BLAZEPOSE_OUTPUTS.heatmaps.name} (it has Identity, Identity_1, Identity_2, Identity_4).`,
    });
    expect(lite.compiled).toHaveLength(1);
    expect(lite.deleted).toContain('model');
  });
});

describe("LiteRT.js's log", () => {
  it('keeps what the runtime prints, passing on only errors as warnings', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await runtime.loadBlazePose();
    lite.printed!.printErr('INFO: Created TensorFlow Lite XNNPACK delegate');
    lite.printed!.print('ERROR: no NPU');
    expect(runtime.blazePoseRuntimeLog()).toEqual(['INFO: Created TensorFlow Lite XNNPACK delegate', 'ERROR: no NPU']);
    expect(warn).toHaveBeenCalledWith('LiteRT.js: ERROR: no NPU');
    for (let i = 0; i < 250; i++) lite.printed!.print(`line ${i}`);
    expect(runtime.blazePoseRuntimeLog()).toHaveLength(200);
    expect(runtime.blazePoseRuntimeLog().at(-1)).toBe('line 249');
    warn.mockRestore();
  });
});

describe('BlazePoseRuntime.run(input) and runResult(input)', () => {
  it('gives each output by name, as copies, and frees the input and the outputs', async () => {
    const model = await runtime.loadBlazePose();
    const out = await model.run(INPUT);
    const byName = Object.fromEntries(lite.outputs.map((o) => [o.name, o.values]));
    expect(out.heatmaps).toEqual(byName[BLAZEPOSE_OUTPUTS.heatmaps.name]);
    expect(out.heatmaps).not.toBe(byName[BLAZEPOSE_OUTPUTS.heatmaps.name]);
    expect(out.worldLandmarks).toEqual(byName[BLAZEPOSE_OUTPUTS.worldLandmarks.name]);
    expect(lite.deleted.sort()).toEqual(['Identity', 'Identity_1', 'Identity_2', 'Identity_3', 'Identity_4', 'input']);
  });

  it("reads a run with the library's readBlazePoseOutputs", async () => {
    lite.outputs = fullOutputs().map((o) => (o.name === 'Identity_1' ? { ...o, values: Float32Array.of(0.9) } : o));
    const model = await runtime.loadBlazePose();
    const raw = await model.run(INPUT);
    expect(await model.runResult(INPUT)).toEqual(readBlazePoseOutputs(raw));
  });

  it('refuses an input of the wrong length or type', async () => {
    const model = await runtime.loadBlazePose();
    await expect(model.run(new Float32Array(10))).rejects.toMatchObject({
      reason: 'bad-input',
      message: 'The model takes 196608 float32 values (1 × 256 × 256 × 3).',
    });
    await expect(model.run(Array.from(INPUT) as unknown as Float32Array)).rejects.toMatchObject({
      reason: 'bad-input',
    });
  });

  it('refuses an output that is not float32 or not of its length, freeing the tensors still', async () => {
    lite.outputs = fullOutputs().map((o) => (o.name === 'Identity_2' ? { ...o, values: new Int32Array(4) } : o));
    let model = await runtime.loadBlazePose();
    await expect(model.run(INPUT)).rejects.toMatchObject({
      reason: 'bad-output',
      message: 'Output Identity_2 is not float32.',
    });
    expect(lite.deleted).toContain('input');
    lite.outputs = fullOutputs().map((o) => (o.name === 'Identity_1' ? { ...o, values: new Float32Array(2) } : o));
    model = await runtime.loadBlazePose();
    await expect(model.run(INPUT)).rejects.toMatchObject({ message: 'Output Identity_1 has 2 values, not 1.' });
  });

  it('frees the compiled model when disposed', async () => {
    const model = await runtime.loadBlazePose();
    model.dispose();
    expect(lite.deleted).toEqual(['model']);
  });
});
