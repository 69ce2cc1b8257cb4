/**
 * The Lab's sources as the page starts, and the status helpers: each replaces the status (never
 * changing the old value in place) and touches only its own source's messages.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  clearMessages,
  labDecoded,
  labLoaded,
  labSelected,
  labStatus,
  MESSAGE_ORDER,
  sayNotes,
  sayProblems,
  setStatus,
} from '../../../src/components/lab/sources.ts';

const initial = labStatus.get();
afterEach(() => labStatus.set(initial));

describe('the sources as the page starts', () => {
  it('hold nothing loaded, no decode, no selected map, and a quiet status', () => {
    expect(labLoaded.get()).toEqual({});
    expect(labDecoded.get()).toBeNull();
    expect(labSelected.get()).toBeNull();
    expect(labStatus.get()).toEqual({
      line: '',
      progress: null,
      problems: {},
      notes: {},
      truth: [],
      choose: null,
      opening: null,
    });
  });

  it('order the messages input, flipped, truth, decode', () => {
    expect(MESSAGE_ORDER).toEqual(['input', 'flipped', 'truth', 'decode']);
  });
});

describe('setStatus(patch)', () => {
  it('replaces the patched fields, keeps the others, and tells the listeners once', () => {
    const listener = vi.fn();
    const stop = labStatus.subscribe(listener);
    const before = labStatus.get();
    setStatus({ line: 'Reading a.npy…', progress: 0.5 });
    stop();
    expect(labStatus.get()).toEqual({ ...initial, line: 'Reading a.npy…', progress: 0.5 });
    expect(labStatus.get()).not.toBe(before);
    expect(before).toEqual(initial);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('sayProblems(source, texts) and sayNotes(source, texts)', () => {
  it("replace their own source's messages and leave the others'", () => {
    sayProblems('input', ['a.npy: the file is empty']);
    sayProblems('truth', ['t.json: 3 points']);
    sayNotes('input', ['read channels last']);
    sayProblems('input', ['b.npy: not a heatmap']);
    expect(labStatus.get().problems).toEqual({ input: ['b.npy: not a heatmap'], truth: ['t.json: 3 points'] });
    expect(labStatus.get().notes).toEqual({ input: ['read channels last'] });
  });
});

describe('clearMessages(...sources)', () => {
  it('clears the problems and notes of the sources named, and only theirs', () => {
    sayProblems('input', ['p-input']);
    sayProblems('decode', ['p-decode']);
    sayProblems('truth', ['p-truth']);
    sayNotes('decode', ['n-decode']);
    sayNotes('flipped', ['n-flipped']);
    setStatus({ line: 'kept' });
    clearMessages('input', 'decode');
    expect(labStatus.get()).toMatchObject({
      problems: { truth: ['p-truth'] },
      notes: { flipped: ['n-flipped'] },
      line: 'kept',
    });
  });

  it('clears nothing when no source is named', () => {
    sayProblems('input', ['p']);
    clearMessages();
    expect(labStatus.get().problems).toEqual({ input: ['p'] });
  });
});
