/** Helpers shared by browser tests: the pages of the build, and a page that records problems. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BrowserContext, CDPSession, Locator, Page } from 'playwright-core';

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

/** A new page at `url`, with every figure hydrated. */
export async function openHydrated(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  await hydrateAll(page);
  return page;
}

/**
 * A new page at `url`, opened at figure `id` (its anchor), once that figure has hydrated: for a
 * test of one figure, the others need not start (they would, as a reader scrolls to them).
 */
export async function openFigure(context: BrowserContext, url: string, id: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${url}#${id}`, { waitUntil: 'load' });
  await page.bringToFront();
  await page.waitForFunction(
    (figure) =>
      Array.from(document.querySelectorAll<HTMLElement>(`#${figure} [data-store]`)).every((el) => el.dataset.hydrated),
    id,
  );
  return page;
}

/**
 * Scrolls through the page so that every lazy figure hydrates, then waits for them. Each step
 * waits for a frame or 100 ms, whichever comes first, and the walk is bounded: a renderer that
 * stops producing frames makes the wait below fail with a message instead of hanging the run.
 * A figure starts when an intersection check, made only in a frame, finds it near the viewport;
 * on a busy machine the walk can pass a figure without a frame, so each one still waiting
 * afterwards is scrolled to and given a frame of its own.
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
      for (const el of document.querySelectorAll<HTMLElement>('[data-store]:not([data-hydrated])')) {
        el.scrollIntoView({ block: 'center' });
        await new Promise((r) => {
          requestAnimationFrame(() => requestAnimationFrame(() => r(null)));
          setTimeout(() => r(null), 1000);
        });
      }
    }),
  );
  await page
    .waitForFunction(() =>
      Array.from(document.querySelectorAll('[data-store]')).every((el) => (el as HTMLElement).dataset.hydrated),
    )
    .catch(async (error: unknown) => {
      const waiting = await answerOf(
        page.evaluate(() =>
          Array.from(document.querySelectorAll<HTMLElement>('[data-store]'))
            .filter((el) => !el.dataset.hydrated)
            .map((el) => el.id || el.dataset.store)
            .join(', '),
        ),
      );
      throw new Error(`figures never hydrated on ${page.url()}: ${waiting}; ${await answerOf(frameState(page))}`, {
        cause: error,
      });
    });
  await watchdog(page, 30_000, 'scrolling back to the top', () => page.evaluate(() => scrollTo(0, 0)));
}

/** `work`'s answer, or `otherwise` if it has none within `ms`: a stalled page may never answer. */
export function within<T>(ms: number, work: Promise<T>, otherwise: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(otherwise), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** A page call's answer, its error, or word that the page did not answer within 5 s. */
function answerOf(call: Promise<string>): Promise<string> {
  return within(
    5000,
    call.catch((e: Error) => `(${e.message})`),
    '(the page did not answer)',
  );
}

/** Whether the page renders: its visibility, focus, and whether a frame comes within a second. */
function frameState(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const state = `page ${document.visibilityState}, focus ${document.hasFocus()}`;
        requestAnimationFrame(() => resolve(`${state}, frames run`));
        setTimeout(() => resolve(`${state}, no frame within 1 s`), 1000);
      }),
  );
}

/**
 * Runs `work` on the page, failing after `ms` with what the page's main thread is doing: now and
 * then (under load) a page here stops answering mid-run, and `page.evaluate` has no time limit.
 * The debugger is attached before the work starts, while the page still answers, so that a pause
 * can interrupt a busy main thread later; the CPU time of Chromium's renderers tells a spinning
 * renderer from a stuck one.
 */
