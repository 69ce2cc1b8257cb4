/** What the Decoder Lab's browser tests share: opening the page, files for its inputs, waiting for its text. */
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { hydrateAll } from './pages.ts';

/** The Lab at `origin` with `query`, hydrated; a page error fails the test. */
export async function openLab(context: BrowserContext, origin: string, query = ''): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
  await page.goto(`${origin}/lab/${query}`, { waitUntil: 'networkidle' });
  await hydrateAll(page);
  return page;
}

/** A file for `setInputFiles`, as a reader's would be. */
export const file = (name: string, buffer: Uint8Array | string, mimeType = 'application/octet-stream') => ({
  name,
  mimeType,
  buffer: Buffer.from(buffer),
});

/** Waits until the text of `selector` matches `pattern`. */
export async function waitForText(page: Page, selector: string, pattern: RegExp): Promise<void> {
  await page.waitForFunction(
    ([sel, source, flags]) =>
      new RegExp(source as string, flags as string).test(document.querySelector(sel as string)?.textContent ?? ''),
    [selector, pattern.source, pattern.flags] as const,
  );
}
