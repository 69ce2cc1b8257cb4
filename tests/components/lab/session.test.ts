/**
 * The Lab's page session (`session.ts`, `createLabSession`) with a fake worker client that
 * decodes with the library, as the worker does: it decodes an input once a frame, again only when
 * a setting the decode depends on (`runKey`) changes, shows what it learns in the Lab's sources,
 * keeps the selected map within the rows, and says when decoding fails. `connectLab` shares one
 * session among the parts connected to it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportText } from '../../../src/components/lab/exports.ts';
import { connectLab, createLabSession, type LabSession } from '../../../src/components/lab/session.ts';
import { labDecoded, labLoaded, labSelected, labStatus, type LabDecoded } from '../../../src/components/lab/sources.ts';
import { labSchema, runOf, type LabState } from '../../../src/components/lab/state.ts';
import { decodedLine, nonFiniteMessage } from '../../../src/components/lab/view/texts.ts';
import type { LabClient } from '../../../src/components/lab/worker-client.ts';
import type { MapValues } from '../../../src/components/lab/worker/protocol.ts';
import { download } from '../../../src/components/ui/export-figure.ts';
import { createStore, flushUrl, type Store } from '../../../src/components/ui/store.ts';
import { runKey, type LabRun, type LabStack, type PlanContext } from '../../../src/lib/index.ts';
import { decodeWith, heatmapInput, pointsFile, sampleOf, summaryOf } from './decoded.ts';

// The page's download (an <a> clicked): the tests read what it was given.
vi.mock('../../../src/components/ui/export-figure.ts', () => ({ download: vi.fn() }));

/** The sources as the page starts, to put back after each test. */
const initial = {
  loaded: labLoaded.get(),
  status: labStatus.get(),
  decoded: labDecoded.get(),
  selected: labSelected.get(),
};

type Sent = Parameters<LabClient['send']>[0];

/**
 * A worker client that answers as the Lab's worker does, with the library: a load gives the
 * summary of `stack` (or `refusal`), a decode the library's result for the run (or `failure`),
 * a map request that map's values.
 */
function fakeClient() {
  const crashListeners: ((message: string) => void)[] = [];
  const fake = {
    stack: sampleOf(2).stack as LabStack,
    context: { truth: [] } as PlanContext,
    refusal: undefined as string | undefined,
    /** How the worker says it read the file, if it says so. */
    note: undefined as string | undefined,
    failure: undefined as string | undefined,
    /** The worker stopped: decodes resolve with no answer, as the real client's do. */
    stopped: false,
    sent: [] as Sent[],
    decodes: [] as LabRun[],
    maps: [] as number[],
    terminated: false,
    job: 0,
    mapOf(index: number): MapValues {
      const size = fake.stack.w * fake.stack.h;
      return {
        kind: 'heatmap',
        values: fake.stack.data.slice(index * size, (index + 1) * size),
        w: fake.stack.w,
        h: fake.stack.h,
      };
    },
    crash(message: string) {
      for (const listener of crashListeners) listener(message);
    },
  };
  const client: LabClient = {
    async send(request) {
      fake.sent.push(request);
      const job = (fake.job += 1);
      if (request.type !== 'load') return { type: 'idle', job };
      if (fake.refusal !== undefined) return { type: 'error', job, role: request.role, message: fake.refusal };
      const summary = summaryOf(fake.stack, request.files[0]?.name);
      return {
        type: 'loaded',
        job,
        role: request.role,
        summary: fake.note ? { ...summary, note: fake.note } : summary,
      };
    },
    async decode(run, progress) {
      fake.decodes.push(run);
      if (fake.stopped) return undefined;
      if (fake.failure !== undefined) return { error: fake.failure };
      const total = fake.stack.n * fake.stack.k;
      progress(total / 2, total);
      progress(total, total);
      return { result: await decodeWith(heatmapInput(fake.stack), run, fake.context) };
    },
    async map(index) {
      fake.maps.push(index);
      return fake.mapOf(index);
    },
    onCrash(listener) {
      crashListeners.push(listener);
    },
    terminate() {
      fake.terminated = true;
    },
  };
  return { fake, client };
}

