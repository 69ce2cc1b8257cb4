/**
 * The Lab's inputs: the heatmap (or SimCC) file input and its drop zone, the samples, the choice
 * of a `.npz` member, the flipped image's maps and the ground truth, with the status line and the
 * messages about them. What it shows comes from the session's sources; what the reader picks goes
 * to the session (`setup`: file pickers and a drop zone are not state).
 */
import { defineSpec } from '../../ui/figure.ts';
import { pick } from '../../ui/params.ts';
import { block } from '../../ui/parts.ts';
import { combineSources } from '../../ui/source.ts';
import { connectLab } from '../session.ts';
import { LAB_SAMPLES } from '../samples.ts';
import { labLoaded, labStatus, MESSAGE_ORDER, type LabLoaded, type LabStatus } from '../sources.ts';
import { labSchema } from '../state.ts';
import { paragraphs, options } from '../tables.ts';

const params = pick(labSchema, 'layout', 'units', 'stride', 'boxThr');

type Data = {
  status: LabStatus;
  loaded: LabLoaded;
};

const hiddenUnless = (shown: boolean) => ({ hidden: shown ? null : '' });

export default defineSpec({
  name: 'lab-inputs',
  params,
  source: combineSources<Data>({ status: labStatus, loaded: labLoaded }),
  build: (_s, _pre, external: Data) => external,
  view: ({ status, loaded }) => {
    const { choose } = status;
    const attrs: Record<string, Record<string, string | null>> = {
      progress: { ...hiddenUnless(status.progress !== null), value: String(status.progress ?? 0) },
      'clear-truth': hiddenUnless(status.truth.length > 0),
      'clear-flipped': hiddenUnless(Boolean(loaded.flipped)),
      choose: hiddenUnless(Boolean(choose)),
    };
    for (const sample of LAB_SAMPLES) attrs[`sample-${sample.id}`] = { disabled: status.opening ? '' : null };
    return {
      attrs,
      text: {
        status: status.line,
        'truth-name': status.truth.length ? `Chosen: ${status.truth.join(', ')}` : '',
        'flipped-name': loaded.flipped ? `Chosen: ${loaded.flipped.source}` : '',
        'choose-what': choose
          ? `${choose.choice.file} holds ${choose.choice.arrays.length} arrays: which holds the ${choose.role === 'input' ? 'heatmaps' : "flipped image's maps"}?`
          : '',
      },
    };
  },
  blocks: [
    block('messages', (d: Data) => MESSAGE_ORDER.flatMap((s) => d.status.problems[s] ?? []), paragraphs),
    block('notes', (d: Data) => MESSAGE_ORDER.flatMap((s) => d.status.notes[s] ?? []), paragraphs),
    block(
      'choose-array',
      (d: Data) =>
        (d.status.choose?.choice.arrays ?? []).map((a) => ({
          value: a.name,
          label: a.problem
            ? `${a.name}: cannot be read (${a.problem})`
            : a.shape
              ? `${a.name} (${a.shape.join(' × ')}, ${a.dtype})`
              : `${a.name} (${a.bytes.toLocaleString('en')} bytes)`,
        })),
      options,
    ),
  ],
  setup({ root, part, listen }) {
    const { actions, disconnect } = connectLab();
    const drop = part('[data-role="drop"]');
    listen(root, 'change', (event) => {
      const target = event.target as HTMLInputElement;
      if (target.type !== 'file') return;
      const files = Array.from(target.files ?? []);
      const role = target.dataset.role;
      if (role === 'file') void actions.input(files);
      else if (role === 'flipped-file') void actions.flipped(files);
      else if (role === 'truth-file') void actions.truth(files);
      // Choosing the same file again is a new choice.
      target.value = '';
    });
    listen(root, 'click', (event) => {
      const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
      const action = button?.dataset.action;
      if (action === 'sample') void actions.sample(button?.dataset.sample ?? '');
      else if (action === 'choose') void actions.choose(part<HTMLSelectElement>('[data-role="choose-array"]').value);
      else if (action === 'clear-truth') void actions.clearTruth();
      else if (action === 'clear-flipped') void actions.clearFlipped();
    });
    listen(drop, 'dragover', (event) => {
      event.preventDefault();
      drop.classList.add('over');
    });
    listen(drop, 'dragleave', () => drop.classList.remove('over'));
    listen(drop, 'drop', (event) => {
      event.preventDefault();
      drop.classList.remove('over');
      void actions.input(Array.from((event as DragEvent).dataTransfer?.files ?? []));
    });
    return disconnect;
  },
});
