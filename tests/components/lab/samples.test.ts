/**
 * The Lab's samples: each description states the sample's real sizes (the library's constants);
 * the bundled sample fetches its two files from the site with the settings that fit them; the
 * real model's sample runs chapter 9's runtime (mocked here) and says where it ran.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LAB_SAMPLES } from '../../../src/components/lab/samples.ts';
import {
  BLAZEPOSE_HEATMAP_SIZE,
  BLAZEPOSE_INPUT_SIZE,
  BLAZEPOSE_KEYPOINT_COUNT,
  BLAZEPOSE_POSE_LANDMARK_COUNT,
  BLAZEPOSE_STRIDE,
  LAB_SAMPLE,
  type LabStack,
} from '../../../src/lib/index.ts';

const bundled = vi.hoisted(() => ({ accelerator: 'wasm' as 'wasm' | 'webgpu', calls: 0 }));
vi.mock('../../../src/components/figures/blazepose/lab-source.ts', () => ({
  bundledPhotoHeatmaps: async () => {
    bundled.calls += 1;
    const stack: LabStack = { n: 1, k: 2, h: 2, w: 2, data: new Float32Array(8), source: 'BlazePose lite' };
    return { stack, names: ['nose', 'left eye'], stride: 4, regressed: [], accelerator: bundled.accelerator };
  },
}));

const sample = (id: string) => LAB_SAMPLES.find((s) => s.id === id)!;

afterEach(() => vi.unstubAllGlobals());

describe('LAB_SAMPLES', () => {
  it('lists the bundled sample and the real model, each with its button text and status line', () => {
    expect(LAB_SAMPLES.map((s) => s.id)).toEqual(['synthetic', 'blazepose']);
    for (const s of LAB_SAMPLES) {
      expect(s.label).not.toBe('');
      expect(s.opening).toMatch(/…$/);
    }
    expect(sample('blazepose').model).toBe('blazepose');
    expect(sample('synthetic').model).toBeUndefined();
  });

  it("describes the bundled sample with the library's sizes", () => {
    const { n, k, h, w, stride } = LAB_SAMPLE;
    expect(sample('synthetic').description).toContain(`${n} × ${k} maps of ${h} × ${w}`);
    expect(sample('synthetic').description).toContain(`(stride ${stride})`);
  });

  it("describes the real model's maps with the library's sizes", () => {
    const size = BLAZEPOSE_HEATMAP_SIZE;
    const { description } = sample('blazepose');
    expect(description).toContain(`${BLAZEPOSE_KEYPOINT_COUNT} maps of ${size} × ${size}`);
    expect(description).toContain(
      `(${BLAZEPOSE_POSE_LANDMARK_COUNT} landmarks and ${BLAZEPOSE_KEYPOINT_COUNT - BLAZEPOSE_POSE_LANDMARK_COUNT} auxiliary points)`,
    );
    expect(description).toContain(
      `stride ${BLAZEPOSE_STRIDE}, a ${BLAZEPOSE_INPUT_SIZE} × ${BLAZEPOSE_INPUT_SIZE} crop`,
    );
  });
});

describe("the bundled sample's load()", () => {
  it("fetches the site's two files as the reader's own, with the units and stride that fit them", async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (path: string) => {
      fetched.push(path);
      return new Response(new TextEncoder().encode(path));
    });
    const content = await sample('synthetic').load();
    expect(fetched.sort()).toEqual(['/lab/sample-truth.json', '/lab/sample.npy']);
    if (!('input' in content)) throw new Error('expected files');
    expect(content.input.map((f) => [f.name, new TextDecoder().decode(f.bytes)])).toEqual([
      ['sample.npy', '/lab/sample.npy'],
    ]);
    expect(content.truth?.map((f) => f.name)).toEqual(['sample-truth.json']);
    expect(content.state).toEqual({ units: 'input', stride: LAB_SAMPLE.stride });
  });

  it('fails with the path and the HTTP status when a file is missing', async () => {
    vi.stubGlobal('fetch', async (path: string) =>
      path.endsWith('.json') ? new Response('', { status: 404 }) : new Response('x'),
    );
    await expect(sample('synthetic').load()).rejects.toThrow('/lab/sample-truth.json: HTTP 404');
  });
});

describe("the real model's load()", () => {
  it("gives the model's stack with its names, the stride mapping, and a note of where it ran", async () => {
    bundled.accelerator = 'webgpu';
    const content = await sample('blazepose').load();
    if (!('stack' in content)) throw new Error('expected a stack');
    expect(content.names).toEqual(['nose', 'left eye']);
    expect(content.state).toEqual({ units: 'input', stride: 4, mapping: 'stride' });
    expect(content.stack.note).toMatch(/sigmoid/);
    expect(content.stack.note).toMatch(/the model ran on your GPU, through WebGPU$/);
    bundled.accelerator = 'wasm';
    const again = await sample('blazepose').load();
    expect('stack' in again && again.stack.note).toMatch(/the model ran on your CPU, through WebAssembly$/);
    expect(bundled.calls).toBe(2);
  });
});