/** The animation frames requested and not yet run or cancelled. */
const frames = new Map<number, () => void>();
let nextFrame = 0;
/** Runs the pending animation frames. */
const runFrames = () => {
  const now = [...frames.values()];
  frames.clear();
  now.forEach((f) => f());
};
/** Lets every pending promise settle (the fake answers without timers). */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const npyFile = (name = 'maps.npy') => new File([new Uint8Array(16)], name);

let store: Store<LabState>;
let session: LabSession | undefined;
let fake: ReturnType<typeof fakeClient>['fake'];
let client: LabClient;

/** A session on a fresh store with a fake client. */
function start(): LabSession {
  const made = fakeClient();
  fake = made.fake;
  client = made.client;
  session = createLabSession(store, made.client);
  return session;
}

/** Loads `name` as the input, runs the frame it asks for, and waits for the decode and its map. */
async function loadAndDecode(s: LabSession, name = 'maps.npy'): Promise<LabDecoded> {
  await s.actions.input([npyFile(name)]);
  runFrames();
  await settle();
  const decoded = labDecoded.get();
  if (!decoded) throw new Error('nothing decoded');
  return decoded;
}

beforeEach(() => {
  frames.clear();
  vi.stubGlobal('location', new URL('https://example.org/lab/'));
  vi.stubGlobal('history', { state: null, replaceState: () => {} });
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => {
    frames.set((nextFrame += 1), f);
    return nextFrame;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
  store = createStore('lab', labSchema, new URLSearchParams());
});

afterEach(() => {
  session?.stop();
  session = undefined;
  // The store writes the URL a moment after a change: write it now, while there is a URL.
  flushUrl();
  vi.unstubAllGlobals();
  vi.mocked(download).mockClear();
  labLoaded.set(initial.loaded);
  labStatus.set(initial.status);
  labDecoded.set(initial.decoded);
  labSelected.set(initial.selected);
});

describe('createLabSession(store, client): decoding', () => {
  it('decodes a loaded input once per frame, under the run of the state as the frame runs', async () => {
    const s = start();
    await s.actions.input([npyFile()]);
    expect(labLoaded.get().input).toEqual(summaryOf(fake.stack, 'maps.npy'));
    // Two settings change in the same frame: still one decode, under both.
    store.set({ beta: 10 });
    store.set({ kernel: '5' });
    expect(frames.size).toBe(1);
    expect(fake.decodes).toHaveLength(0);
    runFrames();
    await settle();
    expect(fake.decodes).toEqual([runOf(store.get())]);
    expect(fake.decodes[0]).toMatchObject({ beta: 10, kernel: 5 });
    expect(frames.size).toBe(0);
  });

  it('shows the result in labDecoded with the run it was decoded under, and fetches the selected map', async () => {
    const s = start();
    const seen: (number | null)[] = [labStatus.get().progress];
    const stop = labStatus.subscribe(() => {
      const { progress } = labStatus.get();
      if (seen.at(-1) !== progress) seen.push(progress);
    });
    const decoded = await loadAndDecode(s);
    stop();
    const run = runOf(store.get());
    expect(decoded.run).toEqual(run);
    expect(decoded.result).toEqual(await decodeWith(heatmapInput(fake.stack), run));
    expect(labStatus.get()).toMatchObject({ progress: null, line: decodedLine(decoded.result) });
    // No progress bar, then the decode's progress as the worker reports it, then none again.
    expect(seen).toEqual([null, 0, 1 / 2, 1, null]);
    expect(labSelected.get()).toEqual({ decoded, index: 0, map: fake.mapOf(0) });
  });

  it('says the decode’s notes and problems, and where the NaN cells are', async () => {
    const s = start();
    const { stack, truth } = sampleOf(2);
    const data = stack.data.slice();
    data[3 * stack.w * stack.h + 5] = Number.NaN;
    fake.stack = { ...stack, data };
    fake.context = { truth: [pointsFile(truth)] };
    const { result } = await loadAndDecode(s);
    expect(result.nonFinite).toBeDefined();
    expect(labStatus.get().problems.decode).toEqual([
      ...result.messages,
      nonFiniteMessage(result.source, result.nonFinite!),
    ]);
    expect(labStatus.get().notes.decode).toEqual(result.notes);
    expect(result.notes.length).toBeGreaterThan(0);
  });

  it('says how the input was read, when the worker says so', async () => {
    const s = start();
    fake.note = 'read as channels last';
    await s.actions.input([npyFile()]);
    expect(labStatus.get().notes.input).toEqual(['maps.npy: read as channels last.']);
    fake.note = undefined;
    await s.actions.input([npyFile()]);
    expect(labStatus.get().notes.input).toEqual([]);
  });

  it('decodes again when a setting the decode depends on changes, but not for the order, the map or SimCC’s settings', async () => {
    const s = start();
    await loadAndDecode(s);
    const before = runOf(store.get());
    store.set({ sort: 'error' });
    store.set({ map: 3 });
    store.set({ split: 4, sigmaX: 3 });
    // For heatmaps, SimCC's split ratio and σ are not part of the decode.
    expect(runKey(runOf(store.get()), 'heatmaps')).toBe(runKey(before, 'heatmaps'));
    expect(frames.size).toBe(0);
    await settle();
    expect(fake.decodes).toHaveLength(1);
    store.set({ dark: false });
    expect(frames.size).toBe(1);
    runFrames();
    await settle();
    expect(fake.decodes).toHaveLength(2);
    expect(labDecoded.get()?.run.decoders).not.toContain('dark');
    // The selected map stays as it was.
    expect(labSelected.get()?.index).toBe(3);
  });

  it('decodes again when the flipped maps or the ground truth change', async () => {
    const s = start();
    await loadAndDecode(s);
    await s.actions.flipped([npyFile('flipped.npy')]);
    expect(labLoaded.get().flipped?.source).toBe('flipped.npy');
    expect(frames.size).toBe(1);
    runFrames();
    await settle();
    expect(fake.decodes).toHaveLength(2);
    await s.actions.truth([new File(['[]'], 'truth.json')]);
    expect(labStatus.get().truth).toEqual(['truth.json']);
    expect(frames.size).toBe(1);
    runFrames();
    await settle();
    expect(fake.decodes).toHaveLength(3);
  });

  it('shows a failed decode’s error under decode, and clears the last decode', async () => {
    const s = start();
    await loadAndDecode(s);
    fake.failure = 'the maps ran out';
    store.set({ kernel: '3' });
    runFrames();
    await settle();
    expect(labStatus.get()).toMatchObject({ progress: null, line: '' });
    expect(labStatus.get().problems.decode).toEqual(['the maps ran out']);
    expect(labDecoded.get()).toBeNull();
    expect(labSelected.get()).toBeNull();
  });

  it('says when the worker stops unexpectedly, and forgets what it held', async () => {
    const s = start();
    await loadAndDecode(s);
    fake.crash('out of memory');
    expect(labStatus.get().problems.decode).toEqual([
      'The decoding worker stopped unexpectedly; choose the file again, or reload the page.',
    ]);
    // A new worker starts with no files: nothing is loaded, and a change of setting decodes nothing.
    expect(labLoaded.get()).toEqual({});
    expect(labDecoded.get()).toBeNull();
    store.set({ beta: 2 });
    expect(frames.size).toBe(0);
  });

  it('a decode the worker leaves unanswered (it stopped) takes its progress bar with it', async () => {
    const s = start();
    fake.stopped = true;
    await s.actions.input([npyFile()]);
    runFrames();
    await settle();
    expect(labStatus.get()).toMatchObject({ progress: null, line: '' });
  });

  it('a decode superseded by a newer one leaves the status to the newer one', async () => {
    const s = start();
    await s.actions.input([npyFile()]);
    // The first decode waits, and is answered as superseded (no answer) once the second has begun.
    let release: () => void = () => {};
    const first = new Promise<void>((resolve) => (release = resolve));
    const decode = client.decode;
    client.decode = async (run, progress) => {
      if (fake.decodes.length) return decode(run, progress);
      fake.decodes.push(run);
      await first;
      return undefined;
    };
    runFrames();
    store.set({ beta: 2 });
    runFrames();
    release();
    await settle();
    expect(labStatus.get().line).toMatch(/^Decoded 34 maps/);
  });

  it('drops the pending decode and the last result when the input is refused', async () => {
    const s = start();
    await loadAndDecode(s);
    store.set({ beta: 2 });
    expect(frames.size).toBe(1);
    fake.refusal = 'maps.npy: not a .npy file';
    await s.actions.input([npyFile()]);
    expect(frames.size).toBe(0);
    expect(labLoaded.get().input).toBeUndefined();
    expect(labDecoded.get()).toBeNull();
    expect(labStatus.get().problems.input).toEqual(['maps.npy: not a .npy file']);
    expect(fake.decodes).toHaveLength(1);
  });

  it('stops: cancels the pending frame, stops following the store and terminates the client', async () => {
    const s = start();
    await s.actions.input([npyFile()]);
    s.stop();
    session = undefined;
    expect(frames.size).toBe(0);
    expect(fake.terminated).toBe(true);
    store.set({ beta: 3 });
    expect(frames.size).toBe(0);
  });
});

describe('createLabSession(store, client): the selected map', () => {
  it('clamps a map past the last row to the last, and fetches it', async () => {
    const s = start();
    const { result } = await loadAndDecode(s);
    const last = result.rows.length - 1;
    store.set({ map: last + 20 });
    expect(store.get().map).toBe(last);
    await settle();
    expect(labSelected.get()).toMatchObject({ index: last, map: fake.mapOf(last) });
  });

  it('fetches the map the reader picks', async () => {
    const s = start();
    await loadAndDecode(s);
    store.set({ map: 7 });
    await settle();
    expect(fake.maps.at(-1)).toBe(7);
    expect(labSelected.get()?.index).toBe(7);
  });

  it('resets the map to 0 when a new result has fewer rows, and keeps it when it fits', async () => {
    const s = start();
    await loadAndDecode(s);
    store.set({ map: 30 });
    await settle();
    fake.stack = sampleOf(1).stack;
    const { result } = await loadAndDecode(s, 'small.npy');
    expect(result.rows).toHaveLength(17);
    expect(store.get().map).toBe(0);
    expect(labSelected.get()).toMatchObject({ index: 0, map: fake.mapOf(0) });
    // One request for the new first map, not one for the reset and one for the result.
    expect(fake.maps.slice(-2)).toEqual([30, 0]);
    store.set({ map: 12 });
    fake.stack = sampleOf(2).stack;
    await loadAndDecode(s, 'again.npy');
    expect(store.get().map).toBe(12);
  });
});

describe('createLabSession(store, client): exports', () => {
  it('downloads the latest decode as the library writes it, and nothing before one', async () => {
    const s = start();
    s.actions.exportAs('csv');
    expect(download).not.toHaveBeenCalled();
    const decoded = await loadAndDecode(s);
    s.actions.exportAs('json');
    const [blob, name] = vi.mocked(download).mock.calls[0]!;
    const expected = exportText('json', decoded);
    expect(name).toBe(expected.name);
    expect(blob.type).toBe(expected.type);
    expect(await blob.text()).toBe(expected.text);
  });
});

describe('connectLab()', () => {
  it('shares one session among its connections, and stops it when the last disconnects', () => {
    const a = connectLab();
    const b = connectLab();
    expect(b.actions).toBe(a.actions);
    // A second disconnect of the same connection counts once.
    a.disconnect();
    a.disconnect();
    const c = connectLab();
    expect(c.actions).toBe(a.actions);
    b.disconnect();
    c.disconnect();
    const d = connectLab();
    expect(d.actions).not.toBe(a.actions);
    d.disconnect();
  });
});
