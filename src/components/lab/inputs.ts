/**
 * The Lab's inputs: the heatmap (or SimCC) file input and its drop zone, the samples, the
 * choice of a `.npz` member, the flipped image's maps and the ground truth. Files are checked
 * against the library's size limits before they are read, then handed to the worker, which
 * parses them; only PNG images are read here, because decoding an image needs a canvas.
 */
import {
  checkFileSize,
  checkGroundTruthSize,
  LAB_LIMITS,
  LabInputError,
  stackFromImages,
  type LabImage,
} from '../../lib/index.ts';
import { part } from '../ui/part.ts';
import type { Store } from '../ui/store.ts';
import type { LabMessages, MessageSource } from './messages.ts';
import { LAB_SAMPLES } from './samples.ts';
import type { InputSummary, LabFile } from './session.ts';
import type { LabState } from './state.ts';
import type { LabClient } from './worker-client.ts';

/** What the page hears from its inputs. */
export interface InputEvents {
  /** The input was read (a summary) or refused or cleared (undefined). */
  input(summary: InputSummary | undefined): void;
  /** The flipped image's maps were read (a summary) or refused or cleared (undefined). */
  flipped(summary: InputSummary | undefined): void;
  /** The ground truth changed. */
  changed(): void;
  /** Something is being read. */
  busy(text: string): void;
}

async function readImage(file: File): Promise<LabImage> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new LabInputError(`${file.name}: not an image this browser can read`);
  }
  const { width, height } = bitmap;
  if (width > LAB_LIMITS.maxSide || height > LAB_LIMITS.maxSide) {
    bitmap.close();
    throw new LabInputError(
      `${file.name}: ${width} × ${height} pixels is larger than the Lab takes (${LAB_LIMITS.maxSide} per side)`,
    );
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new LabInputError(`${file.name}: this browser cannot read image pixels`);
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  return { name: file.name, width, height, rgba: ctx.getImageData(0, 0, width, height).data };
}

const isPng = (f: File) => /\.png$/i.test(f.name) || f.type === 'image/png';

/** Reads files as bytes after checking each against `check` (a size limit). */
async function bytesOf(files: readonly File[], check: (name: string, size: number) => void): Promise<LabFile[]> {
  for (const f of files) check(f.name, f.size);
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })));
}

