/**
 * Chapter 9's model: BlazePose lite on LiteRT.js in headless Chromium, on the bundled photo's
 * default crop, through the site's own check page (run `npm run build` first). Prints, per
 * accelerator, the median inference time over 30 runs after 3 warm-up runs, the first run and the
 * time to load the runtime and the model. WebGPU runs through Chromium's software adapter where the
 * flags give one (as chapter 8's benchmark does); without an adapter the runtime falls back to WASM
 * and the row says so.
 */
import { existsSync } from 'node:fs';
import { launch } from '../tests/browser/browser.ts';
import { serveDist } from '../tests/browser/server.ts';
import type { BlazePoseCheckOptions, BlazePoseCheckReport } from '../src/components/figures/blazepose/check.ts';

const PAGE = '/dev/blazepose/';
const RUNS = 30;

export async function benchBlazePose(): Promise<void> {
  if (!existsSync(`dist${PAGE}index.html`)) {
    console.log('BlazePose: skipped (no build; run npm run build first).');
    return;
  }
  const { server, origin } = await serveDist('dist');
  try {
    const rows = [
      await measure(origin, [], ['wasm']),
      await measure(origin, ['--enable-unsafe-webgpu', '--enable-features=Vulkan'], ['webgpu', 'wasm']),
    ];
    console.log(`BlazePose lite on LiteRT.js, one 256 × 256 crop (median of ${RUNS} runs after 3 warm-up runs):`);
    console.table(rows);
  } finally {
    server.close();
  }
}

async function measure(
  origin: string,
  extraArgs: string[],
  accelerators: BlazePoseCheckOptions['accelerators'],
): Promise<Record<string, string>> {
  const context = await launch({ extraArgs });
  try {
    const page = await context.newPage();
    await page.goto(origin + PAGE, { waitUntil: 'networkidle' });
    const r = await page.evaluate(
      (o) =>
        (
          window as unknown as {
            subpixelBlazePoseCheck: (o: BlazePoseCheckOptions) => Promise<BlazePoseCheckReport>;
          }
        ).subpixelBlazePoseCheck(o),
      { timingRuns: RUNS, ...(accelerators ? { accelerators } : {}) },
    );
    return {
      asked: (accelerators ?? []).join(' → '),
      ran: r.accelerator,
      'median run': `${r.medianRunMs?.toFixed(1)} ms`,
      'first run': `${r.firstRunMs.toFixed(0)} ms`,
      load: `${r.loadMs.toFixed(0)} ms`,
      note: r.fallback ?? (r.fullyAccelerated ? '' : 'not fully accelerated'),
    };
  } finally {
    await context.close();
  }
}
