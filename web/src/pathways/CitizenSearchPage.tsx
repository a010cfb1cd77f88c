import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { sendJson } from "../access/session-api";
import { describedBy, FieldError, FormProblem, useFormProblems } from "../components/FormErrors";

type SearchResult = { results: { id: string }[] };

/**
 * Search by CPR number. The number travels in the request body only, never in
 * the URL or the browser history, and every search is audited on the server.
 */
export function CitizenSearchPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [cpr, setCpr] = useState("");
  const [purpose, setPurpose] = useState("");
  const search = useMutation({
    mutationFn: (body: { cpr: string; purpose?: string }) =>
      sendJson<SearchResult>("POST", "/api/citizens/search", body),
    onSuccess: (found, body) => {
      const first = found.results[0];
      if (first) {
        navigate(`/borgere/${first.id}/forloeb`, {
          state: body.purpose ? { purpose: body.purpose } : null,
        });
      }
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    search.mutate({ cpr: cpr.trim(), ...(purpose.trim() ? { purpose: purpose.trim() } : {}) });
  };
  const inputs = {
    cpr: { inputId: "search-cpr", label: t("search.cpr") },
    purpose: { inputId: "search-purpose", label: t("search.purpose") },
  };
  const { errorOf } = useFormProblems(search.error, inputs);
  const cprError = errorOf("cpr");
  const purposeError = errorOf("purpose");
  const nothingFound = search.isSuccess && search.data.results.length === 0;

  return (
    <>
      <title>{`${t("search.title")} – ${t("app.name")}`}</title>
      <h1>{t("search.title")}</h1>
      <p className="font-lead">{t("search.intro")}</p>
      <form className="citizen-search" onSubmit={submit} autoComplete="off" noValidate>
        <div className={`form-group${cprError ? " form-error" : ""}`}>
          <label className="form-label" htmlFor="search-cpr">
            {t("search.cpr")}
          </label>
          <span className="form-hint" id="search-cpr-hint">
            {t("search.cprHint")}
          </span>
          <FieldError id="search-cpr-error" message={cprError} />
          <input
            className="form-input input-width-s"
            id="search-cpr"
            name="cpr"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            {...describedBy("search-cpr", { hint: true, error: cprError })}
            value={cpr}
            onChange={(e) => setCpr(e.target.value)}
            required
          />
        </div>
        <div className={`form-group${purposeError ? " form-error" : ""}`}>
          <label className="form-label" htmlFor="search-purpose">
            {t("search.purpose")}
          </label>
          <span className="form-hint" id="search-purpose-hint">
            {t("search.purposeHint")}
          </span>
          <FieldError id="search-purpose-error" message={purposeError} />
          <input
            className="form-input"
            id="search-purpose"
            name="purpose"
            maxLength={200}
            {...describedBy("search-purpose", { hint: true, error: purposeError })}
            value={purpose}
            onChange={(e) => setPurpose(e.target.value)}
          />
        </div>
        <button type="submit" className="button button-primary mt-4" disabled={search.isPending}>
          {t("search.submit")}
        </button>
      </form>
      <div aria-live="polite" className="mt-6">
        <FormProblem error={search.error} inputs={inputs} />
        {nothingFound && (
          <div className="alert alert-info">
            <div className="alert-body">
              <p className="alert-heading">{t("search.noResult")}</p>
              <p className="alert-text">{t("search.noResultHint")}</p>
            </div>
          </div>
        )}
      </div>
    </>
  );
}
