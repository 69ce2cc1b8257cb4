/**
 * The Lab's files, loaded on the reader's request: the input (heatmaps, a SimCC pair, PNG
 * images, a sample), the choice of a `.npz` member, the flipped image's maps and the ground
 * truth. Each is checked against the library's size limits, handed to the worker (which reads
 * it), and the worker's answer becomes what the page shows (`sources.ts`); a refusal becomes its
 * own message, which loading that kind of file again replaces.
 */
import {
  checkFileSize,
  checkGroundTruthSize,
  LabInputError,
  stackFromImages,
  type InputSummary,
  type LabFile,
  type LayoutChoice,
} from '../../lib/index.ts';
import type { Store } from '../ui/store.ts';
import { bytesOf, isPng, readImage } from './images.ts';
import { LAB_SAMPLES } from './samples.ts';
import { clearMessages, labStatus, sayProblems, setStatus, type MessageSource } from './sources.ts';
import type { LabState } from './state.ts';
import type { LabClient } from './worker-client.ts';

/** What the session hears from loading. */
export interface LoadEvents {
  /** The input was read (a summary) or refused or cleared (undefined). */
  input(summary: InputSummary | undefined): void;
  /** The flipped image's maps were read (a summary) or refused or cleared (undefined). */
  flipped(summary: InputSummary | undefined): void;
  /** The ground truth changed. */
  truth(): void;
}

/** The reader's requests. */
export interface Loading {
  input(files: File[]): Promise<void>;
  flipped(files: File[]): Promise<void>;
  truth(files: File[]): Promise<void>;
  clearTruth(): Promise<void>;
  clearFlipped(): Promise<void>;
  /** Reads the archive member `array` for the slot that asked. */
  choose(array: string): Promise<void>;
  sample(id: string): Promise<void>;
  /** Reads what was loaded from files again with another layout. */
  relayout(layout: LayoutChoice): void;
}

type Answer = Awaited<ReturnType<LabClient['send']>>;

