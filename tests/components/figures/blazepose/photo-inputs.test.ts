/**
 * Figure 9.1's inputs on a server-side DOM, with the photo decoder and the model session mocked:
 * a chosen or dropped file becomes the photo in use (or a notice, keeping the old one); the webcam
 * starts only on the reader's click, gives one frame and stops; the photo and the model's input
 * are drawn as the session changes; leaving the page or cleaning up stops the camera.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setupPhotoInputs } from '../../../../src/components/figures/blazepose/photo-inputs.ts';
import type { Ch9Session } from '../../../../src/components/figures/blazepose/session/state.ts';
import type { FigureContext } from '../../../../src/components/ui/figure.ts';
import { part } from '../../../../src/components/ui/part.ts';
import { fire, pageWith, withContext } from '../../ui/dom.ts';

const mocks = vi.hoisted(() => ({
  decodePhoto: vi.fn(),
  photoFromVideo: vi.fn(),
  usePhoto: vi.fn(),
  useBundledPhoto: vi.fn(),
  setNotice: vi.fn(),
}));
vi.mock('../../../../src/components/figures/blazepose/photo.ts', () => ({
  decodePhoto: mocks.decodePhoto,
  photoFromVideo: mocks.photoFromVideo,
}));
vi.mock('../../../../src/components/figures/blazepose/session.ts', async () => {
  const { createSource } = await import('../../../../src/components/ui/source.ts');
  const { INITIAL_SESSION } = await import('../../../../src/components/figures/blazepose/session/state.ts');
  return {
    ch9Session: createSource(INITIAL_SESSION),
    setNotice: mocks.setNotice,
    usePhoto: mocks.usePhoto,
    useBundledPhoto: mocks.useBundledPhoto,
  };
});
const { ch9Session } = (await import('../../../../src/components/figures/blazepose/session.ts')) as unknown as {
  ch9Session: { get(): Ch9Session; set(s: Ch9Session): void };
};

const FIGURE = `<figure-9-1>
  <input type="file" data-role="file-input">
  <div data-role="photo-stage"><canvas data-role="photo-canvas"></canvas></div>
  <canvas data-role="model-input"></canvas>
  <video data-role="webcam-video" hidden></video>
  <div data-role="webcam-bar" hidden><button data-action="capture">Take</button><button data-action="stop-camera">Stop</button></div>
  <button data-action="webcam">Camera</button><button data-action="use-bundled">Bundled</button>
</figure-9-1>`;

/** Lets the inputs' promises run. */
const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

let windowListeners: Map<string, EventListener>;
let doc: Document;
const initial = ch9Session.get();

function setUp() {
  doc = pageWith(FIGURE);
  Object.defineProperty(doc, 'hidden', { configurable: true, writable: true, value: false });
  vi.stubGlobal('document', doc);
  const root = doc.querySelector<HTMLElement>('figure-9-1')!;
  const q = <T extends Element = HTMLElement>(s: string) => root.querySelector(s) as unknown as T;
  const video = q<HTMLVideoElement>('video');
  const played = vi.fn(async () => {});
  video.play = played;
  const focused: string[] = [];
  q<HTMLElement>('[data-action="capture"]').focus = () => focused.push('capture');
  const photoDrawn: unknown[] = [];
  q<HTMLCanvasElement>('[data-role="photo-canvas"]').getContext = (() => ({
    drawImage: (b: unknown) => photoDrawn.push(b),
  })) as never;
  const inputContext = withContext(q<HTMLCanvasElement>('[data-role="model-input"]'));
  const listeners: (() => void)[] = [];
  const figure = {
    root,
    part: (selector: string) => part(root, selector, 'blazepose-photo'),
    listen: (target: EventTarget, type: string, listener: EventListener) => {
      target.addEventListener(type, listener);
      listeners.push(() => target.removeEventListener(type, listener));
    },
  } as unknown as FigureContext<object, unknown, undefined>;
  const stop = setupPhotoInputs(figure);
  return {
    root,
    q,
    video,
    played,
    focused,
    photoDrawn,
    inputContext,
    stop,
    bar: q<HTMLElement>('[data-role="webcam-bar"]'),
  };
}

/** A camera whose stream has one track; `getUserMedia` answers with it, or rejects with `refusal`. */
function camera(refusal?: unknown) {
  const track = { stop: vi.fn() };
  const stream = { getTracks: () => [track] };
  const getUserMedia = vi.fn(async () => {
    if (refusal) throw refusal;
    return stream;
  });
  vi.stubGlobal('navigator', { mediaDevices: { getUserMedia } });
  return { track, stream, getUserMedia };
}

