/**
 * The embed pages of chart figures (issue 16) say when they fall back from a link's refused
 * value, as their chapter pages do: each of the eight figures alone, with one value it reads
 * made invalid, shows the framework's URL note naming that key, and with a valid value shows
 * none.
 */
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { BrowserContext } from 'playwright-core';
import { launch } from './browser.ts';
import { test } from './retry.ts';
import { hydrateAll, openWatched } from './pages.ts';
import { serveDist } from './server.ts';

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

/** Each figure, a key its spec reads (chapter prefix and name), a refused value and a valid one. */
const FIGURES = [
  { id: 'fig-row', key: 'ch1.x', bad: '1e999', good: '100' },
  { id: 'fig-offset', key: 'ch2.x', bad: 'abc', good: '100' },
  { id: 'fig-dist', key: 'ch2.target', bad: 'gaussian', good: 'unbiased' },
  { id: 'fig-bias', key: 'ch5.beta', bad: 'NaN', good: '5' },
  { id: 'fig-grad', key: 'ch5.x1', bad: '-1e9', good: '10' },
  { id: 'fig-reg', key: 'ch5.beta', bad: '%3Cb%3E', good: '5' },
  { id: 'fig-kl', key: 'ch6.shift', bad: 'left', good: '-4' },
  { id: 'fig-resolution', key: 'ch4.sweep', bad: 'both', good: 'biased' },
] as const;

describe('embed pages and refused link values', () => {
  for (const { id, key, bad, good } of FIGURES) {
    test(`/embed/${id}/ says it reset ${key}=${bad} to the default, and says nothing for ${key}=${good}`, async () => {
      const { page, problems } = await openWatched(context, origin);
      await page.goto(`${origin}/embed/${id}/?${key}=${bad}`, { waitUntil: 'networkidle' });
      await hydrateAll(page);
      const note = page.locator(`#${id} [data-role="url-note"]`);
      await note.waitFor();
      assert.equal(await note.isVisible(), true);
      const name = key.slice(key.indexOf('.') + 1);
      assert.equal(
        await note.textContent(),
        `The link's value for ${name} was not valid here and was reset to the default.`,
      );

      await page.goto(`${origin}/embed/${id}/?${key}=${good}`, { waitUntil: 'networkidle' });
      await hydrateAll(page);
      const notes = page.locator(`#${id} [data-role="url-note"]:visible`);
      assert.equal(await notes.count(), 0);
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
});