export function createLoading(client: LabClient, store: Store<LabState>, events: LoadEvents): Loading {
  let inputFromFiles = false;
  let flippedLoaded = false;

  /** Runs a step that may refuse a file; its refusal becomes `source`'s message. */
  const guarded = async (source: MessageSource, step: () => Promise<void>): Promise<void> => {
    try {
      await step();
    } catch (error) {
      if (!(error instanceof LabInputError)) throw error;
      sayProblems(source, [error.message]);
      if (source === 'input') events.input(undefined);
    }
  };

  /** The worker's answer to a load: read, an archive to choose from, or a refusal. */
  const answered = (role: 'input' | 'flipped', answer: Answer): void => {
    if (answer.type === 'choose') {
      setStatus({ choose: { role, choice: answer.choice } });
      if (role === 'input') events.input(undefined);
      return;
    }
    if (labStatus.get().choose?.role === role) setStatus({ choose: null });
    if (answer.type === 'error') sayProblems(role, [answer.message]);
    const summary = answer.type === 'loaded' ? answer.summary : undefined;
    if (answer.type !== 'loaded' && answer.type !== 'error') return;
    if (role === 'input') events.input(summary);
    else {
      flippedLoaded = Boolean(summary);
      events.flipped(summary);
    }
  };

  const loadFiles = async (role: 'input' | 'flipped', files: LabFile[]): Promise<void> =>
    answered(role, await client.send({ type: 'load', role, files, options: { layout: store.get().layout } }));

  const setTruth = async (files: LabFile[]): Promise<void> => {
    const answer = await client.send({ type: 'truth', files });
    if (answer.type === 'error') {
      sayProblems('truth', [answer.message]);
      setStatus({ truth: [] });
    } else setStatus({ truth: files.map((f) => f.name) });
  };

  return {
    input: (files) =>
      guarded('input', async () => {
        if (!files.length) return;
        // A new input: its own messages and the last decode's are no longer true.
        clearMessages('input', 'decode');
        setStatus({ choose: null });
        const pngs = files.filter(isPng).sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
        if (pngs.length && pngs.length !== files.length) {
          throw new LabInputError(
            `${files.length} files: PNG images come on their own (one per keypoint), not with ${files.find((f) => !isPng(f))?.name}`,
          );
        }
        if (pngs.length) {
          for (const f of files) checkFileSize(f.name, f.size);
          setStatus({ line: `Reading ${pngs.length} image${pngs.length === 1 ? '' : 's'}…` });
          const images = [];
          for (const f of pngs) images.push(await readImage(f));
          inputFromFiles = false;
          answered('input', await client.send({ type: 'set', stack: stackFromImages(images) }));
          return;
        }
        const read = await bytesOf(files, checkFileSize);
        setStatus({ line: `Reading ${files.map((f) => f.name).join(' and ')}…` });
        inputFromFiles = true;
        await loadFiles('input', read);
      }),

    flipped: (files) =>
      guarded('flipped', async () => {
        if (!files.length) return;
        clearMessages('flipped');
        await loadFiles('flipped', await bytesOf(files, checkFileSize));
      }),

    /** The ground truth is the last file chosen: a refused one leaves none (the worker forgets the old). */
    async truth(files) {
      if (!files.length) return;
      // The last decode's messages may speak of the old ground truth (it is read as maps are
      // decoded): they go with it, and the decode that follows says what still holds.
      clearMessages('truth', 'decode');
      try {
        await setTruth(await bytesOf(files, checkGroundTruthSize));
      } catch (error) {
        if (!(error instanceof LabInputError)) throw error;
        sayProblems('truth', [error.message]);
        setStatus({ truth: [] });
        await client.send({ type: 'clear', role: 'truth' });
      }
      events.truth();
    },

    async clearTruth() {
      clearMessages('truth');
      setStatus({ truth: [] });
      await client.send({ type: 'clear', role: 'truth' });
      events.truth();
    },

    async clearFlipped() {
      clearMessages('flipped');
      flippedLoaded = false;
      if (labStatus.get().choose?.role === 'flipped') setStatus({ choose: null });
      await client.send({ type: 'clear', role: 'flipped' });
      events.flipped(undefined);
    },

    choose(array) {
      const role = labStatus.get().choose?.role ?? 'input';
      return guarded(role, async () => {
        clearMessages(role);
        answered(role, await client.send({ type: 'reread', role, options: { array } }));
      });
    },

    async sample(id) {
      const sample = LAB_SAMPLES.find((s) => s.id === id);
      // One opening at a time: a second press would download and run the model again.
      if (!sample || labStatus.get().opening) return;
      clearMessages('input', 'decode', 'truth');
      setStatus({ opening: id, choose: null, line: sample.opening });
      try {
        const content = await sample.load();
        if (content.state) store.set(content.state);
        if ('stack' in content) {
          // A model's maps have no ground truth; an old one belongs to other maps.
          setStatus({ truth: [] });
          await client.send({ type: 'clear', role: 'truth' });
          inputFromFiles = false;
          answered('input', await client.send({ type: 'set', stack: content.stack, names: content.names }));
          return;
        }
        if (content.truth) await setTruth(content.truth);
        inputFromFiles = true;
        await loadFiles('input', content.input);
      } catch (error) {
        // The model's runtime says what went wrong in a sentence (no WebAssembly, a failed download).
        const message = error instanceof Error ? error.message : String(error);
        sayProblems('input', [
          error instanceof LabInputError ? message : `${sample.label} could not be opened: ${message}`,
        ]);
        events.input(undefined);
      } finally {
        setStatus({ opening: null });
      }
    },

    relayout(layout) {
      if (inputFromFiles) {
        clearMessages('input', 'decode');
        void client.send({ type: 'reread', role: 'input', options: { layout } }).then((a) => answered('input', a));
      }
      if (flippedLoaded) {
        clearMessages('flipped');
        void client.send({ type: 'reread', role: 'flipped', options: { layout } }).then((a) => answered('flipped', a));
      }
    },
  };
}
