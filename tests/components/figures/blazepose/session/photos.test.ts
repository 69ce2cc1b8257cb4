/** The photos chapter 9's session can crop. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CROP } from '../../../../../src/components/state/ch9.ts';
import { defaultCropFraction } from '../../../../../src/lib/index.ts';
import { testPhoto } from './fakes.ts';

const bundled = vi.hoisted(() => ({ decoded: 0 }));
vi.mock('../../../../../src/components/figures/blazepose/photo.ts', async () => {
  const { testPhoto } = await import('./fakes.ts');
  return {
    BUNDLED_PHOTO_URL: '/photos/astronaut.jpg',
    photoFromUrl: vi.fn(async (url: string) => {
      if (url !== '/photos/astronaut.jpg') throw new Error(url);
      bundled.decoded += 1;
      return testPhoto();
    }),
  };
});

async function fresh() {
  vi.resetModules();
  bundled.decoded = 0;
  return {
    ...(await import('../../../../../src/components/figures/blazepose/session/photos.ts')),
    ...(await import('../../../../../src/components/figures/blazepose/session/state.ts')),
  };
}
const preview = () => ({ close: vi.fn() }) as unknown as ImageBitmap;

describe('the session’s photos', () => {
  beforeEach(() => vi.resetModules());

  it('hold the bundled photo, whose pixels are decoded once and shown while it is in use', async () => {
    const { BUNDLED_PHOTO, ch9Session, decodeBundled, photoOf } = await fresh();
    expect(photoOf('photo')).toBe(BUNDLED_PHOTO);
    expect([photoOf('own'), photoOf('webcam')]).toEqual([null, null]);
    await decodeBundled();
    await decodeBundled();
    expect(bundled.decoded).toBe(1);
    expect(photoOf('photo')?.pixels).toEqual(testPhoto());
    expect(ch9Session.get().photo).toBe(photoOf('photo'));
  });

  it('decode the bundled photo without showing it while the reader’s photo is in use', async () => {
    const { addPhoto, ch9Session, decodeBundled, photoOf, update } = await fresh();
    update({ photo: addPhoto('own', { photo: testPhoto(300, 200), preview: preview() }) });
    await decodeBundled();
    expect(photoOf('photo')?.pixels).not.toBeNull();
    expect(ch9Session.get().photo.source).toBe('own');
  });

  it('keep the reader’s latest photo of each source under a new id, closing the one it replaces', async () => {
    const { addPhoto, photoOf } = await fresh();
    const first = { photo: testPhoto(300, 200), preview: preview() };
    const own = addPhoto('own', first);
    expect(own).toMatchObject({ id: 1, source: 'own', name: 'your photo', width: 300, height: 200 });
    expect(own.pixels).toBe(first.photo);
    const webcam = addPhoto('webcam', { photo: testPhoto(64, 48), preview: preview() });
    expect(webcam).toMatchObject({ id: 2, name: 'the webcam frame' });
    const again = addPhoto('own', { photo: testPhoto(100, 100), preview: preview() });
    expect(again.id).toBe(3);
    expect(first.preview.close).toHaveBeenCalledOnce();
    expect(webcam.preview?.close).not.toHaveBeenCalled();
    expect(photoOf('own')).toBe(again);
  });

  it('start the bundled photo at its own crop, any other at the library’s default for its size', async () => {
    const { addPhoto, BUNDLED_PHOTO, defaultCrop, defaultCropOf, update } = await fresh();
    expect(defaultCropOf(BUNDLED_PHOTO)).toEqual(DEFAULT_CROP);
    expect(defaultCrop()).toEqual(DEFAULT_CROP);
    const own = addPhoto('own', { photo: testPhoto(300, 200), preview: preview() });
    expect(defaultCropOf(own)).toEqual(defaultCropFraction(300, 200));
    update({ photo: own });
    expect(defaultCrop()).toEqual(defaultCropFraction(300, 200));
  });
});
