/**
 * The parts a figure spec is made of (`FigureSpec` in `figure.ts`): map panels, draggable handles,
 * charts, drawn blocks, actions and a publication. Each part states what it shows or asks for;
 * the framework (`mount-figure.ts`) wires it to the DOM and redraws it when what it reads changes.
 */
import type { Point } from '../../lib/index.ts';
import type { Publication } from './published.ts';

/** A map panel's picture: `values` [h, w] row-major, coloured over `domain` (default: its range). */
export interface MapDraw {
  values: ArrayLike<number>;
  w: number;
  h: number;
  domain?: [number, number];
  /** What the canvas is for a screen reader, when it changes with the picture (default: the markup's). */
  label?: string;
}

/** A heatmap drawn in the `MapPanel` named like its key. */
export interface MapPart<S, D> {
  draw(data: D, state: Readonly<S>): MapDraw;
  /** The readout's text for the cell under the pointer or keyboard cursor. */
  describe?(cell: Point, value: number, data: D): string;
  /** A click (or Enter) on a cell: the state it asks for. */
  pick?(cell: Point, data: D, state: Readonly<S>): Partial<S>;
}

/** A rectangle in a surface's user units. */
export interface Bounds {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/**
 * A draggable point (Handle.astro, `data-role` = `role`) on the SVG whose `data-role` is
 * `surface`. Several handles may share a surface: a press moves the nearest active one.
 */
export interface HandlePart<S> {
  role: string;
  surface: string;
  bounds: Bounds;
  /** Where the handle is, in the surface's units. */
  get(state: Readonly<S>): Point;
  /** The state a drag or key press to `p` asks for. */
  set(p: Point, state: Readonly<S>): Partial<S>;
  /** The slider's value text, such as "x 101.3 px, y 47.0 px". */
  describe(p: Point): string;
  /** Whether the handle can be grabbed in this state (default: always). */
  active?(state: Readonly<S>): boolean;
  /** Arrow key steps, with and without Shift (default 0.1 and 1). */
  fineStep?: number;
  coarseStep?: number;
}

/** What a chart is drawn into: its width in CSS pixels, and a document at build time. */
export interface ChartFrame {
  width: number;
  document?: Document;
}

/**
 * An Observable Plot chart in the element whose `data-role` is `role` (default "chart"),
 * redrawn when a key in `keys`, the data from outside the store, or the box's width changes.
 * Data that costs more than a redraw (a sweep) goes through `memoOn`, keyed on fewer keys.
 */
export interface ChartPart<S, D> {
  role?: string;
  /** Makes the chart a slider too: arrow keys step a key, a press or drag on it sets it. */
  slider?: ChartSlider<S, D>;
  /** The state the drawing reads. */
  keys: readonly (keyof S & string)[];
  /** `data` is the figure's own (what `build` returned). */
  draw(state: Readonly<S>, frame: ChartFrame, data: D): Element;
  announce?(state: Readonly<S>, data: D): string;
}

/**
 * A chart that is also a slider over one numeric key of the state (figure 1.2's row, 2.2's
 * offset): focusable, announced as a slider, stepped by the arrow keys (`coarse`, or `fine`
 * with Shift), and set by a press or a horizontal drag at the chart's x value.
 */
export interface ChartSlider<S, D> {
  /** The slider's accessible name. */
  label: string;
  key: keyof S & string;
  min: number;
  max: number;
  fine: number;
  coarse: number;
  /** The value text, such as "x 101.3 input pixels". */
  describe(state: Readonly<S>): string;
  /** The state a press at the chart's x value asks for (default: that value for `key`). */
  fromChart?(x: number, state: Readonly<S>, data: D): Partial<S>;
}

/**
 * An element whose children the figure draws: a table's rows, a legend, marks on a map's
 * overlay. `rows` picks what it shows from the figure's data; the framework redraws it (with
 * `draw`) only when that changes, compared as JSON, so an unchanged list is left alone (a screen
 * reader does not hear it again). Make one with {@link block}.
 */
export interface BlockPart<S, D> {
  role: string;
  /** Draws the block if what it shows changed since `last`; returns what it shows now (as JSON). */
  redraw(data: D, state: Readonly<S>, into: Element, last: string | undefined): string;
}

/** A block in the element of `role`: `rows` picks what it shows, `draw` makes its children. */
export function block<S, D, R>(
  role: string,
  rows: (data: D, state: Readonly<S>) => R,
  draw: (rows: R, document: Document) => Node[],
): BlockPart<S, D> {
  return {
    role,
    redraw(data, state, into, last) {
      const shown = rows(data, state);
      const key = JSON.stringify(shown) ?? '';
      if (key !== last) into.replaceChildren(...draw(shown, into.ownerDocument));
      return key;
    },
  };
}

/**
 * A named state patch: what a button of the figure with `data-action` = its name asks for (its
 * `data-value`, if any, comes as `value`). Reseeding, stepping, picking a tile or a table row.
 */
export type ActionPart<S, D> = (state: Readonly<S>, value: string | undefined, data: D) => Partial<S>;

/**
 * A value the figure publishes for the exercises (`ui/published.ts`) after each render that
 * changes it: what it computed that is not in its state, or its builder bound to its setting.
 */
export interface PublishPart<S, D, X, T> {
  key: Publication<T>;
  value(data: D, state: Readonly<S>, external: X): T;
}
