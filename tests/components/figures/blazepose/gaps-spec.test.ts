/**
 * Figure 9.4 drawn from its spec, before the model and after a made-up run (`after-run.ts`): its
 * sentence, its per-decoder medians and farthest joints (the library's `buildGapFigure` of the
 * run's gaps), and what its chart announces for the joint followed.
 */
import { describe, expect, it } from 'vitest';
import spec from '../../../../src/components/figures/blazepose/gaps-spec.ts';
import { MARK_SHORT } from '../../../../src/components/figures/blazepose/marks.ts';
import { INITIAL_SESSION, type Ch9Session } from '../../../../src/components/figures/blazepose/session/state.ts';
import { fmt } from '../../../../src/components/ui/format.ts';
import { renderFigure } from '../../../../src/components/ui/render-figure.ts';
import { BLAZEPOSE_KEYPOINT_NAMES, buildGapFigure, regressionGaps } from '../../../../src/lib/index.ts';
import { SESSION_AFTER_RUN } from './session/after-run.ts';

const result = SESSION_AFTER_RUN.run!.result;
/** What the chart announces, drawn with `options`. */
const announce = (options: { fed: Ch9Session; state?: { joint?: number } }) => {
  const drawn = renderFigure(spec, options);
  return spec.charts![0]!.announce!(drawn.state, drawn.data);
};

describe('figure 9.4 before the model has run', () => {
  it('waits, and says what it will compare for the joints chosen', () => {
    const { view } = renderFigure(spec, { fed: INITIAL_SESSION });
    expect(view.attrs['gaps-body']).toMatchObject({ 'data-waiting': 'true' });
    expect(view.text['gaps-text']).toBe(
      'Run the model to compare its heatmaps with its regressed landmarks, for the joints it sees.',
    );
    expect(view.text['g-dark-median']).toBe('—');
    expect(renderFigure(spec, { fed: INITIAL_SESSION, state: { gaps: 'all' } }).view.text['gaps-text']).toMatch(
      /for all its keypoints\.$/,
    );
    expect(announce({ fed: INITIAL_SESSION })).toBe('');
  });
});

describe('figure 9.4 after a run', () => {
  it("lays out the library's gaps of the run, for the joints the model sees or all", () => {
    for (const gaps of ['seen', 'all'] as const) {
      const { data } = renderFigure(spec, { fed: SESSION_AFTER_RUN, state: { gaps, kernel: '7' } });
      expect(data.figure).toEqual(buildGapFigure(regressionGaps(result, { kernel: 7 }), gaps));
      expect(data.ran).toBe(true);
    }
  });

  it("gives each decoder's median and farthest joint, and says where the decoders land farthest", () => {
    const { view, data } = renderFigure(spec, { fed: SESSION_AFTER_RUN, state: { joint: 0 } });
    const f = data.figure;
    const dark = f.decoders.find((d) => d.id === 'dark')!;
    expect(view.attrs['gaps-body']).toMatchObject({ 'data-waiting': 'false' });
    expect(view.text['g-dark-median']).toBe(fmt(dark.median, 2));
    expect(view.text['g-dark-largest']).toBe(`${fmt(dark.largest!.distance, 2)} (${dark.largest!.name})`);
    const farthest = (id: string, name: string) => {
      const row = f.decoders.find((d) => d.id === id)!;
      return `${name}, the ${row.largest!.name} (${fmt(row.largest!.distance, 1)} px)`;
    };
    expect(view.text['gaps-text']).toBe(
      `The model sees ${f.seenCount} of its ${f.total} keypoints. Among the ${f.joints.length} shown, the decoders land farthest from the regressed landmark at: ${farthest('dark', 'DARK')}; ${farthest('mediapipe', 'MediaPipe’s refinement')}; ${farthest('softargmax', 'the whole-map soft-argmax')}. The nose is shaded.`,
    );
  });

  it("announces each decoder's distance at the joint followed, or that the model does not see it", () => {
    const { data } = renderFigure(spec, { fed: SESSION_AFTER_RUN, state: { joint: 0 } });
    const rows = data.figure.rows.filter((r) => r.name === 'nose');
    expect(rows.length).toBeGreaterThan(0);
    expect(announce({ fed: SESSION_AFTER_RUN, state: { joint: 0 } })).toBe(
      `nose: ${rows.map((r) => `${MARK_SHORT[r.id]} ${fmt(r.distance, 1)} px`).join(', ')} from the regressed landmark.`,
    );
    // after-run.ts gives every fifth joint a visibility of 0.3: the model does not see joint 4.
    const unseen = BLAZEPOSE_KEYPOINT_NAMES[4];
    expect(announce({ fed: SESSION_AFTER_RUN, state: { joint: 4 } })).toBe(
      `The ${unseen} is not shown (the model does not see it).`,
    );
  });
});
