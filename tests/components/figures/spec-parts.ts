/**
 * A spec's actions and publication called as the framework calls them, without a DOM: in a state
 * (the defaults, patched), with the data the figure's build makes there.
 */
import type { FigureSpec } from '../../../src/components/ui/figure.ts';
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
