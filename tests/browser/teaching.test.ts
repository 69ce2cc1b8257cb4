/**
 * What teachers use, in the built site: permalinks with state, embed pages inside a course
 * page on another origin, print, downloads, search, citations, exercises, the corrections
 * log, and offline use through the service worker (with an update replacing the cache).
 */
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launch } from './browser.ts';
import { test } from './retry.ts';
import { hydrateAll, openWatched } from './pages.ts';
import { serveDist } from './server.ts';
import { SITE } from '../../src/data/site.ts';
import { writeServiceWorker } from '../../scripts/integrations.mjs';

const CHAPTER_2 = '/chapters/02-encoding-and-quantisation/';
let server: Server;
let origin: string;
let context: BrowserContext;

before(async () => {
  ({ server, origin } = await serveDist('dist'));
  context = await launch({ permissions: ['clipboard-read', 'clipboard-write'] });
});

after(async () => {
  await context?.close();
  server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
  await page.goto(origin + path, { waitUntil: 'networkidle' });
  await hydrateAll(page);
  return page;
}

const text = async (page: Page, selector: string) => ((await page.locator(selector).textContent()) ?? '').trim();

/** Moves figure 2.1's keypoint by 0.1 px steps with the keyboard. */
async function nudge(page: Page, keys: string[]): Promise<void> {
  await page.getByRole('slider', { name: 'Keypoint on the input crop' }).first().focus();
  for (const key of keys) await page.keyboard.press(key);
}

describe('permalinks', () => {
  test('"Copy link" copies the chapter in the figure’s current state, anchored to it, at once', async () => {
    const page = await open(`${CHAPTER_2}?ch2.x=70.3&ch2.y=109.6`);
    await nudge(page, ['Shift+ArrowRight', 'Shift+ArrowRight']);
    // No wait for the URL to settle: copying writes the pending state first.
    await page.locator('#fig-hero button[data-tool="link"]').click();
    await page.locator('#fig-hero [data-role="tools-status"]').filter({ hasText: 'Link copied' }).waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const url = new URL(link);
    assert.equal(url.pathname, CHAPTER_2);
    assert.equal(url.hash, '#fig-hero');
    assert.equal(url.searchParams.get('ch2.x'), '70.5');
    const shown = await text(page, '#fig-hero [data-role="stat-input"]');
    // The link opens the figure as it was.
    const again = await open(url.pathname + url.search + url.hash);
    assert.equal(await text(again, '#fig-hero [data-role="stat-input"]'), shown);
    assert.ok(await again.locator('#fig-hero').isVisible());
    await Promise.all([page.close(), again.close()]);
  });

  test('every figure of every chapter has an anchor and the tools', async () => {
    const figures = JSON.parse(readFileSync('src/data/figures.json', 'utf8')) as { id: string; chapter: string }[];
    const page = await context.newPage();
    for (const chapter of new Set(figures.map((f) => f.chapter))) {
      await page.goto(`${origin}/chapters/${chapter}/`);
      for (const f of figures.filter((g) => g.chapter === chapter)) {
        assert.equal(await page.locator(`figure#${f.id} a.figure-number`).getAttribute('href'), `#${f.id}`);
        assert.equal(await page.locator(`figure#${f.id} .tools-row button[data-tool]`).count(), 5, f.id);
      }
    }
    await page.close();
  });
});

describe('embedding', () => {
  test('the embed snippet works inside a course page on another origin, with the chosen controls hidden', async () => {
    const page = await open(`${CHAPTER_2}?ch2.x=70.3&ch2.y=109.6&ch2.target=biased`);
    await page.locator('#fig-hero button[data-tool="embed"]').click();
    assert.equal(await page.locator('#fig-hero button[data-tool="embed"]').getAttribute('aria-expanded'), 'true');
    await page.locator('#fig-hero input[data-embed-control="sigma"]').uncheck();
    const snippet = await page.locator('#fig-hero [data-role="embed-code"]').inputValue();
    assert.match(
      snippet,
      /^<iframe src="[^"]+\/embed\/fig-hero\/\?ch2\.x=70\.3&amp;ch2\.y=109\.6&amp;ch2\.target=biased&amp;hide=sigma" /,
    );
    await page.close();

    // A course page elsewhere, holding nothing but the snippet.
    const course = mkdtempSync(join(tmpdir(), 'subpixel-course-'));
    writeFileSync(
      join(course, 'index.html'),
      `<!doctype html><html lang="en"><title>Course</title><link rel="icon" href="data:,"><h1>Week 3</h1>${snippet}
       <script>window.heights = []; addEventListener('message', (e) => window.heights.push(e.data));</script></html>`,
    );
    const other = await serveDist(course);
    try {
      assert.notEqual(other.origin, origin);
      const host = await context.newPage();
      const problems: string[] = [];
      host.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      await host.goto(other.origin + '/', { waitUntil: 'networkidle' });
      const frame = host.frameLocator('iframe');
      const handle = frame.getByRole('slider', { name: 'Keypoint on the input crop' });
      await handle.waitFor();
      await frame.locator('[data-hydrated="true"]').first().waitFor();
      assert.match((await handle.getAttribute('aria-valuetext')) ?? '', /x 70\.3, y 109\.6/);
      assert.equal(await frame.locator('input[value="biased"]').isChecked(), true);
      assert.equal(await frame.locator('input[data-param="sigma"]').isVisible(), false);
      assert.equal(await frame.locator('fieldset[data-param-group="target"]').isVisible(), true);
      // Only the figure: no other figure, no prose, no site header.
      assert.equal(await frame.locator('figure').count(), 1);
      assert.equal(await frame.locator('.site-header').count(), 0);
      // It works inside the frame, and tells the course page its height.
      await handle.focus();
      await host.keyboard.press('ArrowRight');
      await frame.locator('[data-role="stat-input"]').filter({ hasText: '71.30' }).waitFor();
      await host.waitForFunction(() =>
        (window as unknown as { heights: { type: string; height: number }[] }).heights.some(
          (m) => m.type === 'subpixel:height' && m.height > 300,
        ),
      );
      // The snippet's embed.js makes the frame exactly as tall as the figure says it is.
      await host.waitForFunction(() => {
        const posted = (window as unknown as { heights: { type: string; height: number }[] }).heights.filter(
          (m) => m.type === 'subpixel:height',
        );
        const frame = document.querySelector('iframe');
        const last = posted.at(-1);
        return !!frame && !!last && Math.abs(frame.getBoundingClientRect().height - Math.ceil(last.height)) <= 1;
      });
      assert.deepEqual(problems, []);
      await host.close();
    } finally {
      other.server.close();
    }
  });

  test('a hostile hide list is ignored with a note, and the figure still works', async () => {
    const page = await open('/embed/fig-quarter/?hide=sigma,%22%3E%3Cimg%20src=x%3E,__proto__');
    assert.equal(await page.locator('input[data-param="sigma"]').isVisible(), false);
    assert.match(await text(page, '[data-role="embed-note"]'), /were not valid control names and were ignored/);
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    await page.close();
  });
});

