/**
 * Chapter 10 in Chromium (issue 18): each figure driven by keyboard, its numbers checked against
 * the library's (the same builders and views, run here in Node), its state restored from a link,
 * a hostile link refused with a note, the exercises checked from the state, and the site search
 * finding the chapter's subjects. Against the built site (dist/).
 */
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import { launch } from './browser.ts';
import { test } from './retry.ts';
import { hydrateAll, inView, openHydrated, openWatched, touchDrag } from './pages.ts';
import { serveDist } from './server.ts';
import { borderView } from '../../src/components/figures/conventions/border-view.ts';
import { flipView } from '../../src/components/figures/conventions/flip-view.ts';
import { scoreView } from '../../src/components/figures/conventions/score-view.ts';
import { udpView } from '../../src/components/figures/conventions/udp-view.ts';
import { ch10, type Ch10State } from '../../src/components/state/ch10.ts';
import { readState } from '../../src/components/ui/params.ts';
import {
  buildBorderRules,
  buildFlipTest,
  buildScoreFigure,
  buildScoreSamples,
  buildUdpGrid,
  packScoreSamples,
  scoreThresholdRows,
  unpackScoreSamples,
  type FlipShift,
} from '../../src/lib/index.ts';

const CHAPTER = '/chapters/10-what-your-toolkit-does/';
let server: Server;
let origin: string;
let light: BrowserContext;
let phone: BrowserContext;

before(async () => {
  ({ server, origin } = await serveDist('dist'));
  light = await launch();
  phone = await launch({ viewport: { width: 360, height: 780 }, hasTouch: true });
});

after(async () => {
  await Promise.all([light?.close(), phone?.close()]);
  server?.close();
});

const open = (path: string, context: BrowserContext = light): Promise<Page> => openHydrated(context, origin + path);

/** The chapter's state as the page's URL holds it (defaults for what it leaves out). */
const stateOf = (page: Page): Ch10State => readState(ch10, 'ch10', new URL(page.url()).searchParams).state;

/** Waits until the element with `role` in `figure` reads `expected`. */
async function waitForText(page: Page, figure: string, role: string, expected: string): Promise<void> {
  const el = await page.locator(`#${figure} [data-role="${role}"]`).first().elementHandle();
  await page
    .waitForFunction(([e, want]) => e?.textContent?.trim() === want, [el, expected] as const, { timeout: 20_000 })
    .catch(async (error: unknown) => {
      const got = await page.locator(`#${figure} [data-role="${role}"]`).first().textContent();
      throw new Error(`#${figure} ${role}: expected “${expected}”, got “${got}”`, { cause: error });
    });
}

const udpTexts = (s: Ch10State) =>
  udpView(buildUdpGrid({ keypoint: { x: s.x, y: s.y }, stride: Number(s.stride) })).text;
const flipTexts = (s: Ch10State) =>
  flipView(buildFlipTest({ keypoint: { x: s.fx, y: s.fy }, mapping: s.mapping, shift: Number(s.shift) as FlipShift }))
    .text;
// Figure 10.3's samples as the page embeds them (packed to six significant digits).
const samples = unpackScoreSamples(packScoreSamples(buildScoreSamples()));
const scoreFigure = buildScoreFigure(samples);
const scoreTexts = (s: Ch10State) =>
  scoreView({ figure: scoreFigure, samples, rows: scoreThresholdRows(samples, s.threshold) }, s).text;
const borderTexts = (s: Ch10State) => borderView(buildBorderRules({ keypoint: { x: s.bx, y: s.by } }), s).text;

describe('the chapter', () => {
  test('every figure’s markup and spec agree, and each hydrated', async () => {
    const page = await open(CHAPTER);
    const figures = await page.locator('[data-store="ch10"]').count();
    assert.equal(figures, 4);
    assert.equal(await page.locator('[data-missing]').count(), 0);
    await page.close();
  });

  test('on a phone, a tap on figure 10.4’s map moves the keypoint there', async () => {
    const page = await open(CHAPTER, phone);
    const surface = page.locator('#fig-border [data-role="border-surface"]');
    const box = await inView(surface);
    assert.ok(box, 'the map is laid out');
    // A quarter of the way across and half way down: cell x ≈ 16/4 − 0.5 = 3.5.
    await page.touchscreen.tap(box.x + box.width / 4, box.y + box.height / 2);
    await page.waitForFunction(() => /ch10\.bx=3\.\d/.test(location.search));
    const want = borderTexts(stateOf(page));
    await waitForText(page, 'fig-border', 'stat-argmax', want['stat-argmax'] as string);
    await page.close();
  });
});

