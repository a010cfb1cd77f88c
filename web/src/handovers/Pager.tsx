import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Icon } from "../components/Icon";
import { PAGE_SIZE, pageNumbers, shownRange } from "./pages";

/**
 * "Viser 51–100 af 166" and DKFDS's pagination under a table: a long list
 * is read a page at a time. `offset` is the page shown (the answer's), so
 * the pager moves when the rows do.
 */
export function Pager({
  total,
  offset,
  label,
  onOffset,
  kept = 0,
}: {
  total: number;
  offset: number;
  /** Rows shown above the page that the list no longer holds (decided, with "Fortryd"). */
  kept?: number;
  /** What the pager pages, for screen readers ("Sider i arbejdslisten"). */
  label: string;
  onOffset: (offset: number) => void;
}) {
  const { t } = useTranslation();
  const group = useRef<HTMLElement>(null);
  const moved = useRef(false);
  const shown = useRef(0);
  const pages = Math.ceil(total / PAGE_SIZE);
  const current = Math.floor(offset / PAGE_SIZE) + 1;
  // The arrows hide on the first and the last page; focus then goes to the
  // current page's button rather than falling back to the top of the page.
  useEffect(() => {
    if (shown.current === current) return;
    shown.current = current;
    if (!moved.current) return;
    moved.current = false;
    const focused = document.activeElement;
    if (!focused || !group.current?.contains(focused) || focused.closest(".hidden"))
      group.current?.querySelector<HTMLElement>("button.current-page")?.focus();
  }, [current]);
  if (total + kept === 0) return null;
  const go = (page: number) => {
    if (page === current) return;
    moved.current = true;
    onOffset((page - 1) * PAGE_SIZE);
  };
  const arrow = (to: number, kind: "previous" | "next", visible: boolean) => (
    <button
      type="button"
      className={`button button-arrow button-${kind}${visible ? "" : " hidden"}`}
      aria-label={t(`worklist.pager.${kind}`)}
      onClick={() => go(to)}
    >
      {kind === "previous" && <Icon name="chevron-left" />}
      <span className="pagination-nav-link">{t(`worklist.pager.${kind}Short`)}</span>
      {kind === "next" && <Icon name="chevron-right" />}
    </button>
  );
  return (
    <div className="worklist-pager">
      <p className="worklist-pager-status" aria-live="polite" aria-atomic="true">
        {t("worklist.pager.showing", shownRange(total, offset, kept))}
      </p>
      {pages > 1 && (
        <nav className="pagination" aria-label={label} ref={group}>
          {arrow(current - 1, "previous", current > 1)}
          <span className="pagination-mobile">
            {t("worklist.pager.pageOf", { page: current, pages })}
          </span>
          <ul className="pagination__items">
            {pageNumbers(current, pages).map((page) =>
              typeof page === "string" ? (
                <li key={page} className="pagination-item pagination-overflow">
                  <span aria-hidden="true">…</span>
                </li>
              ) : (
                <li key={page} className="pagination-item pagination-number">
                  <button
                    type="button"
                    className={page === current ? "button current-page" : "button button-secondary"}
                    aria-label={t("worklist.pager.page", { page })}
                    aria-current={page === current ? "true" : undefined}
                    onClick={() => go(page)}
                  >
                    {page}
                  </button>
                </li>
              ),
            )}
          </ul>
          {arrow(current + 1, "next", current < pages)}
        </nav>
      )}
    </div>
  );
}
