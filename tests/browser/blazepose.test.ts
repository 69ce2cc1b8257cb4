/**
 * Chapter 9 in headless Chromium (issue 17): opening it downloads none of the model; its button
 * loads LiteRT.js and BlazePose's lite model from the site and runs them on the bundled photo under
 * the site's CSP, with no request leaving it; the heatmaps render; the nose's argmax agrees with the
 * regressed landmark; the 0–8 px shift test shows argmax's stairs and DARK following the ideal line;
 * the reader's photo (file input) and the crop's keyboard control work; the webcam gives one frame
 * and stops; without WebAssembly the chapter says why and keeps working. Prints the shift test's
 * table and the heatmap-versus-regression table as the page shows them.
 */
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import { seriousViolations } from './axe.ts';
import { launch } from './browser.ts';
import { greyPng } from './png.ts';
import { test } from './retry.ts';
import { hydrateAll, inView, openWatched, touchDrag } from './pages.ts';
import { serveDist } from './server.ts';
import { BLAZEPOSE_ASSET_ROOT } from '../../src/components/figures/blazepose/assets.ts';
import { MARK_IDS } from '../../src/components/figures/blazepose/marks.ts';

const PAGE = '/chapters/09-a-real-networks-heatmaps/';
/** The whole shift test: loading the model, then 33 runs (the machine may be slow and busy). */
const SWEEP_TIMEOUT = 200_000;
let server: Server;
let origin: string;
let context: BrowserContext;

before(async () => {
  ({ server, origin } = await serveDist('dist'));
  context = await launch();
});

after(async () => {
  await context?.close();
  server?.close();
});

/** Every request the page makes, as "METHOD path" for the site (or the full URL for other hosts). */
function recordRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    seen.push(`${r.method()} ${url.origin === origin ? url.pathname : r.url()}`);
  });
  return seen;
}

const runtimeOrModel = (request: string) => request.includes(BLAZEPOSE_ASSET_ROOT) || /litert/i.test(request);

/** The text of the element with `data-role` `role` inside `#figure`. */
async function text(page: Page, figure: string, role: string): Promise<string> {
  return ((await page.locator(`#${figure} [data-role="${role}"]`).first().textContent()) ?? '').trim();
}

/** Two numbers written "x, y". */
function pair(t: string): { x: number; y: number } {
  const [x, y] = t.split(',').map((v) => Number(v.replace('−', '-')));
  assert.ok(Number.isFinite(x) && Number.isFinite(y), `"${t}" is not a pair of numbers`);
  return { x: x as number, y: y as number };
}

const num = (t: string): number => Number(t.replace('−', '-'));

/** Opens the chapter with every figure hydrated (so that the shift test is wanted). */
async function openChapter(page: Page, query = ''): Promise<void> {
  await page.goto(origin + PAGE + query, { waitUntil: 'networkidle' });
  await hydrateAll(page);
}

