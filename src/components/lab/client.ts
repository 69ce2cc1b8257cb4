/**
 * The Decoder Lab's interactive half: reads the reader's files (PNGs here, `.npy` and JSON in
 * the worker), keeps the settings in the URL, decodes in a worker with a progress bar, and
 * draws the results. Every bad input becomes a message; the page keeps working.
 */
import {
  checkFileSize,
  DECODER_IDS,
  groundTruthInHeatmap,
  LAB_LIMITS,
  labCsv,
  labJson,
  LabInputError,
  parseGroundTruth,
  stackFromImages,
  type LabImage,
  type LabRow,
  type LabSettings,
  type LabStack,
  type NonFiniteReport,
  type Point,
} from '../../lib/index.ts';
import { bindControls } from '../ui/controls.ts';
import { fmt } from '../ui/format.ts';
import { domainOf } from '../ui/colormap.ts';
import { createHeatmapView } from '../ui/heatmap-view.ts';
import { chapterStore } from '../ui/store.ts';
import { showRejected } from '../ui/url-note.ts';
import type { LabRequest, LabResponse } from './decode-worker.ts';
import { chosenDecoders, labSchema, type LabState } from './state.ts';
import { mapLines, nonFiniteMessage, stackLine, summaryLines, tableLines } from './view.ts';

