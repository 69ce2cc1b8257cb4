/**
 * The Decoder Lab's session on the page: the one place that talks to the worker. It decodes as
 * soon as an input is loaded, when the flipped maps or the ground truth change, and when a
 * setting the decode depends on changes (at most once a frame; a decode superseded by a newer
 * one is dropped); it fetches the selected map's values; and it carries out the reader's
 * requests (`loading.ts`). What it learns goes to the sources the Lab's parts read
 * (`sources.ts`). Parts connect from their spec's `setup`; the first connection starts it.
 */
import { runKey, type InputSummary } from '../../lib/index.ts';
import { download } from '../ui/export-figure.ts';
import { chapterStore, type Store } from '../ui/store.ts';
import { exportText } from './exports.ts';
import { createLoading, type Loading } from './loading.ts';
import {
  labDecoded,
  labLoaded,
  labSelected,
  labStatus,
  sayNotes,
  sayProblems,
  setStatus,
  type LabDecoded,
} from './sources.ts';
import { labSchema, runOf, type LabState } from './state.ts';
import { decodedLine, nonFiniteMessage } from './view/texts.ts';
import { createLabClient, type LabClient } from './worker-client.ts';

/** What a part may ask of the session. */
export interface LabActions extends Loading {
  /** Downloads the latest decode as CSV or JSON. */
  exportAs(format: 'csv' | 'json'): void;
}

/** A running session: what parts may ask of it, and how to stop it. */
export interface LabSession {
  actions: LabActions;
  stop(): void;
}

let session: LabSession | undefined;
let connections = 0;

/** Connects a part to the session (from its spec's `setup`), starting it; returns its actions and the disconnect. */
export function connectLab(): { actions: LabActions; disconnect: () => void } {
  session ??= createLabSession(chapterStore('lab', labSchema), createLabClient());
  connections += 1;
  let connected = true;
  return {
    actions: session.actions,
    disconnect() {
      if (!connected) return;
      connected = false;
      connections -= 1;
      if (connections === 0) {
        session?.stop();
        session = undefined;
      }
    },
  };
}

/** A session on `store` that decodes with `client` (the worker's, or a test's). */
export function createLabSession(store: Store<LabState>, client: LabClient): LabSession {
  let decodedKey = '';
  let frame = 0;
  /** Decodes started: a decode that is no longer the latest was superseded. */
  let decodes = 0;
  /** The map last asked of the worker (the latest request wins). */
  let requested: { decoded: LabDecoded; index: number; id: number } | undefined;

  const show = (decoded: LabDecoded | null): void => {
    labDecoded.set(decoded);
    if (!decoded) return labSelected.set(null);
    // A link made for a larger file, or the last input's map: the new decode starts at its first.
    if (store.get().map >= decoded.result.rows.length) store.set({ map: 0 });
    if (requested?.decoded !== decoded) select();
  };

  /** Fetches the selected map's values from the worker. */
  const select = (): void => {
    const decoded = labDecoded.get();
    if (!decoded) return;
    const index = Math.min(decoded.result.rows.length - 1, store.get().map);
    const mine = { decoded, index, id: (requested?.id ?? 0) + 1 };
    requested = mine;
    void client.map(index).then((map) => {
      if (requested === mine && map && labDecoded.get() === decoded) labSelected.set({ decoded, index, map });
    });
  };

  /** Nothing decodes any more: the status says nothing of a decode. */
  const idle = (): void => setStatus({ progress: null, line: '' });

  const decode = async (): Promise<void> => {
    frame = 0;
    const loaded = labLoaded.get().input;
    if (!loaded && !labStatus.get().truth.length) {
      idle();
      return show(null);
    }
    const run = runOf(store.get());
    decodedKey = runKey(run, loaded?.kind ?? 'heatmaps');
    const mine = (decodes += 1);
    const unit = loaded?.kind === 'simcc' ? 'keypoints' : 'maps';
    if (loaded) setStatus({ progress: 0, line: `Decoding ${loaded.n * loaded.k} ${unit}…` });
    const answer = await client.decode(run, (count, total) =>
      setStatus({ progress: count / total, line: `Decoding: ${count} of ${total} ${unit}` }),
    );
    // No answer: superseded by a newer decode, which speaks for itself; or the worker stopped.
    if (!answer) return void (mine === decodes && idle());
    const { result } = answer;
    if (answer.error !== undefined || !result) {
      idle();
      sayProblems('decode', [answer.error ?? 'nothing was decoded']);
      return show(null);
    }
    setStatus({ progress: null, line: decodedLine(result) });
    sayProblems('decode', [
      ...result.messages,
      ...(result.nonFinite ? [nonFiniteMessage(result.source, result.nonFinite)] : []),
    ]);
    sayNotes('decode', result.notes);
    show({ result, run });
  };
  const schedule = (): void => {
    // With nothing loaded, the decode clears what an earlier one showed.
    if (!frame) frame = requestAnimationFrame(() => void decode());
  };

  const loading = createLoading(client, store, {
    input(summary: InputSummary | undefined) {
      labLoaded.set({ ...labLoaded.get(), input: summary });
      sayNotes('input', summary?.note ? [`${summary.source}: ${summary.note}.`] : []);
      if (summary) return schedule();
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
      idle();
      show(null);
    },
    flipped(summary) {
      labLoaded.set({ ...labLoaded.get(), flipped: summary });
      schedule();
    },
    truth: schedule,
  });

  let layout = store.get().layout;
  const unsubscribe = store.subscribe((s) => {
    if (s.layout !== layout) loading.relayout((layout = s.layout));
    const loaded = labLoaded.get().input;
    // With no input, a results list scored alone still reads the typed σ.
    const kind = loaded?.kind ?? (labStatus.get().truth.length ? 'heatmaps' : undefined);
    if (kind && runKey(runOf(s), kind) !== decodedKey) schedule();
    const decoded = labDecoded.get();
    if (!decoded) return;
    // A map past the last is the last (a typed index, a link made for a larger file).
    const last = decoded.result.rows.length - 1;
    if (s.map > last) store.set({ map: last });
    else if (s.map !== requested?.index || requested.decoded !== decoded) select();
  });
  // A new worker starts with no files: what the page showed as loaded is gone with the old one.
  client.onCrash(() => {
    sayProblems('decode', ['The decoding worker stopped unexpectedly; choose the file again, or reload the page.']);
    labLoaded.set({});
    setStatus({ truth: [], choose: null });
    idle();
    show(null);
  });

  return {
    actions: {
      ...loading,
      exportAs(format) {
        const decoded = labDecoded.get();
        if (!decoded) return;
        const { name, type, text } = exportText(format, decoded);
        download(new Blob([text], { type }), name);
      },
    },
    stop() {
      if (frame) cancelAnimationFrame(frame);
      unsubscribe();
      client.terminate();
    },
  };
}
