/** The Decoder Lab's real-model sample: the bundled photo's crops, one run each, stacked; the model freed. */
import { describe, expect, it, vi } from 'vitest';
import { ASTRONAUT_DEFAULT_CROP, resampleCrop, shiftCrop, type Photo } from '../../../../src/lib/index.ts';
import { syntheticResult } from '../../../lib/blazepose/synthetic.ts';

const photo: Photo = {
  data: Uint8Array.from({ length: 512 * 512 * 3 }, (_, i) => (i * 7) % 256),
  width: 512,
  height: 512,
  channels: 3,
};
const inputs: Float32Array[] = [];
const dispose = vi.fn();

vi.mock('../../../../src/components/figures/blazepose/photo.ts', () => ({
  BUNDLED_PHOTO_URL: '/photos/astronaut.jpg',
  photoFromUrl: vi.fn(async () => photo),
}));
vi.mock('../../../../src/components/figures/blazepose/runtime.ts', () => ({
  loadBlazePose: vi.fn(async () => ({
    accelerator: 'wasm',
    runResult: async (input: Float32Array) => {
      inputs.push(input);
      return syntheticResult([{ x: 10 + inputs.length, y: 20 }], [{ x: 40, y: 80 }]);
    },
    dispose,
  })),
}));

describe('bundledPhotoHeatmaps', () => {
  it('runs the model on the default crop moved by each shift, stacks the maps and frees the model', async () => {
    const { bundledPhotoHeatmaps } = await import('../../../../src/components/figures/blazepose/lab-source.ts');
    const r = await bundledPhotoHeatmaps({ shifts: [0, 0.5] });
    expect(inputs).toEqual([
      resampleCrop(photo, ASTRONAUT_DEFAULT_CROP),
      resampleCrop(photo, shiftCrop(ASTRONAUT_DEFAULT_CROP, 0.5)),
    ]);
    expect([r.stack.n, r.stack.k, r.stack.h, r.stack.w]).toEqual([2, 1, 64, 64]);
    expect(r.stack.source).toContain('shifted by 0, 0.5 px');
    expect([r.accelerator, r.stride, r.regressed.length]).toEqual(['wasm', 4, 2]);
    expect(dispose).toHaveBeenCalledOnce();
  });
});
