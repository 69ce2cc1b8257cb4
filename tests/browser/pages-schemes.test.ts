/**
 * Every page of the build but the embeds, one visit each: it loads cleanly (no console error,
 * failed request, CSP violation or request to another host), then passes axe in light mode (every
 * rule) and, switched to dark mode on the same visit, axe's colour rules (axe.ts says why those
 * suffice). The 360 px phone is in pages-phone.test.ts, the embed pages in pages-embeds.test.ts.
 */
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { BrowserContext } from 'playwright-core';
import { seriousViolationsLightAndDark } from './axe.ts';
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

describe('every page, light and dark', () => {
  test('the build has the index, a chapter and a 404 page', () => {
    assert.ok(pages.includes('/'), 'index');
    assert.ok(pages.includes('/chapters/01-points-pixels-heatmaps/'), 'chapter 1');
    assert.ok(pages.includes('/404.html'), '404');
  });

  for (const path of pages.filter((p) => !p.startsWith('/embed/'))) {
    test(`${path} loads with no console error, failed request, CSP violation or request to another host, and has no serious or critical axe violation in light or dark mode`, async () => {
      const { page, problems } = await openWatched(light, origin);
      await page.goto(origin + path, { waitUntil: 'networkidle' });
      await hydrateAll(page);
      await page.waitForLoadState('networkidle');
      assert.deepEqual(problems, []);
      assert.deepEqual(await seriousViolationsLightAndDark(page), []);
      assert.deepEqual(problems, [], 'problems while axe ran');
      await page.close();
    });
  }
});
