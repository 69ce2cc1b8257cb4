/**
 * The props every control of a figure's parameter takes (Slider, Segmented, Select, NumberField,
 * TextField): what it sets is named once, in the figure's spec, and the control reads its range,
 * step or choices and its starting value from there.
 */
import type { Param } from './params.ts';

export interface ParamControlProps {
  /** The figure's id, so that ids are unique and stable across builds. */
  figure: string;
  /** The figure's parameters (its spec's `params`): `param` must be one of them, of the control's kind. */
  params: Readonly<Record<string, Param<unknown>>>;
  param: string;
  label: string;
}

/** A control's element id (a radio group's name): unique in the page and stable across builds. */
export const controlId = ({ figure, param }: Pick<ParamControlProps, 'figure' | 'param'>): string =>
  `${figure}-${param}`;