export function mountInputs(
  root: HTMLElement,
  store: Store<LabState>,
  client: LabClient,
  say: LabMessages,
  events: InputEvents,
): () => void {
  const drop = part(root, '[data-role="drop"]', 'decoder-lab');
  const fileInput = part<HTMLInputElement>(root, '[data-role="file"]', 'decoder-lab');
  const truthInput = part<HTMLInputElement>(root, '[data-role="truth-file"]', 'decoder-lab');
  const flippedInput = part<HTMLInputElement>(root, '[data-role="flipped-file"]', 'decoder-lab');
  const chooser = part(root, '[data-role="choose"]', 'decoder-lab');
  const chooseWhat = part(root, '[data-role="choose-what"]', 'decoder-lab');
  const chooseArray = part<HTMLSelectElement>(root, '[data-role="choose-array"]', 'decoder-lab');
  const truthName = part(root, '[data-role="truth-name"]', 'decoder-lab');
  const flippedName = part(root, '[data-role="flipped-name"]', 'decoder-lab');
  const clearTruth = part<HTMLButtonElement>(root, 'button[data-action="clear-truth"]', 'decoder-lab');
  const clearFlipped = part<HTMLButtonElement>(root, 'button[data-action="clear-flipped"]', 'decoder-lab');
  let inputFromFiles = false;
  let flippedLoaded = false;

  /** Runs a step that may refuse a file; its refusal becomes `source`'s message. */
  const guarded = async (source: MessageSource, step: () => Promise<void>): Promise<void> => {
    try {
      await step();
    } catch (error) {
      if (!(error instanceof LabInputError)) throw error;
      say.problems(source, [error.message]);
      if (source === 'input') events.input(undefined);
    }
  };

  const hideChooser = (role: 'input' | 'flipped') => {
    if (chooser.dataset.for === role) chooser.hidden = true;
  };

  /** The worker's answer to a load: read, an archive to choose from, or a refusal. */
  const answered = (role: 'input' | 'flipped', answer: Awaited<ReturnType<LabClient['send']>>): void => {
    if (answer.type === 'choose') {
      const { choice } = answer;
      chooser.dataset.for = role;
      chooseWhat.textContent = `${choice.file} holds ${choice.arrays.length} arrays: which holds the ${role === 'input' ? 'heatmaps' : "flipped image's heatmaps"}?`;
      chooseArray.replaceChildren(
        ...choice.arrays.map((a) => {
          const option = document.createElement('option');
          option.value = a.name;
          option.textContent = `${a.name} (${a.bytes.toLocaleString('en')} bytes)`;
          return option;
        }),
      );
      chooser.hidden = false;
      if (role === 'input') events.input(undefined);
      return;
    }
    hideChooser(role);
    if (answer.type === 'error') {
      say.problems(role, [answer.message]);
      if (role === 'input') events.input(undefined);
      else {
        flippedLoaded = false;
        flippedName.textContent = '';
        clearFlipped.hidden = true;
        events.flipped(undefined);
      }
      return;
    }
    if (answer.type !== 'loaded') return;
    if (role === 'input') events.input(answer.summary);
    else {
      flippedLoaded = Boolean(answer.summary);
      flippedName.textContent = answer.summary ? `Chosen: ${answer.summary.source}` : '';
      clearFlipped.hidden = !answer.summary;
      events.flipped(answer.summary);
    }
  };

  const loadInput = (files: File[]): Promise<void> =>
    guarded('input', async () => {
      if (!files.length) return;
      // A new input: its own messages and the last decode's are no longer true.
      say.clear('input', 'decode');
      chooser.hidden = true;
      const pngs = files.filter(isPng);
      if (pngs.length === files.length) {
        for (const f of files) checkFileSize(f.name, f.size);
        pngs.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
        events.busy(`Reading ${pngs.length} image${pngs.length === 1 ? '' : 's'}…`);
        const images = [];
        for (const f of pngs) images.push(await readImage(f));
        inputFromFiles = false;
        answered('input', await client.send({ type: 'set', stack: stackFromImages(images) }));
        return;
      }
      if (pngs.length) {
        throw new LabInputError(
          `${files.length} files: PNG images come on their own (one per keypoint), not with ${files.find((f) => !isPng(f))?.name}`,
        );
      }
      const read = await bytesOf(files, checkFileSize);
      events.busy(`Reading ${files.map((f) => f.name).join(' and ')}…`);
      inputFromFiles = true;
      answered(
        'input',
        await client.send({ type: 'load', role: 'input', files: read, options: { layout: store.get().layout } }),
      );
    });

  const loadFlipped = (files: File[]): Promise<void> =>
    guarded('flipped', async () => {
      if (!files.length) return;
      say.clear('flipped');
      const read = await bytesOf(files, checkFileSize);
      answered(
        'flipped',
        await client.send({ type: 'load', role: 'flipped', files: read, options: { layout: store.get().layout } }),
      );
    });

  const forgetTruth = (): void => {
    truthName.textContent = '';
    clearTruth.hidden = true;
  };

  /** The ground truth is the last file chosen: a refused one leaves none (the worker forgets the old). */
  const loadTruth = async (files: LabFile[] | File[]): Promise<void> => {
    if (!files.length) return;
    // The last decode's messages may speak of the old ground truth (it is parsed as maps are
    // decoded): they go with it, and the decode that follows says what still holds.
    say.clear('truth', 'decode');
    try {
      const read =
        files[0] instanceof File ? await bytesOf(files as File[], checkGroundTruthSize) : (files as LabFile[]);
      const answer = await client.send({ type: 'truth', files: read });
      if (answer.type === 'error') {
        say.problems('truth', [answer.message]);
        forgetTruth();
      } else {
        truthName.textContent = `Chosen: ${read.map((f) => f.name).join(', ')}`;
        clearTruth.hidden = false;
      }
    } catch (error) {
      if (!(error instanceof LabInputError)) throw error;
      say.problems('truth', [error.message]);
      forgetTruth();
      await client.send({ type: 'clear', role: 'truth' });
    }
    events.changed();
  };

  const loadSample = async (button: HTMLButtonElement): Promise<void> => {
    const sample = LAB_SAMPLES.find((s) => s.id === (button.dataset.sample ?? LAB_SAMPLES[0]?.id));
    if (!sample) return;
    // One opening at a time: a second press would download and run the model again.
    button.disabled = true;
    say.clear('input', 'decode', 'truth');
    chooser.hidden = true;
    events.busy(sample.opening);
    try {
      const content = await sample.load();
      if (content.state) store.set(content.state);
      if ('stack' in content) {
        // A model's maps have no ground truth; an old one belongs to other maps.
        say.clear('truth');
        forgetTruth();
        await client.send({ type: 'clear', role: 'truth' });
        inputFromFiles = false;
        answered('input', await client.send({ type: 'set', stack: content.stack, names: content.names }));
        return;
      }
      if (content.truth) await loadTruth(content.truth);
      inputFromFiles = true;
      answered(
        'input',
        await client.send({
          type: 'load',
          role: 'input',
          files: content.input,
          options: { layout: store.get().layout },
        }),
      );
    } catch (error) {
      // The model's runtime says what went wrong in a sentence (no WebAssembly, a failed download).
      const message = error instanceof Error ? error.message : String(error);
      say.problems('input', [
        error instanceof LabInputError ? message : `${sample.label} could not be opened: ${message}`,
      ]);
      events.input(undefined);
    } finally {
      button.disabled = false;
    }
  };

  const onChange = (event: Event): void => {
    const target = event.target as HTMLInputElement;
    const files = Array.from(target.files ?? []);
    if (target === fileInput) void loadInput(files);
    else if (target === flippedInput) void loadFlipped(files);
    else if (target === truthInput) void loadTruth(files);
    // Choosing the same file again is a new choice.
    if (target.type === 'file') target.value = '';
  };

  const onClick = (event: Event): void => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
    if (!button) return;
    const action = button.dataset.action;
    if (action === 'sample') void loadSample(button);
    else if (action === 'choose') {
      const role = chooser.dataset.for === 'flipped' ? 'flipped' : 'input';
      void guarded(role, async () => {
        say.clear(role);
        answered(role, await client.send({ type: 'reread', role, options: { array: chooseArray.value } }));
      });
    } else if (action === 'clear-truth') {
      say.clear('truth');
      forgetTruth();
      void client.send({ type: 'clear', role: 'truth' }).then(() => events.changed());
    } else if (action === 'clear-flipped') {
      say.clear('flipped');
      flippedName.textContent = '';
      clearFlipped.hidden = true;
      flippedLoaded = false;
      hideChooser('flipped');
      void client.send({ type: 'clear', role: 'flipped' }).then(() => events.flipped(undefined));
    }
  };

  // Another layout: read the files again.
  let layout = store.get().layout;
  const unsubscribe = store.subscribe((s) => {
    if (s.layout === layout) return;
    layout = s.layout;
    if (inputFromFiles) {
      say.clear('input', 'decode');
      void client.send({ type: 'reread', role: 'input', options: { layout } }).then((a) => answered('input', a));
    }
    if (flippedLoaded) {
      say.clear('flipped');
      void client.send({ type: 'reread', role: 'flipped', options: { layout } }).then((a) => answered('flipped', a));
    }
  });

  const onDragOver = (event: DragEvent): void => {
    event.preventDefault();
    drop.classList.add('over');
  };
  const onDragLeave = (): void => drop.classList.remove('over');
  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    drop.classList.remove('over');
    void loadInput(Array.from(event.dataTransfer?.files ?? []));
  };

  root.addEventListener('change', onChange);
  root.addEventListener('click', onClick);
  drop.addEventListener('dragover', onDragOver);
  drop.addEventListener('dragleave', onDragLeave);
  drop.addEventListener('drop', onDrop);
  return () => {
    unsubscribe();
    root.removeEventListener('change', onChange);
    root.removeEventListener('click', onClick);
    drop.removeEventListener('dragover', onDragOver);
    drop.removeEventListener('dragleave', onDragLeave);
    drop.removeEventListener('drop', onDrop);
  };
}
