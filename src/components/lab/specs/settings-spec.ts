/**
 * The Lab's settings: the convention and mapping, the decoders of each family with the toolkit
 * function each follows, the blur kernel, SimCC's split ratio and σ, β, and the flip test. The
 * framework binds every control to the URL state; the texts follow the run and what is loaded
 * (which settings apply, what the flip test will do).
 */
import { defineSpec } from '../../ui/figure.ts';
import { labLoaded, type LabLoaded } from '../sources.ts';
import { runOf, runParams } from '../state.ts';
import { settingsView } from '../view/texts.ts';

export default defineSpec({
  name: 'lab-settings',
  params: runParams,
  source: labLoaded,
  build: (s, _pre, loaded: LabLoaded) => ({ run: runOf(s), loaded }),
  view: ({ run, loaded }) => settingsView(run, loaded.input?.kind, Boolean(loaded.flipped)),
});
