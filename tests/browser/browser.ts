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

/** A persistent context in a fresh user-data dir, as the machine notes advise. */
export async function launch(
  options: {
    extraArgs?: string[];
    colorScheme?: 'light' | 'dark';
    viewport?: { width: number; height: number };
    reducedMotion?: 'reduce' | 'no-preference';
    hasTouch?: boolean;
    /** The site registers a service worker; tests block it unless they test offline use. */
    serviceWorkers?: 'allow' | 'block';
    /** Clipboard access for tests of the copy buttons. */
    permissions?: string[];
  } = {},
): Promise<BrowserContext> {
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
  live.add(context);
  context.on('close', () => live.delete(context));
  return context;
}

const live = new Set<BrowserContext>();

/** Every page open in a browser that `launch` started and that is still running. */
export function openPages(): Page[] {
  return [...live].flatMap((context) => context.pages());
}