export async function watchdog<T>(page: Page, ms: number, what: string, work: () => Promise<T>): Promise<T> {
  const debug = await attachDebugger(page);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void Promise.all([mainThreadStack(debug), rendererCpu()]).then(([stack, cpu]) =>
        reject(
          Object.assign(
            new Error(`${what} on ${page.url()} took over ${ms / 1000} s; the page's main thread: ${stack}; ${cpu}`),
            { name: 'TimeoutError' },
          ),
        ),
      );
    }, ms);
  });
  try {
    return await Promise.race([work(), expired]);
  } finally {
    clearTimeout(timer);
    // Not awaited: a page that is still busy would hold the detach.
    void debug?.detach().catch(() => undefined);
  }
}

/** A DevTools session on the page with its debugger on, or undefined if the page does not answer within 5 s. */
async function attachDebugger(page: Page): Promise<CDPSession | undefined> {
  const attach = (async () => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Debugger.enable');
    return cdp;
  })().catch(() => undefined);
  return within(5000, attach, undefined);
}

/** The page's JavaScript stack, got by pausing it through the DevTools protocol (bounded to 5 s). */
async function mainThreadStack(cdp: CDPSession | undefined): Promise<string> {
  if (!cdp) return 'no debugger could be attached';
  const attempt = (async () => {
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
    await cdp.send('Debugger.pause');
    const stack = await paused;
    await cdp.send('Debugger.resume').catch(() => undefined);
    return stack;
  })();
  return within(
    5000,
    attempt.catch((e: Error) => `could not be read (${e.message})`),
    'no pause within 5 s: the main thread runs no JavaScript (stuck in the renderer)',
  );
}

/** The busiest Chromium renderers' share of a core over one second (Linux only). */
async function rendererCpu(): Promise<string> {
  const ticks = (): Map<string, number> => {
    const out = new Map<string, number>();
    for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
      try {
        if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
        // utime and stime, in clock ticks (1/100 s), are the 14th and 15th fields.
        const fields = (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
        out.set(pid, Number(fields[11]) + Number(fields[12]));
      } catch {
        // The process ended, or this is not Linux.
      }
    }
    return out;
  };
  const first = ticks();
  await new Promise((r) => setTimeout(r, 1000));
  const shares = [...ticks()]
    .map(([pid, t]) => ({ pid, share: (t - (first.get(pid) ?? t)) / 100 }))
    .sort((a, b) => b.share - a.share)
    .slice(0, 4);
  return shares.length === 0
    ? 'no renderer CPU figures'
    : `renderer CPU over 1 s: ${shares.map((s) => `${s.pid} ${Math.round(s.share * 100)}%`).join(', ')}`;
}

/**
 * Scrolls `target` into view and gives its box once the page has drawn it there. A figure off
 * screen is neither painted nor hit-tested (content-visibility: auto) until a rendering update
 * after it nears the viewport, so a pointer or touch event sent at once could land on nothing;
 * Playwright's own clicks wait for this, events sent at coordinates do not.
 */
export async function inView(target: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  await target.scrollIntoViewIfNeeded();
  await target
    .page()
    .waitForFunction(
      (el) => el?.checkVisibility({ contentVisibilityAuto: true }) ?? false,
      await target.elementHandle(),
      {
        polling: 50,
        timeout: 10_000,
      },
    );
  const box = await target.boundingBox();
  if (!box) throw new Error(`${target.toString()} is not laid out`);
  return box;
}

/**
 * A one-finger drag from `from` to `to` in page coordinates, as the touch events a phone sends
 * (start, eight moves, end): a swipe when it starts away from every handle. A swipe scrolls the
 * page and then flings it on for a while; this returns once the page has come to rest, so that
 * a box measured next is where the next touch lands.
 */
export async function touchDrag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const at = (t: number) => [{ x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let i = 1; i <= 8; i++)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(i / 8) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
  await page.evaluate(async () => {
    // At rest: the same scroll position over 200 ms (the fling lasts under a second here).
    for (let last = NaN, same = 0, n = 0; same < 2 && n < 50; n++) {
      await new Promise((r) => setTimeout(r, 100));
      same = scrollY === last ? same + 1 : 0;
      last = scrollY;
    }
  });
}
