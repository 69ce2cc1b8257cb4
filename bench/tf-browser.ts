/**
 * Chapter 8's training step on each TF.js backend in headless Chromium (WebGPU through the
 * software adapter, WebGL through SwiftShader, the CPU), using the chapter's own "time each
 * backend" button on the built site (run `npm run build` first). Prints the medians and the
 * ratio WebGL / CPU.
 */
import { existsSync } from 'node:fs';
import { launch } from '../tests/browser/browser.ts';
import { serveDist } from '../tests/browser/server.ts';

export async function benchTfBackends(): Promise<void> {
  if (!existsSync('dist/chapters/08-train-in-the-browser/index.html')) {
    console.log('TF.js backends: skipped (no build; run npm run build first).');
    return;
  }
  const { server, origin } = await serveDist('dist');
  const context = await launch({ extraArgs: ['--enable-unsafe-webgpu', '--enable-features=Vulkan'] });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/chapters/08-train-in-the-browser/`, { waitUntil: 'networkidle' });
    const button = page.locator('#fig-train button[data-action="bench"]');
    await button.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => customElements.get('train-live-figure') !== undefined);
    await page.waitForTimeout(500);
    await button.click();
    await page.locator('#fig-train [data-role="bench"]').waitFor({ state: 'visible', timeout: 300_000 });
    const rows = await page
      .locator('#fig-train [data-role="bench-rows"] tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent ?? '')));
    console.table(rows.map(([backend, median, note]) => ({ backend, 'median step': median, note })));
    const ms = (name: string) => Number(rows.find((r) => r[0] === name)?.[1]?.replace(' ms', ''));
    const ratio = ms('webgl') / ms('cpu');
    console.log(
      Number.isFinite(ratio)
        ? `Training step, WebGL / CPU: ${ratio.toFixed(2)} (below 1: WebGL is faster).`
        : 'WebGL / CPU: not measured (a backend was missing).',
    );
  } finally {
    await context.close();
    server.close();
  }
}
