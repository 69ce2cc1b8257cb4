/**
 * The Lab's worker, loaded with a fake `self` that records what it posts: each request is
 * answered as the protocol says (load → loaded, choose or error; decode → progress, then the
 * library's result; a newer job supersedes a decode between chunks; map → that map's values,
 * at once). The decodes are checked against the library's plan, run and result on the same
 * files (`decoded.ts`). The worker yields between chunks with setTimeout: fake timers run them.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LabRequest, LabResponse } from '../../../../src/components/lab/worker/protocol.ts';
import {
  inputSummary,
  LAB_CHUNK,
  readGroundTruth,
  readLabInput,
  writeNpy,
  writeNpz,
  type LabFile,
  type LabInput,
  type ReadOptions,
} from '../../../../src/lib/index.ts';
import { decodeWith, runWith, sampleOf, summaryOf } from '../decoded.ts';

/** 8 samples of 17 maps: 136 maps, three chunks of at most LAB_CHUNK (64). */
const N = 8;
const sample = sampleOf(N);
const { stack } = sample;
const MAPS = N * stack.k;
const npyBytes = () => writeNpy(stack.data, [N, stack.k, stack.h, stack.w]).slice().buffer;
const npy = (): LabFile => ({ name: 'maps.npy', bytes: npyBytes() });
const truthText = JSON.stringify(sample.truth.map((p) => [p.x, p.y]));
const truthFile = (): LabFile => ({ name: 'truth.json', bytes: new TextEncoder().encode(truthText).buffer });
const auto: ReadOptions = { layout: 'auto' };

let posted: LabResponse[];
let send: (request: LabRequest) => void;

