/**
 * createLoading with a fake worker client: each of the reader's requests is checked against the
 * library's size limits, handed to the worker, and its answer becomes what the page shows (the
 * status, its slot's messages) and what the session hears (`LoadEvents`); a refusal becomes its
 * own slot's message, which loading that kind of file again replaces.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLoading, type LoadEvents } from '../../../src/components/lab/loading.ts';
import { labStatus, sayProblems } from '../../../src/components/lab/sources.ts';
import { labSchema, type LabState } from '../../../src/components/lab/state.ts';
import type { LabClient } from '../../../src/components/lab/worker-client.ts';
import { createStore, flushUrl, type Store } from '../../../src/components/ui/store.ts';
import {
  GROUND_TRUTH_LIMITS,
  LAB_LIMITS,
  LAB_SAMPLE,
  stackFromImages,
  type ArchiveChoice,
  type InputSummary,
  type LabImage,
} from '../../../src/lib/index.ts';

// Images are decoded with the page's canvas: here, each PNG is a 4 × 4 image of its own value.
vi.mock('../../../src/components/lab/images.ts', async (original) => ({
  ...(await original<typeof import('../../../src/components/lab/images.ts')>()),
  readImage: async (file: File): Promise<LabImage> => ({
    name: file.name,
    width: 4,
    height: 4,
    rgba: new Uint8ClampedArray(64).fill(Number(/\d+/.exec(file.name)?.[0] ?? 0)),
  }),
}));

// The real model's sample runs chapter 9's runtime: here, a stack of one map.
vi.mock('../../../src/components/figures/blazepose/lab-source.ts', () => ({
  bundledPhotoHeatmaps: async () => ({
    stack: { n: 1, k: 1, h: 2, w: 2, data: new Float32Array(4), source: 'BlazePose lite' },
    names: ['nose'],
    stride: 4,
    regressed: [],
    accelerator: 'wasm',
  }),
}));

type Sent = Parameters<LabClient['send']>[0];
type Answer = Awaited<ReturnType<LabClient['send']>>;

const summaryOf = (source: string): InputSummary => ({ kind: 'heatmaps', source, n: 1, k: 17, h: 64, w: 48 });
const choice: ArchiveChoice = {
  file: 'out.npz',
  arrays: [
    { name: 'heatmaps', bytes: 10 },
    { name: 'offsets', bytes: 4 },
  ],
};

/** A File as the page's input gives it: a name, a size and its bytes. */
const file = (name: string, size = 8, type = '') =>
  ({ name, size, type, arrayBuffer: async () => new Uint8Array(size).fill(7).buffer }) as unknown as File;

/** A client whose worker answers loads with `answer` (default: the summary of the first file) and the rest with idle. */
function fakeClient(answer?: (request: Sent, job: number) => Answer | undefined) {
  const sent: Sent[] = [];
  let job = 0;
  const client = {
    async send(request: Sent): Promise<Answer> {
      sent.push(request);
      job += 1;
      const given = answer?.(request, job);
      if (given) return given;
      if (request.type === 'load')
        return { type: 'loaded', job, role: request.role, summary: summaryOf(request.files[0]!.name) };
      if (request.type === 'reread') return { type: 'loaded', job, role: request.role, summary: summaryOf('reread') };
      if (request.type === 'set')
        return { type: 'loaded', job, role: 'input', summary: summaryOf(request.stack.source) };
      return { type: 'idle', job };
    },
  } as unknown as LabClient;
  return { client, sent };
}

const initial = labStatus.get();
let store: Store<LabState>;
let events: { input: ReturnType<typeof vi.fn>; flipped: ReturnType<typeof vi.fn>; truth: ReturnType<typeof vi.fn> };

function setUp(answer?: (request: Sent, job: number) => Answer | undefined) {
  const { client, sent } = fakeClient(answer);
  return { loading: createLoading(client, store, events as unknown as LoadEvents), sent };
}

beforeEach(() => {
  vi.stubGlobal('location', new URL('https://example.org/lab/'));
  vi.stubGlobal('history', { state: null, replaceState: () => {} });
  store = createStore('lab', labSchema, new URLSearchParams());
  events = { input: vi.fn(), flipped: vi.fn(), truth: vi.fn() };
});
afterEach(() => {
  flushUrl();
  vi.unstubAllGlobals();
  labStatus.set(initial);
});

