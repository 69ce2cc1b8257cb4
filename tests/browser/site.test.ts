/**
 * Browser tests of the built site (dist/) in the system Chromium: the figure framework works by
 * keyboard, pointer, touch and URL, chapter by chapter. Every page's load, axe and phone checks
 * are in pages-schemes.test.ts and pages-phone.test.ts.
 */
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { BrowserContext } from 'playwright-core';
import { launch } from './browser.ts';
import { test } from './retry.ts';
import { hydrateAll, inView, openFigure, openHydrated, openWatched } from './pages.ts';
import { serveDist } from './server.ts';
import { branchesView, branchPatterns } from '../../src/components/figures/dekr/branches-view.ts';
import { decodeData } from '../../src/components/figures/dekr/decode-view.ts';
import { ch7 } from '../../src/components/state/ch7.ts';
import { defaultsOf } from '../../src/components/ui/params.ts';

const CHAPTER_1 = '/chapters/01-points-pixels-heatmaps/';
let server: Server;
let origin: string;
let light: BrowserContext;

before(async () => {
  ({ server, origin } = await serveDist('dist'));
  light = await launch();
});

after(async () => {
  await light?.close();
  server?.close();
});

describe('the keypoint control', () => {
  test('moves by keyboard, 1 px per arrow and 0.1 px with Shift, and its value text follows', async () => {
    const page = await openFigure(light, origin + CHAPTER_1, 'fig-grid');
    const handle = page.getByRole('slider', { name: 'Keypoint on the input crop' });
    const before = await handle.getAttribute('aria-valuetext');
    assert.match(before ?? '', /x 141\.3, y 109\.6/);
    await handle.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await page.waitForFunction(
      (el) => el?.getAttribute('aria-valuetext')?.includes('x 143.3, y 109.7'),
      await handle.elementHandle(),
    );
    const error = await page.locator('[data-role="stat-error"]').textContent();
    assert.match(error ?? '', /^\d+\.\d\d px$/);
    await page.close();
  });

  test('follows a mouse drag and a tap on the crop', async () => {
    const page = await openFigure(light, origin + CHAPTER_1, 'fig-grid');
    const surface = page.locator('[data-role="surface"]');
    const box = await inView(surface);
    // The crop is 192 units wide: the middle of the surface is x ≈ 96.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const handle = page.getByRole('slider', { name: 'Keypoint on the input crop' });
    await page.waitForFunction(
      (el) => /x 9[56]\.\d, y 12[78]\.\d/.test(el?.getAttribute('aria-valuetext') ?? ''),
      await handle.elementHandle(),
    );
    await page.mouse.move(box.x + box.width / 4, box.y + box.height / 4);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.25, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(
      (el) => /x 14[34]\.\d/.test(el?.getAttribute('aria-valuetext') ?? ''),
      await handle.elementHandle(),
    );
    await page.close();
  });

  test('announces the result in a polite live region', async () => {
    const page = await openFigure(light, origin + CHAPTER_1, 'fig-grid');
    await page.getByRole('slider', { name: 'Keypoint on the input crop' }).focus();
    await page.keyboard.press('ArrowLeft');
    const region = page.locator('#fig-grid [aria-live="polite"]');
    await page.waitForFunction(
      (el) => /error of \d+\.\d\d pixels/.test(el?.textContent ?? ''),
      await region.elementHandle(),
    );
    await page.close();
  });
});

