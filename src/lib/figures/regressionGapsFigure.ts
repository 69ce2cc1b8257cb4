/**
 * Figure data for chapter 9's "heatmap versus regression" (figure 9.4): for every joint, how far
 * each decoder's point on the heatmap lands from the landmark the model regresses
 * (`blazepose/decode.ts`, `regressionGaps`), in input pixels; joints the model does not see (peak
 * or visibility below 0.5) are marked, or left out; and where each decoder disagrees most.
 */
import {
  BLAZEPOSE_DECODER_IDS,
  BLAZEPOSE_DECODER_LABELS,
  isJointSeen,
  type BlazePoseDecoderId,
  type RegressionGap,
} from '../blazepose/decode.ts';
import { quantileSorted } from '../stats.ts';

/** Which joints the figure shows: those the model sees, or all 39. */
export type GapFilter = 'seen' | 'all';

/** One dot of the chart: a joint, a decoder and its distance from the regression. */
export interface GapRow {
  joint: number;
  name: string;
  id: BlazePoseDecoderId;
  /** Input pixels. */
  distance: number;
  seen: boolean;
}

/** One decoder across the joints shown. */
export interface GapDecoderSummary {
  id: BlazePoseDecoderId;
  label: string;
  /** Median distance, input pixels (NaN when no joint is shown). */
  median: number;
  /** The joint where it lands farthest from the regression, or null. */
  largest: { joint: number; name: string; distance: number } | null;
}

/** What figure 9.4 draws. */
export interface GapFigureData {
  rows: GapRow[];
  /** Names of the joints shown, in the model's order. */
  joints: string[];
  decoders: GapDecoderSummary[];
  /** How many of the 39 joints the model sees. */
  seenCount: number;
  total: number;
  /** The largest distance shown (any decoder), or null. */
  worst: GapRow | null;
}

/** Lays out the gaps of every joint, keeping only the seen ones when `filter` is 'seen'. */
export function buildGapFigure(gaps: readonly RegressionGap[], filter: GapFilter): GapFigureData {
  const seen = gaps.map((g) => isJointSeen(g));
  const shown = gaps.filter((_, i) => filter === 'all' || seen[i]);
  const rows: GapRow[] = shown.flatMap((g) =>
    BLAZEPOSE_DECODER_IDS.flatMap((id) => {
      const distance = g.distances[id];
      return distance === undefined
        ? []
        : [{ joint: g.joint, name: g.name, id, distance, seen: seen[g.joint] ?? false }];
    }),
  );
  const decoders = BLAZEPOSE_DECODER_IDS.map((id): GapDecoderSummary => {
    const mine = rows.filter((r) => r.id === id);
    const sorted = mine.map((r) => r.distance).sort((a, b) => a - b);
    const top = mine.reduce<GapRow | null>((a, r) => (!a || r.distance > a.distance ? r : a), null);
    return {
      id,
      label: BLAZEPOSE_DECODER_LABELS[id],
      median: sorted.length ? quantileSorted(sorted, 0.5) : NaN,
      largest: top ? { joint: top.joint, name: top.name, distance: top.distance } : null,
    };
  });
  return {
    rows,
    joints: shown.map((g) => g.name),
    decoders,
    seenCount: seen.filter(Boolean).length,
    total: gaps.length,
    worst: rows.reduce<GapRow | null>((a, r) => (!a || r.distance > a.distance ? r : a), null),
  };
}
