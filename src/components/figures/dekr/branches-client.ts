/** Figure 7.4, one adaptive sampling pattern per joint's branch: interactive half. */
import { createAnnouncer } from '../../ui/announce.ts';
import { createViewApplier } from '../../ui/apply-view.ts';
import { bindControls } from '../../ui/controls.ts';
import { attachKeypointControl } from '../../ui/keypoint-control.ts';
import { renderOnFrame } from '../../ui/render-loop.ts';
import { chapterStore } from '../../ui/store.ts';
import { showRejected } from '../../ui/url-note.ts';
import { BRANCH_LABELS, branchesAnnouncement, branchesView, branchPatterns } from './branches-view.ts';
import { BRANCH_GRID, BRANCH_KEYS, BRANCHES, branchJoint, dekrSchema, type Branch } from './state.ts';

export function mount(root: HTMLElement): () => void {
  const store = chapterStore(root.dataset.store ?? 'ch7', dekrSchema);
  const apply = createViewApplier(root);
  const announce = createAnnouncer(root.querySelector('[data-role="announce"]') as HTMLElement);
  const surface = root.querySelector('[data-role="surface"]') as SVGSVGElement;
  const nearest = (p: { x: number; y: number }) => {
    const s = store.get();
    let best: Branch = BRANCHES[0];
    let bestD = Number.POSITIVE_INFINITY;
    for (const b of BRANCHES) {
      const j = branchJoint(s, b);
      const d = Math.hypot(j.x - p.x, j.y - p.y);
      if (d < bestD) [best, bestD] = [b, d];
    }
    return best;
  };
  const controls = BRANCHES.map((b) => {
    const [kx, ky] = BRANCH_KEYS[b];
    return attachKeypointControl({
      handle: root.querySelector(`[data-role="handle-${b}"]`) as SVGGElement,
      surface,
      bounds: { minX: 0, maxX: BRANCH_GRID.w - 1, minY: 0, maxY: BRANCH_GRID.h - 1 },
      get: () => branchJoint(store.get(), b),
      set: (p) => store.set({ [kx]: Number(p.x.toFixed(2)), [ky]: Number(p.y.toFixed(2)) }),
      describe: (p) => `${BRANCH_LABELS[b]} at x ${p.x.toFixed(1)}, y ${p.y.toFixed(1)} feature pixels`,
      grab: (p) => nearest(p) === b,
    });
  });
  const stop = renderOnFrame(store, (s) => {
    const patterns = branchPatterns(s);
    root.dataset.branch = s.branch;
    apply(branchesView(s, patterns));
    for (const c of controls) c.refresh();
    announce(branchesAnnouncement(s, patterns));
  });
  const unbind = bindControls(root, store);
  showRejected(root, store);
  return () => {
    stop();
    unbind();
    for (const c of controls) c.detach();
  };
}