describe('chapter 9: BlazePose in the browser', () => {
  test('opening the chapter, every figure hydrated, downloads none of the runtime or the model', async () => {
    const { page, problems } = await openWatched(context, origin);
    const requests = recordRequests(page);
    await openChapter(page);
    await page.waitForTimeout(500);
    assert.deepEqual(requests.filter(runtimeOrModel), []);
    const button = page.locator('#fig-photo [data-role="gate-button"]');
    assert.match((await button.textContent()) ?? '', /Run the model here \(\d+\.\d MB download\)/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the model runs on the bundled photo under the CSP, from the site alone: heatmaps, the nose, the shift test', async () => {
    const { page, problems } = await openWatched(context, origin);
    const requests = recordRequests(page);
    await openChapter(page);
    await page.locator('#fig-shift [data-role="gate-button"]').click();
    await page.locator('#fig-shift [data-role="shift-body"][data-complete="true"]').waitFor({
      state: 'attached',
      timeout: SWEEP_TIMEOUT,
    });
    const gate = page.locator('#fig-photo [data-role="gate"]');
    const accelerator = await gate.getAttribute('data-accelerator');
    const status = await text(page, 'fig-photo', 'gate-text');
    note(status);
    assert.ok(accelerator === 'wasm' || accelerator === 'webgpu', `accelerator ${accelerator}`);
    assert.match(status, /^BlazePose lite runs on your (CPU, through WebAssembly|GPU, through WebGPU)/);
    if (accelerator === 'wasm') assert.match(status, /\(WebGPU: [^)]+\)/, 'a WASM run says why WebGPU was not used');
    assert.ok(Number(await gate.getAttribute('data-runs')) >= 33);
    // The runtime and the model came from the site, by GET.
    assert.ok(requests.some((r) => r.startsWith(`GET ${BLAZEPOSE_ASSET_ROOT}`) && r.endsWith('.tflite')));
    assert.ok(requests.some((r) => r.startsWith(`GET ${BLAZEPOSE_ASSET_ROOT}`) && r.endsWith('.wasm')));

    // The heatmaps render: every tile and the large map are canvases with more than one colour.
    const spread = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLCanvasElement>('#fig-maps [data-panel] canvas')].map((canvas) => {
        const context = canvas.getContext('2d');
        if (canvas.hidden || !context || canvas.width < 2) return 0;
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        const colours = new Set<number>();
        for (let i = 0; i < data.length; i += 4)
          colours.add((data[i] as number) * 65536 + (data[i + 1] as number) * 256);
        return colours.size;
      }),
    );
    assert.equal(spread.length, 39 + 2, 'the 39 tiles, the large map and its window');
    assert.ok(
      spread.every((n) => n > 1),
      `colours per map: ${spread.join(' ')}`,
    );

    // The nose (the default joint): argmax within 2 cells of the regressed landmark / 4.
    const argmax = pair(await text(page, 'fig-maps', 'r-argmax-cell'));
    const regressed = pair(await text(page, 'fig-maps', 'r-regressed-cell'));
    const gap = Math.hypot(argmax.x - regressed.x, argmax.y - regressed.y);
    note(`nose: argmax ${JSON.stringify(argmax)}, regressed / 4 ${JSON.stringify(regressed)}: ${gap.toFixed(2)} cells`);
    assert.ok(gap <= 2, `the nose's argmax is ${gap.toFixed(2)} cells from the regression`);
    assert.ok(Number.isInteger(argmax.x) && Number.isInteger(argmax.y));

    // The shift test, as the figure's table gives it.
    const rows: Record<string, Record<string, string>> = {};
    for (const id of MARK_IDS) {
      rows[id] = {};
      for (const column of ['slope', 'travel', 'distinct', 'back', 'off'])
        rows[id][column] = await text(page, 'fig-shift', `s-${id}-${column}`);
    }
    note('shift test on the nose, bundled photo, default crop; x in heatmap cells:');
    console.table(rows);
    note(await text(page, 'fig-shift', 'shift-summary'));
    const dark = rows.dark as Record<string, string>;
    const argmaxRow = rows.argmax as Record<string, string>;
    assert.ok(
      Math.abs(num(dark.slope ?? '') - 0.25) <= 0.25 * 0.25,
      `DARK's slope ${dark.slope} is not within 25 % of 0.25`,
    );
    // A real network's answer wobbles as the crop moves (its regressed landmark, which no decoder
    // touches, steps back too; the figure says by how much). The issue asked for DARK to be
    // monotone; on this photo it is not (phase 1 measured a largest step back of 0.17 cells, the
    // regression's 0.14), so the test asks for the weaker property phase 1 chose: DARK never steps
    // back by as much as a quarter shift's step, a quarter of a cell.
    assert.ok(num(dark.back ?? '') < 0.25, `DARK steps back by ${dark.back} cells`);
    assert.ok(Number(argmaxRow.distinct) <= 4, `argmax took ${argmaxRow.distinct} values`);

    // Reading one shift: the slider moves the read-out and the URL.
    await page.locator('#fig-shift-shift').evaluate((el: HTMLInputElement) => {
      el.value = '3.25';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction(() => location.search.includes('ch9.shift=3.25'));
    assert.match(await text(page, 'fig-shift', 'shift-read'), /^At 3\.25 px the nose should have moved 0\.81 cells/);

    // The exercises check what the model gave: a shift where the argmax has just jumped, and a
    // joint the model does not see, shown as logits.
    await page.locator('#ex-9-1 [data-action="check"]').click();
    const verdict1 = page.locator('#ex-9-1 [data-role="verdict"]');
    await verdict1.filter({ hasText: /^(Not yet|Done)\./ }).waitFor();
    let jumped = '';
    // The verdict follows the store at once: each slider move is read straight after.
    for (let i = 1; i <= 32 && !jumped; i++) {
      await page.locator('#fig-shift-shift').evaluate((el: HTMLInputElement, v) => {
        el.value = String(v);
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }, i / 4);
      const t = (await verdict1.textContent()) ?? '';
      if (t.startsWith('Done.')) jumped = t;
    }
    note(`exercise 9.1: ${jumped}`);
    assert.match(jumped, /^Done\. At \d+(\.\d+)? px the argmax is in column \d+; at .* px it was in column \d+\.$/);
    const unseen = await page
      .locator('#fig-maps [data-action="joint"][data-seen="false"]')
      .first()
      .getAttribute('data-value');
    assert.ok(unseen, 'the model does not see every joint of the bundled photo');
    await page.locator('#ex-9-2 [data-action="check"]').click();
    await page.locator('#fig-maps-joint').selectOption(unseen);
    await page.locator('#fig-maps fieldset[data-param-group="scale"] input[value="logit"]').check();
    await page
      .locator('#ex-9-2 [data-role="verdict"]')
      .filter({ hasText: /^Done\./ })
      .waitFor();

    note('heatmap versus regression (joints the model sees), input px:');
    const gaps: Record<string, Record<string, string>> = {};
    for (const id of MARK_IDS.filter((m) => m !== 'regressed'))
      gaps[id] = {
        median: await text(page, 'fig-gaps', `g-${id}-median`),
        largest: await text(page, 'fig-gaps', `g-${id}-largest`),
      };
    console.table(gaps);
    note(await text(page, 'fig-gaps', 'gaps-text'));
    assert.match(await text(page, 'fig-gaps', 'gaps-text'), /^The model sees \d+ of its 39 keypoints/);

    // A legend key switches its series off in figures 9.2–9.4 (one state): gone from the shift
    // chart, the gaps chart and the maps; pressed again (by keyboard), back.
    const argmaxKey = page.locator('#fig-shift button[data-action="off"][data-value="argmax"]');
    const shown = (selector: string) =>
      page.locator(selector).evaluateAll((els) => els.filter((el) => getComputedStyle(el).display !== 'none').length);
    const charts = '#fig-shift .chart .decoder-argmax, #fig-gaps .chart .decoder-argmax';
    const marks = '#fig-maps .bp-mark.m-argmax:not(.bp-legend *)';
    const [chartsBefore, marksBefore] = [await shown(charts), await shown(marks)];
    assert.ok(
      chartsBefore > 0 && marksBefore > 0,
      `argmax drawn: ${chartsBefore} chart marks, ${marksBefore} map marks`,
    );
    await argmaxKey.click();
    await page.waitForFunction(() => location.search.includes('ch9.off=argmax'));
    assert.equal(await argmaxKey.getAttribute('aria-pressed'), 'false');
    assert.equal(await page.locator('#fig-maps button[data-value="argmax"]').getAttribute('aria-pressed'), 'false');
    assert.deepEqual([await shown(charts), await shown(marks)], [0, 0]);
    assert.ok((await shown('#fig-shift .chart .decoder-dark')) > 0, 'DARK stays');
    await argmaxKey.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !location.search.includes('ch9.off'));
    assert.deepEqual([await shown(charts), await shown(marks)], [chartsBefore, marksBefore]);

    // With the model's output drawn, the chapter still passes axe (the site's pages are checked without it).
    assert.deepEqual(await seriousViolations(page, '#fig-photo, #fig-maps, #fig-shift, #fig-gaps'), []);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      requests.filter((r) => !/^GET \//.test(r)),
      [],
      'every request is a GET to the site',
    );
    await page.close();
  });

  test('the reader’s photo: chosen with the file input, decoded here, never uploaded; a bad file is refused', async () => {
    const { page, problems } = await openWatched(context, origin);
    const requests = recordRequests(page);
    await openChapter(page);
    const before = requests.length;
    const input = page.locator('#fig-photo [data-role="file-input"]');
    await input.setInputFiles({
      name: 'me.png',
      mimeType: 'image/png',
      buffer: greyPng(640, 480, (x, y) => (x + y) % 256),
    });
    await page
      .locator('#fig-photo [data-role="photo-name"]')
      .filter({ hasText: 'Your photo, 640 × 480 pixels' })
      .waitFor();
    // Its default crop: the centred square of the shorter side, in units of the longer one.
    await page.waitForFunction(
      () =>
        location.search.includes('ch9.src=own') &&
        location.search.includes('ch9.cy=0.375') &&
        location.search.includes('ch9.side=0.75'),
    );
    assert.match(await text(page, 'fig-photo', 'crop-text'), /^Crop: a 480-pixel square from \(80, 0\)/);
    assert.equal(await page.locator('#fig-photo [data-role="photo-canvas"]').isVisible(), true);

    await input.setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all') });
    await page
      .locator('#fig-photo [data-role="notice"]')
      .filter({ hasText: 'could not be read as an image' })
      .waitFor();
    assert.match(await text(page, 'fig-photo', 'photo-name'), /^Your photo, 640 × 480/);
    assert.deepEqual(requests.slice(before), [], 'choosing a photo made no request');
    // Back to the bundled photo and its default crop.
    await page.locator('#fig-photo [data-action="use-bundled"]').click();
    await page.waitForFunction(() => !location.search.includes('ch9.'));
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the crop moves by its centre and resizes by its corner with the keyboard; a link carries it', async () => {
    const { page, problems } = await openWatched(context, origin);
    await openChapter(page);
    const centre = page.getByRole('slider', { name: 'Centre of the person’s crop' });
    assert.equal(await centre.getAttribute('aria-valuetext'), 'centre at x 256, y 256 photo pixels');
    await centre.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+ArrowUp');
    await page.waitForFunction(
      (el) => el?.getAttribute('aria-valuetext') === 'centre at x 251, y 255 photo pixels',
      await centre.elementHandle(),
    );
    const corner = page.getByRole('slider', { name: 'Corner of the person’s crop (resizes it)' });
    await corner.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction(() => /ch9\.side=0\.98(&|$)/.test(location.search));
    // The sentence is drawn on the next frame after the URL changes: wait for it (under load a frame is late).
    await page
      .locator('#fig-photo [data-role="crop-text"]')
      .filter({ hasText: /^Crop: a 502-pixel square from \(0, 4\)/ })
      .waitFor();
    const url = page.url();
    assert.match(url, /ch9\.cx=0\.49(&|$)/);
    const again = await context.newPage();
    await openChapter(again, new URL(url).search);
    assert.equal(
      await again.getByRole('slider', { name: 'Centre of the person’s crop' }).getAttribute('aria-valuetext'),
      'centre at x 251, y 255 photo pixels',
    );
    assert.deepEqual(problems, []);
    await Promise.all([page.close(), again.close()]);
  });

  test('the 39 tiles are one tab stop; the arrow keys pick a joint, which every figure follows', async () => {
    const { page, problems } = await openWatched(context, origin);
    await openChapter(page);
    const nose = page.locator('#fig-maps [data-action="joint"][data-value="0"]');
    assert.equal(await page.locator('#fig-maps [data-action="joint"][tabindex="0"]').count(), 1);
    await nose.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => location.search.includes('ch9.joint=2'));
    assert.equal(
      await page.evaluate(() =>
        document.activeElement?.closest('#fig-maps [data-action="joint"]')?.getAttribute('data-value'),
      ),
      '2',
    );
    assert.equal(
      await page.locator('#fig-maps [data-action="joint"][data-value="2"]').getAttribute('aria-pressed'),
      'true',
    );
    assert.match(await text(page, 'fig-maps', 'big-label'), /^Left eye: the sigmoid/);
    assert.equal(await page.locator('#fig-shift-joint').inputValue(), '2');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a link naming the reader’s own photo shows the bundled one and says why', async () => {
    const { page, problems } = await openWatched(context, origin);
    await openChapter(page, '?ch9.src=own&ch9.cx=0.3');
    await page.locator('#fig-photo [data-role="notice"]').filter({ hasText: 'never leaves the browser' }).waitFor();
    assert.match(await text(page, 'fig-photo', 'photo-name'), /^The bundled photo/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('without WebAssembly the chapter says so and keeps working', async () => {
    const page = await context.newPage();
    const requests = recordRequests(page);
    await page.addInitScript(() => {
      delete (globalThis as { WebAssembly?: unknown }).WebAssembly;
    });
    await openChapter(page);
    const button = page.locator('#fig-maps [data-role="gate-button"]');
    await button.click();
    await page.locator('#fig-maps [data-role="gate-text"]').filter({ hasText: 'no WebAssembly' }).waitFor();
    assert.match(await text(page, 'fig-photo', 'gate-text'), /works without the model/);
    assert.equal(await button.isEnabled(), true);
    // The figures still answer the reader.
    await page.getByRole('slider', { name: 'Centre of the person’s crop' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => location.search.includes('ch9.cx=0.51'));
    assert.deepEqual(requests.filter(runtimeOrModel), []);
    await page.close();
  });
});

describe('chapter 9 on a phone', () => {
  test('a swipe across the photo scrolls the page; a drag from the crop’s corner resizes it', async () => {
    const phone = await launch({ viewport: { width: 360, height: 780 }, hasTouch: true });
    try {
      const page = await phone.newPage();
      await openChapter(page);
      const surface = page.locator('#fig-photo [data-role="photo-surface"]');
      const box = await inView(surface);
      assert.ok(box);
      const scrolled = await page.evaluate(() => scrollY);
      // Up the photo's left edge, away from both handles.
      await touchDrag(page, { x: box.x + 20, y: box.y + box.height - 20 }, { x: box.x + 20, y: box.y + 30 });
      await page.waitForFunction((y) => scrollY > y + 50, scrolled);
      assert.equal(await page.evaluate(() => location.search), '');

      const corner = await inView(page.locator('#fig-photo [data-role="crop-corner"] .hit'));
      assert.ok(corner);
      const c = { x: corner.x + corner.width / 2, y: corner.y + corner.height / 2 };
      await touchDrag(page, c, { x: c.x - 40, y: c.y - 40 });
      await page.waitForFunction(() => /ch9\.side=0\.[6-9]/.test(location.search));
      await page.close();
    } finally {
      await phone.close();
    }
  });
});

describe('chapter 9’s tables on a phone', () => {
  test('at 360 px the columns that carry each table’s finding come first, in view without a sideways scroll', async () => {
    const phone = await launch({ viewport: { width: 360, height: 780 }, hasTouch: true });
    try {
      const page = await phone.newPage();
      await page.goto(origin + PAGE, { waitUntil: 'domcontentloaded' });
      for (const [figure, headings] of [
        ['fig-maps', ['Decoder', 'From the regression, px']],
        ['fig-shift', ['Decoder', 'Step back', 'Off the line']],
      ] as const) {
        const table = page.locator(`#${figure} table.data-table`);
        const seen = await table.evaluate((el) => {
          const wrap = el.closest('.data-table-wrap') ?? el;
          const right = Math.min(wrap.getBoundingClientRect().right, innerWidth);
          return Array.from(el.querySelectorAll('thead th')).map((th) => ({
            text: th.textContent?.trim() ?? '',
            inView: th.getBoundingClientRect().right <= right + 0.5,
          }));
        });
        assert.deepEqual(
          seen.slice(0, headings.length).map((h) => h.text),
          [...headings],
          `${figure}: its first columns`,
        );
        for (const h of seen.slice(0, headings.length))
          assert.ok(h.inView, `${figure}: "${h.text}" needs a sideways scroll`);
      }
      await page.close();
    } finally {
      await phone.close();
    }
  });
});

describe('chapter 9: the webcam', () => {
  test('starts only on the reader’s click, gives one frame and stops', async () => {
    const camera = await launch({
      extraArgs: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
      permissions: ['camera'],
    });
    try {
      const { page, problems } = await openWatched(camera, origin);
      // Keep every track the page is given, to see that it was stopped.
      await page.addInitScript(() => {
        const tracks: MediaStreamTrack[] = [];
        (window as unknown as { tracks: MediaStreamTrack[] }).tracks = tracks;
        const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
        navigator.mediaDevices.getUserMedia = async (constraints) => {
          const stream = await original(constraints);
          tracks.push(...stream.getTracks());
          return stream;
        };
      });
      await openChapter(page);
      const tracks = () =>
        page.evaluate(() => (window as unknown as { tracks: MediaStreamTrack[] }).tracks.map((t) => t.readyState));
      assert.deepEqual(await tracks(), [], 'no camera before the click');
      await page.locator('#fig-photo [data-action="webcam"]').click();
      await page.locator('#fig-photo [data-action="capture"]').waitFor();
      assert.deepEqual(await tracks(), ['live']);
      await page.locator('#fig-photo [data-action="capture"]').click();
      await page
        .locator('#fig-photo [data-role="photo-name"]')
        .filter({ hasText: /^A webcam frame, \d+ × \d+ pixels/ })
        .waitFor();
      assert.deepEqual(await tracks(), ['ended']);
      assert.equal(await page.locator('#fig-photo [data-role="webcam-video"]').isVisible(), false);
      await page.waitForFunction(() => location.search.includes('ch9.src=webcam'));
      assert.deepEqual(problems, []);
      await page.close();
    } finally {
      await camera.close();
    }
  });
});

function note(line: string): void {
  console.log(`  ${line}`);
}
