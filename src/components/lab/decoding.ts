/**
 * When the Lab decodes: as soon as an input is loaded, when the flipped stack or the ground
 * truth changes, and when a setting the decode depends on changes (`runKey`), at most once a
 * frame. Shows progress, and hands each result to the page with the settings it was decoded
 * under; a decode superseded by a newer one is dropped.
 */
import type { Store } from '../ui/store.ts';
import type { LabMessages } from './messages.ts';
import type { InputSummary, LabResult, LabRun } from './session.ts';
import { runKey, runOf, type LabState } from './state.ts';
import { decodedLine, nonFiniteMessage } from './view.ts';
import type { LabClient } from './worker-client.ts';

export interface Decoding {
  /** The input changed (undefined: nothing is loaded now). */
  input(summary: InputSummary | undefined): void;
  /** The flipped stack or the ground truth changed: decode again. */
  refresh(): void;
  /** Says that a file is being read. */
  busy(text: string): void;
  destroy(): void;
}

export function createDecoding(
  store: Store<LabState>,
  client: LabClient,
  say: LabMessages,
  elements: { progress: HTMLProgressElement; status: HTMLElement },
  done: (decoded: { result: LabResult; run: LabRun } | undefined) => void,
): Decoding {
  const { progress, status } = elements;
  let loaded: InputSummary | undefined;
  let decodedKey = '';
  let frame = 0;

  const decode = async (): Promise<void> => {
    frame = 0;
    if (!loaded) return;
    const s = store.get();
    decodedKey = runKey(s, loaded.kind);
    const run = runOf(s);
    const unit = loaded.kind === 'simcc' ? 'keypoints' : 'maps';
    progress.hidden = false;
    progress.value = 0;
    status.textContent = `Decoding ${loaded.n * loaded.k} ${unit}…`;
    const answer = await client.decode(run, (count, total) => {
      progress.value = count / total;
      status.textContent = `Decoding: ${count} of ${total} ${unit}`;
    });
    if (!answer) return;
    progress.hidden = true;
    if (answer.error !== undefined || !answer.result) {
      status.textContent = '';
      say.problems('decode', [answer.error ?? 'nothing was decoded']);
      done(undefined);
      return;
    }
    const { result } = answer;
    status.textContent = decodedLine(result);
    say.problems('decode', [
      ...result.messages,
      ...(result.nonFinite ? [nonFiniteMessage(result.source, result.nonFinite)] : []),
    ]);
    say.notes('decode', result.notes);
    done({ result, run });
  };
  const schedule = (): void => {
    if (!frame) frame = requestAnimationFrame(() => void decode());
  };

  const unsubscribe = store.subscribe((s) => {
    if (loaded && runKey(s, loaded.kind) !== decodedKey) schedule();
  });

  return {
    input(summary) {
      loaded = summary;
      if (summary) schedule();
      else {
        if (frame) cancelAnimationFrame(frame);
        frame = 0;
        progress.hidden = true;
        status.textContent = '';
        done(undefined);
      }
    },
    refresh() {
      if (loaded) schedule();
    },
    busy(text) {
      status.textContent = text;
    },
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      unsubscribe();
    },
  };
}
