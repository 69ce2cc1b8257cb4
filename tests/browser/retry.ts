/**
 * node:test's `test`, run once more when it fails by timing out. Now and then headless Chromium
 * stops producing frames for one page (visible and focused, its JavaScript still running, or
 * not even that), and every wait on that page then times out; bringing the tab to the front,
 * resizing it or marking it active does not bring the frames back, a new page works. So a test
 * that times out closes the pages it opened and runs again, once, and says so in the report. A
 * test that times out twice fails; any other failure fails at once.
 */
import { test as nodeTest, type TestContext } from 'node:test';
import { openPages } from './browser.ts';
import { within } from './pages.ts';

export function test(name: string, fn: (t: TestContext) => unknown): void {
  nodeTest(name, async (t) => {
    const before = new Set(openPages());
    try {
      await fn(t);
    } catch (error) {
      if (!timedOut(error)) throw error;
      const opened = openPages().filter((page) => !before.has(page));
      t.diagnostic(
        `timed out (${String((error as Error).message).split('\n')[0]}); closed ${opened.length} page(s) and ran the test again`,
      );
      await Promise.all(
        opened.map((page) =>
          within(
            10_000,
            page.close().catch(() => undefined),
            undefined,
          ),
        ),
      );
      await fn(t);
    }
  });
}

/** A Playwright TimeoutError, or an error caused by one. */
function timedOut(error: unknown): boolean {
  const named = (e: unknown): boolean => e instanceof Error && e.name === 'TimeoutError';
  return named(error) || (error instanceof Error && named(error.cause));
}