describe('state in the URL', () => {
  test('a moved keypoint and σ are written to the URL and restored from it', async () => {
    const page = await openHydrated(light, origin + CHAPTER_1);
    await page.getByRole('slider', { name: 'Keypoint on the input crop' }).focus();
    await page.keyboard.press('ArrowUp');
    // Playwright cannot fill a range input; set it as a reader's drag would and fire `input`.
    await page.locator('#fig-grid-sigma').evaluate((el: HTMLInputElement) => {
      el.value = '3.1';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction(
      () => location.search.includes('ch1.y=108.6') && location.search.includes('ch1.sigma=3.1'),
    );
    const url = page.url();
    const again = await light.newPage();
    await again.goto(url, { waitUntil: 'networkidle' });
    await hydrateAll(again);
    const text = await again.getByRole('slider', { name: 'Keypoint on the input crop' }).getAttribute('aria-valuetext');
    assert.match(text ?? '', /y 108\.6/);
    assert.equal(await again.locator('#fig-grid-sigma').inputValue(), '3.1');
    await Promise.all([page.close(), again.close()]);
  });

  test('a hostile URL falls back to the defaults, says so, and the page keeps working', async () => {
    const { page, problems } = await openWatched(light, origin);
    const hostile = `?ch1.x=%3Cscript%3Ealert(1)%3C%2Fscript%3E&ch1.y=1e999&ch1.sigma=NaN&ch1.__proto__=1&other=${'9'.repeat(5000)}`;
    await page.goto(origin + CHAPTER_1 + hostile, { waitUntil: 'networkidle' });
    await hydrateAll(page);
    const handle = page.getByRole('slider', { name: 'Keypoint on the input crop' });
    assert.match((await handle.getAttribute('aria-valuetext')) ?? '', /x 141\.3, y 109\.6/);
    // Figure 1.1 says so (figure 1.2, which reads the same keys, does too).
    const note = page.locator('#fig-grid [data-role="url-note"]');
    assert.match((await note.textContent()) ?? '', /x, y, sigma/);
    await handle.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (el) => el?.getAttribute('aria-valuetext')?.includes('x 142.3'),
      await handle.elementHandle(),
    );
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('reading aids', () => {
  test('the heatmap reads out cell values by keyboard', async () => {
    const page = await openFigure(light, origin + CHAPTER_1, 'fig-grid');
    // Scrolled back to the figure and drawn there first: off screen it is neither laid out nor
    // painted (content-visibility: auto), and under load a focus sent at once went unanswered.
    const canvas = page.locator('#fig-grid [data-panel="heatmap"] canvas');
    await inView(canvas);
    await canvas.focus();
    await page.keyboard.press('ArrowRight');
    const readout = page.locator('#fig-grid [data-role="heatmap-readout"]');
    await readout.filter({ hasText: /\S/ }).waitFor();
    assert.match((await readout.textContent()) ?? '', /cell \(25, 32\) = 0\.\d{4}/);
    await page.close();
  });

  test('a citation shows its reference on focus and links to the list', async () => {
    const page = await light.newPage();
    await page.goto(origin + CHAPTER_1, { waitUntil: 'networkidle' });
    const link = page.locator('.citation a[data-reference]').first();
    assert.match((await link.getAttribute('data-reference')) ?? '', /Toshev/);
    await link.focus();
    const display = await link.evaluate((el) => getComputedStyle(el, '::after').display);
    assert.equal(display, 'block');
    const href = await link.getAttribute('href');
    assert.equal(await page.locator(href ?? '#none').count(), 1);
    await page.close();
  });

  test('the global pause is a toggle button that persists across pages', async () => {
    const page = await light.newPage();
    await page.goto(origin + CHAPTER_1, { waitUntil: 'networkidle' });
    const button = page.getByRole('button', { name: 'Pause animations' });
    assert.equal(await button.getAttribute('aria-pressed'), 'false');
    await button.click();
    assert.equal(await button.getAttribute('aria-pressed'), 'true');
    await page.goto(origin + '/', { waitUntil: 'networkidle' });
    assert.equal(await page.getByRole('button', { name: 'Pause animations' }).getAttribute('aria-pressed'), 'true');
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-paused')), true);
    await page.getByRole('button', { name: 'Pause animations' }).click();
    await page.close();
  });

  test('on a 360 px phone the header is one row, its links and the pause button named as on a desktop', async () => {
    const phone = await launch({ viewport: { width: 360, height: 780 } });
    try {
      const page = await phone.newPage();
      await page.goto(origin + CHAPTER_1, { waitUntil: 'networkidle' });
      const boxes = await page.locator('.site-header > *').evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return { top: r.top, bottom: r.bottom, right: r.right };
        }),
      );
      assert.equal(boxes.length, 3);
      const middle = (b: { top: number; bottom: number }) => (b.top + b.bottom) / 2;
      for (const box of boxes) assert.ok(Math.abs(middle(box) - middle(boxes[0]!)) < 4, JSON.stringify(boxes));
      assert.ok(Math.max(...boxes.map((b) => b.right)) <= 360, JSON.stringify(boxes));
      await page.getByRole('button', { name: 'Pause animations' }).waitFor();
      assert.equal(await page.getByRole('link', { name: 'Lab', exact: true }).getAttribute('href'), '/lab/');
      await page.close();
    } finally {
      await phone.close();
    }
  });
});

describe('figures that share a chapter store', () => {
  test('the row chart follows the keypoint of figure 1.1, and moves it by keyboard', async () => {
    const page = await openHydrated(light, origin + CHAPTER_1);
    const handle = page.getByRole('slider', { name: 'Keypoint on the input crop' });
    const chart = page.getByRole('slider', { name: 'Keypoint x along its row' });
    await handle.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (el) => el?.getAttribute('aria-valuetext') === 'x 142.3 input pixels',
      await chart.elementHandle(),
    );
    // The drawn marker follows too, not only the label.
    await page.waitForFunction(() =>
      /x 142\.3 with an error/.test(
        document.querySelector('#fig-row svg.plot')?.getAttribute('aria-description') ?? '',
      ),
    );
    await chart.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(
      (el) => el?.getAttribute('aria-valuetext')?.startsWith('x 140.3, y 109.6'),
      await handle.elementHandle(),
    );
    await page.close();
  });
});

describe('figure boxes', () => {
  test('a keypoint at the crop’s corner keeps its whole handle in figure 1.1, and no tall blank lies under its panes', async () => {
    const page = await openHydrated(light, origin + `${CHAPTER_1}?ch1.x=191.9&ch1.y=255.9`);
    const surface = page.locator('#fig-grid [data-role="surface"]');
    await inView(surface);
    const seen = await surface.evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      const dot = svg.querySelector('[data-role="handle"] .dot')!.getBoundingClientRect();
      return { spills: dot.right > box.right || dot.bottom > box.bottom, overflow: getComputedStyle(svg).overflow };
    });
    // The handle reaches past the crop's edge there, so the surface must not clip it.
    assert.deepEqual(seen, { spills: true, overflow: 'visible' });
    // Beside the panes, the numbers, close-up and controls end less than 40 % of the panes'
    // height below them (with the close-up stacked over the controls: about 70 %, a blank block).
    const { panes, side } = await page.evaluate(() => {
      const bottom = (selector: string) =>
        Math.max(
          ...Array.from(document.querySelectorAll(`#fig-grid ${selector}`), (el) => el.getBoundingClientRect().bottom),
        );
      const top = document.querySelector('#fig-grid .panes')!.getBoundingClientRect().top;
      return {
        panes: { bottom: bottom('.pane'), height: bottom('.pane') - top },
        side: { bottom: bottom('.side > *') },
      };
    });
    assert.ok(
      side.bottom - panes.bottom < 0.4 * panes.height,
      `side column ends ${Math.round(side.bottom - panes.bottom)} px below panes ${Math.round(panes.height)} px tall`,
    );
    await page.close();
  });

  test('hydrating the figures of chapter 1 shifts no layout', async () => {
    const page = await light.newPage();
    await page.addInitScript(() => {
      (window as unknown as { shift: number }).shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) (window as unknown as { shift: number }).shift += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(origin + CHAPTER_1, { waitUntil: 'networkidle' });
    await hydrateAll(page);
    await page.waitForTimeout(300);
    const shift = await page.evaluate(() => (window as unknown as { shift: number }).shift);
    assert.ok(shift < 0.01, `cumulative layout shift ${shift}`);
    await page.close();
  });
});