describe('print', () => {
  test('prints each figure as a picture of its state, with caption and live address; no controls or chrome', async () => {
    // Not scrolled through: figures below the fold have not started.
    const page = await context.newPage();
    await page.goto(`${origin}${CHAPTER_2}?ch2.x=70.3&ch2.target=biased`, { waitUntil: 'networkidle' });
    assert.equal(await page.locator('#fig-dist [data-store]').getAttribute('data-hydrated'), null);
    await page.emulateMedia({ media: 'print' });
    // They start before printing, so that each prints its state.
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLElement>('[data-store]')].every((el) => el.dataset.hydrated === 'true'),
    );
    assert.equal(await page.locator('.site-header').isVisible(), false);
    assert.equal(await page.locator('#fig-hero fieldset[data-param-group="target"]').isVisible(), false);
    assert.equal(await page.locator('#fig-hero input[data-param="sigma"]').isVisible(), false);
    assert.equal(await page.locator('#fig-hero .tools-row').isVisible(), false);
    assert.ok(await page.locator('#fig-hero canvas').first().isVisible());
    assert.ok(await page.locator('#fig-hero figcaption').isVisible());
    const live = await text(page, '#fig-hero [data-role="print-url"]');
    assert.equal(new URL(live).searchParams.get('ch2.target'), 'biased');
    assert.ok(live.endsWith('#fig-hero'));
    const pdf = await page.pdf({ format: 'A4' });
    assert.equal(pdf.subarray(0, 4).toString(), '%PDF');
    assert.ok(pdf.length > 50_000, `a PDF of ${pdf.length} bytes`);
    await page.close();
  });
});

