/** Figure 8.1's interactive half: drives the worker's training and draws its progress. */
import { createAnnouncer } from '../../ui/announce.ts';
import { bindControls } from '../../ui/controls.ts';
import { fmt } from '../../ui/format.ts';
import { observeWidth } from '../../ui/resize.ts';
import { chapterStore } from '../../ui/store.ts';
import { showRejected } from '../../ui/url-note.ts';
import { ch8, SIZES } from '../../state/ch8.ts';
import { latestErrors, medianStepMs, statusLine, trainingChart, type ErrorPoint, type LossPoint } from './view.ts';
import { listen, send } from './worker-client.ts';

/** Batch size and learning rate of the reader's training (the shipped models used 16 and 3e-3). */
const BATCH = 8;
const LEARNING_RATE = 2e-3;

export function mount(root: HTMLElement): () => void {
  const store = chapterStore(root.dataset.store ?? 'ch8', ch8);
  const q = <T extends Element>(selector: string) => root.querySelector(selector) as T;
  const announce = createAnnouncer(q<HTMLElement>('[data-role="announce"]'));
  const status = q<HTMLElement>('[data-role="status"]');
  const warning = q<HTMLElement>('[data-role="warning"]');
  const pause = q<HTMLButtonElement>('[data-action="pause"]');
  const reset = q<HTMLButtonElement>('[data-action="reset"]');
  const lossHolder = q<HTMLElement>('[data-role="chart"]');
  const errorHolder = q<HTMLElement>('[data-role="chart-error"]');

  let backend = 'starting';
  let running = false;
  let losses: LossPoint[] = [];
  let errors: ErrorPoint[] = [];
  let times: { step: number; ms: number }[] = [];
  let tensors: number | undefined;
  let width = 0;
  let frame = 0;
  const notes: string[] = [];
  let skipped = '';

  const draw = (): void => {
    frame = 0;
    status.textContent = statusLine(backend + skipped, medianStepMs(times), tensors);
    if (!width) return;
    lossHolder.replaceChildren(trainingChart(losses, errors, { width, kind: 'loss' }));
    errorHolder.replaceChildren(trainingChart(losses, errors, { width, kind: 'error' }));
  };
  const schedule = (): void => {
    if (!frame) frame = requestAnimationFrame(draw);
  };
  const setRunning = (value: boolean): void => {
    running = value;
    pause.disabled = false;
    reset.disabled = false;
    pause.textContent = running ? 'Pause' : 'Resume';
    pause.setAttribute('aria-pressed', String(!running));
  };
  const note = (text: string): void => {
    if (!notes.includes(text)) notes.push(text);
    showNotes();
  };
  const showNotes = (): void => {
    warning.hidden = notes.length === 0;
    warning.textContent = notes.join(' ');
  };

  const stopListening = listen((m) => {
    switch (m.type) {
      case 'backend': {
        backend = m.choice.name;
        if (m.choice.float16) {
          note('This GPU computes in 16-bit floats: differences of a tenth of a pixel may be lost in its rounding.');
        }
        skipped = m.choice.skipped.length
          ? ` (skipped ${m.choice.skipped.map((s) => `${s.name}: ${s.reason}`).join('; ')})`
          : '';
        schedule();
        return;
      }
      case 'fallback':
        if (m.training) {
          note(`The ${m.from} backend failed (${m.reason}); training continues on ${m.to} from the last snapshot.`);
          announce(`The ${m.from} backend failed; training continues on ${m.to}.`);
        } else {
          note(`The ${m.from} backend failed (${m.reason}); the models now run on ${m.to}.`);
          announce(`The ${m.from} backend failed; the models now run on ${m.to}.`);
        }
        return;
      case 'state':
        setRunning(m.running);
        return;
      case 'step':
        losses.push({ step: m.step, loss: m.loss });
        times.push({ step: m.step, ms: m.ms });
        if (times.length > 200) times = times.slice(-100);
        tensors = m.tensors;
        backend = m.backend;
        q<HTMLElement>('[data-role="step"]').textContent = String(m.step);
        q<HTMLElement>('[data-role="loss"]').textContent = fmt(m.loss, 4);
        schedule();
        return;
      case 'eval': {
        for (const [method, error] of Object.entries(m.errors)) errors.push({ step: m.step, method, error });
        const text = latestErrors(errors);
        q<HTMLElement>('[data-role="errors"]').textContent = text;
        announce(`Step ${m.step}: held-out error ${text}.`);
        schedule();
        return;
      }
      case 'error':
        note(m.message);
        return;
      case 'bench': {
        const body = q<HTMLElement>('[data-role="bench-rows"]');
        body.replaceChildren(
          ...m.rows.map((r) => {
            const tr = document.createElement('tr');
            const th = document.createElement('th');
            th.scope = 'row';
            th.textContent = r.backend;
            const ms = document.createElement('td');
            ms.textContent = r.medianMs === undefined ? '—' : `${fmt(r.medianMs, 1)} ms`;
            const noteCell = document.createElement('td');
            noteCell.textContent = r.note;
            tr.append(th, ms, noteCell);
            return tr;
          }),
        );
        q<HTMLElement>('[data-role="bench"]').hidden = false;
        const gl = m.rows.find((r) => r.backend === 'webgl')?.medianMs;
        const cpu = m.rows.find((r) => r.backend === 'cpu')?.medianMs;
        announce(
          gl && cpu ? `WebGL takes ${fmt(gl / cpu, 2)} times the CPU's step time.` : 'Backend timings are ready.',
        );
        return;
      }
      default:
    }
  });

  const start = (from: 'scratch' | 'shipped'): void => {
    const s = store.get();
    losses = [];
    errors = [];
    times = [];
    send({ type: 'init' });
    send({
      type: 'train',
      from,
      config: {
        head: s.head,
        size: Number(s.size),
        target: s.target,
        batch: BATCH,
        learningRate: from === 'scratch' ? LEARNING_RATE : LEARNING_RATE / 4,
        seed: 1,
      },
    });
  };
  const onClick = (event: Event): void => {
    const action = (event.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset.action;
    if (action === 'scratch') start('scratch');
    else if (action === 'finetune') start('shipped');
    else if (action === 'pause') send({ type: running ? 'pause' : 'resume' });
    else if (action === 'reset') {
      send({ type: 'reset' });
      losses = [];
      errors = [];
      times = [];
      schedule();
    } else if (action === 'lose') send({ type: 'lose-context' });
    else if (action === 'bench') send({ type: 'bench', steps: 10 });
  };
  root.addEventListener('click', onClick);
  const stopWidth = observeWidth(lossHolder, (w) => {
    width = w;
    schedule();
  });
  // The target toggle only applies to the heatmap head; fine-tuning needs a shipped model of that size.
  const finetune = q<HTMLButtonElement>('[data-action="finetune"]');
  const unsubscribe = store.subscribe((s) => {
    q<HTMLElement>('[data-param-group="target"]')?.toggleAttribute('hidden', s.head !== 'heatmap');
    finetune.disabled = !SIZES.includes(Number(s.size));
  });
  const unbind = bindControls(root, store);
  showRejected(root, store);
  // The backend is chosen as the figure starts, so that its status line (and a float16 warning)
  // is there before the first step.
  send({ type: 'init' });
  return () => {
    send({ type: 'pause' });
    if (frame) cancelAnimationFrame(frame);
    stopListening();
    stopWidth();
    unsubscribe();
    unbind();
    root.removeEventListener('click', onClick);
  };
}