describe('colour bars', () => {
  // Once a bar was as wide as the figure's column, twice its map, and its right-hand label sat
  // under the middle, a diverging map's white, where the value is 0 (figures 3.1 and 5.2).
  for (const chapter of ['03-quarter-pixel-shift', '05-dsnt']) {
    test(`chapter ${Number(chapter.slice(0, 2))}: each bar is as wide as its map, each label under the value it names`, async () => {
      const page = await openHydrated(light, `${origin}/chapters/${chapter}/`);
      const bars = await page.locator('.map-panel:has(.scale)').evaluateAll((panels) =>
        panels.map((panel) => {
          const box = (selector: string) => panel.querySelector(selector)!.getBoundingClientRect();
          const text = (selector: string) => panel.querySelector(selector)?.textContent?.trim();
          const [map, bar, lo, hi] = ['.map-box', '.scale-bar', '.scale-lo', '.scale-hi'].map(box);
          const mid = panel.querySelector('.scale-mid') ? box('.scale-mid') : undefined;
          return {
            panel: panel.getAttribute('data-panel'),
            diverging: panel.getAttribute('data-palette') === 'diverging',
            widths: [map!.width, bar!.width],
            ends: [lo!.left - bar!.left, bar!.right - hi!.right],
            middle: mid ? mid.left + mid.width / 2 - (bar!.left + bar!.width / 2) : undefined,
            labels: [text('.scale-lo'), text('.scale-mid'), text('.scale-hi')],
          };
        }),
      );
      assert.ok(bars.length > 0);
      for (const b of bars) {
        assert.ok(
          Math.abs(b.widths[0]! - b.widths[1]!) <= 1,
          `${b.panel}: map ${b.widths[0]} px, bar ${b.widths[1]} px`,
        );
        assert.ok(
          b.ends.every((gap) => Math.abs(gap) <= 1),
          `${b.panel}: labels ${b.ends.join(', ')} px from the bar's ends`,
        );
        if (b.diverging) {
          // A diverging map's middle, under the white, is 0; its ends are each sign's largest value
          // (the same for figure 3.1's symmetric gains, each its own for figure 5.2's gradient).
          assert.ok(b.middle !== undefined && Math.abs(b.middle) <= 1, `${b.panel}: middle label ${b.middle} px off`);
          assert.equal(b.labels[1], '0');
          assert.match(b.labels[0] ?? '', /^−\d/, `${b.panel}: low end ${b.labels[0]}`);
          assert.match(b.labels[2] ?? '', /^\d/, `${b.panel}: high end ${b.labels[2]}`);
        }
      }
      await page.close();
    });
  }
});

