/**
 * The Lab's samples: files served by the site that open as a reader's own would, with the
 * settings that fit them. Each is one entry here and one button on the page; a new source (a
 * real model's heatmaps, say) adds an entry with its files under `public/lab/`.
 */
import { LAB_SAMPLE } from '../../lib/index.ts';
import type { LabFile } from './session.ts';
import type { LabState } from './state.ts';

/** A sample: what its button says, and how to fetch its files. */
export interface LabSampleSource {
  id: string;
  /** The button's text. */
  label: string;
  /** One sentence for the inputs' help. */
  description: string;
  /** The sample's input files, optional ground truth, and the settings that fit them. */
  load(): Promise<{ input: LabFile[]; truth?: LabFile[]; state?: Partial<LabState> }>;
}

/** Fetches a file of the site as a LabFile; throws with the HTTP status when it is missing. */
async function siteFile(path: string): Promise<LabFile> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return { name: path.slice(path.lastIndexOf('/') + 1), bytes: await response.arrayBuffer() };
}

export const LAB_SAMPLES: readonly LabSampleSource[] = [
  {
    id: 'synthetic',
    label: 'Open the sample',
    description: `The sample is ${LAB_SAMPLE.n} × ${LAB_SAMPLE.k} maps of ${LAB_SAMPLE.h} × ${LAB_SAMPLE.w} made by the site's own encoder (stride ${LAB_SAMPLE.stride}), with noise and some second peaks, and its ground truth.`,
    async load() {
      const [input, truth] = await Promise.all([siteFile('/lab/sample.npy'), siteFile('/lab/sample-truth.json')]);
      return { input: [input], truth: [truth], state: { units: 'input', stride: LAB_SAMPLE.stride } };
    },
  },
];