const SVG = 'http://www.w3.org/2000/svg';
/** Half the close-up's side, cells. */
const ZOOM = 3;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
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

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function mount(root: HTMLElement): () => void {
  const store = chapterStore(root.dataset.store ?? 'lab', labSchema);
  const q = <T extends Element>(selector: string) => root.querySelector(selector) as T;
  const messages = q<HTMLElement>('[data-role="messages"]');
  const status = q<HTMLElement>('[data-role="status"]');
  const progress = q<HTMLProgressElement>('[data-role="progress"]');
  const results = q<HTMLElement>('[data-role="results"]');
  const drop = q<HTMLElement>('[data-role="drop"]');
  const fileInput = q<HTMLInputElement>('[data-role="file"]');
  const truthInput = q<HTMLInputElement>('[data-role="truth-file"]');
  const mapInput = q<HTMLInputElement>('[data-role="map-index"]');
  const readout = q<HTMLElement>('[data-role="readout"]');
  const fullView = createHeatmapView({ canvas: q<HTMLCanvasElement>('[data-role="full"] canvas'), readout });
  const zoomView = createHeatmapView({ canvas: q<HTMLCanvasElement>('[data-role="zoom"] canvas'), readout });

  let worker: Worker | undefined;
  let job = 0;
  let stack: LabStack | undefined;
  let report: NonFiniteReport | undefined;
  let truthFile: { name: string; text: string } | undefined;
  let truth: Point[] | undefined;
  let rows: LabRow[] = [];
  let fileMessages: string[] = [];
  let truthMessage: string | undefined;

  const showMessages = (): void => {
    const all = [...fileMessages, ...(truthMessage ? [truthMessage] : [])];
    if (stack && report) {
      const nf = nonFiniteMessage(stack, report);
      if (nf) all.push(nf);
    }
    messages.replaceChildren(...all.map((m) => el('p', m)));
  };

  const settingsOf = (s: Readonly<LabState>): LabSettings => ({
    decoders: chosenDecoders(s, DECODER_IDS),
    kernel: Number(s.kernel),
    beta: s.beta,
    stride: s.stride,
  });

  const send = (request: LabRequest, transfer: Transferable[] = []): void => {
    if (!worker) {
      worker = new Worker(new URL('./decode-worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<LabResponse>) => receive(event.data);
      worker.onerror = () => {
        fileMessages = ['The decoding worker stopped unexpectedly; reload the page to try again.'];
        showMessages();
      };
    }
    worker.postMessage(request, transfer);
  };

  // Ground truth in heatmap pixels, checked against the loaded stack.
  const updateTruth = (): void => {
    truth = undefined;
    truthMessage = undefined;
    if (truthFile && stack) {
      try {
        const points = parseGroundTruth(truthFile.text, truthFile.name, stack.n * stack.k);
        const s = store.get();
        truth = groundTruthInHeatmap(points, s.units, s.stride);
      } catch (error) {
        if (!(error instanceof LabInputError)) throw error;
        truthMessage = error.message;
      }
    }
    showMessages();
  };

  const decode = (): void => {
    if (!stack) return;
    const settings = settingsOf(store.get());
    job += 1;
    progress.hidden = false;
    progress.value = 0;
    status.textContent = `Decoding ${stack.n * stack.k} maps…`;
    send({ type: 'decode', job, settings, ...(truth ? { truth } : {}) });
  };

  function receive(message: LabResponse): void {
    if (message.job !== job) return;
    if (message.type === 'error') {
      progress.hidden = true;
      status.textContent = '';
      fileMessages = [message.message];
      showMessages();
      return;
    }
    if (message.type === 'loaded') {
      stack = message.stack;
      report = message.report;
      rows = [];
      results.hidden = true;
      fileMessages = [];
      const s = store.get();
      if (s.map >= stack.n * stack.k) store.set({ map: 0 });
      mapInput.max = String(stack.n * stack.k - 1);
      updateTruth();
      decode();
      return;
    }
    if (message.type === 'progress') {
      progress.value = message.done / message.total;
      status.textContent = `Decoding: ${message.done} of ${message.total} maps`;
      return;
    }
    rows = message.rows;
    progress.hidden = true;
    status.textContent = `Decoded ${rows.length} maps with ${settingsOf(store.get()).decoders.length} decoders.`;
    results.hidden = false;
    render();
  }

  // Loading files: one .npy or JSON (parsed in the worker), or PNGs (one per keypoint).
  const load = async (files: File[]): Promise<void> => {
    if (!files.length) return;
    fileMessages = [];
    try {
      for (const f of files) checkFileSize(f.name, f.size);
      const pngs = files.filter((f) => /\.png$/i.test(f.name) || f.type === 'image/png');
      if (pngs.length === files.length) {
        pngs.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
        const images = [];
        for (const f of pngs) images.push(await readImage(f));
        job += 1;
        send({ type: 'set', job, stack: stackFromImages(images) });
        status.textContent = `Reading ${pngs.length} images…`;
        return;
      }
      if (files.length > 1) {
        throw new LabInputError(
          `${files.length} files: choose one .npy or .json file, or PNG images only (one per keypoint)`,
        );
      }
      const file = files[0] as File;
      const kind = /\.json$/i.test(file.name) || file.type === 'application/json' ? 'json' : 'npy';
      if (kind === 'npy' && !/\.npy$/i.test(file.name)) {
        throw new LabInputError(`${file.name}: expected a .npy, .json or .png file`);
      }
      const buffer = await file.arrayBuffer();
      job += 1;
      status.textContent = `Reading ${file.name}…`;
      send({ type: 'load', job, kind, name: file.name, buffer }, [buffer]);
    } catch (error) {
      if (!(error instanceof LabInputError)) throw error;
      fileMessages = [error.message];
      showMessages();
    }
  };

  const loadSample = async (): Promise<void> => {
    try {
      const [npy, gt] = await Promise.all([fetch('/lab/sample.npy'), fetch('/lab/sample-truth.json')]);
      if (!npy.ok || !gt.ok) throw new Error(`HTTP ${npy.ok ? gt.status : npy.status}`);
      truthFile = { name: 'sample-truth.json', text: await gt.text() };
      store.set({ units: 'input', stride: 4 });
      const buffer = await npy.arrayBuffer();
      job += 1;
      status.textContent = 'Reading the sample…';
      send({ type: 'load', job, kind: 'npy', name: 'sample.npy', buffer }, [buffer]);
    } catch (error) {
      fileMessages = [`The sample could not be loaded (${(error as Error).message}).`];
      showMessages();
    }
  };

  // Drawing the results.
  const markers = (
    svg: SVGSVGElement,
    row: LabRow,
    decoders: readonly string[],
    dx: number,
    dy: number,
    size: number,
  ) => {
    const parts: SVGElement[] = [];
    for (const id of decoders) {
      const p = row.points[id as keyof LabRow['points']];
      if (!p) continue;
      const use = document.createElementNS(SVG, 'use');
      use.setAttribute('href', `#lab-glyph-${id}`);
      use.setAttribute('class', `marker decoder-${id}`);
      use.setAttribute('transform', `translate(${p.x - dx} ${p.y - dy}) scale(${size})`);
      parts.push(use);
    }
    if (row.truth) {
      const ring = document.createElementNS(SVG, 'circle');
      ring.setAttribute('class', 'truth');
      ring.setAttribute('cx', String(row.truth.x - dx));
      ring.setAttribute('cy', String(row.truth.y - dy));
      ring.setAttribute('r', String(size * 2));
      parts.push(ring);
    }
    svg.append(...parts);
  };

  const renderMap = (s: Readonly<LabState>, decoders: readonly string[]): void => {
    if (!stack) return;
    const total = stack.n * stack.k;
    const index = Math.min(total - 1, s.map);
    const { w, h } = stack;
    const size = w * h;
    const values = stack.data.subarray(index * size, (index + 1) * size);
    const row = rows[index];
    q<HTMLElement>('[data-role="map-name"]').textContent =
      `sample ${Math.floor(index / stack.k)}, keypoint ${index % stack.k}`;
    if (mapInput.value !== String(index)) mapInput.value = String(index);
    // The whole map.
    const full = q<HTMLElement>('[data-role="full"]');
    full.style.aspectRatio = `${w} / ${h}`;
    // The finite values' range (a spread of a million values would overflow the call stack).
    const domain = domainOf(values);
    fullView.draw(values, w, h, domain);
    const fullSvg = q<SVGSVGElement>('[data-role="full-overlay"]');
    fullSvg.setAttribute('viewBox', `-0.5 -0.5 ${w} ${h}`);
    fullSvg.replaceChildren();
    // The close-up: 7 × 7 cells around the argmax, clamped to the map.
    const peak = row?.points.argmax ?? { x: Math.floor(w / 2), y: Math.floor(h / 2) };
    const x0 = Math.max(0, Math.min(w - (2 * ZOOM + 1), Math.round(peak.x) - ZOOM));
    const y0 = Math.max(0, Math.min(h - (2 * ZOOM + 1), Math.round(peak.y) - ZOOM));
    const zw = Math.min(w, 2 * ZOOM + 1);
    const zh = Math.min(h, 2 * ZOOM + 1);
    const box = document.createElementNS(SVG, 'rect');
    box.setAttribute('class', 'zoom-box');
    box.setAttribute('x', String(x0 - 0.5));
    box.setAttribute('y', String(y0 - 0.5));
    box.setAttribute('width', String(zw));
    box.setAttribute('height', String(zh));
    fullSvg.append(box);
    if (row && !row.skipped) markers(fullSvg, row, decoders, 0, 0, Math.max(0.45, w / 80));
    const crop = new Float32Array(zw * zh);
    for (let y = 0; y < zh; y++)
      for (let x = 0; x < zw; x++) crop[y * zw + x] = values[(y0 + y) * w + x0 + x] as number;
    const zoom = q<HTMLElement>('[data-role="zoom"]');
    zoom.style.aspectRatio = `${zw} / ${zh}`;
    zoomView.draw(crop, zw, zh, domain);
    const zoomSvg = q<SVGSVGElement>('[data-role="zoom-overlay"]');
    zoomSvg.setAttribute('viewBox', `-0.5 -0.5 ${zw} ${zh}`);
    zoomSvg.replaceChildren();
    if (row && !row.skipped) markers(zoomSvg, row, decoders, x0, y0, 0.16);
    // Its points.
    q<HTMLElement>('[data-role="points"]').replaceChildren(
      ...mapLines(row, settingsOf(s).decoders, s.stride).map((line) => {
        const tr = el('tr');
        const th = el('th');
        th.scope = 'row';
        th.textContent = line.label;
        tr.append(th, el('td', line.heatmap), el('td', line.input), el('td', line.error));
        return tr;
      }),
    );
  };

  const renderTable = (s: Readonly<LabState>): void => {
    const decoders = settingsOf(s).decoders;
    const { lines, note } = tableLines(rows, decoders, s.sort);
    q<HTMLElement>('[data-role="note"]').textContent = note;
    const head = el('tr');
    for (const text of ['Map (n, k)', 'Spread, input px', ...decoders.flatMap((id) => [id, `${id} error`])]) {
      const th = el('th', text);
      th.scope = 'col';
      head.append(th);
    }
    q<HTMLElement>('[data-role="head"]').replaceChildren(head);
    q<HTMLElement>('[data-role="rows"]').replaceChildren(
      ...lines.map((line) => {
        const tr = el('tr', undefined, line.flagged ? 'flagged' : '');
        tr.dataset.index = String(line.index);
        tr.setAttribute('aria-current', line.index === s.map ? 'true' : 'false');
        const th = el('th');
        th.scope = 'row';
        const pick = el('button', line.map, 'pick');
        pick.type = 'button';
        pick.dataset.pick = String(line.index);
        pick.setAttribute(
          'aria-label',
          `Show map ${line.map}${line.flagged ? ', where the decoders disagree most' : ''}`,
        );
        th.append(pick);
        tr.append(th, el('td', line.skipped ? `skipped: ${line.skipped}` : line.spread));
        for (const c of line.cells) tr.append(el('td', c.point), el('td', c.error));
        return tr;
      }),
    );
  };

  const renderSummary = (s: Readonly<LabState>): void => {
    q<HTMLElement>('[data-role="summary"]').replaceChildren(
      ...summaryLines(rows, settingsOf(s).decoders).map((line) => {
        const tr = el('tr');
        const th = el('th', line.label);
        th.scope = 'row';
        tr.append(th, el('td', line.mean), el('td', line.median), el('td', line.p95), el('td', line.max));
        return tr;
      }),
    );
  };

  function render(): void {
    if (!stack) return;
    const s = store.get();
    q<HTMLElement>('[data-role="loaded"]').textContent =
      `${stackLine(stack)} ${truth ? `Ground truth: ${truthFile?.name}, ${s.units} pixels, stride ${fmt(s.stride, 2)}.` : 'No ground truth: errors are not shown.'}`;
    renderSummary(s);
    renderMap(s, settingsOf(s).decoders);
    renderTable(s);
  }

  // The settings: checkboxes and number inputs here, radios through bindControls.
  const checkboxes = Array.from(root.querySelectorAll<HTMLInputElement>('input[data-decoder]'));
  const numbers = Array.from(root.querySelectorAll<HTMLInputElement>('input[data-number]'));
  let decodedWith = '';
  let frame = 0;
  const onState = (): void => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const s = store.get();
      for (const box of checkboxes) box.checked = s[box.dataset.decoder as keyof LabState] as boolean;
      for (const input of numbers) {
        const key = input.dataset.number as 'stride' | 'beta';
        if (document.activeElement !== input && Number(input.value) !== s[key]) input.value = String(s[key]);
      }
      const key = JSON.stringify([settingsOf(s), s.units]);
      if (key !== decodedWith) {
        decodedWith = key;
        updateTruth();
        decode();
      } else {
        render();
      }
    });
  };
  const unsubscribe = store.subscribe(onState);
  const unbind = bindControls(root, store);

  const onChange = (event: Event): void => {
    const target = event.target as HTMLInputElement;
    if (target.dataset.decoder) {
      const id = target.dataset.decoder as keyof LabState;
      // At least one decoder stays on.
      if (!target.checked && checkboxes.filter((c) => c.checked).length === 0) {
        target.checked = true;
        return;
      }
      store.set({ [id]: target.checked } as Partial<LabState>);
    } else if (target.dataset.number) {
      const value = Number(target.value);
      if (target.value !== '' && Number.isFinite(value))
        store.set({ [target.dataset.number]: value } as Partial<LabState>);
    } else if (target === mapInput) {
      const value = Number(mapInput.value);
      if (Number.isInteger(value) && value >= 0)
        store.set({ map: stack ? Math.min(stack.n * stack.k - 1, value) : value });
    } else if (target === fileInput) {
      void load(Array.from(fileInput.files ?? []));
    } else if (target === truthInput) {
      const file = truthInput.files?.[0];
      if (!file) return;
      void file.text().then((text) => {
        truthFile = { name: file.name, text };
        onTruthChange();
      });
    }
  };
  const onTruthChange = (): void => {
    decodedWith = '';
    onState();
  };

  const onClick = (event: Event): void => {
    const target = (event.target as HTMLElement).closest<HTMLElement>('button');
    if (!target) return;
    const action = target.dataset.action;
    const total = stack ? stack.n * stack.k : 0;
    if (target.dataset.pick) store.set({ map: Number(target.dataset.pick) });
    else if (action === 'sample') void loadSample();
    else if (action === 'prev' && total) store.set({ map: (store.get().map - 1 + total) % total });
    else if (action === 'next' && total) store.set({ map: (store.get().map + 1) % total });
    else if (action === 'csv' && rows.length)
      download('subpixel-lab.csv', 'text/csv', labCsv(rows, settingsOf(store.get())));
    else if (action === 'json' && rows.length && stack)
      download('subpixel-lab.json', 'application/json', labJson(rows, settingsOf(store.get()), stack.source));
  };

  const onDragOver = (event: DragEvent): void => {
    event.preventDefault();
    drop.classList.add('over');
  };
  const onDragLeave = (): void => drop.classList.remove('over');
  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    drop.classList.remove('over');
    void load(Array.from(event.dataTransfer?.files ?? []));
  };

  root.addEventListener('change', onChange);
  root.addEventListener('click', onClick);
  drop.addEventListener('dragover', onDragOver);
  drop.addEventListener('dragleave', onDragLeave);
  drop.addEventListener('drop', onDrop);
  showRejected(root, store);

  return () => {
    worker?.terminate();
    if (frame) cancelAnimationFrame(frame);
    unsubscribe();
    unbind();
    fullView.destroy();
    zoomView.destroy();
    root.removeEventListener('change', onChange);
    root.removeEventListener('click', onClick);
    drop.removeEventListener('dragover', onDragOver);
    drop.removeEventListener('dragleave', onDragLeave);
    drop.removeEventListener('drop', onDrop);
  };
}
