/**
 * Figure 9.1's inputs beyond its declared parts: the bundled photo, the reader's file (picker or
 * drop), the webcam (started only by the reader's click; one frame is taken and the stream stopped),
 * and drawing the photo and the model's input as the session changes. Photos are decoded in this
 * browser and never uploaded. (The crop's reset is the spec's `reset-crop` action.)
 */
import type { FigureContext } from '../../ui/figure.ts';
import { decodePhoto, photoFromVideo } from './photo.ts';
import { ch9Session, setNotice, useBundledPhoto, usePhoto, type Ch9Session } from './session.ts';

/** Draws the model's input ([256, 256, 3] RGB in 0–1, channels last) on a 256 × 256 canvas. */
function drawInput(canvas: HTMLCanvasElement, input: Float32Array, side: number): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  canvas.width = side;
  canvas.height = side;
  const image = context.createImageData(side, side);
  for (let i = 0; i < side * side; i++) {
    image.data[4 * i] = 255 * (input[3 * i] as number);
    image.data[4 * i + 1] = 255 * (input[3 * i + 1] as number);
    image.data[4 * i + 2] = 255 * (input[3 * i + 2] as number);
    image.data[4 * i + 3] = 255;
  }
  context.putImageData(image, 0, 0);
}

/** Wires the inputs; returns the clean-up. */
export function setupPhotoInputs<S, D, X>(figure: FigureContext<S, D, X>): () => void {
  const { part, listen } = figure;
  const fileInput = part<HTMLInputElement>('[data-role="file-input"]');
  const stage = part('[data-role="photo-stage"]');
  const photoCanvas = part<HTMLCanvasElement>('[data-role="photo-canvas"]');
  const inputCanvas = part<HTMLCanvasElement>('[data-role="model-input"]');
  const video = part<HTMLVideoElement>('[data-role="webcam-video"]');
  const webcamBar = part('[data-role="webcam-bar"]');
  let stream: MediaStream | null = null;

  const readFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    try {
      usePhoto('own', await decodePhoto(file));
    } catch (error) {
      setNotice(`${file.name}: ${error instanceof Error ? error.message : String(error)} The photo in use is kept.`);
    }
  };
  listen(fileInput, 'change', () => {
    void readFile(fileInput.files?.[0]);
    // The same file chosen again is a new choice.
    fileInput.value = '';
  });

  // A photo dropped on the picture.
  listen(stage, 'dragover', (event) => {
    event.preventDefault();
    stage.dataset.dropping = 'true';
  });
  listen(stage, 'dragleave', () => delete stage.dataset.dropping);
  listen(stage, 'drop', (event) => {
    event.preventDefault();
    delete stage.dataset.dropping;
    void readFile(event.dataTransfer?.files[0]);
  });

  const stopCamera = (): void => {
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = null;
    video.srcObject = null;
    video.hidden = true;
    webcamBar.hidden = true;
  };
  const startCamera = async (): Promise<void> => {
    if (stream) return;
    if (!navigator.mediaDevices?.getUserMedia) {
      setNotice('This browser gives pages no camera (some give it only to pages served over HTTPS).');
      return;
    }
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user' }, audio: false });
      video.srcObject = stream;
      video.hidden = false;
      webcamBar.hidden = false;
      await video.play();
      setNotice(null);
      part('[data-action="capture"]').focus();
    } catch (error) {
      stopCamera();
      const denied = error instanceof DOMException && error.name === 'NotAllowedError';
      setNotice(
        denied
          ? 'The camera was not allowed; the photo in use is kept.'
          : `The camera could not start: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  const capture = async (): Promise<void> => {
    try {
      const frame = await photoFromVideo(video);
      stopCamera();
      usePhoto('webcam', frame);
    } catch (error) {
      stopCamera();
      setNotice(`No frame could be taken: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  listen(figure.root, 'click', (event) => {
    const action = (event.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset.action;
    if (action === 'use-bundled') {
      stopCamera();
      useBundledPhoto();
    } else if (action === 'webcam') void startCamera();
    else if (action === 'capture') void capture();
    else if (action === 'stop-camera') stopCamera();
  });
  // The camera stops when the reader leaves the page or switches tabs.
  const onHidden = (): void => {
    if (document.hidden) stopCamera();
  };
  document.addEventListener('visibilitychange', onHidden);
  window.addEventListener('pagehide', stopCamera);

  // The photo and the model's input, drawn when they change.
  let drawnPhoto: ImageBitmap | null = null;
  let drawnInput: Float32Array | null = null;
  const draw = (s: Ch9Session): void => {
    const preview = s.photo.preview;
    if (preview && preview !== drawnPhoto) {
      photoCanvas.width = preview.width;
      photoCanvas.height = preview.height;
      photoCanvas.getContext('2d')?.drawImage(preview, 0, 0);
      drawnPhoto = preview;
    }
    const run = s.run && s.run.photoId === s.photo.id ? s.run : null;
    if (run && run.input !== drawnInput) {
      drawInput(inputCanvas, run.input, 256);
      drawnInput = run.input;
    }
  };
  draw(ch9Session.get());
  const stopDrawing = ch9Session.subscribe(() => draw(ch9Session.get()));
  return () => {
    document.removeEventListener('visibilitychange', onHidden);
    window.removeEventListener('pagehide', stopCamera);
    stopDrawing();
    stopCamera();
  };
}
