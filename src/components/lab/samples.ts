/**
 * The Lab's samples: files served by the site that open as a reader's own would, with the
 * settings that fit them, and a real model's maps made in this browser on request. Each is one
 * entry here and one button on the page.
 */
import {
  BLAZEPOSE_HEATMAP_SIZE,
  BLAZEPOSE_INPUT_SIZE,
  BLAZEPOSE_KEYPOINT_COUNT,
  BLAZEPOSE_POSE_LANDMARK_COUNT,
  BLAZEPOSE_STRIDE,
  LAB_SAMPLE,
  type LabStack,
} from '../../lib/index.ts';
import type { LabFile } from '../../lib/index.ts';
import type { LabState } from './state.ts';

/** What a sample opens: files read as a reader's own, or a stack made on the page with its keypoint names. */
export type LabSampleContent = { state?: Partial<LabState> } & (
  { input: LabFile[]; truth?: LabFile[] } | { stack: LabStack; names: string[] }
);

/** A sample: what its button says, and how to fetch its files. */
export interface LabSampleSource {
  id: string;
  /** The button's text. */
  label: string;
  /** One sentence for the inputs' help. */
  description: string;
  /** The status line while it opens. */
  opening: string;
  /** A sample that downloads a model: its button shows the size, measured at build time. */
  model?: 'blazepose';
  /** The sample's input, optional ground truth, and the settings that fit them. */
  load(): Promise<LabSampleContent>;
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
    opening: 'Opening the sample…',
    async load() {
      const [input, truth] = await Promise.all([siteFile('/lab/sample.npy'), siteFile('/lab/sample-truth.json')]);
      return { input: [input], truth: [truth], state: { units: 'input', stride: LAB_SAMPLE.stride } };
    },
  },
  {
    id: 'blazepose',
    label: 'Heatmaps from the real model',
    description: `This button runs BlazePose lite (chapter 9's model) in this browser, and only when you press it, on the bundled photo's default crop: ${BLAZEPOSE_KEYPOINT_COUNT} maps of ${BLAZEPOSE_HEATMAP_SIZE} × ${BLAZEPOSE_HEATMAP_SIZE} (${BLAZEPOSE_POSE_LANDMARK_COUNT} landmarks and ${BLAZEPOSE_KEYPOINT_COUNT - BLAZEPOSE_POSE_LANDMARK_COUNT} auxiliary points), which the model gives as logits and the Lab, as MediaPipe does, puts through the sigmoid 1 / (1 + e^−z), so every value lies in (0, 1); stride ${BLAZEPOSE_STRIDE}, a ${BLAZEPOSE_INPUT_SIZE} × ${BLAZEPOSE_INPUT_SIZE} crop; no ground truth.`,
    opening: 'Downloading the runtime and the model from this site, compiling it and running it on the bundled photo…',
    model: 'blazepose',
    async load() {
      // Loaded on request only: the runtime and the model are megabytes, and most readers bring their own maps.
      const { bundledPhotoHeatmaps } = await import('../figures/blazepose/lab-source.ts');
      const { stack, names, stride, accelerator } = await bundledPhotoHeatmaps();
      const ran = accelerator === 'webgpu' ? 'your GPU, through WebGPU' : 'your CPU, through WebAssembly';
      return {
        stack: {
          ...stack,
          note: `the model's logits put through the sigmoid, as MediaPipe reads them (values in (0, 1): DARK takes their logarithm, soft-argmax weighs e^(β·p)); the model ran on ${ran}`,
        },
        names: [...names],
        state: { units: 'input', stride, mapping: 'stride' },
      };
    },
  },
];
