/**
 * The Lab's lists typed in a text field and kept in the URL: flip pairs (`1-2,3-4`), OKS σ
 * (`0.026,0.025`) and keypoint names (`nose,left_eye`). Each reads what a reader pastes (from a
 * config, a Python list) into one URL form, and refuses what is not a list of its kind.
 */
import { COCO17_FLIP_PAIRS } from '../../lib/index.ts';
import type { Param } from '../ui/params.ts';

/** Flip pairs as the URL writes them: `1-2,3-4`. */
export function formatPairs(pairs: readonly (readonly [number, number])[]): string {
  return pairs.map(([a, b]) => `${a}-${b}`).join(',');
}

/** The longest pairs list the URL takes (COCO-WholeBody's 133 keypoints need about 600 characters). */
const MAX_PAIRS_LENGTH = 1200;
const PAIRS = /^\d{1,4}-\d{1,4}(,\d{1,4}-\d{1,4})*$/;

/**
 * Reads flip pairs typed by the reader or read from the URL: `a-b` pairs separated by commas,
 * spaces or semicolons (`1-2, 3-4`, `(1, 2), (3, 4)` and `[[1, 2], [3, 4]]` read the same).
 * Returns the pairs in URL form, or undefined when the text is not a list of pairs. Whether the
 * indices fit the keypoints is checked when they are used (`flipIndicesFromPairs`).
 */
export function normalizePairs(text: string): string | undefined {
  if (text.length > MAX_PAIRS_LENGTH * 2) return undefined;
  const numbers = text.match(/\d+/g) ?? [];
  const rest = text.replace(/\d+/g, '').replace(/[\s,;:\-()[\]]/g, '');
  if (rest !== '' || numbers.length % 2 !== 0) return undefined;
  const out: string[] = [];
  for (let i = 0; i < numbers.length; i += 2) out.push(`${Number(numbers[i])}-${Number(numbers[i + 1])}`);
  const joined = out.join(',');
  return joined === '' || (PAIRS.test(joined) && joined.length <= MAX_PAIRS_LENGTH) ? joined : undefined;
}

/** Flip pairs in the URL (a list of `a-b` pairs; empty: no keypoint swaps with another), typed in a text field. */
export function pairsParam(fallback: string): Param<string> {
  return {
    default: fallback,
    parse: (raw) => (raw.length <= MAX_PAIRS_LENGTH && (raw === '' || PAIRS.test(raw)) ? raw : undefined),
    format: (v) => v,
    clamp: (v) => normalizePairs(v) ?? fallback,
    control: { kind: 'text' },
    typed: { read: normalizePairs, expected: 'a list of pairs such as 1-2, 3-4' },
  };
}

/** The longest σ list the URL takes (133 keypoints of five characters and a comma). */
const MAX_SIGMAS_LENGTH = 1200;
const SIGMAS = /^\d{0,2}(\.\d{1,6})?(,\d{0,2}(\.\d{1,6})?)*$/;

/**
 * Reads OKS σ typed by the reader or read from the URL: numbers separated by commas or spaces,
 * with or without brackets (`[.26, .25, …] / 10` is not read: type the quotients). Each must be
 * above 0 and at most 10. Returns the list in URL form, or undefined when the text is not one.
 */
export function normalizeSigmas(text: string): string | undefined {
  if (text.length > MAX_SIGMAS_LENGTH * 2) return undefined;
  const cells = text
    .replace(/[[\]()]/g, ' ')
    .split(/[\s,;]+/)
    .filter(Boolean);
  const values = cells.map(Number);
  if (values.some((v, i) => !/^\d*\.?\d+$/.test(cells[i]!) || !(v > 0 && v <= 10))) return undefined;
  const joined = values.map((v) => String(Number(v.toPrecision(6)))).join(',');
  return joined.length <= MAX_SIGMAS_LENGTH && SIGMAS.test(joined) ? joined : undefined;
}

/** OKS σ in the URL (empty: COCO-17's when there are 17 keypoints), typed in a text field. */
export function sigmasParam(): Param<string> {
  return {
    default: '',
    parse: (raw) => (raw === '' ? raw : normalizeSigmas(raw) === raw ? raw : undefined),
    format: (v) => v,
    clamp: (v) => normalizeSigmas(v) ?? '',
    control: { kind: 'text' },
    typed: { read: normalizeSigmas, expected: 'numbers above 0 such as 0.026, 0.025, 0.025' },
  };
}

/** The longest names list the URL takes (133 names of about 15 characters). */
const MAX_NAMES_LENGTH = 2400;
const NAME = /^[\p{L}\p{N}_.\- ]{1,40}$/u;

/**
 * Reads keypoint names typed by the reader or read from the URL: names separated by commas
 * (letters, digits, spaces, `_`, `.` and `-`, at most 40 characters each), with or without
 * brackets and quotes (`['nose', 'left_eye']` reads as `nose,left_eye`). Returns the list in
 * URL form, or undefined when the text is not one.
 */
export function normalizeNames(text: string): string | undefined {
  if (text.length > MAX_NAMES_LENGTH * 2) return undefined;
  const names = text
    .replace(/^\s*[[(]|[\])]\s*$/g, '')
    .split(',')
    .map((n) =>
      n
        .trim()
        .replace(/^(['"])(.*)\1$/, '$2')
        .trim(),
    )
    .filter((n, _, all) => n !== '' || all.length > 1);
  if (names.length === 0) return '';
  if (!names.every((n) => NAME.test(n))) return undefined;
  const joined = names.join(',');
  return joined.length <= MAX_NAMES_LENGTH ? joined : undefined;
}

/** Keypoint names in the URL (empty: the file's or the defaults), typed in a text field. */
export function namesParam(): Param<string> {
  return {
    default: '',
    parse: (raw) => (raw === '' || normalizeNames(raw) === raw ? raw : undefined),
    format: (v) => v,
    clamp: (v) => normalizeNames(v) ?? '',
    control: { kind: 'text' },
    typed: { read: normalizeNames, expected: 'names separated by commas, such as nose, left_eye, right_eye' },
  };
}

/** Parses URL-form pairs into index pairs. */
export function pairsOf(text: string): [number, number][] {
  if (text === '') return [];
  return text.split(',').map((p) => p.split('-').map(Number) as [number, number]);
}

/** COCO-17's flip pairs in URL form: the default. */
export const COCO17_PAIRS_TEXT = formatPairs(COCO17_FLIP_PAIRS);
