/** mountMapPanel on a server-side DOM: the panel's canvas replaces its image, in the panel's palette. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { colorize } from '../../../src/components/ui/colormap.ts';
import { mountMapPanel } from '../../../src/components/ui/map-panel.ts';
import { fire, pageWith, place, withContext } from './dom.ts';

function panel(palette = 'diverging') {
  const doc = pageWith(`<div id="fig"><div data-panel="error">
    <img src="data:,"><canvas hidden data-palette="${palette}"></canvas><p class="panel-readout"></p>
  </div></div>`);
  vi.stubGlobal('document', { activeElement: null });
  const root = doc.getElementById('fig')!;
  const canvas = root.querySelector('canvas')!;
  return { root, canvas, context: withContext(canvas) };
}

afterEach(() => vi.unstubAllGlobals());

describe('mountMapPanel(root, name, options)', () => {
  it('shows the canvas, hides the build-time image, and draws in the palette the markup names', () => {
    const { root, canvas, context } = panel();
    const view = mountMapPanel(root, 'error');
    expect(canvas.hidden).toBe(false);
    expect(root.querySelector('img')!.hasAttribute('hidden')).toBe(true);
    view.draw([-1, 0, 1, 2], 2, 2, [-2, 2]);
    expect([...context.put[0]!.data]).toEqual([...colorize([-1, 0, 1, 2], [-2, 2], undefined, 'diverging')]);
  });

  it("hands the view the caller's options", () => {
    const { root, canvas } = panel();
    const view = mountMapPanel(root, 'error', { describe: (c, v) => `${c.x},${c.y}=${v}` });
    view.draw([5, 6, 7, 8], 2, 2);
    place(canvas, { width: 20, height: 20 });
    fire(canvas, 'pointermove', { clientX: 15, clientY: 15 });
    expect(root.querySelector('.panel-readout')!.textContent).toBe('1,1=8');
  });

  it('throws, naming the panel, when the markup lacks it', () => {
    const { root } = panel();
    expect(() => mountMapPanel(root, 'logits')).toThrow("map panel 'logits' is missing");
  });
});
