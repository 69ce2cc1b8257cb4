/** A server-side DOM for drawing chapter 10's charts in tests, and what the tests read of a chart. */
import { parseHTML } from 'linkedom';
import type { ChartFrame } from '../../../../src/components/ui/parts.ts';

/** A 480 px frame on a fresh document. */
export const frame = (): ChartFrame => ({
  width: 480,
  document: parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document,
});

/** The chart's label and description, as a screen reader gets them. */
export const aria = (chart: Element) => ({
  label: chart.getAttribute('aria-label'),
  description: chart.querySelector('desc')?.textContent ?? chart.getAttribute('aria-description'),
});

/** The marks of class `className` (lines, rules, dots). */
export const marks = (chart: Element, className: string) => [...chart.querySelectorAll(`g.${className}`)];
