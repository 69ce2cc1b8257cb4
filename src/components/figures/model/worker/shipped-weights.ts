/** The shipped models' files (`public/models/<head>-<size>.json` and `.bin`), fetched and decoded. */
import type { Head, WeightManifest, Weights } from '../../../../lib/tf/index.ts';
import type { TfRuntime } from './tf-runtime.ts';

/** Fetches a shipped model's manifest and weights; rejects with a sentence when either fails. */
export async function fetchShippedWeights(
  tf: Pick<TfRuntime, 'decodeWeights'>,
  head: Head,
  size: number,
): Promise<Weights> {
  const [m, b] = await Promise.all([fetch(`/models/${head}-${size}.json`), fetch(`/models/${head}-${size}.bin`)]);
  if (!m.ok || !b.ok)
    throw new Error(`the shipped ${head} model could not be loaded (HTTP ${m.ok ? b.status : m.status})`);
  const manifest = (await m.json()) as WeightManifest;
  return { manifest, data: tf.decodeWeights(manifest, await b.arrayBuffer()) };
}
