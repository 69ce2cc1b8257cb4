/**
 * The backend ladder of chapter 8: WebGPU, else WebGL, else WebAssembly, else the CPU. Each
 * rung is tried in order and the first that initialises is used. WebAssembly cannot train a
 * convolutional network (TF.js has no Conv2DBackpropFilter for it), so the training ladder
 * skips it. Float16 GPUs are reported: their rounding can swamp sub-pixel differences.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

/** The backends, fastest first. */
export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
/** One backend. */
export type BackendName = (typeof BACKENDS)[number];
/** The ladder for inference. */
export const INFERENCE_LADDER: readonly BackendName[] = BACKENDS;
/** The ladder for training (WebAssembly cannot train convolutions). */
export const TRAINING_LADDER: readonly BackendName[] = ['webgpu', 'webgl', 'cpu'];

/** The backend in use and what the reader should know about it. */
export interface BackendChoice {
  name: BackendName;
  /** The rungs that failed on the way, with why. */
  skipped: { name: BackendName; reason: string }[];
  /** True when the GPU computes in float16. */
  float16: boolean;
}

let wasmConfigured = false;

/** Whether the browser offers a WebGPU adapter (asking first keeps TF.js from logging a failure). */
async function hasWebgpuAdapter(): Promise<boolean> {
  const gpu = (globalThis.navigator as (Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }) | undefined)?.gpu;
  if (!gpu) return false;
  try {
    return Boolean(await gpu.requestAdapter());
  } catch {
    return false;
  }
}

/** Tries each rung of the ladder in order; resolves with the first that works. */
export async function chooseBackend(ladder: readonly BackendName[]): Promise<BackendChoice> {
  const skipped: BackendChoice['skipped'] = [];
  for (const name of ladder) {
    try {
      if (name === 'wasm' && !wasmConfigured) {
        // The site's own copies of the .wasm files (Vite emits them with the build).
        setWasmPaths({
          'tfjs-backend-wasm.wasm': wasmPlain,
          'tfjs-backend-wasm-simd.wasm': wasmSimd,
          'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
        });
        wasmConfigured = true;
      }
      if (name === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
      if (name === 'webgpu' && !(await hasWebgpuAdapter())) {
        skipped.push({ name, reason: 'no WebGPU adapter' });
        continue;
      }
      if (await tf.setBackend(name)) {
        await tf.ready();
        // TF.js stores WebGL tensors in half floats when the GPU cannot render float32 (or the flag forces it).
        const float16 = name === 'webgl' && !tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED');
        return { name, skipped, float16 };
      }
      skipped.push({ name, reason: 'did not initialise' });
      dropBackend(name);
    } catch (error) {
      skipped.push({ name, reason: (error as Error).message.split('\n')[0] ?? 'failed' });
      dropBackend(name);
    }
  }
  throw new Error(`no TensorFlow.js backend works here (tried ${ladder.join(', ')})`);
}

/**
 * Honours TF.js's debugging convention `?tfjsflags=WEBGL_FORCE_F16_TEXTURES:true` from the
 * page's query (a worker's own location has none): WebGL then stores tensors in half floats,
 * as on a phone whose GPU cannot render float32. Only that flag is read; the rest is ignored.
 * Call before the WebGL backend starts.
 */
export function applyPageFlags(search: string): void {
  const flags = new URLSearchParams(search).get('tfjsflags') ?? '';
  for (const pair of flags.split(',')) {
    if (pair.trim() === 'WEBGL_FORCE_F16_TEXTURES:true') tf.env().set('WEBGL_FORCE_F16_TEXTURES', true);
  }
}

/** Removes a backend that failed (a lost WebGL context, say) so that the ladder moves on. */
export function dropBackend(name: BackendName): void {
  if (tf.findBackend(name)) tf.removeBackend(name);
}

/** Makes the current WebGL backend lose its context, as a crashed or reclaimed GPU would. */
export function loseWebglContext(): boolean {
  const backend = tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } };
  const ext = backend.gpgpu?.gl?.getExtension('WEBGL_lose_context');
  ext?.loseContext();
  return Boolean(ext);
}

/** Whether the current backend is WebGL and its context is lost. */
export function webglContextLost(): boolean {
  if (tf.getBackend() !== 'webgl') return false;
  const backend = tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } };
  return backend.gpgpu?.gl?.isContextLost() ?? false;
}
