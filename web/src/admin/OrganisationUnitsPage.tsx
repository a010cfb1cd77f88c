import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorOrForbidden } from "../access/RequireLogin";
import { getJson } from "../api/client";
import { Loading } from "../components/Loading";
import { AddUnitForm } from "./AddUnitForm";
import { AdminNav } from "./AdminNav";
import { ImportUnitsForm } from "./ImportUnitsForm";
import { OrganisationContactForm } from "./OrganisationContactForm";
import { useOperationsText } from "./text";
import { type OrganisationUnit, UNIT_KINDS, type UnitKind } from "./types";
import { UnitsTable } from "./UnitsTable";

/** The organisation register: SOR-coded units, added one by one or imported from a file. */
export function OrganisationUnitsPage() {
  const { t } = useTranslation();
  const o = useOperationsText();
  const [kind, setKind] = useState<UnitKind | "">("");
  const [search, setSearch] = useState("");
  const [query, setQuery] = useState("");
  const units = useQuery({
    queryKey: ["admin", "units", kind, query],
    queryFn: ({ signal }) => {
      const params = new URLSearchParams();
      if (kind) params.set("kind", kind);
      if (query) params.set("q", query);
      return getJson<OrganisationUnit[]>(`/api/admin/organisation-units?${params}`, signal);
    },
  });
  const submitSearch = (e: FormEvent) => {
    e.preventDefault();
    setQuery(search.trim());
  };

  if (units.isError)
    return <ErrorOrForbidden error={units.error} onRetry={() => void units.refetch()} />;
  return (
    <>
      <title>{`${o("units.title")} – ${t("app.name")}`}</title>
      <AdminNav />
      <h1>{o("units.title")}</h1>
      <p className="font-lead">{o("units.intro")}</p>
      <form className="units-filter" onSubmit={submitSearch}>
        <div className="form-group">
          <label className="form-label" htmlFor="units-kind">
            {o("units.filterKind")}
          </label>
          <select
            id="units-kind"
            className="form-select"
            value={kind}
            onChange={(e) => setKind(e.target.value as UnitKind | "")}
          >
            <option value="">{o("units.allKinds")}</option>
            {UNIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {o(`units.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="units-search">
            {o("units.search")}
          </label>
          <input
            id="units-search"
            className="form-input"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <button type="submit" className="button button-secondary">
          {o("units.searchButton")}
        </button>
      </form>
      {units.isPending ? <Loading /> : <UnitsTable units={units.data} />}
      <div className="row mt-7">
        <div className="col-12 col-lg-6">
          <AddUnitForm />
        </div>
        <div className="col-12 col-lg-6">
          <ImportUnitsForm />
        </div>
      </div>
      <div className="row mt-7">
        <div className="col-12 col-lg-6">
          <OrganisationContactForm />
        </div>
      </div>
    </>
  );
}
