/**
 * A heatmap drawn on a canvas, one canvas pixel per map cell (scaled up by CSS with crisp
 * edges), with the value under the pointer or the keyboard cursor shown in a readout.
 * The canvas is focusable: arrow keys move a cursor cell.
 */
import { colorize, domainOf, type Palette } from './colormap.ts';
import { ARROW_STEPS } from './arrow-keys.ts';
import { fmt } from './format.ts';
import { listen } from './listen.ts';

export interface HeatmapViewOptions {
  canvas: HTMLCanvasElement;
  /** Where "(x, y) = value" is written on hover and focus. */
  readout: HTMLElement;
  /** Called with the cell under the pointer or keyboard cursor, or null when it leaves. */
  onCursor?: (cell: { x: number; y: number } | null) => void;
  /** Called when a cell is clicked or Enter is pressed on it. */
  onPick?: (cell: { x: number; y: number }) => void;
  palette?: Palette;
  /** The readout's text for a cell; by default "cell (x, y) = value". */
  describe?: (cell: { x: number; y: number }, value: number) => string;
}

export interface HeatmapView {
  draw(values: ArrayLike<number>, w: number, h: number, domain?: [number, number]): void;
  destroy(): void;
}

export function createHeatmapView({
  canvas,
  readout,
  onCursor,
  onPick,
  palette = 'viridis',
  describe,
}: HeatmapViewOptions): HeatmapView {
  const ctx = canvas.getContext('2d');
  let values: ArrayLike<number> = [];
  let w = 0;
  let h = 0;
  let cursor: { x: number; y: number } | null = null;
  let pixels: ImageData | undefined;

  const show = (): void => {
    if (!cursor || !w) {
      readout.textContent = '';
      onCursor?.(null);
      return;
    }
    const v = values[cursor.y * w + cursor.x] as number;
    readout.textContent = describe ? describe(cursor, v) : `cell (${cursor.x}, ${cursor.y}) = ${fmt(v, 4)}`;
    onCursor?.(cursor);
  };

  const onPointer = (event: PointerEvent): void => {
    const rect = canvas.getBoundingClientRect();
    const x = Math.floor(((event.clientX - rect.left) / rect.width) * w);
    const y = Math.floor(((event.clientY - rect.top) / rect.height) * h);
    cursor = x >= 0 && y >= 0 && x < w && y < h ? { x, y } : null;
    show();
  };
  const onLeave = (): void => {
    if (document.activeElement !== canvas) {
      cursor = null;
      show();
    }
  };
  const onClick = (): void => {
    if (cursor) onPick?.(cursor);
  };
  const onKey = (event: KeyboardEvent): void => {
    if ((event.key === 'Enter' || event.key === ' ') && cursor && onPick) {
      event.preventDefault();
      onPick(cursor);
      return;
    }
    const move = ARROW_STEPS[event.key];
    if (!move || !w) return;
    event.preventDefault();
    const c = cursor ?? { x: Math.floor(w / 2), y: Math.floor(h / 2) };
    cursor = { x: Math.min(w - 1, Math.max(0, c.x + move[0])), y: Math.min(h - 1, Math.max(0, c.y + move[1])) };
    show();
  };
  const onFocus = (): void => {
    cursor ??= { x: Math.floor(w / 2), y: Math.floor(h / 2) };
    show();
  };
  const onBlur = (): void => {
    cursor = null;
    show();
  };

  const unlisten = listen(canvas, {
    pointermove: onPointer,
    pointerleave: onLeave,
    keydown: onKey,
    click: onClick,
    focus: onFocus,
    blur: onBlur,
  });

  return {
    draw(next, nw, nh, domain) {
      values = next;
      if (nw !== w || nh !== h || !pixels) {
        w = nw;
        h = nh;
        canvas.width = w;
        canvas.height = h;
        pixels = ctx?.createImageData(w, h);
      }
      if (ctx && pixels) {
        colorize(values, domain ?? domainOf(values), pixels.data, palette);
        ctx.putImageData(pixels, 0, 0);
      }
      if (cursor) show();
    },
    destroy: unlisten,
  };
}
