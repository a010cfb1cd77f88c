import { useTranslation } from "react-i18next";

/** The page size the worklist asks for (the API's default). */
export const PAGE_SIZE = 50;

/** "Showing 51–100 of 166" with previous and next: a long list is read a page at a time. */
export function Pager({
  total,
  offset,
  label,
  onOffset,
}: {
  total: number;
  offset: number;
  /** What the pager pages, for screen readers ("Sider i arbejdslisten"). */
  label: string;
  onOffset: (offset: number) => void;
}) {
  const { t } = useTranslation();
  if (total === 0) return null;
  const last = Math.min(offset + PAGE_SIZE, total);
  return (
    <nav className="worklist-pager" aria-label={label}>
      <p className="worklist-pager-status" aria-live="polite">
        {t("worklist.pager.showing", { from: Math.min(offset + 1, total), to: last, total })}
      </p>
      {total > PAGE_SIZE && (
        <div className="worklist-pager-buttons">
          <button
            type="button"
            className="button button-secondary"
            disabled={offset === 0}
            onClick={() => onOffset(Math.max(0, offset - PAGE_SIZE))}
          >
            {t("worklist.pager.previous")}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={last >= total}
            onClick={() => onOffset(offset + PAGE_SIZE)}
          >
            {t("worklist.pager.next")}
          </button>
        </div>
      )}
    </nav>
  );
}

/** Where to go when a refresh leaves the page shown empty (its rows were confirmed): the last page. */
export function lastPageOffset(total: number): number {
  return total === 0 ? 0 : Math.floor((total - 1) / PAGE_SIZE) * PAGE_SIZE;
}