beforeEach(() => {
  Object.values(mocks).forEach((m) => m.mockReset());
  windowListeners = new Map();
  vi.stubGlobal('window', {
    addEventListener: (type: string, l: EventListener) => windowListeners.set(type, l),
    removeEventListener: (type: string) => windowListeners.delete(type),
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  ch9Session.set(initial);
});

describe('setupPhotoInputs(figure): files', () => {
  it("decodes a chosen file as the reader's own photo, and clears the picker for the same file again", async () => {
    const { q } = setUp();
    const decoded = { photo: {}, preview: {} };
    mocks.decodePhoto.mockResolvedValue(decoded);
    const input = q<HTMLInputElement>('[data-role="file-input"]');
    const chosen = { name: 'me.jpg' };
    Object.defineProperty(input, 'files', { value: [chosen] });
    input.value = 'C:\\fakepath\\me.jpg';
    fire(input, 'change');
    await settle();
    expect(mocks.decodePhoto).toHaveBeenCalledWith(chosen);
    expect(mocks.usePhoto).toHaveBeenCalledWith('own', decoded);
    expect(input.value).toBe('');
  });

  it('keeps the photo in use and says why when a file cannot be read', async () => {
    const { q } = setUp();
    mocks.decodePhoto.mockRejectedValue(new Error('This file is empty.'));
    const input = q<HTMLInputElement>('[data-role="file-input"]');
    Object.defineProperty(input, 'files', { value: [{ name: 'empty.jpg' }] });
    fire(input, 'change');
    await settle();
    expect(mocks.usePhoto).not.toHaveBeenCalled();
    expect(mocks.setNotice).toHaveBeenCalledWith('empty.jpg: This file is empty. The photo in use is kept.');
  });

  it('marks the stage while a file is dragged over it, and reads a dropped file', async () => {
    const { q } = setUp();
    mocks.decodePhoto.mockResolvedValue({ photo: {}, preview: {} });
    const stage = q<HTMLElement>('[data-role="photo-stage"]');
    const over = fire(stage, 'dragover');
    expect(over.defaultPrevented).toBe(true);
    expect(stage.dataset.dropping).toBe('true');
    fire(stage, 'dragleave');
    expect(stage.dataset.dropping).toBeUndefined();
    fire(stage, 'dragover');
    const drop = fire(stage, 'drop', { dataTransfer: { files: [{ name: 'dropped.png' }] } });
    await settle();
    expect(drop.defaultPrevented).toBe(true);
    expect(stage.dataset.dropping).toBeUndefined();
    expect(mocks.decodePhoto).toHaveBeenCalledWith({ name: 'dropped.png' });
  });
});

describe('setupPhotoInputs(figure): the webcam', () => {
  it('starts the camera on a click, shows it, and focuses the button that takes a frame', async () => {
    const { q, video, played, focused, bar } = setUp();
    const { stream, getUserMedia } = camera();
    fire(q('[data-action="webcam"]'), 'click');
    await settle();
    expect(getUserMedia).toHaveBeenCalledWith({ video: { facingMode: 'user' }, audio: false });
    expect(video.srcObject).toBe(stream);
    expect([video.hidden, bar.hidden]).toEqual([false, false]);
    expect(played).toHaveBeenCalledTimes(1);
    expect(mocks.setNotice).toHaveBeenCalledWith(null);
    expect(focused).toEqual(['capture']);
  });

  it('takes one frame as the photo in use and stops the camera', async () => {
    const { q, video, bar } = setUp();
    const { track } = camera();
    const frame = { photo: {}, preview: {} };
    mocks.photoFromVideo.mockResolvedValue(frame);
    fire(q('[data-action="webcam"]'), 'click');
    await settle();
    fire(q('[data-action="capture"]'), 'click');
    await settle();
    expect(mocks.photoFromVideo).toHaveBeenCalledWith(video);
    expect(mocks.usePhoto).toHaveBeenCalledWith('webcam', frame);
    expect(track.stop).toHaveBeenCalledTimes(1);
    expect([video.srcObject, video.hidden, bar.hidden]).toEqual([null, true, true]);
  });

  it('says when no frame could be taken', async () => {
    const { q } = setUp();
    camera();
    mocks.photoFromVideo.mockRejectedValue(new Error('The camera has given no picture yet.'));
    fire(q('[data-action="webcam"]'), 'click');
    await settle();
    fire(q('[data-action="capture"]'), 'click');
    await settle();
    expect(mocks.setNotice).toHaveBeenLastCalledWith('No frame could be taken: The camera has given no picture yet.');
  });

  it('says when the browser gives no camera, when it is refused, and when it fails', async () => {
    const { q } = setUp();
    vi.stubGlobal('navigator', {});
    fire(q('[data-action="webcam"]'), 'click');
    await settle();
    expect(mocks.setNotice).toHaveBeenLastCalledWith(
      'This browser gives pages no camera (some give it only to pages served over HTTPS).',
    );
    camera(new DOMException('denied', 'NotAllowedError'));
    fire(q('[data-action="webcam"]'), 'click');
    await settle();
    expect(mocks.setNotice).toHaveBeenLastCalledWith('The camera was not allowed; the photo in use is kept.');
    camera(new Error('Could not start video source'));
    fire(q('[data-action="webcam"]'), 'click');
    await settle();
    expect(mocks.setNotice).toHaveBeenLastCalledWith('The camera could not start: Could not start video source');
  });

  it('asks for the camera once while it runs', async () => {
    const { q } = setUp();
    const { getUserMedia } = camera();
    fire(q('[data-action="webcam"]'), 'click');
    await settle();
    fire(q('[data-action="webcam"]'), 'click');
    await settle();
    expect(getUserMedia).toHaveBeenCalledTimes(1);
  });

  it('stops the camera for the bundled photo, the stop button, a hidden tab, leaving the page and clean-up', async () => {
    const { q, stop } = setUp();
    const start = async () => {
      const { track } = camera();
      fire(q('[data-action="webcam"]'), 'click');
      await settle();
      return track;
    };
    let track = await start();
    fire(q('[data-action="use-bundled"]'), 'click');
    expect(track.stop).toHaveBeenCalledTimes(1);
    expect(mocks.useBundledPhoto).toHaveBeenCalledTimes(1);
    track = await start();
    fire(q('[data-action="stop-camera"]'), 'click');
    expect(track.stop).toHaveBeenCalledTimes(1);
    track = await start();
    (doc as { hidden: boolean }).hidden = true;
    doc.dispatchEvent(new (doc.defaultView as unknown as typeof globalThis).Event('visibilitychange'));
    expect(track.stop).toHaveBeenCalledTimes(1);
    (doc as { hidden: boolean }).hidden = false;
    track = await start();
    windowListeners.get('pagehide')!(new Event('pagehide'));
    expect(track.stop).toHaveBeenCalledTimes(1);
    track = await start();
    stop();
    expect(track.stop).toHaveBeenCalledTimes(1);
    expect(windowListeners.has('pagehide')).toBe(false);
  });
});

describe('setupPhotoInputs(figure): drawing', () => {
  it("draws the photo's preview when it changes, and the model's input of a run on that photo", () => {
    const { q, photoDrawn, inputContext } = setUp();
    const preview = { width: 30, height: 20 } as ImageBitmap;
    const input = new Float32Array(256 * 256 * 3);
    input.set([0.5, 0.25, 1]);
    const session = ch9Session.get();
    const photo = { ...session.photo, id: 1, preview };
    ch9Session.set({ ...session, photo, run: { ...({} as Ch9Session['run'] & object), photoId: 1, input } });
    expect(photoDrawn).toEqual([preview]);
    const canvas = q<HTMLCanvasElement>('[data-role="photo-canvas"]');
    expect([canvas.width, canvas.height]).toEqual([30, 20]);
    expect(inputContext.put).toHaveLength(1);
    // RGB in 0–1 to bytes, opaque (Uint8ClampedArray rounds 127.5 to the even 128).
    expect([...inputContext.put[0]!.data.slice(0, 8)]).toEqual([128, 64, 255, 255, 0, 0, 0, 255]);
    // The same preview and input again draw nothing.
    ch9Session.set({ ...ch9Session.get(), notice: 'x' });
    expect(photoDrawn).toHaveLength(1);
    expect(inputContext.put).toHaveLength(1);
  });

  it('does not draw a run made on another photo', () => {
    const { inputContext } = setUp();
    const session = ch9Session.get();
    const run = { ...({} as Ch9Session['run'] & object), photoId: 7, input: new Float32Array(256 * 256 * 3) };
    ch9Session.set({ ...session, photo: { ...session.photo, id: 8 }, run });
    expect(inputContext.put).toHaveLength(0);
  });
});
