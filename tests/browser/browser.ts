/**
 * Launches the system Chromium through playwright-core: CHROMIUM_PATH, else Debian's
 * chromium-headless-shell (the old headless mode, which stopped producing frames for a page
 * less often than the new one here: see README), else /usr/bin/chromium. No test tool
 * downloads a browser here.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { within } from './pages.ts';

export function chromiumPath(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium-headless-shell',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `No Chromium found (looked at ${candidates.join(', ')}). Install Debian's chromium-headless-shell (apt-get install -y chromium-headless-shell) or set CHROMIUM_PATH.`,
    );
  }
  return found;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface LaunchOptions {
  extraArgs?: string[];
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  reducedMotion?: 'reduce' | 'no-preference';
  hasTouch?: boolean;
  /** The site registers a service worker; tests block it unless they test offline use. */
  serviceWorkers?: 'allow' | 'block';
  /** Clipboard access for tests of the copy buttons. */
  permissions?: string[];
}

/** A Chromium with a persistent context in a fresh user-data dir, as the machine notes advise. */
async function start(options: LaunchOptions): Promise<BrowserContext> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'subpixel-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 900 },
    reducedMotion: options.reducedMotion ?? 'no-preference',
    hasTouch: options.hasTouch ?? false,
    isMobile: options.hasTouch ?? false,
    serviceWorkers: options.serviceWorkers ?? 'block',
    permissions: options.permissions ?? [],
    acceptDownloads: true,
  });
  context.on('page', (page) => void watchFrames(page));
  return context;
}

/**
 * How a stalled page is told from a busy one. Every few seconds the watch asks the page for a
 * frame: a page whose timers run but whose frames do not (no frame within `NO_FRAME_MS`), or whose
 * main thread answers nothing at all for `NO_ANSWER_MS`, has stalled (retry.ts). Headless
 * Chromium's stalls looked like both; left alone, each held its test until a 30 s or 60 s wait
 * ran out (five stalls in one run of the suite here cost 3 min 40 s of waiting). No page of the
 * site runs a main-thread task of seconds: decoding, training and the models run in workers.
 */
const WATCH_EVERY_MS = 3000;
const NO_FRAME_MS = 8000;
const NO_ANSWER_MS = 15_000;

/** The pages the watch found stalled and closed, each with the context `launch` returned for it. */
const stalls: { page: Page; context: BrowserContext | undefined }[] = [];

/** How many stalls the watch has found so far (retry.ts compares counts across an attempt). */
export function stallCount(): number {
  return stalls.length;
}

/** The contexts of the pages found stalled since the `since`-th stall. */
export function stalledContexts(since: number): BrowserContext[] {
  return [...new Set(stalls.slice(since).flatMap((s) => (s.context ? [s.context] : [])))];
}

/**
 * Watches `page` until it closes; a stalled page is closed, so that whatever the test awaits on
 * it fails at once (the test is then run again in a fresh browser) instead of at its time limit.
 * A hidden page has no frames by design and counts as answering; so does a page between two
 * documents (its evaluation is cut short by the navigation).
 */
async function watchFrames(page: Page): Promise<void> {
  while (!page.isClosed()) {
    await new Promise((resolve) => setTimeout(resolve, WATCH_EVERY_MS));
    if (page.isClosed()) return;
    const answer = page
      .evaluate(
        (ms) =>
          new Promise<boolean>((resolve) => {
            if (document.visibilityState !== 'visible') return resolve(true);
            requestAnimationFrame(() => resolve(true));
            setTimeout(() => resolve(false), ms);
          }),
        NO_FRAME_MS,
      )
      .catch(() => true);
    if (await within(NO_ANSWER_MS, answer, false)) continue;
    if (page.isClosed()) return;
    stalls.push({ page, context: contextOf(page) });
    await within(
      10_000,
      page.close().catch(() => undefined),
      undefined,
    );
    return;
  }
}

/** A launched browser: the context the test holds, and the browser behind it now. */
interface Launched {
  /** What `launch` returned: it forwards every call to `current`. */
  held: BrowserContext;
  current: BrowserContext;
  options: LaunchOptions;
}

const live = new Set<Launched>();

/**
 * A browser context for a test file. What it returns forwards to a browser that `relaunch` can
 * replace, so that a test file holding it gets the fresh browser too (see `retry.ts`).
 */
export async function launch(options: LaunchOptions = {}): Promise<BrowserContext> {
  const launched = { current: await start(options), options } as Launched;
  launched.held = new Proxy(launched.current, {
    get(_, key) {
      const value: unknown = Reflect.get(launched.current, key, launched.current);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(launched.current) : value;
    },
  });
  watch(launched);
  return launched.held;
}

/** Forgets a browser once it is closed, unless `relaunch` replaced it. */
function watch(launched: Launched): void {
  const context = launched.current;
  live.add(launched);
  context.on('close', () => {
    if (launched.current === context) live.delete(launched);
  });
}

/** Every page open in a browser that `launch` started and that is still running. */
export function openPages(): Page[] {
  return [...live].flatMap((launched) => launched.current.pages());
}

/** The contexts `launch` returned that are still open. */
export function openContexts(): BrowserContext[] {
  return [...live].map((launched) => launched.held);
}

/** The context `launch` returned that `page` belongs to. */
export function contextOf(page: Page): BrowserContext | undefined {
  return [...live].find((launched) => launched.current === page.context())?.held;
}

/**
 * Replaces the browser behind `held` by a new one launched alike: the old one is closed (given
 * 10 s; a stalled browser may not answer) and its pages with it.
 */
export async function relaunch(held: BrowserContext): Promise<void> {
  const launched = [...live].find((l) => l.held === held);
  if (!launched) return;
  const old = launched.current;
  launched.current = await start(launched.options);
  watch(launched);
  await within(
    10_000,
    old.close().catch(() => undefined),
    undefined,
  );
}
