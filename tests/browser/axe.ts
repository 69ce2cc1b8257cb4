/** Axe on a page, reduced to what the browser tests assert: no serious or critical violation. */
import axe from 'axe-core';
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
 * axe-core runs in the page itself, put there once per page, and reports its violations only.
 * (`@axe-core/playwright`, used before, put axe's 560 KB script into the page twice per check and
 * returned every passing node as well: every page's light and dark check took 78 s of CPU here
 * through it, 50 s this way.) The site has no frames, so axe has none to enter.
 */
export async function seriousViolations(page: Page, options: AxeOptions | string = {}): Promise<string[]> {
  const { include, rules } = typeof options === 'string' ? { include: options } : options;
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(
    ([within, only]) =>
      (window as unknown as { axe: typeof axe }).axe
        .run(within === null ? document : { include: [within] }, {
          resultTypes: ['violations'],
          ...(only ? { runOnly: { type: 'rule', values: only } } : {}),
        })
        .then((results) =>
          results.violations.map((v) => ({
            id: v.id,
            help: v.help,
            impact: v.impact,
            nodes: v.nodes.map((n) => n.target.join(' ')),
          })),
        ),
    [include ?? null, rules ? [...rules] : null] as const,
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.join(', ')})`);
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