describe('on a phone', () => {
  test('a finger drags figure 10.1’s keypoint to the right, and the mismatch errors are the library’s', async () => {
    const page = await open(CHAPTER, phone);
    const handle = page.getByRole('slider', { name: 'Keypoint on the crop, Stride grid' });
    const box = await inView(handle);
    assert.ok(box, 'the handle is laid out');
    const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const before = stateOf(page).x;
    await touchDrag(page, from, { x: from.x + 60, y: from.y });
    // Sixty CSS pixels on a crop about 290 px wide for its 32 input pixels and margins: several pixels.
    await page.waitForFunction((x0) => {
      const x = Number(new URLSearchParams(location.search).get('ch10.x'));
      return x > x0 + 4;
    }, before);
    // The handle followed the finger the whole way (a pan taken over by the page would cancel
    // the drag after a few pixels and leave it behind).
    const after = await handle.boundingBox();
    assert.ok(after, 'the handle is laid out');
    assert.ok(Math.abs(after.x + after.width / 2 - (from.x + 60)) < 2, `handle at ${after.x + after.width / 2}`);
    assert.equal(await page.evaluate(() => scrollX), 0);
    const want = udpTexts(stateOf(page));
    for (const role of ['stat-s2u', 'stat-u2s', 'stride-heatmap'])
      await waitForText(page, 'fig-udp', role, want[role] as string);
    await page.close();
  });

  test('a tap on figure 10.3’s kept-share chart sets the threshold there, and the table is the library’s', async () => {
    const page = await open(CHAPTER, phone);
    const chart = page.getByRole('slider', { name: 'Score threshold' });
    const box = await inView(chart);
    assert.ok(box, 'the chart is laid out');
    // Three quarters across the chart: a threshold well above the default 0.3 (the axis runs 0 to 2).
    await page.touchscreen.tap(box.x + box.width * 0.75, box.y + box.height / 2);
    await page.waitForFunction(() => Number(new URLSearchParams(location.search).get('ch10.threshold')) > 1);
    const want = scoreTexts(stateOf(page));
    for (const role of ['kept-heatmapMax', 'kept-megvii', 'kept-simccMin', 'stat-threshold'])
      await waitForText(page, 'fig-scores', role, want[role] as string);
    await page.close();
  });
});

describe('figure 10.1, where is a pixel', () => {
  test('arrow keys move the keypoint on either crop; the mismatch errors are the library’s', async () => {
    const page = await open(CHAPTER);
    const handle = page.getByRole('slider', { name: 'Keypoint on the crop, Stride grid' });
    await handle.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await page.waitForFunction(
      () => location.search.includes('ch10.x=11.3') && location.search.includes('ch10.y=13.7'),
    );
    const s = stateOf(page);
    const want = udpTexts(s);
    for (const role of ['stat-s2u', 'stat-u2s', 'stride-heatmap', 'udp-heatmap', 'stride-offset'])
      await waitForText(page, 'fig-udp', role, want[role] as string);
    // The UDP panel's handle is the same keypoint.
    const other = page.getByRole('slider', { name: 'Keypoint on the crop, UDP grid' });
    assert.match((await other.getAttribute('aria-valuetext')) ?? '', /x 11\.3, y 13\.7/);
    await page.close();
  });

  test('the stride changes by keyboard, and the grids and errors follow', async () => {
    const page = await open(CHAPTER);
    await page.locator('#fig-udp input[value="4"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => location.search.includes('ch10.stride=8'));
    const want = udpTexts(stateOf(page));
    await waitForText(page, 'fig-udp', 'map-size', want['map-size'] as string);
    await waitForText(page, 'fig-udp', 'stat-far', want['stat-far'] as string);
    await waitForText(page, 'fig-udp', 'udp-scale', want['udp-scale'] as string);
    await page.close();
  });
});

describe('figure 10.2, the flip test', () => {
  test('moving the keypoint and choosing mapping and shift by keyboard give the library’s errors', async () => {
    const page = await open(CHAPTER);
    const handle = page.getByRole('slider', { name: 'Keypoint on the image’s map' });
    await handle.focus();
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => /ch10\.fx=\d/.test(location.search));
    let want = flipTexts(stateOf(page));
    for (const role of ['err-averaged-dark', 'err-flipped-quarter', 'err-original-argmax', 'stat-bias'])
      await waitForText(page, 'fig-flip', role, want[role] as string);
    // Stride, shift 1: the flipped-back peak sits a quarter cell right of the truth.
    assert.match(want['stat-bias'] as string, /^\+0\.25 cells/);

    // UDP, then no shift: the average is unbiased.
    await page.locator('#fig-flip input[name="fig-flip-mapping"][value="stride"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => location.search.includes('ch10.mapping=udp'));
    await page.locator('#fig-flip input[name="fig-flip-shift"][value="1"]').focus();
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => location.search.includes('ch10.shift=0'));
    want = flipTexts(stateOf(page));
    await waitForText(page, 'fig-flip', 'err-averaged-dark', want['err-averaged-dark'] as string);
    await waitForText(page, 'fig-flip', 'stat-bias', want['stat-bias'] as string);
    assert.equal(want['stat-bias'], '0.00 cells, 0.00 px');
    assert.match(want['err-averaged-dark'] as string, /^[+−]?0\.00 px$/);
    await page.close();
  });
});

