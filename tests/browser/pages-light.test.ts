/**
 * Every page of the build, first part: each page but the embeds loads cleanly (no console
 * error, failed request, CSP violation or request to another host) and passes axe in light
 * mode. The dark-mode and phone checks, and the embed pages' visit, are in
 * pages-dark-phone.test.ts, so that the two run side by side (scripts/test-browser.ts).
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
let light: BrowserContext;

before(async () => {
  ({ server, origin } = await serveDist('dist'));
  light = await launch();
});

after(async () => {
  await light?.close();
  server?.close();
});

const pages = builtPages();

describe('every page, light mode', () => {
  test('the build has the index, a chapter and a 404 page', () => {
    assert.ok(pages.includes('/'), 'index');
    assert.ok(pages.includes('/chapters/01-points-pixels-heatmaps/'), 'chapter 1');
    assert.ok(pages.includes('/404.html'), '404');
  });

  for (const path of pages.filter((p) => !p.startsWith('/embed/'))) {
    // One visit for both: the load's problems, then axe on the same page.
    test(`${path} loads with no console error, failed request, CSP violation or request to another host, and has no serious or critical axe violation in light mode`, async () => {
      const { page, problems } = await openWatched(light, origin);
      await page.goto(origin + path, { waitUntil: 'networkidle' });
      await hydrateAll(page);
      await page.waitForLoadState('networkidle');
      assert.deepEqual(problems, []);
      assert.deepEqual(await seriousViolations(page), []);
      assert.deepEqual(problems, [], 'problems while axe ran');
      await page.close();
    });
  }
});
