/** The page size the worklist asks for (the API's default). */
export const PAGE_SIZE = 50;

/** Where to go when a refresh leaves the page shown empty (its rows were confirmed): the last page. */
export function lastPageOffset(total: number): number {
  return total === 0 ? 0 : Math.floor((total - 1) / PAGE_SIZE) * PAGE_SIZE;
}

/** Pages left out of a pager, before or after the current one's neighbourhood. */
export type Gap = "gap-before" | "gap-after";

/**
 * The page numbers a pager shows, DKFDS's way: all of them up to seven,
 * else the first and the last with the current one's neighbourhood and a
 * gap where pages are left out (1 2 3 4 5 … 9, 1 … 4 5 6 … 9, 1 … 5 6 7 8 9).
 */
export function pageNumbers(current: number, pages: number): (number | Gap)[] {
  const range = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => from + i);
  if (pages <= 7) return range(1, pages);
  if (current < 5) return [...range(1, 5), "gap-after", pages];
  if (current + 4 > pages) return [1, "gap-before", ...range(pages - 4, pages)];
  return [1, "gap-before", current - 1, current, current + 1, "gap-after", pages];
}

/**
 * "Viser 1–51 af 166": what the pager says is shown. Rows the page keeps
 * after they left the list (decided here, with "Fortryd" for a while) are on
 * screen too, above the page's rows, so they are counted in both the range
 * and the total; the pages themselves are the server's.
 */
export function shownRange(
  total: number,
  offset: number,
  kept: number,
): { from: number; to: number; total: number } {
  const all = total + kept;
  return {
    from: Math.min(offset + 1, all),
    to: Math.min(offset + PAGE_SIZE, total) + kept,
    total: all,
  };
}