describe('legends', () => {
  test('figure 4.2 keys its bars with blocks of their colour, not with lines (one of them dashed)', async () => {
    const page = await openHydrated(light, `${origin}/chapters/04-dark-step-by-step/`);
    const figure = page.locator('#fig-resolution');
    const swatches = await figure
      .locator('.legend li svg')
      .evaluateAll((svgs) =>
        svgs.map((svg) => [svg.firstElementChild?.tagName, svg.firstElementChild?.getAttribute('class')]),
      );
    assert.deepEqual(swatches, [
      ['rect', 'decoder-argmax'],
      ['rect', 'decoder-quarter'],
      ['rect', 'decoder-dark'],
    ]);
    // The chart draws those classes as bars, in the colours the swatches show.
    const colours = await figure.evaluate((root) =>
      ['decoder-argmax', 'decoder-quarter', 'decoder-dark'].map((c) => {
        const bar = root.querySelector(`svg:not([width="28"]) g.${c} rect`);
        const swatch = root.querySelector(`.legend rect.${c}`);
        return [bar && getComputedStyle(bar).color, swatch && getComputedStyle(swatch).color];
      }),
    );
    for (const [bar, swatch] of colours) {
      assert.ok(bar, 'a bar of each decoder');
      assert.equal(swatch, bar);
    }
    await page.close();
  });
});

describe('chapter 2', () => {
  const CHAPTER_2 = '/chapters/02-encoding-and-quantisation/';

  test('moving the keypoint by keyboard changes the reported error, and the target toggle drives every figure', async () => {
    const page = await openHydrated(light, origin + CHAPTER_2);
    const handle = page.getByRole('slider', { name: 'Keypoint on the input crop' });
    const error = page.locator('#fig-hero [data-role="stat-error"]');
    const before = await error.textContent();
    await handle.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(([el, b]) => el?.textContent !== b, [await error.elementHandle(), before] as const);
    // The hero's target toggle and figure 2.3's are one state (the chapter opens on the biased target).
    await page.locator('#fig-hero').getByText('Unbiased', { exact: true }).click();
    await page.waitForFunction(() => location.search.includes('ch2.target=unbiased'));
    assert.equal(await page.locator('#fig-dist input[value="unbiased"]').isChecked(), true);
    const announced = page.locator('#fig-dist [data-role="announce"]');
    await page.waitForFunction(
      (el) => el?.textContent?.startsWith('Unbiased targets'),
      await announced.elementHandle(),
    );
    await page.close();
  });

  test('opens on the biased target (chapter 1 drew the unbiased one), as built and once hydrated, and writes no target to the URL', async () => {
    const built = await light.newPage();
    await built.route('**/*.js', (route) => route.abort());
    await built.goto(origin + CHAPTER_2);
    for (const id of ['fig-hero', 'fig-offset', 'fig-dist'])
      assert.equal(await built.locator(`#${id} input[value="biased"]`).isChecked(), true, `${id} as built`);
    await built.close();
    const page = await openHydrated(light, origin + CHAPTER_2);
    for (const id of ['fig-hero', 'fig-offset', 'fig-dist'])
      assert.equal(await page.locator(`#${id} input[value="biased"]`).isChecked(), true, `${id} hydrated`);
    assert.notEqual(await page.locator('#fig-hero [data-role="stat-encoding"]').textContent(), '0.00 px');
    assert.doesNotMatch(page.url(), /ch2\.target/);
    await page.close();
  });

  test('restores the keypoint and the target from the URL', async () => {
    const page = await openHydrated(light, origin + `${CHAPTER_2}?ch2.x=100.5&ch2.y=60&ch2.target=unbiased`);
    assert.match(
      (await page.getByRole('slider', { name: 'Keypoint on the input crop' }).getAttribute('aria-valuetext')) ?? '',
      /x 100\.5, y 60\.0/,
    );
    assert.equal(await page.locator('#fig-hero input[value="unbiased"]').isChecked(), true);
    assert.equal(await page.locator('#fig-hero [data-role="stat-cell"]').textContent(), '(25, 15)');
    await page.close();
  });
});

