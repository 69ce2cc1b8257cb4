/** Figure 1.1 and 2.1: a keypoint on the input crop, its heatmap target and the argmax snap. */
import { buildPixelGrid, CROP_GEOMETRY } from '../../../lib/index.ts';
import { defineSpec } from '../../ui/figure.ts';
import { cropPointHandle, keypointSchema } from '../../state/keypoint.ts';
import { describeKeypoint, pixelGridAnnouncement, pixelGridView } from './view.ts';

const { heatmapW, heatmapH } = CROP_GEOMETRY;

export default defineSpec({
  name: 'pixel-grid',
  params: keypointSchema,
  build: (s) => buildPixelGrid({ keypoint: { x: s.x, y: s.y }, sigma: s.sigma, target: s.target }),
  view: pixelGridView,
  maps: {
    heatmap: { draw: (d) => ({ values: d.target, w: heatmapW, h: heatmapH, domain: [0, 1] }) },
    closeup: { draw: (d) => ({ values: d.closeUp.values, w: d.closeUp.size, h: d.closeUp.size, domain: [0, 1] }) },
  },
  handles: [cropPointHandle(describeKeypoint)],
  announce: pixelGridAnnouncement,
});