describe('figure 10.3, confidence scores', () => {
  test('the kept-share chart is a slider: arrow keys raise the threshold, and the table is the library’s', async () => {
    const page = await open(CHAPTER);
    const chart = page.getByRole('slider', { name: 'Score threshold' });
    await chart.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => location.search.includes('ch10.threshold=0.55'));
    const want = scoreTexts(stateOf(page));
    for (const role of ['kept-heatmapMax', 'kept-megvii', 'kept-simccMin', 'mean-kept-heatmapMax', 'stat-threshold'])
      await waitForText(page, 'fig-scores', role, want[role] as string);
    // Megvii's scores start at 0.5: at 0.55 it still keeps every keypoint.
    assert.match(want['kept-megvii'] as string, /\(100%\)$/);
    await page.locator('#fig-scores input[name="fig-scores-score"][value="heatmapMax"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => location.search.includes('ch10.score=megvii'));
    await page.waitForFunction(() =>
      document.querySelector('#fig-scores [data-role="scatter"] svg')?.getAttribute('aria-label')?.includes('Megvii'),
    );
    await page.close();
  });
});

describe('figure 10.3’s scatter', () => {
  test('every tick label lies inside its chart, and the caption accounts for the errors beyond the crop', async () => {
    const page = await open(CHAPTER);
    await inView(page.locator('#fig-scores [data-role="scatter"] svg'));
    const outside = await page.locator('#fig-scores svg').evaluateAll((svgs) =>
      svgs.flatMap((svg) => {
        const box = svg.getBoundingClientRect();
        return [...svg.querySelectorAll('text')].flatMap((t) => {
          const r = t.getBoundingClientRect();
          const inside =
            r.left >= box.left - 0.5 &&
            r.right <= box.right + 0.5 &&
            r.top >= box.top - 0.5 &&
            r.bottom <= box.bottom + 0.5;
          return inside ? [] : [t.textContent ?? ''];
        });
      }),
    );
    assert.deepEqual(outside, []);
    const beyond = scoreFigure.darkBeyondCrop;
    assert.ok(beyond.count > 0, 'the samples hold DARK errors beyond the crop');
    await waitForText(page, 'fig-scores', 'samples-note', scoreTexts(stateOf(page))['samples-note'] as string);
    assert.match(
      (await page.locator('#fig-scores [data-role="samples-note"]').textContent()) ?? '',
      new RegExp(`up to ${Math.round(beyond.largest).toLocaleString('en')} px`),
    );
    await page.close();
  });
});

