/**
 * Every page of the build but the embeds, opened on a 360 px phone in dark mode: no sideways
 * scrolling, and every table's caption in view (pages-schemes.test.ts has the load and axe
 * checks, pages-embeds.test.ts the embeds).
 */
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { BrowserContext } from 'playwright-core';
import { launch } from './browser.ts';
import { test } from './retry.ts';
import { builtPages, openHydrated } from './pages.ts';
import { serveDist } from './server.ts';

let server: Server;
let origin: string;
let phone: BrowserContext;

before(async () => {
  ({ server, origin } = await serveDist('dist'));
  phone = await launch({ viewport: { width: 360, height: 780 }, colorScheme: 'dark' });
});

after(async () => {
  await phone?.close();
  server?.close();
});

const pages = builtPages();

describe('every page on a phone', () => {
  for (const path of pages.filter((p) => !p.startsWith('/embed/'))) {
    test(`${path} fits a 360 px phone without sideways scrolling`, async () => {
      const page = await openHydrated(phone, origin + path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `page is ${width} px wide`);
      // A table may scroll sideways inside its box, but its caption reads without scrolling.
      const clipped = await page.evaluate(() =>
        Array.from(document.querySelectorAll('caption'))
          .filter((c) => c.getBoundingClientRect().right > innerWidth)
          .map((c) => (c.textContent ?? '').trim().slice(0, 40)),
      );
      assert.deepEqual(clipped, []);
      await page.close();
    });
  }
});
