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
  try {
    // WebGPU needs flags that can keep WebGL from starting in a worker, so each is measured in
    // its own browser: with the flags for WebGPU, without them for WebGL, WASM and the CPU.
    const gpu = await measure(origin, ['--enable-unsafe-webgpu', '--enable-features=Vulkan']);
    const plain = await measure(origin, []);
    const rows = [gpu.find((r) => r[0] === 'webgpu'), ...plain.filter((r) => r[0] !== 'webgpu')].filter(
      (r): r is string[] => Boolean(r),
    );
    console.table(rows.map(([backend, median, note]) => ({ backend, 'median step': median, note })));
    const ms = (name: string) => Number(rows.find((r) => r[0] === name)?.[1]?.replace(' ms', ''));
    const ratio = ms('webgl') / ms('cpu');
    console.log(
      Number.isFinite(ratio)
        ? `Training step, WebGL / CPU: ${ratio.toFixed(2)} (below 1: WebGL is faster).`
        : 'WebGL / CPU: not measured (a backend was missing).',
    );
  } finally {
    server.close();
  }
}

/** The chapter's own timing table, in a browser launched with the given flags. */
async function measure(origin: string, extraArgs: string[]): Promise<string[][]> {
  const context = await launch({ extraArgs });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/chapters/08-train-in-the-browser/`, { waitUntil: 'networkidle' });
    // The timing is among the figure's controls for developers, in a details element.
    await page.locator('#fig-train details.developer summary').click();
    const button = page.locator('#fig-train button[data-action="bench"]');
    await button.scrollIntoViewIfNeeded();
    await page.waitForTimeout(1000);
    await button.click();
    await page.locator('#fig-train [data-role="bench"]').waitFor({ state: 'visible', timeout: 300_000 });
    return await page
      .locator('#fig-train [data-role="bench-rows"] tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent ?? '')));
  } finally {
    await context.close();
  }
}
