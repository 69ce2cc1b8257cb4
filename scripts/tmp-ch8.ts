import { serveDist } from '../tests/browser/server.ts';
import { launch } from '../tests/browser/browser.ts';
const { server, origin } = await serveDist('dist');
const context = await launch({
  extraArgs: process.argv.includes('--webgpu') ? ['--enable-unsafe-webgpu', '--enable-features=Vulkan'] : [],
});
const page = await context.newPage();
page.on('console', (m) => console.log(`[console.${m.type()}]`, m.text().slice(0, 300)));
page.on('pageerror', (e) => console.log('[pageerror]', e.message));
await page.goto(origin + '/chapters/08-train-in-the-browser/', { waitUntil: 'networkidle' });
await page.locator('#fig-train').scrollIntoViewIfNeeded();
await page.waitForTimeout(1000);
await page.locator('#fig-train button[data-action="scratch"]').click();
for (let i = 0; i < 6; i++) {
  await page.waitForTimeout(5000);
  console.log(
    await page.locator('#fig-train [data-role="status"]').textContent(),
    '| step',
    await page.locator('#fig-train [data-role="step"]').textContent(),
    '| loss',
    await page.locator('#fig-train [data-role="loss"]').textContent(),
    '|',
    await page.locator('#fig-train [data-role="warning"]').textContent(),
  );
}
await page.screenshot({ path: '/tmp/ch8-train.png' });
await context.close();
server.close();