describe('download', () => {
  test('SVG, PNG and the state as JSON, each of the figure as it is', async () => {
    const page = await open(`${CHAPTER_2}?ch2.x=70.3&ch2.y=109.6`);
    const save = async (tool: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`#fig-hero button[data-tool="${tool}"]`).click(),
      ]);
      return { name: download.suggestedFilename(), body: readFileSync((await download.path()) as string) };
    };
    const svg = await save('svg');
    assert.equal(svg.name, 'subpixel-fig-hero.svg');
    const source = svg.body.toString();
    assert.match(source, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="[\d.]+" height="[\d.]+"/);
    // The heatmap canvas as an image, the crop's drawing as vector marks with their colours written in.
    assert.match(source, /<image [^>]*href="data:image\/png;base64,/);
    assert.match(source, /style="[^"]*fill:/);
    assert.doesNotMatch(source, /class="/);
    const width = Number(/width="([\d.]+)"/.exec(source)?.[1]);

    const png = await save('png');
    assert.equal(png.name, 'subpixel-fig-hero.png');
    assert.deepEqual([...png.body.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    assert.equal(png.body.readUInt32BE(16), Math.ceil(width * 2));
    // Below the graphics, as on paper: the figure's number, caption and live address, drawn as
    // text (pixels other than the background in the band under the picture).
    const height = Number(/height="([\d.]+)"/.exec(source)?.[1]);
    assert.ok(png.body.readUInt32BE(20) > Math.ceil(height * 2) + 60);
    const inked = await page.evaluate(
      async ([b64, top]) => {
        const image = new Image();
        image.src = `data:image/png;base64,${b64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        [canvas.width, canvas.height] = [image.width, image.height];
        const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
        ctx.drawImage(image, 0, 0);
        const band = ctx.getImageData(0, top, image.width, image.height - top).data;
        const bg = ctx.getImageData(0, image.height - 1, 1, 1).data;
        let count = 0;
        for (let i = 0; i < band.length; i += 4) if (Math.abs((band[i] as number) - (bg[0] as number)) > 60) count += 1;
        return count;
      },
      [png.body.toString('base64'), Math.ceil(height * 2)] as const,
    );
    assert.ok(inked > 500, `caption band has ${inked} inked pixels`);

    const state = await save('state');
    assert.equal(state.name, 'subpixel-fig-hero.json');
    const json = JSON.parse(state.body.toString()) as {
      figure: string;
      number: string;
      state: Record<string, unknown>;
      url: string;
    };
    assert.equal(json.figure, 'fig-hero');
    assert.equal(json.number, '2.1');
    assert.equal(json.state.x, 70.3);
    assert.equal(json.state.target, 'biased', 'chapter 2 opens on the biased target');
    assert.equal(new URL(json.url).hash, '#fig-hero');
    await page.close();
  });
});

describe('search', () => {
  test('finds the chapters from a static index, keeps the query in the URL, and says when nothing matches', async () => {
    const { page, problems } = await openWatched(context, origin);
    await page.goto(`${origin}/search/?q=soft-argmax`, { waitUntil: 'networkidle' });
    await page.locator('[data-role="search-status"]').filter({ hasText: /match/ }).waitFor();
    const hrefs = await page.locator('.result-title').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.includes('/chapters/05-dsnt/'), hrefs.join(', '));
    assert.ok(
      hrefs.every((h) => /^\/(chapters|lab)\//.test(h ?? '')),
      `only chapters and the Lab: ${hrefs.join(', ')}`,
    );
    await page.locator('#search-query').fill('Taylor expansion');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'Taylor expansion');
    await page.locator('.result-title', { hasText: 'DARK, step by step' }).waitFor();
    await page.locator('#search-query').fill('qzxwvplk');
    await page.locator('[data-role="search-status"]').filter({ hasText: 'No page matches “qzxwvplk”.' }).waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('citing', () => {
  test('each chapter carries citation metadata and a BibTeX entry that copies', async () => {
    const page = await open('/chapters/04-dark-step-by-step/');
    const meta = async (name: string) => page.locator(`meta[name="${name}"]`).getAttribute('content');
    assert.equal(await meta('citation_title'), 'DARK, step by step');
    assert.equal(await meta('citation_author'), 'The Subpixel authors');
    // The published address (src/data/site.ts, or SITE_URL for another build), never the
    // machine that built it.
    const published = process.env.SITE_URL ?? SITE.url;
    assert.equal(await meta('citation_public_url'), new URL('/chapters/04-dark-step-by-step/', published).href);
    const entry = await text(page, '#cite [data-role="bibtex"]');
    assert.match(entry, /^@misc\{subpixel2026darkstepbystep,/);
    assert.match(entry, /title = \{DARK, step by step\}/);
    assert.ok(entry.includes(new URL('/chapters/04-dark-step-by-step/', published).href));
    assert.doesNotMatch(entry, /localhost/);
    // Each reference can be followed: DARK's paper links to its arXiv page.
    assert.equal(await page.locator('#refs a[href="https://arxiv.org/abs/1910.06278"]').count(), 1);
    await page.locator('#cite button[data-copy-bibtex]').click();
    await page.locator('#cite [data-role="bibtex-status"]').filter({ hasText: 'Copied' }).waitFor();
    assert.equal((await page.evaluate(() => navigator.clipboard.readText())).trim(), entry);
    const site = await open('/cite/');
    assert.match(await text(site, '#cite [data-role="bibtex"]'), /^@misc\{subpixel2026,/);
    await Promise.all([page.close(), site.close()]);
  });
});

describe('exercises', () => {
  test('chapter 1: the check follows the figure as the keypoint moves by keyboard', async () => {
    const page = await open('/chapters/01-points-pixels-heatmaps/');
    assert.ok((await page.locator('.exercise').count()) >= 2);
    const exercise = page.locator('#ex-1-1');
    await exercise.locator('button[data-action="check"]').click();
    await exercise
      .locator('[data-role="verdict"]')
      .filter({ hasText: /^Not yet\./ })
      .waitFor();
    // Hints open one at a time.
    await exercise.locator('summary', { hasText: 'Hint 1' }).click();
    assert.ok(await exercise.locator('details').first().locator('p').isVisible());
    // (141.3, 109.6) → (142.0, 110.0): two pixels past a cell centre on both axes.
    await nudge(page, [...Array(7).fill('Shift+ArrowRight'), ...Array(4).fill('Shift+ArrowDown')]);
    await exercise
      .locator('[data-role="verdict"]')
      .filter({ hasText: /^Done\. argmax’s error is 2\.83 px/ })
      .waitFor();
    assert.equal(await exercise.locator('[data-role="verdict"]').getAttribute('data-done'), 'true');
    // The figure shows the same number once it has drawn its next frame (the verdict follows
    // the store at once, the figure on the next animation frame).
    await page
      .locator('#fig-grid [data-role="stat-error"]')
      .filter({ hasText: /^2\.83 px$/ })
      .waitFor({ timeout: 5000 });
    await page.close();
  });

  test('chapter 7: a linked state is checked, and agrees with what the figure shows', async () => {
    const page = await open('/chapters/07-dekr/?ch7.stage=posenms&ch7.cnoise=0.08&ch7.seed=1');
    const exercise = page.locator('#ex-7-1');
    await exercise.locator('button[data-action="check"]').click();
    await exercise
      .locator('[data-role="verdict"]')
      .filter({ hasText: /^Done\. Pose NMS kept 1 pose/ })
      .waitFor();
    const second = page.locator('#ex-7-2');
    await second.locator('button[data-action="check"]').click();
    await second
      .locator('[data-role="verdict"]')
      .filter({ hasText: /^Not yet\./ })
      .waitFor();
    await page.close();
  });
});

describe('corrections', () => {
  test('the log lists every entry of the data file, newest first, linked to the figure concerned', async () => {
    const data = JSON.parse(readFileSync('src/data/corrections.json', 'utf8')) as {
      id: string;
      date: string;
      figure?: string;
    }[];
    const page = await open('/corrections/');
    assert.equal(await page.locator('.corrections > li').count(), data.length);
    const dates = await page
      .locator('.corrections time')
      .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
    assert.deepEqual(dates, [...dates].sort().reverse());
    for (const entry of data.filter((e) => e.figure)) {
      const href = (await page.locator(`#${entry.id} a`).getAttribute('href')) ?? '';
      assert.ok(href.endsWith(`#${entry.figure}`), href);
      const target = await context.newPage();
      await target.goto(origin + href);
      assert.equal(await target.locator(`figure#${entry.figure}`).count(), 1);
      await target.close();
    }
    await page.close();
  });
});

describe('offline', () => {
  /** A page of a fresh browser with the service worker in control. */
  async function controlled(browser: BrowserContext, url: string): Promise<Page> {
    const page = await browser.newPage();
    page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      }
    });
    return page;
  }

  /** Every cached URL and its size in bytes, over all the site's caches. */
  const cached = (page: Page) =>
    page.evaluate(async () => {
      const out: { cache: string; url: string; bytes: number }[] = [];
      for (const key of await caches.keys()) {
        const cache = await caches.open(key);
        for (const request of await cache.keys()) {
          const body = await (await cache.match(request))?.arrayBuffer();
          out.push({ cache: key, url: new URL(request.url).pathname, bytes: body?.byteLength ?? 0 });
        }
      }
      return out;
    });

  test('a first visit precaches at most 2 MB: pages, styles, scripts and fonts, no model, runtime or model chapter', async () => {
    const browser = await launch({ serviceWorkers: 'allow' });
    try {
      const page = await controlled(browser, `${origin}${CHAPTER_2}`);
      const precached = (await cached(page)).filter((e) => e.cache.includes('precache'));
      const bytes = precached.reduce((sum, e) => sum + e.bytes, 0);
      assert.ok(bytes <= 2 * 1024 * 1024, `${(bytes / 1024 / 1024).toFixed(2)} MB precached`);
      const urls = precached.map((e) => e.url);
      for (const path of ['/index.html', '/chapters/01-points-pixels-heatmaps/index.html', '/lab/index.html']) {
        assert.ok(urls.includes(path), `${path} is precached`);
      }
      assert.ok(urls.some((u) => u.endsWith('.woff2')) && urls.some((u) => u.endsWith('.css')));
      assert.deepEqual(
        urls.filter((u) =>
          /^\/(models|litert|blazepose|embed|pagefind|_astro\/model|chapters\/0[89]-[^/]+)\/|\.(wasm|bin|npy|tflite)$/.test(
            u,
          ),
        ),
        [],
      );
    } finally {
      await browser.close();
    }
  });

  test('"Make the whole site available offline" saves the rest, with progress and a result', async () => {
    const browser = await launch({ serviceWorkers: 'allow' });
    try {
      const page = await controlled(browser, `${origin}/offline/`);
      const list = (await (await fetch(`${origin}/offline-files.json`)).json()) as { files: { path: string }[] };
      const button = page.getByRole('button', { name: 'Make the whole site available offline' });
      await button.click();
      const status = page.getByRole('status');
      await status
        .filter({ hasText: /^Done: the whole site is available offline \(\d+ more files, [\d.]+ MB\)\.$/ })
        .waitFor({
          timeout: 120_000,
        });
      assert.equal(await button.isEnabled(), true);
      await browser.setOffline(true);
      // Everything the list names is there: a model, TF.js's worker and wasm, the search index.
      const missing = await page.evaluate(
        async (paths) => {
          const out: string[] = [];
          for (const path of paths) if (!(await fetch(path).catch(() => null))?.ok) out.push(path);
          return out;
        },
        list.files.map((f) => f.path),
      );
      assert.deepEqual(missing, []);
      assert.ok(
        list.files.some((f) => f.path.startsWith('/_astro/model/')) && list.files.some((f) => f.path.endsWith('.wasm')),
      );
      await page.goto(`${origin}/embed/fig-quarter/?ch3.x=24.1`, { waitUntil: 'load' });
      assert.equal(await page.locator('figure').count(), 1);
    } finally {
      await browser.close();
    }
  });

  test('after one visit the site works with no network, and a new build replaces the old cache', async () => {
    // A copy of the build, so that the test can publish an update of it.
    const root = mkdtempSync(join(tmpdir(), 'subpixel-offline-'));
    cpSync('dist', root, { recursive: true });
    const site = await serveDist(root);
    const browser = await launch({ serviceWorkers: 'allow' });
    try {
      const page = await browser.newPage();
      await page.goto(`${site.origin}/`, { waitUntil: 'networkidle' });
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) {
          await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
        }
      });
      await browser.setOffline(true);
      // A chapter never visited, with its figures, fonts and KaTeX.
      await page.goto(`${site.origin}${CHAPTER_2}?ch2.x=70.3`, { waitUntil: 'load' });
      await hydrateAll(page);
      assert.match(await text(page, 'h1'), /Encoding and quantisation error/);
      assert.match(await text(page, '#fig-hero [data-role="stat-input"]'), /70\.30/);
      assert.ok(await page.locator('.katex').first().isVisible());
      assert.ok(await page.evaluate(() => document.fonts.check('16px "Source Serif 4 Variable"')));
      // A model is not part of the first visit; once a page has fetched it, it is there offline.
      const model = () => page.evaluate(async () => (await fetch('/models/heatmap-64.json').catch(() => null))?.ok);
      assert.notEqual(await model(), true, 'a model file was precached');
      await browser.setOffline(false);
      assert.equal(await model(), true);
      // The worker answers first and stores the response after (Workbox's cache put is in the
      // fetch event's waitUntil): on a busy machine that lags the answer, so wait for the entry.
      await page.waitForFunction(async () => Boolean(await caches.match('/models/heatmap-64.json')), undefined, {
        polling: 100,
        timeout: 10_000,
      });
      await browser.setOffline(true);
      assert.equal(await model(), true, 'a model file fetched once is cached');

      // An update: a changed page and a new worker. Online again, one visit installs it.
      await browser.setOffline(false);
      const cite = join(root, 'cite', 'index.html');
      const before = readFileSync(cite, 'utf8');
      const updated = before.replace(/(<h1[^>]*>)Cite Subpixel</, '$1Cite Subpixel (updated)<');
      assert.notEqual(updated, before);
      writeFileSync(cite, updated);
      await writeServiceWorker(root);
      await page.goto(`${site.origin}/`, { waitUntil: 'networkidle' });
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        await registration.update();
      });
      // Installed and activated: the cache holds the new revision of the page, and only that one.
      const cachedPages = () =>
        page.evaluate(async () => {
          const bodies: string[] = [];
          for (const key of await caches.keys()) {
            const cache = await caches.open(key);
            for (const request of await cache.keys()) {
              if (request.url.includes('/cite/index.html'))
                bodies.push((await (await cache.match(request))?.text()) ?? '');
            }
          }
          return bodies;
        });
      const deadline = Date.now() + 60_000;
      let bodies = await cachedPages();
      while (!(bodies.length === 1 && bodies[0]!.includes('Cite Subpixel (updated)')) && Date.now() < deadline) {
        await page.waitForTimeout(250);
        bodies = await cachedPages();
      }
      assert.equal(bodies.length, 1);
      assert.ok(bodies[0]!.includes('Cite Subpixel (updated)'), 'the new revision is cached');
      await browser.setOffline(true);
      const response = await page.goto(`${site.origin}/cite/`, { waitUntil: 'load' });
      assert.equal(response?.fromServiceWorker(), true);
      assert.equal(await text(page, 'h1'), 'Cite Subpixel (updated)');
      // One precache, with one entry for the page: the old revision is gone.
      const entries = await page.evaluate(async () => {
        const found: string[] = [];
        for (const key of await caches.keys()) {
          for (const request of await (await caches.open(key)).keys()) {
            if (request.url.includes('/cite/index.html')) found.push(`${key} ${request.url}`);
          }
        }
        return found;
      });
      assert.equal(entries.length, 1, entries.join('\n'));
    } finally {
      await browser.close();
      site.server.close();
    }
  });
});
