/**
 * What the Decoder Lab's parts read besides the URL state, as `Source`s (chapter 9's model
 * session is the pattern): what is loaded, the status of loading and decoding with the messages
 * for the reader, the latest decode, and the selected map's values. Written only by the Lab's
 * session (`session.ts`, `loading.ts`); each value is replaced, never changed in place. Safe to
 * import at build time: the sources then hold the page before anything is loaded.
 */
import type { ArchiveChoice, InputSummary, LabResult, LabRun } from '../../lib/index.ts';
import { createSource } from '../ui/source.ts';
import type { MapValues } from './worker/protocol.ts';

/** What is loaded: the input and the flipped image's maps. */
export interface LabLoaded {
  input?: InputSummary;
  flipped?: InputSummary;
}

/** Where a message comes from: loading a new file replaces its own messages and no others. */
export type MessageSource = 'input' | 'flipped' | 'truth' | 'decode';
export const MESSAGE_ORDER: readonly MessageSource[] = ['input', 'flipped', 'truth', 'decode'];

/** Loading and decoding as the reader sees them. */
export interface LabStatus {
  /** The status line under the file input. */
  line: string;
  /** The decode's progress, 0 to 1, or null when none runs. */
  progress: number | null;
  /** Problems the reader should fix, and notes on how files were read, by source. */
  problems: Partial<Record<MessageSource, readonly string[]>>;
  notes: Partial<Record<MessageSource, readonly string[]>>;
  /** The ground-truth files chosen. */
  truth: readonly string[];
  /** A `.npz` of several arrays, waiting for the reader to choose one. */
  choose: { role: 'input' | 'flipped'; choice: ArchiveChoice } | null;
  /** The sample being opened, whose button waits. */
  opening: string | null;
}

/** A finished decode, with the settings it was decoded under. */
export interface LabDecoded {
  result: LabResult;
  run: LabRun;
}

/** The selected map of a decode (index n·K + k) and its values, as the worker sent them. */
export interface LabSelected {
  decoded: LabDecoded;
  index: number;
  map: MapValues;
}

export const labLoaded = createSource<LabLoaded>({});

export const labStatus = createSource<LabStatus>({
  line: '',
  progress: null,
  problems: {},
  notes: {},
  truth: [],
  choose: null,
  opening: null,
});

export const labDecoded = createSource<LabDecoded | null>(null);

export const labSelected = createSource<LabSelected | null>(null);

/** Replaces some of the status. */
export function setStatus(patch: Partial<LabStatus>): void {
  labStatus.set({ ...labStatus.get(), ...patch });
}

/** Replaces the problems from `source`. */
export function sayProblems(source: MessageSource, texts: readonly string[]): void {
  setStatus({ problems: { ...labStatus.get().problems, [source]: texts } });
}

/** Replaces the notes from `source`. */
export function sayNotes(source: MessageSource, texts: readonly string[]): void {
  setStatus({ notes: { ...labStatus.get().notes, [source]: texts } });
}

/** Clears the problems and notes of the given sources. */
export function clearMessages(...sources: MessageSource[]): void {
  const { problems, notes } = labStatus.get();
  const without = (from: LabStatus['problems']) =>
    Object.fromEntries(Object.entries(from).filter(([s]) => !sources.includes(s as MessageSource)));
  setStatus({ problems: without(problems), notes: without(notes) });
}
