/** The command line's help texts and version. */

/** The package's version (kept with package.json's by a test). */
export const VERSION = '0.1.0';

const main = `subpixel: keypoint decoders and COCO keypoint evaluation, exactly as the Decoder Lab computes them

Usage:
  subpixel decode INPUT [options]        decode heatmaps or SimCC vectors, with metrics against a ground truth
  subpixel eval --gt GT.json --results RESULTS.json [--json] [--shard i/n --out FILE]
  subpixel merge SHARD.json… [--json]    combine eval shards into the exact statistics
  subpixel COMMAND --help                a command's options

Exit codes: 0 done, 1 an input the tool cannot use, 2 a usage error, 70 an internal error.
`;

const decode = `subpixel decode INPUT [options]

INPUT is heatmaps, [N, K, H, W] or [K, H, W] (or channels last), as a .npy or a .npz member
(--array NAME; default "heatmaps" or the only member), or a SimCC pair: x.npy y.npy, or a .npz
with simcc_x and simcc_y ([N, K, bins]). Any size: the file is streamed a chunk at a time.

Decoding (the Decoder Lab's settings and defaults):
  --decoders LIST      heatmaps: argmax, quarter, quarter2, dark, darkUdp, megvii, softargmax,
                       softargmaxDebiased, softargmaxMmpose (default argmax,quarter,quarter2,dark,softargmax);
                       SimCC: simccArgmax, simccExpectation, simccDark (default all three)
  --convention C       reference (default) or mmpose (its maximum and score rules)
  --mapping M          stride (default: x·s) or udp (x·(w−1)/(W−1))
  --kernel K           DARK's, DARK-UDP's and Megvii's blur kernel: 3, 5, 7, 9 or 11 (default 11)
  --beta B             soft-argmax's β (default 20)
  --stride S           input pixels per heatmap pixel (default 4, MMPose's heatmap heads)
  --split-ratio R      SimCC bins per input pixel (default 2); --sigma X[,Y] SimCC label σ (default 6)
  --layout L           auto (default), channels-first or channels-last
  --flip FILE          the flipped image's outputs (same shape; x.npy,y.npy for SimCC): the flip test
  --flip-shift 0|1     shift of the flipped-back maps (default 1 for stride, 0 for udp, as MMPose's configs)
  --pairs P            left/right keypoint pairs, 1,2;3,4 or [[1,2],[3,4]] (default COCO-17's)

Ground truth and metrics:
  --gt FILE            a COCO keypoints file (samples are its annotations in MMPose's order: PCK, OKS,
                       and AP/AR as MMPose's CocoMetric), or points per map (JSON or CSV)
  --boxes FILE         a person detector's boxes (MMPose's bbox_file), with --gt: AP/AR on detections
  --box-thr T          drop detections below this score (MMPose's bbox_score_thr; default 0)
  --sigmas LIST        OKS σ per keypoint (default COCO-17's for 17 keypoints)
  --units U            a points file's units: input (default) or heatmap

Output:
  --out DIR            DIR/<decoder>.npy, [N, K, 3] float32 (x, y, score): input pixels, or image pixels
                       when --gt or --boxes gives each crop; with a COCO ground truth also
                       DIR/<decoder>.keypoints.json, the COCO results CocoMetric scored
  --json               one JSON object on stdout instead of the table
  --workers N          decoding threads (default: one per core; 0 decodes in the main thread)
  --chunk N            samples per chunk (default: about 8 MiB of maps)
`;

const evaluate = `subpixel eval --gt GT.json --results RESULTS.json [options]

COCO keypoint evaluation as pycocotools' COCOeval(gt, results, 'keypoints') computes it.
  --sigmas LIST        OKS σ per keypoint (default COCO-17's for 17 keypoints)
  --json               the ten statistics as one JSON object: ap, ap50, ap75, apm, apl, ar, ar50, ar75, arm, arl
  --shard i/n          evaluate every n-th image, starting with the i-th, and write its matches
  --out FILE           where the shard goes (default stdout); merge the n shards with subpixel merge
`;

const merge = `subpixel merge SHARD.json… [--json]

Combines the shards of one evaluation (subpixel eval --shard i/n, for i = 1…n) into the exact
statistics of a single run. Every shard must be there once, from the same ground truth and σ.
`;

/** Help per command. */
export const HELP = { main, decode, eval: evaluate, merge };
