/**
 * Fakes for chapter 9's session: a model runtime that answers every input with a made-up result
 * (and logs what it was given), a photo of known pixels, the page's URL, and fake timers.
 */
import { vi } from 'vitest';
import type { BlazePoseRuntime } from '../../../../../src/components/figures/blazepose/runtime.ts';
import type { Photo } from '../../../../../src/lib/index.ts';
import { madeUpRun } from './after-run.ts';

/** A `width` × `height` RGBA photo (by default the bundled one's size), patterned so that crops differ. */
export function testPhoto(width = 512, height = 512): Photo {
  const data = Uint8ClampedArray.from({ length: width * height * 4 }, (_, i) => (i * 7) % 256);
  return { data, width, height, channels: 4 };
}

/** A runtime whose runs log their inputs and answer `madeUpRun(0)`; `fail` makes every run reject. */
export function fakeRuntime(options: { fail?: string } = {}) {
  const inputs: Float32Array[] = [];
  const runtime: BlazePoseRuntime = {
    accelerator: 'wasm',
    fullyAccelerated: false,
    fallback: 'WebGPU: no adapter',
    run: () => Promise.reject(new Error('not used')),
    async runResult(input) {
      inputs.push(input);
      if (options.fail) throw new Error(options.fail);
      return madeUpRun(0);
    },
    dispose: vi.fn(),
  };
  return { runtime, inputs };
}

/** Stubs the page's URL (with `search`) and history, which the chapter's store reads and writes. */
export function stubUrl(search = ''): void {
  let url = new URL(`https://example.test/chapters/09-blazepose/${search}`);
  vi.stubGlobal('location', {
    get href() {
      return url.href;
    },
    get search() {
      return url.search;
    },
  });
  vi.stubGlobal('history', {
    state: null,
    replaceState: (_s: unknown, _t: string, next: URL) => (url = new URL(next)),
  });
}

/** Fake timers, `performance.now` included (the session's delays and timings read it). */
export function fakeTime(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] });
}
