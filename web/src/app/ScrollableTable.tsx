import { type ReactNode, useEffect, useRef, useState } from "react";

/**
 * DKFDS's responsive table wrapper: on a narrow screen a wide table scrolls
 * sideways inside it. While it does, the wrapper is a named, focusable region,
 * so that a keyboard user can scroll it too (WCAG 2.1.1; axe's
 * scrollable-region-focusable); where the table fits there is no extra tab stop.
 */
export function ScrollableTable({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className="table--responsive-scroll"
      {...(scrolls ? { role: "region", "aria-label": label, tabIndex: 0 } : {})}
    >
      {children}
    </div>
  );
}
