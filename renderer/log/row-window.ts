/**
 * Which rows of a fixed-height list are in view: O(1) whatever the length, so a log of 200,000
 * rows costs no more to render than one of 20 (a general virtualizer measures every row it has).
 */
export interface RowWindow {
  first: number;
  /** One past the last row to render. */
  end: number;
  /** The list's full height, px. */
  total: number;
  /** Where the view starts, px (the bottom, when following). */
  top: number;
}

export function rowWindow(
  count: number,
  scrollTop: number,
  height: number,
  rowHeight: number,
  overscan: number,
  following: boolean,
): RowWindow {
  const total = count * rowHeight;
  const maxTop = Math.max(0, total - height);
  const top = following ? maxTop : Math.min(Math.max(0, scrollTop), maxTop);
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((top + height) / rowHeight) + overscan);
  return { first, end, total, top };
}
