/** Chapter 5, figure 3, interactive half. */
import {
  DSNT_SETTING,
  jsDivergenceMap,
  regulariserAt,
  regulariserCurve,
  targetGaussian,
  toNormalized,
} from '../../../lib/index.ts';
import { createViewApplier } from '../../ui/apply-view.ts';
import { mountChart } from '../../ui/chart-figure.ts';
import { bindControls } from '../../ui/controls.ts';
import { fmt } from '../../ui/format.ts';
import { mountMapPanel } from '../../ui/map-panel.ts';
import { renderOnFrame } from '../../ui/render-loop.ts';
import { chapterStore } from '../../ui/store.ts';
import { regulariserChart } from './charts.ts';
import { dsntInput, dsntSchema } from './state.ts';
import { dsntRegulariserView } from './view.ts';

export function mount(root: HTMLElement): () => void {
  const store = chapterStore(root.dataset.store ?? 'dsnt', dsntSchema);
  const apply = createViewApplier(root);
  const pt = mountMapPanel(root, 'pt');
  const js = mountMapPanel(root, 'js');
  const { w, h } = DSNT_SETTING;
  // Everything but t: the path, its start and the target Gaussian depend on it.
  const pathKey = (s: ReturnType<typeof store.get>) =>
    `${s.x1}|${s.y1}|${s.a1}|${s.x2}|${s.y2}|${s.a2}|${s.beta}|${s.tx}|${s.ty}|${s.sigmaT}`;
  const stop = renderOnFrame(store, (s) => {
    const input = dsntInput(s);
    const here = regulariserAt(input, s.t);
    const q = targetGaussian({ x: toNormalized(s.tx, w), y: toNormalized(s.ty, h) }, w, h, s.sigmaT);
    apply(dsntRegulariserView(here, regulariserAt(input, 0), s));
    pt.draw(here.p, w, h);
    js.draw(jsDivergenceMap(here.p, q), w, h);
  });
  const unmountChart = mountChart(root, {
    store,
    dataKey: pathKey,
    build: (s) => regulariserCurve(dsntInput(s)),
    viewKey: (s) => String(s.t),
    draw: (curve, s, width) => regulariserChart(curve, s.t, { width }),
    announce: (curve, s) => {
      const at = curve.reduce((best, c) => (Math.abs(c.t - s.t) < Math.abs(best.t - s.t) ? c : best));
      return `At t ${fmt(s.t)}, the variance regulariser is ${fmt(at.varianceLoss, 3)} and the JS divergence ${fmt(at.js, 4)}.`;
    },
  });
  const unbind = bindControls(root, store);
  return () => {
    stop();
    unmountChart();
    unbind();
    pt.destroy();
    js.destroy();
  };
}