describe('Loading.input(files)', () => {
  it("hands the files' bytes to the worker in the state's layout, and tells the session what was read", async () => {
    const { loading, sent } = setUp();
    store.set({ layout: 'channelsLast' });
    await loading.input([file('a.npy')]);
    expect(sent).toEqual([
      {
        type: 'load',
        role: 'input',
        files: [{ name: 'a.npy', bytes: new Uint8Array(8).fill(7).buffer }],
        options: { layout: 'channelsLast' },
      },
    ]);
    expect(labStatus.get().line).toBe('Reading a.npy…');
    expect(events.input).toHaveBeenCalledWith(summaryOf('a.npy'));
  });

  it("replaces the input's and the decode's messages, and no others", async () => {
    const { loading } = setUp();
    sayProblems('input', ['old input']);
    sayProblems('decode', ['old decode']);
    sayProblems('truth', ['truth stays']);
    await loading.input([file('a.npy')]);
    expect(labStatus.get().problems).toEqual({ truth: ['truth stays'] });
  });

  it('does nothing without files', async () => {
    const { loading, sent } = setUp();
    await loading.input([]);
    expect(sent).toEqual([]);
    expect(events.input).not.toHaveBeenCalled();
  });

  it("refuses a file larger than the Lab reads before reading any, with the library's message", async () => {
    const { loading, sent } = setUp();
    const big = file('big.npy', LAB_LIMITS.maxFileBytes + 1);
    await loading.input([big]);
    expect(sent).toEqual([]);
    expect(labStatus.get().problems.input).toEqual([
      `big.npy: ${((LAB_LIMITS.maxFileBytes + 1) / 2 ** 20).toFixed(0)} MiB is larger than the Lab reads (${LAB_LIMITS.maxFileBytes / 2 ** 20} MiB)`,
    ]);
    expect(events.input).toHaveBeenCalledWith(undefined);
  });

  it('refuses PNG images with other files', async () => {
    const { loading, sent } = setUp();
    await loading.input([file('k0.png'), file('a.npy')]);
    expect(sent).toEqual([]);
    expect(labStatus.get().problems.input).toEqual([
      '2 files: PNG images come on their own (one per keypoint), not with a.npy',
    ]);
  });

  it('reads PNG images on the page, in natural order, and sends their stack', async () => {
    const { loading, sent } = setUp();
    const names = ['k10.png', 'k2.png', 'k1.png'];
    await loading.input(names.map((n) => file(n, 8, 'image/png')));
    expect(labStatus.get().line).toBe('Reading 3 images…');
    const images = ['k1.png', 'k2.png', 'k10.png'].map((name) => ({
      name,
      width: 4,
      height: 4,
      rgba: new Uint8ClampedArray(64).fill(Number(/\d+/.exec(name)![0])),
    }));
    expect(sent).toEqual([{ type: 'set', stack: stackFromImages(images) }]);
    expect(events.input).toHaveBeenCalledTimes(1);
  });

  it("says the worker's refusal as the input's problem", async () => {
    const { loading } = setUp((r, job) =>
      r.type === 'load' ? { type: 'error', job, role: 'input', message: 'a.npy: not a heatmap' } : undefined,
    );
    await loading.input([file('a.npy')]);
    expect(labStatus.get().problems.input).toEqual(['a.npy: not a heatmap']);
    expect(events.input).toHaveBeenCalledWith(undefined);
  });
});

describe('Loading.choose(array)', () => {
  it("offers an archive's arrays, then reads the one chosen for the slot that asked", async () => {
    const { loading, sent } = setUp((r, job) =>
      r.type === 'load' ? { type: 'choose', job, role: r.role, choice } : undefined,
    );
    await loading.flipped([file('out.npz')]);
    expect(labStatus.get().choose).toEqual({ role: 'flipped', choice });
    expect(events.flipped).not.toHaveBeenCalled();
    await loading.choose('heatmaps');
    expect(sent.at(-1)).toEqual({ type: 'reread', role: 'flipped', options: { array: 'heatmaps' } });
    expect(labStatus.get().choose).toBeNull();
    expect(events.flipped).toHaveBeenCalledWith(summaryOf('reread'));
  });

  it('tells the session an input waiting for a choice is not loaded', async () => {
    const { loading } = setUp((r, job) =>
      r.type === 'load' ? { type: 'choose', job, role: r.role, choice } : undefined,
    );
    await loading.input([file('out.npz')]);
    expect(events.input).toHaveBeenCalledWith(undefined);
  });
});

describe('Loading.flipped(files) and Loading.clearFlipped()', () => {
  it('loads the flipped maps as their own slot, and clears them', async () => {
    const { loading, sent } = setUp();
    sayProblems('flipped', ['old']);
    sayProblems('input', ['kept']);
    await loading.flipped([file('flipped.npy')]);
    expect(sent[0]).toMatchObject({ type: 'load', role: 'flipped' });
    expect(events.flipped).toHaveBeenLastCalledWith(summaryOf('flipped.npy'));
    expect(labStatus.get().problems).toEqual({ input: ['kept'] });
    await loading.clearFlipped();
    expect(sent.at(-1)).toEqual({ type: 'clear', role: 'flipped' });
    expect(events.flipped).toHaveBeenLastCalledWith(undefined);
  });
});

