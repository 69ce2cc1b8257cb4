/** A server-side DOM for drawing the figures' charts in tests, and what the tests read of a chart. */
import { parseHTML } from 'linkedom';
import type { ChartFrame } from '../../../src/components/ui/parts.ts';

/** A fresh server-side document, as the build draws charts into. */
export const doc = (): Document =>
  parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;

/** A 480 px frame on a fresh document. */
export const frame = (): ChartFrame => ({ width: 480, document: doc() });

/** The chart's label and description, as a screen reader gets them. */
export const aria = (chart: Element) => ({
  label: chart.getAttribute('aria-label'),
  description: chart.querySelector('desc')?.textContent ?? chart.getAttribute('aria-description'),
});

/** The marks of class `className` (lines, rules, dots). */
export const marks = (chart: Element, className: string) => [...chart.querySelectorAll(`g.${className}`)];

/** Every number in an SVG path, transform or view box, so that a typographic minus cannot slip in. */
export const numbersOf = (text: string) => text.match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
