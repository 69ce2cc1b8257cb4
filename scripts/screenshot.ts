/**
 * Screenshots of built pages, for looking at the site as a reader would:
 *   node scripts/screenshot.ts /chapters/01-points-pixels-heatmaps/ [out.png] [--dark] [--phone] [--full]
 *     [#anchor] [--click 'selector'] (clicks it and waits for the page to settle first)
 *     [--wait-for 'selector'] (after the click, waits up to 3 minutes for the selector to match, e.g. a model's answer)
 *     [--print] (the page as it prints: print media, the width of an A4 page)
 */
import { serveDist } from '../tests/browser/server.ts';
import { launch } from '../tests/browser/browser.ts';

const args = process.argv.slice(2);
const path = args.find((a) => a.startsWith('/')) ?? '/';
const out = args.find((a) => a.endsWith('.png')) ?? 'screenshot.png';
const dark = args.includes('--dark');
const phone = args.includes('--phone');
const full = args.includes('--full');
const print = args.includes('--print');
const clickAt = args.indexOf('--click');
const click = clickAt >= 0 ? args[clickAt + 1] : undefined;
const waitAt = args.indexOf('--wait-for');
const waitFor = waitAt >= 0 ? args[waitAt + 1] : undefined;
const scrollTo = args.find((a, i) => /^[#.]/.test(a) && i !== clickAt + 1 && i !== waitAt + 1);

const { server, origin } = await serveDist('dist');
const context = await launch({
  colorScheme: dark ? 'dark' : 'light',
  viewport: phone ? { width: 360, height: 780 } : print ? { width: 794, height: 1123 } : { width: 1280, height: 900 },
});
const page = context.pages()[0] ?? (await context.newPage());
page.on('console', (m) => console.log(`[console.${m.type()}]`, m.text()));
page.on('pageerror', (e) => console.log('[pageerror]', e.message));
await page.goto(origin + path, { waitUntil: 'networkidle' });
if (click) {
  // Figures hydrate as they near the viewport: bring the target there and let it start first.
  await page.locator(click).first().scrollIntoViewIfNeeded();
  await page.waitForTimeout(1000);
  await page.locator(click).first().click();
  await page.waitForTimeout(1500);
}
if (waitFor) await page.locator(waitFor).first().waitFor({ timeout: 180_000 });
if (print) await page.emulateMedia({ media: 'print' });
if (scrollTo) await page.locator(scrollTo).scrollIntoViewIfNeeded();
if (full) {
  // Figures off screen are not painted (content-visibility: auto), and a full-page capture
  // does not move the viewport: paint them all.
  await page.evaluate(() => {
    for (const f of document.querySelectorAll<HTMLElement>('.figure')) f.style.contentVisibility = 'visible';
  });
}
await page.waitForTimeout(600);
await page.screenshot({ path: out, fullPage: full });
console.log('wrote', out);
await context.close();
server.close();
