/**
 * node:test's `test`, run once more when it fails by timing out. Now and then headless Chromium
 * stops producing frames for one page (visible and focused, its JavaScript still running, or
 * not even that), and every wait on that page then times out; bringing the tab to the front,
 * resizing it or marking it active does not bring the frames back. A new page in the same
 * browser usually works, but not always (in one CI run the second attempt stalled on the same
 * chapter): so a test that times out runs again in a fresh browser. The browsers the test file
 * launched before the test get a new Chromium behind the context they hold (`relaunch`), those
 * the test launched itself are closed (it launches them again), and the report says so. A test
 * that times out three times fails; any other failure fails at once. (One retry was not enough:
 * a full run here failed when the retry of a stalled chapter stalled too, on two runs in six.)
 */
import { test as nodeTest, type TestContext } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { contextOf, openContexts, openPages, relaunch, stallCount, stalledContexts } from './browser.ts';
import { within } from './pages.ts';

/** Runs again after a timeout before the test fails. */
const RETRIES = 2;

export function test(name: string, fn: (t: TestContext) => unknown): void {
  nodeTest(name, async (t) => {
    for (let attempt = 0; ; attempt++) {
      const contexts = new Set(openContexts());
      const pages = new Set(openPages());
      const stallsBefore = stallCount();
      try {
        await fn(t);
        return;
      } catch (error) {
        // A page the frame watch closed (browser.ts) fails whatever awaited it: a stall, as a time-out is.
        const watched = stalledContexts(stallsBefore);
        if (!(timedOut(error) || watched.length > 0) || attempt === RETRIES) throw error;
        const opened = openPages().filter((page) => !pages.has(page));
        const stalled = new Set([
          ...watched,
          ...opened.map(contextOf).filter((c): c is BrowserContext => c !== undefined),
        ]);
        const borrowed = [...stalled].filter((c) => contexts.has(c));
        const own = openContexts().filter((c) => !contexts.has(c));
        t.diagnostic(
          `${watched.length > 0 ? 'a page stopped producing frames' : 'timed out'} (${String((error as Error).message).split('\n')[0]}); relaunched ${borrowed.length} browser(s), closed ${own.length} the test launched, and ran the test again`,
        );
        await Promise.all([
          ...borrowed.map((context) => relaunch(context)),
          ...own.map((context) =>
            within(
              10_000,
              context.close().catch(() => undefined),
              undefined,
            ),
          ),
        ]);
      }
    }
  });
}

/** A Playwright TimeoutError, or an error caused by one. */
function timedOut(error: unknown): boolean {
  const named = (e: unknown): boolean => e instanceof Error && e.name === 'TimeoutError';
  return named(error) || (error instanceof Error && named(error.cause));
}
