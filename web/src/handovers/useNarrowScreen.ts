import { useEffect, useState } from "react";

/** Under 600 CSS px the worklist's rows become cards (issue 21, §8). */
export const NARROW_QUERY = "(max-width: 599.98px)";

/**
 * How long the screen must stay on the other side of 600 px before the layout
 * follows. Switching rows and cards remounts them, which closes an open decline
 * or send-on form; a passing flip (a window dragged across, or the browser
 * briefly re-laying out the page for a full-page capture) must not.
 */
export const SETTLE_MS = 150;

function narrowNow(): boolean {
  return typeof window !== "undefined" && window.matchMedia(NARROW_QUERY).matches;
}

/** True while the screen is narrower than 600 px; follows a rotated phone or a resized window. */
export function useNarrowScreen(): boolean {
  const [narrow, setNarrow] = useState(narrowNow);
  useEffect(() => {
    const query = window.matchMedia(NARROW_QUERY);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChange = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setNarrow(query.matches), SETTLE_MS);
    };
    query.addEventListener("change", onChange);
    // A change between the first render and this effect is not missed.
    setNarrow(query.matches);
    return () => {
      clearTimeout(timer);
      query.removeEventListener("change", onChange);
    };
  }, []);
  return narrow;
}
