/**
 * Which rows of a long log to render (a windowed list): only those near the visible part, with spacers
 * standing for the rest. Rows may differ in height (a packet can wrap over lines), so the spacers use the
 * average height measured on the rows rendered last; the scroll bar is approximate, the rows shown are
 * exact. Short logs (up to `renderAllBelow` rows) are rendered whole.
 */
export interface WindowInput {
  readonly count: number;
  /** Scroll position and height of the scrolling box, px. */
  readonly scrollTop: number;
  readonly viewport: number;
  /** Average height of a row, px (> 0). */
  readonly rowHeight: number;
  /** The view sticks to the newest row (it was scrolled to the bottom). */
  readonly follow: boolean;
  /** Extra rows above and below the visible ones. */
  readonly overscan?: number;
  readonly renderAllBelow?: number;
}

export interface WindowRange {
  /** First row rendered (inclusive) and the end (exclusive). */
  readonly start: number;
  readonly end: number;
  /** Height of the spacers before and after the rendered rows, px. */
  readonly padTop: number;
  readonly padBottom: number;
}

export const RENDER_ALL_BELOW = 200;
export const OVERSCAN = 10;

export function windowRange(input: WindowInput): WindowRange {
  const { count, viewport } = input;
  const rowHeight = Math.max(1, input.rowHeight);
  const overscan = input.overscan ?? OVERSCAN;
  if (count <= (input.renderAllBelow ?? RENDER_ALL_BELOW))
    return { start: 0, end: count, padTop: 0, padBottom: 0 };
  const visible = Math.max(1, Math.ceil(Math.max(0, viewport) / rowHeight));
  let start: number;
  if (input.follow) start = count - visible - overscan;
  else start = Math.floor(Math.max(0, input.scrollTop) / rowHeight) - overscan;
  start = Math.max(0, Math.min(start, count - 1));
  const end = Math.min(count, start + visible + 2 * overscan);
  start = Math.max(0, Math.min(start, end - visible - 2 * overscan));
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight };
}