describe('chapter 3', () => {
  const CHAPTER_3 = '/chapters/03-quarter-pixel-shift/';

  test('moving the keypoint by keyboard changes every reported error', async () => {
    const page = await openHydrated(light, origin + CHAPTER_3);
    const handle = page.getByRole('slider', { name: 'Keypoint on the zoomed heatmap' });
    const errors = page.locator('#fig-quarter dd');
    const before = await errors.allTextContents();
    await handle.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(([el, b]) => el?.textContent !== b, [
      await page.locator('#fig-quarter [data-role="err-argmax"]').elementHandle(),
      before[0],
    ] as const);
    // Both presses rendered: wait for the final value rather than read it after the first.
    await page.waitForFunction(
      (el) => /x 24\.10, y 32\.15/.test(el?.getAttribute('aria-valuetext') ?? ''),
      await handle.elementHandle(),
    );
    await page.close();
  });

  test('a strip reads its gain by keyboard and Enter moves the keypoint there; the URL keeps it', async () => {
    const page = await openHydrated(light, origin + CHAPTER_3);
    const strip = page.locator('#fig-quarter [data-panel="pa"] canvas');
    await strip.focus();
    await page.keyboard.press('ArrowLeft');
    // Under load the readout can trail the key press by a frame: wait for it, then read it.
    const readout = page.locator('#fig-quarter [data-role="pa-readout"]');
    await readout
      .filter({ hasText: /\S/ })
      .waitFor({ timeout: 10_000 })
      .catch(() => undefined);
    assert.match((await readout.textContent()) ?? '', /Per-axis at offset .*: (gains|loses) \d\.\d\d px/);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.search.includes('ch3.u=-0.025'));
    const again = await openHydrated(light, page.url());
    assert.match(
      (await again.getByRole('slider', { name: 'Keypoint on the zoomed heatmap' }).getAttribute('aria-valuetext')) ??
        '',
      /x 23\.98/,
    );
    await Promise.all([page.close(), again.close()]);
  });
});

describe('chapter 4', () => {
  const CHAPTER_4 = '/chapters/04-dark-step-by-step/';

  test('the stepper reaches its last step by keyboard alone, and the URL keeps the step', async () => {
    const page = await openFigure(light, origin + CHAPTER_4, 'fig-dark');
    const next = page.locator('#fig-dark [data-action="next"]');
    await next.focus();
    for (let i = 0; i < 7; i++) await page.keyboard.press('Enter');
    const title = page.locator('#fig-dark [data-role="step-title"]');
    await page.waitForFunction(
      (el) => el?.textContent === 'Step 8 of 8: Resolution recovery',
      await title.elementHandle(),
    );
    assert.equal(
      await page.locator('#fig-dark [data-action="step"][data-value="8"]').getAttribute('aria-current'),
      'step',
    );
    await page.waitForFunction(() => location.search.includes('ch4.step=8'));
    const again = await openHydrated(light, origin + `${CHAPTER_4}?ch4.step=6&ch4.kernel=5`);
    assert.equal(
      await again.locator('#fig-dark [data-role="step-title"]').textContent(),
      'Step 6 of 8: Gradient and Hessian',
    );
    assert.equal(await again.locator('#fig-dark input[value="5"]').isChecked(), true);
    await Promise.all([page.close(), again.close()]);
  });

  test('focusing a Taylor term lights the stencil cells it reads', async () => {
    const page = await openFigure(light, origin + `${CHAPTER_4}?ch4.step=5`, 'fig-dark');
    await page.locator('#fig-dark li[data-term="dxy"]').focus();
    const lit = await page
      .locator('#fig-dark rect.stencil.lit')
      .evaluateAll((els) => els.map((e) => (e as SVGElement).dataset.key).sort());
    assert.deepEqual(lit, ['mm', 'mp', 'pm', 'pp']);
    assert.equal(await page.locator('#fig-dark .formula [data-term="dxy"].lit').count(), 2);
    await page.close();
  });
});