describe('figure 10.4, border rules', () => {
  test('the keypoint dragged to the second column by keyboard: MMPose refines y only, HRNet nothing, as the library says', async () => {
    const page = await open(CHAPTER);
    const handle = page.getByRole('slider', { name: 'Keypoint on the map' });
    await handle.focus();
    // From x 14.3, 26 half-cell steps left: x 1.3.
    for (let i = 0; i < 26; i++) await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => location.search.includes('ch10.bx=1.3'));
    const want = borderTexts(stateOf(page));
    for (const role of [
      'refines-x-mmposeQuarter',
      'refines-y-mmposeQuarter',
      'refines-x-hrnetQuarter',
      'point-darkUdp',
      'error-dark',
      'stat-argmax',
    ])
      await waitForText(page, 'fig-border', role, want[role] as string);
    assert.equal(want['refines-x-mmposeQuarter'], 'no');
    assert.equal(want['refines-y-mmposeQuarter'], 'yes');
    // Its exercise checks the same state.
    await page.locator('#ex-10-4 [data-action="check"]').click();
    await page
      .locator('#ex-10-4 [data-role="verdict"]')
      .filter({ hasText: /^Done\./ })
      .waitFor();
    await page.close();
  });
});

describe('links', () => {
  test('a link restores every figure’s state, and the numbers are the library’s', async () => {
    const query =
      '?ch10.x=28&ch10.y=20&ch10.stride=8&ch10.fx=92.5&ch10.mapping=udp&ch10.shift=0&ch10.threshold=0.55&ch10.score=megvii&ch10.bx=1.2&ch10.by=5.6&ch10.rule=darkUdp';
    const page = await open(CHAPTER + query);
    const s = stateOf(page);
    assert.equal(s.stride, '8');
    assert.equal(await page.locator('#fig-udp input[value="8"]').isChecked(), true);
    assert.equal(await page.locator('#fig-flip input[name="fig-flip-mapping"][value="udp"]').isChecked(), true);
    assert.equal(await page.locator('#fig-border input[value="darkUdp"]').isChecked(), true);
    await waitForText(page, 'fig-udp', 'stat-s2u', udpTexts(s)['stat-s2u'] as string);
    await waitForText(page, 'fig-flip', 'err-averaged-dark', flipTexts(s)['err-averaged-dark'] as string);
    await waitForText(page, 'fig-scores', 'kept-heatmapMax', scoreTexts(s)['kept-heatmapMax'] as string);
    await waitForText(page, 'fig-border', 'refines-y-mmposeQuarter', 'yes');
    // The exercises read the same state: 10.1 to 10.4 are all solved by this link.
    for (const id of ['ex-10-1', 'ex-10-2', 'ex-10-3', 'ex-10-4']) {
      await page.locator(`#${id} [data-action="check"]`).click();
      await page
        .locator(`#${id} [data-role="verdict"]`)
        .filter({ hasText: /^Done\./ })
        .waitFor();
    }
    await page.close();
  });

  test('a hostile link falls back to the defaults, each figure says so, and the page keeps working', async () => {
    const { page, problems } = await openWatched(light, origin);
    const hostile =
      '?ch10.x=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&ch10.stride=3&ch10.mapping=javascript:alert(1)' +
      '&ch10.shift=-1&ch10.threshold=1e999&ch10.score=__proto__&ch10.bx=NaN&ch10.rule=constructor';
    await page.goto(origin + CHAPTER + hostile, { waitUntil: 'networkidle' });
    await hydrateAll(page);
    const note = (figure: string) => page.locator(`#${figure} [data-role="url-note"]`).textContent();
    assert.match((await note('fig-udp')) ?? '', /x, stride/);
    assert.match((await note('fig-flip')) ?? '', /mapping, shift/);
    assert.match((await note('fig-scores')) ?? '', /threshold, score/);
    assert.match((await note('fig-border')) ?? '', /bx, rule/);
    // The defaults are drawn, with the library's numbers.
    const defaults = readState(ch10, 'ch10', new URLSearchParams()).state;
    await waitForText(page, 'fig-udp', 'stat-s2u', udpTexts(defaults)['stat-s2u'] as string);
    await waitForText(page, 'fig-border', 'stat-keypoint', borderTexts(defaults)['stat-keypoint'] as string);
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    // Still working: a key press moves figure 10.4's keypoint.
    await page.getByRole('slider', { name: 'Keypoint on the map' }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => location.search.includes('ch10.bx=13.8'));
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('search', () => {
  for (const query of ['flip test', 'UDP', 'confidence score']) {
    test(`finds chapter 10 for “${query}”`, async () => {
      const page = await light.newPage();
      await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'networkidle' });
      await page.locator('[data-role="search-status"]').filter({ hasText: /match/ }).waitFor();
      await page.locator(`.result-title[href="${CHAPTER}"]`).first().waitFor();
      await page.close();
    });
  }
});