beforeEach(async () => {
  vi.useFakeTimers();
  vi.resetModules();
  posted = [];
  const scope = {
    postMessage: (message: LabResponse) => posted.push(message),
    onmessage: null as ((event: { data: LabRequest }) => void) | null,
  };
  vi.stubGlobal('self', scope);
  await import('../../../../src/components/lab/worker/decode-worker.ts');
  send = (data) => scope.onmessage!({ data });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** What the worker posted for `job`. */
const answersTo = (job: number) => posted.filter((m) => 'job' in m && m.job === job);
/** Runs the worker's decodes to their end. */
const finish = () => vi.runAllTimersAsync();

/** The library's reading of `files` (the expected input). */
const readAs = (files: LabFile[], options: ReadOptions = auto) => readLabInput(files, options) as LabInput;

describe('the Lab worker: load', () => {
  it("answers a load with the summary of what it read, the library's", () => {
    send({ type: 'load', job: 1, role: 'input', files: [npy()], options: auto });
    expect(posted).toEqual([{ type: 'loaded', job: 1, role: 'input', summary: summaryOf(stack, 'maps.npy') }]);
  });

  it('asks which array to read from an archive of several', () => {
    const two = writeNpz(
      {
        heatmaps: { data: stack.data, shape: [N, stack.k, stack.h, stack.w] },
        offsets: { data: new Float32Array(6), shape: [2, 3] },
      },
      { compress: false },
    );
    const archive = (): LabFile => ({ name: 'out.npz', bytes: two.slice().buffer });
    send({ type: 'load', job: 1, role: 'input', files: [archive()], options: auto });
    const [answer] = posted;
    expect(answer).toMatchObject({ type: 'choose', job: 1, role: 'input', choice: { file: 'out.npz' } });
    expect(answer?.type === 'choose' && answer.choice.arrays.map((a) => a.name)).toEqual(['heatmaps', 'offsets']);
    send({ type: 'reread', job: 2, role: 'input', options: { array: 'heatmaps' } });
    const summary = inputSummary(readAs([archive()], { layout: 'auto', array: 'heatmaps' }));
    expect(summary).toMatchObject({ n: N, k: stack.k, h: stack.h, w: stack.w });
    expect(answersTo(2)).toEqual([{ type: 'loaded', job: 2, role: 'input', summary }]);
  });

  it("refuses a file it cannot read with the library's message, for the slot it was meant for", () => {
    const bad: LabFile = { name: 'notes.txt', bytes: new ArrayBuffer(4) };
    const message = (() => {
      try {
        readLabInput([bad], auto);
        return 'read';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).not.toBe('read');
    send({ type: 'load', job: 1, role: 'flipped', files: [bad], options: auto });
    expect(posted).toEqual([{ type: 'error', job: 1, role: 'flipped', message }]);
  });

  it('answers a stack made on the page with its summary', () => {
    send({ type: 'set', job: 1, stack, names: undefined });
    expect(posted).toEqual([{ type: 'loaded', job: 1, role: 'input', summary: summaryOf(stack) }]);
  });

  it('answers a reread with nothing to reread with an empty summary', () => {
    send({ type: 'reread', job: 1, role: 'flipped', options: { layout: 'channelsLast' } });
    expect(posted).toEqual([{ type: 'loaded', job: 1, role: 'flipped', summary: undefined }]);
  });

  it('takes ground truth and clears a slot with idle, and refuses an empty truth file as the truth', () => {
    send({ type: 'truth', job: 1, files: [truthFile()] });
    send({ type: 'clear', job: 2, role: 'truth' });
    send({ type: 'truth', job: 3, files: [{ name: 'empty.csv', bytes: new ArrayBuffer(0) }] });
    expect(posted).toEqual([
      { type: 'idle', job: 1 },
      { type: 'idle', job: 2 },
      { type: 'error', job: 3, role: 'truth', message: 'empty.csv: the file is empty' },
    ]);
  });
});

describe('the Lab worker: decode', () => {
  it('answers a decode with nothing loaded with idle', async () => {
    send({ type: 'decode', job: 1, run: runWith() });
    await finish();
    expect(posted).toEqual([{ type: 'idle', job: 1 }]);
  });

  it("posts its progress a chunk at a time, then the library's result", async () => {
    send({ type: 'load', job: 1, role: 'input', files: [npy()], options: auto });
    const run = runWith();
    send({ type: 'decode', job: 2, run });
    await finish();
    const answers = answersTo(2);
    expect(answers.slice(0, -1)).toEqual([
      { type: 'progress', job: 2, done: LAB_CHUNK, total: MAPS },
      { type: 'progress', job: 2, done: 2 * LAB_CHUNK, total: MAPS },
      { type: 'progress', job: 2, done: MAPS, total: MAPS },
    ]);
    expect(answers.at(-1)).toEqual({ type: 'result', job: 2, result: await decodeWith(readAs([npy()]), run) });
  });

  it('decodes with the ground truth it holds, read for the number of maps', async () => {
    send({ type: 'load', job: 1, role: 'input', files: [npy()], options: auto });
    send({ type: 'truth', job: 2, files: [truthFile()] });
    const run = runWith({ units: 'input' });
    send({ type: 'decode', job: 3, run });
    await finish();
    const truth = [{ name: 'truth.json', file: readGroundTruth(truthText, 'truth.json', MAPS) }];
    expect(answersTo(3).at(-1)).toEqual({
      type: 'result',
      job: 3,
      result: await decodeWith(readAs([npy()]), run, { truth }),
    });
  });

  it('stops a decode between chunks when a newer job comes, and answers only the newer', async () => {
    send({ type: 'load', job: 1, role: 'input', files: [npy()], options: auto });
    send({ type: 'decode', job: 2, run: runWith() });
    send({ type: 'decode', job: 3, run: runWith({ beta: 40 }) });
    await finish();
    // The first chunk of job 2 ran before job 3 came; nothing of it after.
    expect(answersTo(2)).toEqual([{ type: 'progress', job: 2, done: LAB_CHUNK, total: MAPS }]);
    expect(answersTo(3).at(-1)).toMatchObject({ type: 'result', job: 3 });
  });

  it('says when a decode fails for another reason than the input', async () => {
    send({ type: 'load', job: 1, role: 'input', files: [npy()], options: auto });
    send({ type: 'decode', job: 2, run: { ...runWith(), decoders: null } as never });
    await finish();
    expect(answersTo(2)).toEqual([
      expect.objectContaining({
        type: 'error',
        job: 2,
        role: 'decode',
        message: expect.stringMatching(/^could not read the file \(.+\)$/),
      }),
    ]);
  });
});

describe('the Lab worker: map', () => {
  it('answers with a copy of the map at once, without superseding a decode', async () => {
    send({ type: 'map', request: 1, index: 0 });
    send({ type: 'load', job: 1, role: 'input', files: [npy()], options: auto });
    send({ type: 'decode', job: 2, run: runWith() });
    const size = stack.w * stack.h;
    send({ type: 'map', request: 2, index: 18 });
    send({ type: 'map', request: 3, index: MAPS });
    expect(posted.filter((m) => m.type === 'map')).toEqual([
      { type: 'map', request: 1, index: 0, map: undefined },
      {
        type: 'map',
        request: 2,
        index: 18,
        map: { kind: 'heatmap', values: stack.data.slice(18 * size, 19 * size), w: stack.w, h: stack.h },
      },
      { type: 'map', request: 3, index: MAPS, map: undefined },
    ]);
    await finish();
    expect(answersTo(2).at(-1)).toMatchObject({ type: 'result', job: 2 });
  });
});
