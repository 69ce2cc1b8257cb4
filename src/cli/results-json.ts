/** A COCO results file as pycocotools' `loadRes` reads it and MMPose's CocoMetric writes it. */
import type { CocoEvalResult } from '../lib/cocoeval.ts';

/** `[{image_id, category_id, keypoints: [x, y, score, …], score}, …]`, one result per line. */
export function cocoResultsJson(results: readonly CocoEvalResult[]): string {
  const lines = results.map((r) =>
    JSON.stringify({
      image_id: r.imageId,
      category_id: r.categoryId,
      keypoints: r.keypoints.flatMap((p, j) => [p.x, p.y, r.keypointScores?.[j] ?? 0]),
      score: r.score,
    }),
  );
  return `[\n${lines.join(',\n')}\n]\n`;
}
