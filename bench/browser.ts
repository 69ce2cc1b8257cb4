/**
 * Timings of the built site in headless Chromium, which tests must not assert (a loaded
 * machine makes them noisy): the per-frame work while a keypoint is dragged across chapter 2
 * (its three figures follow), and the longest gap between the Lab's frames while its worker
 * decodes 64 × 17 maps. Run `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { launch } from '../tests/browser/browser.ts';
import { hydrateAll } from '../tests/browser/pages.ts';
import { serveDist } from '../tests/browser/server.ts';
import { makeLabSample, writeNpy } from '../src/lib/index.ts';

const FRAME_MS = 1000 / 60;

const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN;

export async function benchBrowser(): Promise<void> {
  if (!existsSync('dist/index.html')) {
    console.log('Browser timings: skipped (no build; run npm run build first).');
    return;
  }
  const { server, origin } = await serveDist('dist');
  const context = await launch();
  try {
    const rows = [];

    // A drag across figure 2.1: pointer events as a mouse sends them, one per frame; each
    // frame's work is the time from the frame's start to our callback, queued after the figures'.
    const page = await context.newPage();
    await page.goto(`${origin}/chapters/02-encoding-and-quantisation/`, { waitUntil: 'networkidle' });
    await hydrateAll(page);
    const surface = page.locator('#fig-hero [data-role="surface"]');
    await surface.scrollIntoViewIfNeeded();
    const box = await surface.boundingBox();
    if (!box) throw new Error('figure 2.1 has no box');
    const work = await page.evaluate(async ({ x, y, width: w, height: h }) => {
      const target = document.querySelector('#fig-hero [data-role="surface"]') as Element;
      const frame = () => new Promise<number>((r) => requestAnimationFrame((ts) => r(performance.now() - ts)));
      const fire = (type: string, px: number, py: number) =>
        target.dispatchEvent(
          new PointerEvent(type, {
            bubbles: true,
            pointerId: 1,
            button: 0,
            buttons: 1,
            clientX: px,
            clientY: py,
            pointerType: 'mouse',
          }),
        );
      fire('pointerdown', x + w / 2, y + h / 2);
      await frame();
      const times: number[] = [];
      for (let i = 0; i < 240; i++) {
        fire('pointermove', x + w * (0.2 + 0.6 * ((i % 60) / 60)), y + h * (0.3 + 0.3 * Math.sin(i / 5)));
        times.push(await frame());
      }
      fire('pointerup', x + w / 2, y + h / 2);
      return times.sort((a, b) => a - b);
    }, box);
    rows.push({
      task: 'chapter 2: per-frame work while dragging the keypoint (3 figures), 240 frames',
      'median (ms)': Number(quantile(work, 0.5).toFixed(2)),
      'p95 (ms)': Number(quantile(work, 0.95).toFixed(2)),
      target: `p95 < ${FRAME_MS.toFixed(1)} ms ${quantile(work, 0.95) < FRAME_MS ? 'met' : 'MISSED'}`,
    });
    await page.close();

    // The Lab: gaps between the main thread's frames from the first progress report to the last.
    const lab = await context.newPage();
    await lab.goto(`${origin}/lab/`, { waitUntil: 'networkidle' });
    await hydrateAll(lab);
    const { stack } = makeLabSample({ n: 64, k: 17, h: 64, w: 48, stride: 4, sigma: 2, noise: 0.03, seed: 5 });
    await lab.evaluate(() => {
      const w = window as unknown as { gaps: number[]; last: number; on: boolean };
      w.gaps = [];
      w.on = false;
      const status = document.querySelector('[data-role="status"]') as HTMLElement;
      new MutationObserver(() => {
        const text = status.textContent ?? '';
        if (text.startsWith('Decoding:') && !w.on) {
          w.on = true;
          w.last = performance.now();
        }
        if (text.startsWith('Decoded')) w.on = false;
      }).observe(status, { childList: true, characterData: true, subtree: true });
      const tick = () => {
        const now = performance.now();
        if (w.on) w.gaps.push(now - w.last);
        w.last = now;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await lab.locator('[data-role="file"]').setInputFiles({
      name: 'big.npy',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(writeNpy(stack.data, [64, 17, 64, 48])),
    });
    await lab.waitForFunction(() =>
      /^Decoded 1088 maps/.test(document.querySelector('[data-role="status"]')?.textContent ?? ''),
    );
    const gaps = (await lab.evaluate(() => (window as unknown as { gaps: number[] }).gaps)).sort((a, b) => a - b);
    rows.push({
      task: `Lab: main-thread frame gaps while the worker decodes 64 × 17 maps of 64 × 48 (${gaps.length} frames)`,
      'median (ms)': Number(quantile(gaps, 0.5).toFixed(2)),
      'p95 (ms)': Number(quantile(gaps, 0.95).toFixed(2)),
      target: `longest ${Math.max(...gaps).toFixed(0)} ms (< 250 ms ${Math.max(...gaps) < 250 ? 'met' : 'MISSED'})`,
    });
    await lab.close();
    console.table(rows);
  } finally {
    await context.close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchBrowser();