describe('Loading.truth(files) and Loading.clearTruth()', () => {
  it('sends the ground truth and lists its files, clearing the messages that spoke of the old one', async () => {
    const { loading, sent } = setUp();
    sayProblems('decode', ['3 points for 34 maps']);
    await loading.truth([file('truth.json')]);
    expect(sent).toEqual([{ type: 'truth', files: [{ name: 'truth.json', bytes: new Uint8Array(8).fill(7).buffer }] }]);
    expect(labStatus.get()).toMatchObject({ truth: ['truth.json'], problems: {} });
    expect(events.truth).toHaveBeenCalledTimes(1);
  });

  it("says the worker's refusal and lists no ground truth", async () => {
    const { loading } = setUp((r, job) =>
      r.type === 'truth' ? { type: 'error', job, role: 'truth', message: 'truth.json: no rows' } : undefined,
    );
    await loading.truth([file('truth.json')]);
    expect(labStatus.get()).toMatchObject({ truth: [], problems: { truth: ['truth.json: no rows'] } });
    expect(events.truth).toHaveBeenCalledTimes(1);
  });

  it('refuses a file too large to be ground truth, and has the worker forget the old one', async () => {
    const { loading, sent } = setUp();
    await loading.truth([file('huge.json', GROUND_TRUTH_LIMITS.maxBytes + 1)]);
    expect(sent).toEqual([{ type: 'clear', role: 'truth' }]);
    expect(labStatus.get().problems.truth?.[0]).toMatch(
      /^huge\.json: .* MiB is larger than the Lab reads for ground truth/,
    );
    expect(events.truth).toHaveBeenCalledTimes(1);
  });

  it('clears the ground truth', async () => {
    const { loading, sent } = setUp();
    await loading.truth([file('truth.json')]);
    await loading.clearTruth();
    expect(sent.at(-1)).toEqual({ type: 'clear', role: 'truth' });
    expect(labStatus.get().truth).toEqual([]);
    expect(events.truth).toHaveBeenCalledTimes(2);
  });
});

describe('Loading.sample(id)', () => {
  it('opens the bundled sample: its truth, then its maps, with the settings that fit them', async () => {
    vi.stubGlobal('fetch', async (path: string) => new Response(new TextEncoder().encode(path)));
    const { loading, sent } = setUp();
    const opening: (string | null)[] = [];
    const stop = labStatus.subscribe(() => opening.push(labStatus.get().opening));
    await loading.sample('synthetic');
    stop();
    expect(sent.map((r) => r.type)).toEqual(['truth', 'load']);
    expect(sent[1]).toMatchObject({ role: 'input', files: [{ name: 'sample.npy' }] });
    expect(store.get()).toMatchObject({ units: 'input', stride: LAB_SAMPLE.stride });
    expect(opening).toContain('synthetic');
    expect(labStatus.get()).toMatchObject({ opening: null, truth: ['sample-truth.json'] });
    expect(events.input).toHaveBeenCalledWith(summaryOf('sample.npy'));
  });

  it('opens one sample at a time, and ignores an unknown one', async () => {
    vi.stubGlobal('fetch', async (path: string) => new Response(path));
    const { loading, sent } = setUp();
    const first = loading.sample('synthetic');
    await loading.sample('synthetic');
    await loading.sample('nothing');
    await first;
    expect(sent.map((r) => r.type)).toEqual(['truth', 'load']);
  });

  it('says why a sample could not be opened, naming it', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 404 }));
    const { loading } = setUp();
    await loading.sample('synthetic');
    expect(labStatus.get().problems.input).toEqual(['Open the sample could not be opened: /lab/sample.npy: HTTP 404']);
    expect(labStatus.get().opening).toBeNull();
    expect(events.input).toHaveBeenCalledWith(undefined);
  });

  it("opens a model's maps as a stack with their names, and forgets the old ground truth", async () => {
    const { loading, sent } = setUp();
    await loading.truth([file('truth.json')]);
    await loading.sample('blazepose');
    expect(sent.slice(1).map((r) => r.type)).toEqual(['clear', 'set']);
    expect(sent.at(-1)).toMatchObject({ type: 'set', names: ['nose'] });
    expect(labStatus.get().truth).toEqual([]);
    expect(store.get()).toMatchObject({ mapping: 'stride', stride: 4 });
  });
});

describe('Loading.relayout(layout)', () => {
  it('reads the files again in the new layout, the flipped maps too once loaded', async () => {
    const { loading, sent } = setUp();
    await loading.input([file('a.npy')]);
    loading.relayout('channelsLast');
    await loading.flipped([file('f.npy')]);
    loading.relayout('channelsFirst');
    await Promise.resolve();
    expect(sent.filter((r) => r.type === 'reread')).toEqual([
      { type: 'reread', role: 'input', options: { layout: 'channelsLast' } },
      { type: 'reread', role: 'input', options: { layout: 'channelsFirst' } },
      { type: 'reread', role: 'flipped', options: { layout: 'channelsFirst' } },
    ]);
  });

  it('reads nothing again for maps made on the page', async () => {
    const { loading, sent } = setUp();
    await loading.input([file('k0.png', 8, 'image/png')]);
    expect(events.input).toHaveBeenCalledWith(summaryOf('k0.png'));
    loading.relayout('channelsLast');
    expect(sent.filter((r) => r.type === 'reread')).toEqual([]);
  });
});
