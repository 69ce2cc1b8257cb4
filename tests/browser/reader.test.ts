/**
 * What a reader sees (issue 20): the point of each figure is visible, nothing jumps, a phone
 * scrolls past figures, charts that move a keypoint are sliders. Against the built site.
 */
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import { launch } from './browser.ts';
import { test } from './retry.ts';
import { inView, openHydrated, touchDrag } from './pages.ts';
import { serveDist } from './server.ts';

let server: Server;
let origin: string;
let light: BrowserContext;
let dark: BrowserContext;
let phone: BrowserContext;

before(async () => {
  ({ server, origin } = await serveDist('dist'));
  light = await launch();
  dark = await launch({ colorScheme: 'dark' });
  phone = await launch({ viewport: { width: 360, height: 780 }, hasTouch: true });
});

after(async () => {
  await Promise.all([light?.close(), dark?.close(), phone?.close()]);
  server?.close();
});

const open = (context: BrowserContext, path: string): Promise<Page> => openHydrated(context, origin + path);

const box = async (page: Page, selector: string) => {
  const b = await page.locator(selector).first().boundingBox();
  assert.ok(b, `${selector} is laid out`);
  return b;
};

describe('the evidence is big enough to see', () => {
  test('figure 1.1: the cell that holds the keypoint is drawn large in the close-up', async () => {
    const page = await open(light, '/chapters/01-points-pixels-heatmaps/');
    const cell = await box(page, '#fig-grid [data-panel="closeup"] rect.cell');
    assert.ok(cell.width >= 24 && cell.height >= 24, `the close-up's cell is ${cell.width} × ${cell.height} px`);
    await page.close();
  });

  test('figure 2.1: biased and unbiased targets give different numbers at the default keypoint', async () => {
    const read = async (target: string) => {
      const page = await open(light, `/chapters/02-encoding-and-quantisation/?ch2.target=${target}`);
      const text = await page.locator('#fig-hero [data-role="stat-centre"]').textContent();
      const lost = await page.locator('#fig-hero [data-role="stat-encoding"]').textContent();
      await page.close();
      return { text, lost };
    };
    const [biased, unbiased] = [await read('biased'), await read('unbiased')];
    assert.notEqual(biased.text, unbiased.text);
    assert.equal(unbiased.lost, '0.00 px');
    assert.notEqual(biased.lost, '0.00 px');
  });

  test('figure 7.2: after pose NMS the dropped peaks are drawn apart from the kept ones', async () => {
    const page = await open(light, '/chapters/07-dekr/?ch7.stage=posenms');
    const kept = await page.locator('#fig-decode .peak[data-status="kept"]').count();
    const dropped = await page.locator('#fig-decode .peak[data-status="dropped"]').count();
    assert.ok(kept >= 1 && dropped >= 1, `${kept} kept, ${dropped} dropped`);
    const colour = (status: string) =>
      page
        .locator(`#fig-decode .peak[data-status="${status}"] rect`)
        .first()
        .evaluate((r) => getComputedStyle(r).stroke);
    assert.notEqual(await colour('kept'), await colour('dropped'));
    await page.close();
  });

  test('figure 5.2 in dark mode: the diverging map is darkened, and its colour bar names its ends', async () => {
    const page = await open(dark, '/chapters/05-dsnt/');
    const filter = await page
      .locator('#fig-grad [data-panel="grad"] .map-canvas')
      .evaluate((c) => getComputedStyle(c).filter);
    assert.match(filter, /invert/);
    // Each end is its own sign's largest value (the white middle is 0).
    const lo = await page.locator('#fig-grad [data-role="grad-scale-lo"]').textContent();
    const hi = await page.locator('#fig-grad [data-role="grad-scale-hi"]').textContent();
    assert.match(lo ?? '', /^−\d+(\.\d+)?$/);
    assert.match(hi ?? '', /^\d+(\.\d+)?$/);
    assert.equal(await page.locator('#fig-grad [data-role="grad-scale-mid"]').textContent(), '0');
    await page.close();
  });
});

describe('nothing jumps', () => {
  test('figure 4.1 numbers its steps the same in the URL and on screen, and keeps its height', async () => {
    const heights: number[] = [];
    for (const step of [1, 6, 8]) {
      const page = await open(light, `/chapters/04-dark-step-by-step/?ch4.step=${step}`);
      assert.match(
        (await page.locator('#fig-dark [data-role="step-title"]').textContent()) ?? '',
        new RegExp(`^Step ${step} of 8`),
      );
      heights.push((await box(page, '#fig-dark')).height);
      await page.close();
    }
    assert.ok(Math.max(...heights) - Math.min(...heights) < 2, `heights ${heights.join(', ')}`);
  });
});

describe('charts that move the keypoint', () => {
  test('figure 2.2 is a slider: an arrow key moves the keypoint, and figure 2.1 follows', async () => {
    const page = await open(light, '/chapters/02-encoding-and-quantisation/');
    const chart = page.getByRole('slider', { name: 'Keypoint x within its cell' });
    await chart.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => location.search.includes('ch2.x=141.8'));
    const handle = page.getByRole('slider', { name: 'Keypoint on the input crop' });
    await page.waitForFunction(
      (el) => el?.getAttribute('aria-valuetext')?.includes('141.8'),
      await handle.elementHandle(),
    );
    await page.close();
  });
});

describe('on a phone', () => {
  /** A one-finger swipe from (x, y0) to (x, y1) in page coordinates. */
  const swipe = (page: Page, x: number, y0: number, y1: number) => touchDrag(page, { x, y: y0 }, { x, y: y1 });

  test('a swipe across the crop scrolls the page and leaves the keypoint; a drag from the handle moves it', async () => {
    const page = await open(phone, '/chapters/01-points-pixels-heatmaps/');
    const handle = page.getByRole('slider', { name: 'Keypoint on the input crop' });
    await inView(handle);
    const before = await handle.getAttribute('aria-valuetext');
    const crop = await box(page, '#fig-grid [data-role="surface"]');
    const scrolled = await page.evaluate(() => scrollY);
    // Up the crop's left edge, away from the handle.
    await swipe(page, crop.x + 10, crop.y + crop.height - 10, crop.y + 20);
    await page.waitForFunction((y) => scrollY > y + 50, scrolled);
    assert.equal(await handle.getAttribute('aria-valuetext'), before);

    const h = await box(page, '#fig-grid [data-role="handle"]');
    await swipe(page, h.x + h.width / 2, h.y + h.height / 2, h.y + h.height / 2 + 40);
    await page.waitForFunction(([el, was]) => el?.getAttribute('aria-valuetext') !== was, [
      await handle.elementHandle(),
      before,
    ] as const);
    await page.close();
  });
});
