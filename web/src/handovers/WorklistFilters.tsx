import { useTranslation } from "react-i18next";

export type Filters = {
  view: "awaiting" | "all";
  sector: "" | "municipality" | "general-practice";
  overdueOnly: boolean;
  name: string;
  sort: "deadline" | "newest";
};

export const NO_FILTERS: Filters = {
  view: "awaiting",
  sector: "",
  overdueOnly: false,
  name: "",
  sort: "deadline",
};

/** "All, also confirmed and closed": every status, as the API's `status` list. */
const EVERY_STATUS = "open,declined,confirmed,closed";

/** The query the server filters by; the name never goes in a URL (see `searchBody`). */
export function worklistQuery(f: Filters): string {
  const q = new URLSearchParams();
  if (f.view === "all") q.set("status", EVERY_STATUS);
  if (f.sector) q.set("sector", f.sector);
  if (f.overdueOnly) q.set("overdue", "true");
  if (f.sort === "newest") q.set("sort", "newest");
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** A search by name: the same filters, with the name in the body of a POST. */
export function searchBody(f: Filters, name: string) {
  return {
    name,
    ...(f.view === "all" ? { status: EVERY_STATUS } : {}),
    ...(f.sector ? { sector: f.sector } : {}),
    ...(f.overdueOnly ? { overdue: true } : {}),
    sort: f.sort,
  };
}

export function WorklistFilters({
  value,
  onChange,
  withNames,
}: {
  value: Filters;
  onChange: (f: Filters) => void;
  /** A body's coordinators see no names (no relation to the citizens), so cannot filter by them. */
  withNames: boolean;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="worklist-filters">
      <legend className="sr-only">{t("worklist.filters.legend")}</legend>
      <div className="form-group">
        <label className="form-label" htmlFor="filter-view">
          {t("worklist.filters.view")}
        </label>
        <select
          id="filter-view"
          className="form-select"
          value={value.view}
          onChange={(e) => onChange({ ...value, view: e.target.value as Filters["view"] })}
        >
          <option value="awaiting">{t("worklist.filters.awaiting")}</option>
          <option value="all">{t("worklist.filters.all")}</option>
        </select>
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor="filter-sector">
          {t("worklist.filters.sector")}
        </label>
        <select
          id="filter-sector"
          className="form-select"
          value={value.sector}
          onChange={(e) => onChange({ ...value, sector: e.target.value as Filters["sector"] })}
        >
          <option value="">{t("worklist.filters.bothSectors")}</option>
          <option value="municipality">{t("worklist.filters.municipality")}</option>
          <option value="general-practice">{t("worklist.filters.generalPractice")}</option>
        </select>
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor="filter-sort">
          {t("worklist.filters.sort")}
        </label>
        <select
          id="filter-sort"
          className="form-select"
          value={value.sort}
          onChange={(e) => onChange({ ...value, sort: e.target.value as Filters["sort"] })}
        >
          <option value="deadline">{t("worklist.filters.byDeadline")}</option>
          <option value="newest">{t("worklist.filters.newest")}</option>
        </select>
      </div>
      {withNames && (
        <div className="form-group">
          <label className="form-label" htmlFor="filter-name">
            {t("worklist.filters.name")}
          </label>
          <input
            id="filter-name"
            className="form-input"
            type="search"
            value={value.name}
            onChange={(e) => onChange({ ...value, name: e.target.value })}
          />
        </div>
      )}
      <div className="form-group form-group-checkbox">
        <input
          id="overdue-only"
          type="checkbox"
          className="form-checkbox"
          checked={value.overdueOnly}
          onChange={(e) => onChange({ ...value, overdueOnly: e.target.checked })}
        />
        <label htmlFor="overdue-only">{t("worklist.overdueOnly")}</label>
      </div>
    </fieldset>
  );
}
