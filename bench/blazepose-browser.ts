/**
 * Chapter 9's model: BlazePose lite on LiteRT.js in headless Chromium, through the chapter itself
 * (run `npm run build` first): the reader's button, then the run on the bundled photo's default crop
 * and the 0–8 px shift test, 33 runs in all. Prints, per browser set-up, the accelerator that ran,
 * the median inference time over those 33 runs (the first, slower one included: a median barely
 * moves for one outlier), the first run, and the time from the button to a compiled model. WebGPU
 * runs through Chromium's software adapter where the flags give one (as chapter 8's benchmark does);
 * without an adapter the runtime falls back to WASM and the row says why.
 */
import { existsSync } from 'node:fs';
import { launch } from '../tests/browser/browser.ts';
import { hydrateAll } from '../tests/browser/pages.ts';
import { serveDist } from '../tests/browser/server.ts';

const PAGE = '/chapters/09-a-real-networks-heatmaps/';

export async function benchBlazePose(): Promise<void> {
  if (!existsSync(`dist${PAGE}index.html`)) {
    console.log('BlazePose: skipped (no build; run npm run build first).');
    return;
  }
  const { server, origin } = await serveDist('dist');
  try {
    const rows = [
      await measure(origin, 'no GPU flags', []),
      await measure(origin, 'WebGPU flags', ['--enable-unsafe-webgpu', '--enable-features=Vulkan']),
    ];
    console.log('BlazePose lite on LiteRT.js, one 256 × 256 crop, in chapter 9 (the run and its 0–8 px shift test):');
    console.table(rows);
  } finally {
    server.close();
  }
}

async function measure(origin: string, setup: string, extraArgs: string[]): Promise<Record<string, string>> {
  const context = await launch({ extraArgs });
  try {
    const page = await context.newPage();
    await page.goto(origin + PAGE, { waitUntil: 'networkidle' });
    await hydrateAll(page);
    await page.locator('#fig-shift [data-role="gate-button"]').click();
    await page
      .locator('#fig-shift [data-role="shift-body"][data-complete="true"]')
      .waitFor({ state: 'attached', timeout: 300_000 });
    const gate = page.locator('#fig-shift [data-role="gate"]');
    const attr = async (name: string) => (await gate.getAttribute(name)) ?? '—';
    return {
      setup,
      ran: await attr('data-accelerator'),
      runs: await attr('data-runs'),
      'median run': `${await attr('data-median-ms')} ms`,
      'first run': `${await attr('data-first-ms')} ms`,
      load: `${await attr('data-load-ms')} ms`,
      note:
        (await gate.getAttribute('data-fallback')) ??
        ((await attr('data-accelerator')) === 'webgpu' && (await attr('data-fully-accelerated')) === 'false'
          ? 'not fully accelerated'
          : ''),
    };
  } finally {
    await context.close();
  }
}