describe('chapter 4 stencil values', () => {
  test('the table shows L at the 13 cells and hovering one lights its terms', async () => {
    const page = await openHydrated(light, origin + '/chapters/04-dark-step-by-step/?ch4.step=5');
    const cells = page.locator('#fig-dark .stencil-values td[data-key]');
    assert.equal(await cells.count(), 13);
    assert.match((await cells.first().textContent()) ?? '', /^−?\d+\.\d{3}$/);
    await page.locator('#fig-dark .stencil-values td[data-key="c"]').hover();
    const lit = await page
      .locator('#fig-dark .terms li.lit')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-term')).sort());
    assert.deepEqual(lit, ['dxx', 'dyy']);
    await page.close();
  });
});

describe('motion', () => {
  test('the stepper does not play when the reader asks for reduced motion, and plays otherwise', async () => {
    const reduced = await launch({ reducedMotion: 'reduce' });
    try {
      const page = await reduced.newPage();
      await page.goto(origin + '/chapters/04-dark-step-by-step/', { waitUntil: 'networkidle' });
      await hydrateAll(page);
      const play = page.locator('#fig-dark [data-action="play"]');
      await play.click();
      assert.equal(await play.getAttribute('aria-pressed'), 'false');
      assert.match((await play.textContent()) ?? '', /animations paused/);
    } finally {
      await reduced.close();
    }
    const page = await openHydrated(light, origin + '/chapters/04-dark-step-by-step/');
    const play = page.locator('#fig-dark [data-action="play"]');
    await play.click();
    assert.equal(await play.getAttribute('aria-pressed'), 'true');
    // The global pause stops it at once.
    await page.getByRole('button', { name: 'Pause animations' }).click();
    await page.waitForFunction((el) => el?.getAttribute('aria-pressed') === 'false', await play.elementHandle());
    await page.getByRole('button', { name: 'Pause animations' }).click();
    await page.close();
  });
});

