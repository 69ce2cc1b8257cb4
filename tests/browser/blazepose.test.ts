/**
 * Chapter 9's foundations in headless Chromium (issue 17): LiteRT.js and BlazePose's lite model,
 * served by the site, run on the bundled photo under the site's CSP with no request leaving it; the
 * nose's heatmap agrees with the regressed landmark; the 0–8 px shift test shows argmax's stairs and
 * DARK following the ideal line; without WebAssembly the page says why and keeps working. Drives
 * /dev/blazepose/ until the chapter replaces it. Prints the shift test's table.
 */
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import { launch } from './browser.ts';
import { test } from './retry.ts';
import { openWatched } from './pages.ts';
import { serveDist } from './server.ts';
import { BLAZEPOSE_ASSET_ROOT } from '../../src/components/figures/blazepose/assets.ts';
import type { BlazePoseCheckOptions, BlazePoseCheckReport } from '../../src/components/figures/blazepose/check.ts';

const PAGE = '/dev/blazepose/';
let server: Server;
let origin: string;
let context: BrowserContext;

before(async () => {
  ({ server, origin } = await serveDist('dist'));
  context = await launch();
});

after(async () => {
  await context?.close();
  server?.close();
});

/** Every request the page makes, as site paths (or full URLs for other hosts). */
function recordRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    seen.push(url.origin === origin ? url.pathname : r.url());
  });
  return seen;
}

const runtimeOrModel = (path: string) => path.startsWith(BLAZEPOSE_ASSET_ROOT) || /litert/i.test(path);

function check(page: Page, options: BlazePoseCheckOptions): Promise<BlazePoseCheckReport> {
  return page.evaluate(
    (o) =>
      (
        window as unknown as { subpixelBlazePoseCheck: (o: BlazePoseCheckOptions) => Promise<BlazePoseCheckReport> }
      ).subpixelBlazePoseCheck(o),
    options,
  );
}

