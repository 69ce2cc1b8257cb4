/**
 * The Decoder Lab's page, composed of its parts: the inputs (files, samples, ground truth, the
 * flipped stack), the settings, decoding in a worker, the results (tables, map view, charts),
 * the exports and copy as code. State that says how to decode lives in the URL (`state.ts`);
 * the files stay in the worker. Every bad input becomes a message; the page keeps working.
 */
import { part } from '../ui/part.ts';
import { chapterStore } from '../ui/store.ts';
import { showRejected } from '../ui/url-note.ts';
import { mountCopyCode } from './copy-code.ts';
import { createDecoding } from './decoding.ts';
import { bindExports } from './exports.ts';
import { mountInputs } from './inputs.ts';
import { createMessages } from './messages.ts';
import { mountResults } from './results.ts';
import type { InputSummary, LabResult, LabRun } from './session.ts';
import { bindSettings } from './settings.ts';
import { labSchema } from './state.ts';
import { createLabClient } from './worker-client.ts';

export function mount(root: HTMLElement): () => void {
  const name = 'decoder-lab';
  const store = chapterStore(root.dataset.store ?? 'lab', labSchema);
  const client = createLabClient();
  const say = createMessages(part(root, '[data-role="messages"]', name), part(root, '[data-role="notes"]', name));
  const results = mountResults(root, store, client);
  const settings = bindSettings(root, store);
  const code = mountCopyCode(root, store);
  let input: InputSummary | undefined;
  let flipped: InputSummary | undefined;
  let latest: { result: LabResult; run: LabRun } | undefined;

  const decoding = createDecoding(
    store,
    client,
    say,
    {
      progress: part<HTMLProgressElement>(root, '[data-role="progress"]', name),
      status: part(root, '[data-role="status"]', name),
    },
    (decoded) => {
      latest = decoded;
      results.show(decoded?.result);
    },
  );
  const loadedChanged = (): void => {
    settings.loaded(input?.kind, Boolean(flipped));
    code.update({
      ...(input ? { input } : {}),
      ...(flipped ? { flipped: flipped.source } : {}),
    });
  };
  const unmountInputs = mountInputs(root, store, client, say, {
    input(summary) {
      input = summary;
      say.notes('input', summary?.note ? [`${summary.source}: ${summary.note}.`] : []);
      loadedChanged();
      decoding.input(summary);
    },
    flipped(summary) {
      flipped = summary;
      loadedChanged();
      decoding.refresh();
    },
    changed: () => decoding.refresh(),
    busy: (text) => decoding.busy(text),
  });
  const unbindExports = bindExports(root, () => latest);
  client.onCrash(() =>
    say.problems('decode', ['The decoding worker stopped unexpectedly; choose the file again, or reload the page.']),
  );
  showRejected(root, store);

  return () => {
    client.terminate();
    unmountInputs();
    unbindExports();
    decoding.destroy();
    code.destroy();
    settings.destroy();
    results.destroy();
  };
}
