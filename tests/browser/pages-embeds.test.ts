/**
 * Every embed page of the build (one chapter figure each, for teachers' iframes): one visit in
 * dark mode, checked for load problems and by axe. The chapters' own tests cover each figure in
 * both modes and on a phone; pages-schemes.test.ts and pages-phone.test.ts cover the rest.
 */
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { BrowserContext } from 'playwright-core';
import { seriousViolations } from './axe.ts';
import { launch } from './browser.ts';
import { test } from './retry.ts';
import { builtPages, hydrateAll, openWatched } from './pages.ts';
import { serveDist } from './server.ts';

let server: Server;
let origin: string;
let dark: BrowserContext;

before(async () => {
  ({ server, origin } = await serveDist('dist'));
  dark = await launch({ colorScheme: 'dark' });
});

after(async () => {
  await dark?.close();
  server?.close();
});

const embeds = builtPages().filter((p) => p.startsWith('/embed/'));

describe('every embed page', () => {
  test('the build has an embed page for figure 1.1', () => {
    assert.ok(embeds.includes('/embed/fig-grid/'), embeds.join(', '));
  });

  test('the axe check finds what it looks for: grey on grey, a nameless button, in dark mode', async () => {
    const page = await dark.newPage();
    await page.setContent(
      '<html lang="en"><title>probe</title><main><p style="color:#777;background:#888">faint</p><button></button></main></html>',
    );
    const found = await seriousViolations(page);
    assert.ok(
      found.some((v) => v.startsWith('color-contrast:')),
      found.join('; '),
    );
    assert.ok(
      found.some((v) => v.startsWith('button-name:')),
      found.join('; '),
    );
    assert.deepEqual(await seriousViolations(page, { rules: ['button-name'] }).then((v) => v.length), 1);
    await page.close();
  });

  for (const path of embeds) {
    test(`${path} loads cleanly and has no serious or critical axe violation in dark mode`, async () => {
      const { page, problems } = await openWatched(dark, origin);
      // 'load', not 'networkidle' (half a second of quiet per page): the figure's own requests
      // are over once it has hydrated, and any failure until the page closes is recorded.
      await page.goto(origin + path, { waitUntil: 'load' });
      await hydrateAll(page);
      assert.deepEqual([...problems, ...(await seriousViolations(page))], []);
      await page.close();
    });
  }
});
