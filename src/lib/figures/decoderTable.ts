/**
 * A table of mean errors by decoder and target kind from one seeded sweep (chapter 3):
 * argmax, both quarter shifts and DARK on biased and unbiased targets, 48×64 at stride 4.
 */
import type { DecoderId } from '../decoders.ts';
import type { TargetKind } from '../encode.ts';
import { runErrorSweep } from '../experiments.ts';
import { summarize, type Summary } from '../stats.ts';

/** Error summaries by decoder and target kind, with the sweep's settings. */
export interface DecoderTable {
  samples: number;
  seed: number;
  sigma: number;
  noise: number;
  decoders: DecoderId[];
  /** rows[decoder][target] */
  rows: Record<string, Record<TargetKind, Summary>>;
}

/** Runs the table's seeded sweeps (48×64, stride 4) for both target kinds. */
export function buildDecoderTable({
  samples = 5000,
  seed = 3,
  sigma = 2,
  noise = 0,
  decoders = ['argmax', 'quarter', 'quarter2', 'dark'],
}: { samples?: number; seed?: number; sigma?: number; noise?: number; decoders?: DecoderId[] } = {}): DecoderTable {
  const rows: DecoderTable['rows'] = {};
  for (const target of ['unbiased', 'biased'] as const) {
    const sweep = runErrorSweep({
      heatmapW: 48,
      heatmapH: 64,
      stride: 4,
      sigma,
      target,
      noise,
      samples,
      seed,
      decoders,
      margin: 3,
    });
    for (const id of decoders) {
      rows[id] ??= {} as Record<TargetKind, Summary>;
      (rows[id] as Record<TargetKind, Summary>)[target] = summarize(sweep.errors[id] as Float64Array);
    }
  }
  return { samples, seed, sigma, noise, decoders, rows };
}
