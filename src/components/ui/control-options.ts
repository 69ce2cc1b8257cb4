/**
 * The options a segmented control or a drop-down offers for a parameter (Segmented.astro,
 * Select.astro): the parameter's own values, in its order, each with the label its figure
 * shows. The values come from the state module, so they are written once; a figure gives only
 * the labels, and a value it has no label for (or a label for a value the parameter lacks)
 * fails the build.
 */
import { controlId, type ParamControlProps } from './control-props.ts';
import type { Param } from './params.ts';

/**
 * A figure's labels for a parameter's values: keyed by the value as the URL writes it, or a
 * function of that value and its place in the list.
 */
export type OptionLabels = Readonly<Record<string, string>> | ((value: string, index: number) => string);

/** What a control renders: its options and the one it is built with. */
export interface ControlOptions {
  /** `[value as the URL writes it, label]`, in the parameter's order. */
  options: [value: string, label: string][];
  /** The default, as the URL writes it: the option a page is built with (pages render the default state). */
  value: string;
}

/** The most options a number parameter may list (a drop-down of 39 joints is the longest today). */
export const MAX_LISTED_NUMBERS = 100;

/** The values a parameter offers as a list: a choice parameter's values, or every step of a number parameter. */
function listedValues(param: Param<unknown>, key: string): string[] {
  const { control } = param;
  if (control.kind === 'choice') return [...control.values];
  if (control.kind === 'number') {
    const count = Math.round((control.max - control.min) / control.step) + 1;
    if (!(count >= 1 && count <= MAX_LISTED_NUMBERS))
      throw new Error(`'${key}' has ${count} steps: too many to list as options (at most ${MAX_LISTED_NUMBERS})`);
    return Array.from({ length: count }, (_, i) => param.format(control.min + i * control.step));
  }
  throw new Error(`'${key}' is not a choice or number parameter of this schema`);
}

/**
 * The options of parameter `key` of `schema` (a figure's spec's `params`), labelled by `labels`.
 * A choice parameter offers its values; a number parameter (a joint index) every step from its
 * min to its max. Throws, failing the build, when `key` is neither, when a value has no label,
 * or when `labels` names a value the parameter does not have.
 */
export function controlOptions(
  schema: Readonly<Record<string, Param<unknown>>>,
  key: string,
  labels: OptionLabels,
): ControlOptions {
  const param = schema[key];
  if (!param) throw new Error(`'${key}' is not a parameter of this figure`);
  const values = listedValues(param, key);
  if (typeof labels !== 'function') {
    const unknown = Object.keys(labels).filter((v) => !values.includes(v));
    if (unknown.length) throw new Error(`'${key}' has no value ${unknown.map((v) => `'${v}'`).join(', ')} to label`);
  }
  const options = values.map((value, index): [string, string] => {
    const label = typeof labels === 'function' ? labels(value, index) : labels[value];
    if (!label) throw new Error(`'${key}': the value '${value}' has no label`);
    return [value, label];
  });
  return { options, value: param.format(param.default) };
}

/** The props of a control that lists the parameter's values (Segmented, Select). */
export interface OptionControlProps extends ParamControlProps {
  /** Each value's label: by value, or a function of the value and its place. */
  labels: OptionLabels;
}

/** What a control with `props` renders: its id (`controlId`), its options and the one it is built with. */
export function optionControl(props: OptionControlProps): ControlOptions & { id: string } {
  return { id: controlId(props), ...controlOptions(props.params, props.param, props.labels) };
}
