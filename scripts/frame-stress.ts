/**
 * How often headless Chromium stops producing frames for a page (see README, "Browser tests"):
 * opens chapter pages one after another for a while, scrolls each through so that its figures
 * hydrate, and asks whether a frame comes within a second; a second browser trains chapter 8's
 * model beside it, as a loaded machine would. Prints the pages opened and those that stalled.
 *   CHROMIUM_PATH=… node scripts/frame-stress.ts [minutes]     (needs a build in dist/)
 */
import { launch } from '../tests/browser/browser.ts';
import { builtPages, hydrateAll, within } from '../tests/browser/pages.ts';
import { serveDist } from '../tests/browser/server.ts';

const minutes = Number(process.argv[2] ?? 5);
const chapters = builtPages('dist').filter((p) => p.startsWith('/chapters/'));
const { server, origin } = await serveDist('dist');
const browser = await launch();
const busy = await launch();
const stalls: string[] = [];
let opened = 0;
try {
  // The neighbour: chapter 8's training, on and on.
  const neighbour = await busy.newPage();
  await neighbour.goto(`${origin}/chapters/08-train-in-the-browser/#fig-train`, { waitUntil: 'networkidle' });
  await neighbour.locator('#fig-train [data-store][data-hydrated="true"]').waitFor();
  await neighbour.locator('#fig-train button[data-action="scratch"]').click();

  const end = Date.now() + minutes * 60_000;
  while (Date.now() < end) {
    const path = chapters[opened % chapters.length] as string;
    opened++;
    const page = await browser.newPage();
    let verdict = 'ok';
    try {
      await page.goto(origin + path, { waitUntil: 'load', timeout: 60_000 });
      await hydrateAll(page);
      const frames = await within(
        5000,
        page.evaluate(
          () =>
            new Promise<boolean>((resolve) => {
              requestAnimationFrame(() => resolve(true));
              setTimeout(() => resolve(false), 1000);
            }),
        ),
        false,
      );
      if (!frames) verdict = 'no frame within 1 s';
    } catch (error) {
      verdict = String((error as Error).message).split('\n')[0] ?? 'error';
    }
    if (verdict !== 'ok') {
      stalls.push(`${path}: ${verdict}`);
      console.log(`stalled: ${path}: ${verdict}`);
    }
    await within(
      10_000,
      page.close().catch(() => undefined),
      undefined,
    );
  }
} finally {
  await Promise.all([browser.close(), busy.close()]);
  server.close();
}
console.log(
  `${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}: ${opened} pages in ${minutes} min, ${stalls.length} stalled.`,
);
