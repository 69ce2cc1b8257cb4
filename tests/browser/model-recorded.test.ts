/**
 * Chapter 8 answers at once (issue 20): figure 8.1 shows the shipped models' recorded results
 * and the selected sample's maps before anything runs (model.test.ts sees this browser's own
 * measurement replace them, and the reader's own model's maps, on the visits that train);
 * figure 8.2 keeps its developer controls out of the reader's way and lists the decoders of the
 * head being trained.
 */
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import { launch } from './browser.ts';
import { test } from './retry.ts';
import { serveDist } from './server.ts';
import { SIZES } from '../../src/components/state/ch8.ts';

const CHAPTER_8 = '/chapters/08-train-in-the-browser/';
let server: Server;
let origin: string;
let browser: BrowserContext;

before(async () => {
  ({ server, origin } = await serveDist('dist'));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** What the training script recorded for a shipped model: each decoder's held-out error. */
const recorded = (head: string, size: number): Record<string, number> =>
  JSON.parse(readFileSync(`public/models/${head}-${size}.json`, 'utf8')).training.heldOut.meanError;

function watch(page: Page): Page {
  page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
  return page;
}

describe('chapter 8 answers at once', () => {
  test('shows the recorded results and the selected sample’s maps within 2 s of opening, before any script', async () => {
    // In the page as served: the numbers and the picture need no script at all.
    const html = await (await fetch(`${origin}${CHAPTER_8}`)).text();
    const dark = recorded('heatmap', 64).dark!.toFixed(2);
    assert.match(html, new RegExp(`data-role="rec-64-heatmap-dark-value"[^>]*>${dark.replace('.', '\\.')}<`));

    const page = watch(await browser.newPage());
    await page.goto(`${origin}${CHAPTER_8}`, { waitUntil: 'domcontentloaded' });
    for (const size of SIZES) {
      for (const [head, method] of [
        ['heatmap', 'argmax'],
        ['heatmap', 'dark'],
        ['dsnt', 'dsnt'],
        ['simdr', 'simdr'],
      ] as const) {
        const cell = page.locator(`[data-role="rec-${size}-${head}-${method}-value"]`);
        await cell.filter({ hasText: /^\d+\.\d\d$/ }).waitFor({ timeout: 2000 });
        assert.equal(await cell.textContent(), recorded(head, size)[method]!.toFixed(2), `${size} ${head} ${method}`);
      }
    }
    // Labelled as recorded: in italics, said so in the caption and to screen readers.
    const cell = page.locator('[data-role="rec-64-heatmap-dark"]');
    assert.equal(await cell.evaluate((el) => getComputedStyle(el).fontStyle), 'italic');
    assert.match((await cell.textContent()) ?? '', /\(recorded\)/);
    assert.match(
      (await page.locator('[data-role="shipped-status"]').textContent()) ?? '',
      /as recorded when the models were trained/,
    );
    // The selected sample (the first) is drawn, with its errors, not "Select a sample".
    assert.match(
      ((await page.locator('#fig-shipped [data-role="detail-text"]').textContent()) ?? '').trim(),
      /^Sample 1, 16 × 16 output cells: its heatmaps, .*Mean error on this sample: argmax \d+\.\d\d px, quarter shift \d+\.\d\d px, DARK \d+\.\d\d px\. As recorded/,
    );
    assert.equal(await page.locator('#fig-shipped [data-panel="detail"] img').isVisible(), true);
    assert.equal(
      await page.locator('#fig-shipped button[data-action="sample"][data-value="0"]').getAttribute('aria-pressed'),
      'true',
    );
    await page.close();
  });

  test('keys the table’s decoders with the gallery’s marks', async () => {
    const page = watch(await browser.newPage());
    await page.goto(`${origin}${CHAPTER_8}`, { waitUntil: 'domcontentloaded' });
    for (const method of ['argmax', 'quarter', 'dark', 'dsnt', 'simdr']) {
      const key = page.locator(`#fig-shipped .results td.decoder .mark-${method}`);
      assert.equal(await key.count(), 1, method);
      const keyStroke = await key.evaluate((el) => getComputedStyle(el).stroke);
      const mark = page.locator(`#fig-shipped [data-role="points-0-${method}"]`);
      assert.equal(await mark.evaluate((el) => getComputedStyle(el).stroke), keyStroke, method);
    }
    await page.close();
  });
});

describe('figure 8.1’s marks', () => {
  test('a decoder’s key, pressed by mouse or keyboard, shows its marks alone on every sample; pressed again, all', async () => {
    const page = watch(await browser.newPage());
    await page.goto(`${origin}${CHAPTER_8}#fig-shipped`, { waitUntil: 'domcontentloaded' });
    await page.locator('#fig-shipped [data-store][data-hydrated="true"]').waitFor();
    const d = (role: string) => page.locator(`#fig-shipped path.mark[data-role="${role}"]`).getAttribute('d');
    const key = page.locator('#fig-shipped button[data-action="only"][data-value="dark"]');
    assert.notEqual(await d('detail-argmax'), '');
    await key.click();
    await page.waitForFunction(() => location.search.includes('ch8.only=dark'));
    assert.equal(await key.getAttribute('aria-pressed'), 'true');
    for (let i = 0; i < 8; i++) {
      assert.equal(await d(`points-${i}-argmax`), '', `sample ${i + 1}: argmax hidden`);
      assert.notEqual(await d(`points-${i}-dark`), '', `sample ${i + 1}: DARK shown`);
    }
    assert.equal(await d('detail-quarter'), '');
    assert.notEqual(await d('detail-dark'), '');
    assert.notEqual(await d('detail-truth'), '');
    // Enter on the focused key shows every decoder again.
    await key.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !location.search.includes('ch8.only'));
    assert.equal(await key.getAttribute('aria-pressed'), 'false');
    assert.notEqual(await d('detail-argmax'), '');
    await page.close();
  });
});

describe('figure 8.2 for readers', () => {
  test('keeps the developer controls closed, and lists the decoders of the head it trains', async () => {
    const page = watch(await browser.newPage());
    await page.goto(`${origin}${CHAPTER_8}#fig-train`, { waitUntil: 'networkidle' });
    await page.locator('#fig-train [data-store][data-hydrated="true"]').waitFor();
    assert.equal(await page.locator('#fig-train button[data-action="bench"]').isVisible(), false);
    assert.equal(await page.locator('#fig-train button[data-action="lose"]').isVisible(), false);
    assert.match((await page.locator('#fig-train details summary').textContent()) ?? '', /^For developers/);
    const legend = async () =>
      (await page.locator('#fig-train .legend li:visible').allTextContents()).map((t) => t.trim());
    assert.deepEqual(await legend(), ['argmax', 'quarter shift', 'DARK']);
    await page.locator('#fig-train input[value="dsnt"]').check();
    await page.waitForFunction(() => location.search.includes('ch8.head=dsnt'));
    assert.deepEqual(await legend(), ['soft-argmax']);
    await page.close();
  });
});