describe('chapter 5', () => {
  const CHAPTER_5 = '/chapters/05-dsnt/';

  test('β moves the reported expectation as the library says, and the URL keeps it', async () => {
    const page = await openHydrated(light, origin + CHAPTER_5);
    const expectation = page.locator('#fig-dsnt [data-role="stat-expect"]');
    // At β = 1 the background pulls the expectation right of the bump at x = 5.3.
    const soft = (await expectation.textContent()) ?? '';
    assert.match(soft, /^\((\d+\.\d\d), (\d+\.\d\d)\)$/);
    await page.locator('#fig-dsnt-beta').evaluate((el: HTMLInputElement) => {
      el.value = '6';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction(([el, before]) => el?.textContent !== before, [
      await expectation.elementHandle(),
      soft,
    ] as const);
    const sharp = (await expectation.textContent()) ?? '';
    const x = (text: string) => Number(/^\(([\d.]+)/.exec(text)?.[1]);
    assert.ok(
      Math.abs(x(sharp) - 5.3) < Math.abs(x(soft) - 5.3),
      `β = 6 should bring ${sharp} nearer 5.3 than ${soft}`,
    );
    await page.waitForFunction(() => location.search.includes('ch5.beta=6'));
    await page.close();
  });

  test('a bump moves by keyboard, and the target of figure 5.2 too', async () => {
    const page = await openHydrated(light, origin + CHAPTER_5);
    const bump = page.getByRole('slider', { name: 'First bump of the logits' });
    await bump.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (el) => el?.textContent === '(6.30, 8.60)',
      await page.locator('#fig-dsnt [data-role="stat-bump"]').elementHandle(),
    );
    const target = page.getByRole('slider', { name: 'Training target' });
    await target.focus();
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction(
      (el) => el?.textContent === '(7.00, 7.00)',
      await page.locator('#fig-grad [data-role="stat-target"]').elementHandle(),
    );
    await page.close();
  });

  test('the regularisers fall to zero as the map reaches the target', async () => {
    const page = await openHydrated(light, origin + `${CHAPTER_5}?ch5.t=1`);
    assert.match(
      (await page.locator('#fig-reg [data-role="stat-js"]').textContent()) ?? '',
      /^0\.0000 \(0% of start\)$/,
    );
    await page.close();
  });
});

describe('chapter 6', () => {
  const CHAPTER_6 = '/chapters/06-simdr/';

  test('k changes the bins and the decoded point as the library says; the keyboard moves the keypoint', async () => {
    const page = await openFigure(light, origin + CHAPTER_6, 'fig-simdr');
    const decoded = page.locator('#fig-simdr [data-role="stat-decoded"]');
    assert.equal(await decoded.textContent(), '(101.500, 144.000)');
    await page.locator('#fig-simdr input[value="4"]').check();
    await page.waitForFunction((el) => el?.textContent === '(101.250, 143.750)', await decoded.elementHandle());
    assert.equal(await page.locator('#fig-simdr [data-role="stat-bins"]').textContent(), '768 + 1024');
    await page.getByRole('slider', { name: 'Keypoint on the crop' }).focus();
    await page.keyboard.press('Shift+ArrowRight');
    await page.waitForFunction((el) => el?.textContent === '(101.500, 143.750)', await decoded.elementHandle());
    await page.waitForFunction(() => location.search.includes('ch6.k=4') && location.search.includes('ch6.x=101.47'));
    await page.close();
  });

  test('restores k, the label and the prediction shift from the URL', async () => {
    const page = await openHydrated(light, origin + `${CHAPTER_6}?ch6.k=3&ch6.label=onehot&ch6.shift=-4`);
    assert.equal(await page.locator('#fig-simdr input[value="3"]').isChecked(), true);
    assert.equal(await page.locator('#fig-simdr input[value="onehot"]').isChecked(), true);
    assert.equal(await page.locator('#fig-kl-shift').inputValue(), '-4');
    assert.equal(await page.locator('#fig-simdr [data-role="stat-bound"]').textContent(), '0.167 px');
    await page.close();
  });
});

describe('touch', () => {
  test('a tap on the crop moves the keypoint on a touch phone', async () => {
    const touch = await launch({ hasTouch: true, viewport: { width: 360, height: 780 } });
    try {
      const page = await touch.newPage();
      await page.goto(origin + CHAPTER_1, { waitUntil: 'networkidle' });
      await hydrateAll(page);
      const surface = page.locator('#fig-grid [data-role="surface"]');
      const box = await inView(surface);
      assert.ok(box);
      await page.touchscreen.tap(box.x + box.width * 0.25, box.y + box.height * 0.75);
      const handle = page.getByRole('slider', { name: 'Keypoint on the input crop' });
      // A quarter across and three quarters down the 192 × 256 crop.
      await page.waitForFunction(
        (el) => /x 4[78]\.\d, y 19[12]\.\d/.test(el?.getAttribute('aria-valuetext') ?? ''),
        await handle.elementHandle(),
      );
    } finally {
      await touch.close();
    }
  });
});

describe('chapter 7', () => {
  test('moving the translation moves every tap by t, and the offsets follow, as the library says', async () => {
    const page = await openFigure(light, origin + '/chapters/07-dekr/', 'fig-adapt');
    const centreTap = page.locator('#fig-adapt [data-role="tap-4"]');
    assert.equal(await centreTap.getAttribute('cx'), '6.300');
    await page.getByRole('slider', { name: 'Translation t of the taps' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowUp');
    // Tap 4 sits at G = 0: it is p + t = (5 + 2.3, 5 - 0.7).
    await page.waitForFunction(
      (el) => el?.getAttribute('cx') === '7.300' && el?.getAttribute('cy') === '4.300',
      await centreTap.elementHandle(),
    );
    assert.equal(await page.locator('#fig-adapt [data-role="off-4"]').textContent(), '(−0.70, 2.30)');
    await page.waitForFunction(() => location.search.includes('ch7.tx=2.3') && location.search.includes('ch7.ty=-0.7'));
    await page.close();
  });

  test('the decoding stepper reaches pose NMS by keyboard and keeps the poses the library keeps', async () => {
    const page = await openHydrated(light, origin + '/chapters/07-dekr/?ch7.cnoise=0.03&ch7.onoise=0.4&ch7.seed=4');
    const d = decodeData({ ...defaultsOf(ch7), cnoise: 0.03, onoise: 0.4, seed: 4 });
    const next = page.locator('#fig-decode button[data-action="next"]');
    await next.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.search.includes('ch7.stage=posenms'));
    const text = page.locator('#fig-decode [data-role="stage-text"]');
    await page.waitForFunction(
      ([el, expected]) => (el as Element | null)?.textContent?.includes(expected as string) ?? false,
      [await text.elementHandle(), `${d.kept.length} of ${d.poses.length} kept`] as const,
    );
    const shown = await page.locator('#fig-decode path.pose[visibility="visible"]').count();
    assert.equal(shown, d.kept.length);
    assert.equal(await next.isDisabled(), true);
    await page.waitForFunction(
      (el) => /^Step 5 of 5, Pose NMS/.test(el?.textContent ?? ''),
      await page.locator('#fig-decode [data-role="announce"]').elementHandle(),
    );
    await page.close();
  });

  test('moving a joint by keyboard moves only its branch’s taps, where the library puts them', async () => {
    const page = await openFigure(light, origin + '/chapters/07-dekr/', 'fig-branches');
    const s = defaultsOf(ch7);
    const before = await page.locator('#fig-branches [data-role="taps-nose"]').getAttribute('d');
    await page.getByRole('slider', { name: 'Left knee, the joint of the knee branch' }).focus();
    await page.keyboard.press('ArrowRight');
    const moved = { ...s, kx: s.kx + 1 };
    const expected = branchesView(moved, branchPatterns(moved)).attrs['taps-knee']?.d;
    await page.waitForFunction(([el, d]) => (el as Element | null)?.getAttribute('d') === d, [
      await page.locator('#fig-branches [data-role="taps-knee"]').elementHandle(),
      expected,
    ] as const);
    assert.equal(await page.locator('#fig-branches [data-role="taps-nose"]').getAttribute('d'), before);
    await page.waitForFunction((kx) => location.search.includes(`ch7.kx=${kx}`), Number((s.kx + 1).toFixed(2)));
    await page.close();
  });

  test('the routes figure counts the work for the chosen crowd, and the loss figure the ratio of sizes', async () => {
    const page = await openHydrated(light, origin + '/chapters/07-dekr/');
    await page.locator('#fig-routes input[value="grouping"]').check();
    await page.locator('#fig-routes-people').evaluate((el: HTMLInputElement) => {
      el.value = '6';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const pairings = page.locator('#fig-routes [data-role="pairings-grouping"]');
    await page.waitForFunction((el) => el?.textContent === String(14 * 36), await pairings.elementHandle());
    assert.equal(await page.locator('#fig-routes [data-role="passes-top-down"]').textContent(), '7');
    assert.equal(await page.locator('#fig-routes routes-figure').getAttribute('data-route'), 'grouping');
    await page.locator('#fig-loss-large').evaluate((el: HTMLInputElement) => {
      el.value = '400';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction(
      (el) => el?.textContent?.includes('10.0 times') ?? false,
      await page.locator('#fig-loss [data-role="ratio"]').elementHandle(),
    );
    await page.waitForFunction(
      () =>
        location.search.includes('ch7.route=grouping') &&
        location.search.includes('ch7.people=6') &&
        location.search.includes('ch7.large=400'),
    );
    await page.close();
  });

  test('restores the chapter’s state from the URL and refuses hostile values', async () => {
    const page = await openHydrated(
      light,
      origin + '/chapters/07-dekr/?ch7.stage=rescore&ch7.branch=knee&ch7.route=%3Cimg%3E&ch7.err=NaN',
    );
    assert.equal(await page.locator('#fig-decode input[value="rescore"]').isChecked(), true);
    assert.equal(await page.locator('#fig-branches input[value="knee"]').isChecked(), true);
    assert.equal(await page.locator('#fig-routes input[value="dense"]').isChecked(), true);
    assert.equal(await page.locator('#fig-loss-err').inputValue(), '5');
    assert.equal(
      await page.locator('#fig-decode [data-role="map-label"]').textContent(),
      'Keypoint heatmaps (maximum over the 13 joints)',
    );
    const note = page.locator('#fig-routes [data-role="url-note"]');
    assert.equal(await note.isVisible(), true);
    await page.close();
  });
});
