/** Chapter 9's session following the chapter's state while figures are connected, and the reader's photos. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CROP } from '../../../../../src/components/state/ch9.ts';
import { defaultCropFraction } from '../../../../../src/lib/index.ts';
import { fakeTime, stubUrl, testPhoto } from './fakes.ts';

// The runs are the pump's: here, only what the session aims them at.
const pump = vi.hoisted(() => ({ aim: vi.fn(), wantSweep: vi.fn() }));
vi.mock('../../../../../src/components/figures/blazepose/session/pump.ts', () => pump);

// Fake timers: the store's URL writes never outlive a test's stubbed URL.
beforeEach(fakeTime);
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** A fresh session on a page whose query is `search`. */
async function session(search = '') {
  vi.resetModules();
  pump.aim.mockClear();
  pump.wantSweep.mockClear();
  stubUrl(search);
  const { chapterStore } = await import('../../../../../src/components/ui/store.ts');
  const { pick } = await import('../../../../../src/components/ui/params.ts');
  const { ch9 } = await import('../../../../../src/components/state/ch9.ts');
  return {
    ...(await import('../../../../../src/components/figures/blazepose/session/follow.ts')),
    ...(await import('../../../../../src/components/figures/blazepose/session/state.ts')),
    ...(await import('../../../../../src/components/figures/blazepose/session/photos.ts')),
    /** The chapter's store, as a figure sees it. */
    store: () => chapterStore('ch9', pick(ch9, 'src', 'cx', 'cy', 'side')),
  };
}
const decoded = (width: number, height: number) => ({
  photo: testPhoto(width, height),
  preview: { close: vi.fn() } as unknown as ImageBitmap,
});

describe('connectSession', () => {
  it('aims the runs at the state’s crop while figures are connected, and at nothing once they have left', async () => {
    const s = await session('?ch9.cx=0.4&ch9.cy=0.5&ch9.side=0.6');
    const a = s.connectSession();
    const b = s.connectSession();
    expect(pump.aim.mock.calls).toEqual([[{ cx: 0.4, cy: 0.5, side: 0.6 }]]);
    s.store().set({ cx: 0.3 });
    expect(pump.aim).toHaveBeenLastCalledWith({ cx: 0.3, cy: 0.5, side: 0.6 });
    a();
    a();
    s.store().set({ cx: 0.2 });
    expect(pump.aim).toHaveBeenLastCalledWith({ cx: 0.2, cy: 0.5, side: 0.6 });
    b();
    expect(pump.aim).toHaveBeenLastCalledWith(null);
    const calls = pump.aim.mock.calls.length;
    s.store().set({ cx: 0.1 });
    expect(pump.aim).toHaveBeenCalledTimes(calls);
  });

  it('asks for the shift test while a figure that draws it is connected', async () => {
    const s = await session();
    const plain = s.connectSession();
    const sweep = s.connectSession({ sweep: true });
    expect(pump.wantSweep.mock.calls).toEqual([[1]]);
    sweep();
    sweep();
    plain();
    expect(pump.wantSweep.mock.calls).toEqual([[1], [-1]]);
  });

  it('shows the bundled photo, and says why, for a link to a photo the page does not have', async () => {
    const s = await session('?ch9.src=webcam&ch9.cx=0.2');
    s.connectSession();
    expect(s.ch9Session.get().notice).toMatch(/^This link asked for a webcam frame, which never leaves the browser/);
    expect(s.store().get()).toEqual({ src: 'photo', ...DEFAULT_CROP });
    expect(pump.aim).toHaveBeenLastCalledWith(DEFAULT_CROP);
  });
});

describe('usePhoto and useBundledPhoto', () => {
  it('put the reader’s photo in use at its default crop, clearing the notice, and go back', async () => {
    const s = await session();
    s.connectSession();
    s.setNotice('The camera was refused.');
    s.usePhoto('own', decoded(300, 200));
    expect(s.ch9Session.get().photo).toMatchObject({ id: 1, source: 'own', width: 300, height: 200 });
    expect(s.ch9Session.get().notice).toBeNull();
    expect(s.store().get()).toEqual({ src: 'own', ...defaultCropFraction(300, 200) });
    expect(s.defaultCrop()).toEqual(defaultCropFraction(300, 200));
    s.setNotice('Something about the webcam.');
    s.useBundledPhoto();
    expect(s.ch9Session.get().photo).toMatchObject({ id: 0, source: 'photo' });
    expect(s.ch9Session.get().notice).toBeNull();
    expect(s.store().get()).toEqual({ src: 'photo', ...DEFAULT_CROP });
    expect(pump.aim).toHaveBeenLastCalledWith(DEFAULT_CROP);
  });

  it('follow a new photo even when the state does not change (the same source and size)', async () => {
    const s = await session();
    s.connectSession();
    s.usePhoto('own', decoded(300, 200));
    const aimed = pump.aim.mock.calls.length;
    s.usePhoto('own', decoded(300, 200));
    expect(s.ch9Session.get().photo.id).toBe(2);
    expect(pump.aim).toHaveBeenCalledTimes(aimed + 1);
  });
});