describe('BlazePose in the browser', () => {
  test('the page downloads none of the runtime or the model until the button is pressed', async () => {
    const page = await context.newPage();
    const requests = recordRequests(page);
    await page.goto(origin + PAGE, { waitUntil: 'networkidle' });
    await page.waitForTimeout(500);
    assert.deepEqual(requests.filter(runtimeOrModel), []);
    await page.close();
  });

  test('the model runs on the bundled photo under the CSP, from the site alone, and its nose heatmap agrees with its regression', async () => {
    const { page, problems } = await openWatched(context, origin);
    const requests = recordRequests(page);
    await page.goto(origin + PAGE, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: /Run the model/ }).click();
    await page
      .locator('#blazepose-status')
      .filter({ hasText: /Ran on|could not|no WebAssembly/ })
      .waitFor({ timeout: 120_000 });
    const status = (await page.locator('#blazepose-status').textContent()) ?? '';
    assert.match(status, /^Ran on (WebAssembly|WebGPU) in \d+\.\d ms per image\.$/);
    // The runtime and the model came from the site.
    assert.ok(
      requests.some((p) => p.endsWith('.tflite')),
      'the model was fetched',
    );
    assert.ok(
      requests.some((p) => p.endsWith('.wasm')),
      "LiteRT.js's WebAssembly was fetched",
    );

    const r = await check(page, {});
    note(`accelerator ${r.accelerator}${r.fallback ? ` (${r.fallback})` : ''}; pose flag ${r.poseScore.toFixed(3)}`);
    assert.ok(r.accelerator === 'wasm' || r.accelerator === 'webgpu');
    if (r.accelerator === 'wasm') assert.ok(r.fallback, 'a WASM run says why WebGPU was not used');
    assert.ok(r.poseScore > 0.5, `pose flag ${r.poseScore}`);
    const { argmax } = r.joint.points;
    assert.ok(argmax);
    const gap = Math.hypot(argmax.x - r.joint.regressed.x, argmax.y - r.joint.regressed.y);
    assert.ok(gap <= 2, `nose argmax ${JSON.stringify(argmax)} is ${gap.toFixed(2)} cells from the regression / 4`);
    // The default crop gives MediaPipe's refinement a confident nose (peak ≥ 0.5).
    assert.ok(r.joint.refined && r.joint.peak >= 0.5, `nose peak ${r.joint.peak}`);
    note('heatmap versus regression on the default crop, input px (33 pose landmarks, median and largest):');
    const pose = r.gaps.slice(0, 33);
    console.table(
      Object.fromEntries(
        (['argmax', 'quarter', 'dark', 'softargmax', 'mediapipe'] as const).map((id) => {
          const d = pose.map((g) => g.distances[id] ?? NaN).sort((a, b) => a - b);
          const worst = pose.reduce((a, b) => ((b.distances[id] ?? 0) > (a.distances[id] ?? 0) ? b : a));
          return [id, { median: d[16]?.toFixed(2), largest: d[32]?.toFixed(2), 'largest at': worst.name }];
        }),
      ),
    );
    assert.equal(r.gaps.length, 39);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      requests.filter((p) => !p.startsWith('/')),
      [],
    );
    await page.close();
  });

  test('the 0–8 px shift test: argmax climbs in whole cells, DARK follows the ideal line', async () => {
    const { page, problems } = await openWatched(context, origin);
    await page.goto(origin + PAGE, { waitUntil: 'networkidle' });
    const r = await check(page, { shiftTest: true });
    const summary = r.shiftTest;
    assert.ok(summary);
    note(`shift test on the nose, crop ${JSON.stringify(r.crop)}, ${r.accelerator}; x in heatmap cells:`);
    console.table(
      Object.fromEntries(
        Object.entries({ ...summary.series, regressed: summary.regressed }).map(([id, s]) => [
          id,
          {
            'x at 0 px': s.x[0]?.toFixed(3),
            'x at 8 px': s.x.at(-1)?.toFixed(3),
            travel: s.travel.toFixed(3),
            slope: s.slope.toFixed(3),
            distinct: s.distinct,
            'largest step back': s.largestDrop.toFixed(3),
            'max off the line': s.maxDeviation.toFixed(3),
          },
        ]),
      ),
    );
    const dark = summary.series.dark;
    const argmax = summary.series.argmax;
    assert.ok(dark && argmax);
    assert.equal(summary.shifts.length, 33);
    assert.ok(Math.abs(dark.slope - 0.25) <= 0.25 * 0.25, `DARK's slope ${dark.slope} is not within 25 % of 0.25`);
    // A real network's answer wobbles by a few hundredths of a cell as the crop moves; DARK never
    // steps back by as much as a quarter shift's step.
    assert.ok(dark.largestDrop < 0.25, `DARK steps back by ${dark.largestDrop} cells`);
    assert.ok(argmax.distinct <= 4, `argmax took ${argmax.distinct} values`);
    assert.ok(argmax.x.every(Number.isInteger), 'argmax answers whole cells');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('without WebAssembly the page says so and keeps working', async () => {
    const page = await context.newPage();
    const requests = recordRequests(page);
    await page.addInitScript(() => {
      delete (globalThis as { WebAssembly?: unknown }).WebAssembly;
    });
    await page.goto(origin + PAGE, { waitUntil: 'networkidle' });
    const button = page.getByRole('button', { name: /Run the model/ });
    await button.click();
    await page
      .locator('#blazepose-status')
      .filter({ hasText: /WebAssembly/ })
      .waitFor();
    assert.match((await page.locator('#blazepose-status').textContent()) ?? '', /no WebAssembly/);
    assert.equal(await button.isEnabled(), true);
    assert.deepEqual(
      requests.filter((p) => p.endsWith('.tflite') || p.endsWith('.wasm')),
      [],
    );
    await page.close();
  });
});

function note(line: string): void {
  console.log(`  ${line}`);
}
