/**
 * A spec's parts called as the framework calls them, without a DOM: in a state (the defaults,
 * patched), with the data the figure's build makes there.
 */
import type { Point } from '../../../src/lib/index.ts';
import type { FigureSpec } from '../../../src/components/ui/figure.ts';
import { defaultsOf } from '../../../src/components/ui/params.ts';
import type { ChartPart, HandlePart } from '../../../src/components/ui/parts.ts';
import { renderFigure } from '../../../src/components/ui/render-figure.ts';

/** The patch that `spec`'s action `name` asks for in `state`, its button's `data-value` being `value`. */
export function act<S, D, P, X, T>(
  spec: FigureSpec<S, D, P, X, T>,
  name: string,
  state: Partial<S> = {},
  value?: string,
  fed?: X,
): Partial<S> {
  const action = spec.actions?.[name];
  if (!action) throw new Error(`${spec.name}: no action '${name}'`);
  const drawn = renderFigure(spec, { state, fed });
  return action(drawn.state, value, drawn.data);
}

/** What `spec` publishes in `state`. */
export function publishedIn<S, D, P, X, T>(spec: FigureSpec<S, D, P, X, T>, state: Partial<S> = {}, fed?: X): T {
  if (!spec.publishes) throw new Error(`${spec.name}: publishes nothing`);
  const drawn = renderFigure(spec, { state, fed });
  return spec.publishes.value(drawn.data, drawn.state, drawn.fed);
}

/** The handle of `spec` drawn at `role`. */
export function handleOf<S, D, P, X, T>(spec: FigureSpec<S, D, P, X, T>, role = 'handle'): HandlePart<S> {
  const handle = spec.handles?.find((h) => h.role === role);
  if (!handle) throw new Error(`${spec.name}: no handle '${role}'`);
  return handle;
}

/**
 * The patch a drag of the handle at `role` to `p` (the surface's units) asks for in `state`: the
 * point held inside the handle's bounds first, as the keypoint control holds it.
 */
export function dragTo<S, D, P, X, T>(
  spec: FigureSpec<S, D, P, X, T>,
  role: string,
  p: Point,
  state: Partial<S> = {},
): Partial<S> {
  const { bounds, set } = handleOf(spec, role);
  const held = {
    x: Math.min(bounds.maxX, Math.max(bounds.minX, p.x)),
    y: Math.min(bounds.maxY, Math.max(bounds.minY, p.y)),
  };
  return set(held, { ...defaultsOf(spec.params), ...state });
}

/** The chart of `spec` drawn into `role`. */
export function chartOf<S, D, P, X, T>(spec: FigureSpec<S, D, P, X, T>, role = 'chart'): ChartPart<S, D> {
  const chart = spec.charts?.find((c) => (c.role ?? 'chart') === role);
  if (!chart) throw new Error(`${spec.name}: no chart '${role}'`);
  return chart;
}

/** What the live region says once `spec` has drawn `state`: its own announcement, then its charts'. */
export function announcedIn<S, D, P, X, T>(spec: FigureSpec<S, D, P, X, T>, state: Partial<S> = {}, fed?: X): string {
  const { data, state: s } = renderFigure(spec, { state, fed });
  const said = [spec.announce?.(data, s), ...(spec.charts ?? []).map((c) => c.announce?.(s, data))];
  return said.filter((text) => text !== undefined).join(' ');
}
