/** Axe on a page, reduced to what the browser tests assert: no serious or critical violation. */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * The rules whose verdict can change with the colour scheme: the site's dark mode changes colours
 * and filters only (src/styles/global.css), never what is shown or how it is named, so a page that
 * passes every rule in light mode is checked in dark mode by these alone.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

export interface AxeOptions {
  /** Check only within this selector. */
  include?: string;
  /** Run only these rules (all of axe's default rules otherwise). */
  rules?: readonly string[];
}

/**
 * Axe's serious and critical violations on the page, one line each.
 *
 * Axe runs as `axe.run` in the page itself (the builder's legacy mode). Its default runs axe in
 * every frame and assembles the results in a new blank tab: 1.6 times slower here
 * (measured on chapter 10, all rules: 4.6 s against 2.9 s), and the new tab takes the foreground from the
 * page under test, where headless Chromium may stop its frames. The site has no cross-origin
 * frames, the one thing legacy mode leaves out.
 */
export async function seriousViolations(page: Page, options: AxeOptions | string = {}): Promise<string[]> {
  const { include, rules } = typeof options === 'string' ? { include: options } : options;
  let builder = new AxeBuilder({ page }).setLegacyMode(true);
  if (include) builder = builder.include(include);
  if (rules) builder = builder.withRules([...rules]);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * The page's serious and critical violations in light mode (every rule), then in dark mode (the
 * colour rules), on one visit. The page is left in dark mode.
 */
export async function seriousViolationsLightAndDark(page: Page, include?: string): Promise<string[]> {
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await seriousViolations(page, { include });
  // Axe reads computed styles, which follow the emulated scheme at once.
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await seriousViolations(page, { include, rules: COLOUR_RULES });
  return [...light.map((v) => `light: ${v}`), ...dark.map((v) => `dark: ${v}`)];
}
