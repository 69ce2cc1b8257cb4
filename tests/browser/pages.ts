/** Helpers shared by browser tests: the pages of the build, and a page that records problems. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

/** URL paths of every HTML page in dist/. */
export function builtPages(dist = 'dist'): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) {
        const rel = '/' + relative(dist, path).split('\\').join('/');
        out.push(rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel);
      }
    }
  };
  walk(dist);
  return out.sort();
}

export interface WatchedPage {
  page: Page;
  /** Console errors, page errors, failed requests, requests to other hosts, CSP violations. */
  problems: string[];
}

/** Opens a page that records everything that should never happen on the site. */
export async function openWatched(context: BrowserContext, origin: string): Promise<WatchedPage> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()} (${r.failure()?.errorText})`));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if ((url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:') && url.origin !== origin) {
      problems.push(`request to another host: ${r.url()}`);
    }
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/404.html')) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  return { page, problems };
}

/**
 * Scrolls through the page so that every lazy figure hydrates, then waits for them. Each step
 * waits for a frame or 100 ms, whichever comes first, and the walk is bounded: a renderer that
 * stops producing frames makes the wait below fail with a message instead of hanging the run.
 */
export async function hydrateAll(page: Page): Promise<void> {
  // Headless Chromium can leave a tab in the hidden state, where frames stop: show it first.
  await page.bringToFront();
  await watchdog(page, 60_000, 'scrolling through the page', () =>
    page.evaluate(async () => {
      const step = Math.max(innerHeight / 2, 100);
      for (let y = 0, n = 0; y < document.body.scrollHeight && n < 400; y += step, n++) {
        scrollTo(0, y);
        await new Promise((r) => {
          requestAnimationFrame(() => r(null));
          setTimeout(() => r(null), 100);
        });
      }
    }),
  );
  await page
    .waitForFunction(() =>
      Array.from(document.querySelectorAll('[data-store]')).every((el) => (el as HTMLElement).dataset.hydrated),
    )
    .catch(async (error: unknown) => {
      const waiting = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('[data-store]'))
          .filter((el) => !el.dataset.hydrated)
          .map((el) => el.id || el.dataset.store),
      );
      throw new Error(`figures never hydrated on ${page.url()}: ${waiting.join(', ')}`, { cause: error });
    });
  await watchdog(page, 30_000, 'scrolling back to the top', () => page.evaluate(() => scrollTo(0, 0)));
}

/**
 * Runs `work` on the page, failing after `ms` with what the page's main thread is doing: once
 * (rarely) a page stopped answering here mid-run, and `page.evaluate` has no time limit.
 */
export async function watchdog<T>(page: Page, ms: number, what: string, work: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void mainThreadStack(page).then((stack) =>
        reject(new Error(`${what} on ${page.url()} took over ${ms / 1000} s; the page's main thread: ${stack}`)),
      );
    }, ms);
  });
  try {
    return await Promise.race([work(), expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** The page's JavaScript stack, got by pausing it through the DevTools protocol (bounded to 5 s). */
async function mainThreadStack(page: Page): Promise<string> {
  const attempt = (async () => {
    const cdp = await page.context().newCDPSession(page);
    const paused = new Promise<string>((resolve) =>
      cdp.once('Debugger.paused', (event) =>
        resolve(
          event.callFrames
            .slice(0, 8)
            .map((f) => `${f.functionName || '(anonymous)'} ${f.url}:${f.location.lineNumber + 1}`)
            .join(' < ') || 'paused with no JavaScript on the stack',
        ),
      ),
    );
    await cdp.send('Debugger.enable');
    await cdp.send('Debugger.pause');
    const stack = await paused;
    await cdp.send('Debugger.resume').catch(() => undefined);
    await cdp.detach().catch(() => undefined);
    return stack;
  })();
  const timeout = new Promise<string>((resolve) =>
    setTimeout(
      () =>
        resolve(
          'no answer to the debugger within 5 s: the main thread is busy with one endless task, or the renderer is stuck',
        ),
      5000,
    ),
  );
  return Promise.race([attempt.catch((e: Error) => `could not be read (${e.message})`), timeout]);
}
