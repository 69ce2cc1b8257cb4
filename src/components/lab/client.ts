/**
 * The Decoder Lab's page: its parts are figure specs mounted on the markup's sections (inputs,
 * settings, copy as code, results, and the selected map inside the results), all reading the
 * Lab's URL state and the session's sources (`sources.ts`); the first part to mount starts the
 * session (`session.ts`), which holds the worker. Refused link values are told once, at the top.
 */
import type { FigureSpec } from '../ui/figure.ts';
import { mountFigure } from '../ui/mount-figure.ts';
import { part } from '../ui/part.ts';
import { chapterStore } from '../ui/store.ts';
import { showRejected } from '../ui/url-note.ts';
import code from './specs/code-spec.ts';
import inputs from './specs/inputs-spec.ts';
import map from './specs/map-spec.ts';
import results from './specs/results-spec.ts';
import settings from './specs/settings-spec.ts';
import { labSchema } from './state.ts';

export function mount(root: HTMLElement): () => void {
  // The whole state read at once, so that a refused value is told whichever part reads it.
  showRejected(root, chapterStore(root.dataset.store ?? 'lab', labSchema));
  const mountPart = <S, D, P, X, T>(name: string, spec: FigureSpec<S, D, P, X, T>): (() => void) => {
    const at = part(root, `[data-part="${name}"]`, 'decoder-lab');
    const unmount = mountFigure(at, spec);
    // Live, as the figures the page hydrates say they are.
    at.dataset.hydrated = 'true';
    return unmount;
  };
  const unmounts = [
    mountPart('inputs', inputs),
    mountPart('settings', settings),
    mountPart('code', code),
    mountPart('results', results),
    mountPart('map', map),
  ];
  return () => unmounts.reverse().forEach((unmount) => unmount());
}
