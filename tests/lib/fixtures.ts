/**
 * Loads the golden fixtures in ../shared/fixtures (beside the project root) through the
 * project's own `.npy` reader. Override the folder with SUBPIXEL_FIXTURES.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseNpy, type NpyArray } from '../../src/lib/npy.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = process.env.SUBPIXEL_FIXTURES ?? resolve(here, '../../../shared/fixtures');

type Rows = number[][];

export interface Manifest {
  opencvGaussianKernels: Record<string, number[]>;
  heatmapDecoding: {
    id: string;
    file: string;
    shape: [number, number, number];
    kind: string;
    sigma: number;
    groundTruth: Rows;
    expected: { argmax: Rows; quarter: Rows; dark: Record<string, Rows> };
  }[];
  encoding: {
    id: string;
    heatmapSize: [number, number];
    sigma: number;
    keypoint: [number, number];
    biased: string;
    unbiased: string;
  }[];
  dsnt: {
    id: string;
    logits: string;
    shape: [number, number, number];
    beta: number;
    sigmaT: number;
    target: Rows;
    coordsNormalized: Rows;
    varianceLoss: number[];
    jsLoss: number[];
    targetGauss: string;
  }[];
  simdr: {
    id: string;
    inputSize: [number, number];
    splitRatio: number;
    sigma: number;
    keypoint: [number, number];
    oneHotBins: [number, number];
    gaussX: string;
    gaussY: string;
    logitsX: string;
    klX: number;
    decodedX: number;
  }[];
  dekr: {
    id: string;
    input: string;
    transformWeight: string;
    transformBias: number[];
    translationWeight: string;
    translationBias: number[];
    adaptWeight: string;
    offsets: string;
    output: string;
  }[];
}

export const manifest = JSON.parse(readFileSync(resolve(FIXTURES, 'manifest.json'), 'utf8')) as Manifest;

/** A fixture array, read with the project's own parser. */
export function loadNpy(file: string): NpyArray {
  return parseNpy(readFileSync(resolve(FIXTURES, file)));
}

/** A fixture file's raw bytes. */
export function loadBytes(file: string): Uint8Array {
  return readFileSync(resolve(FIXTURES, file));
}
