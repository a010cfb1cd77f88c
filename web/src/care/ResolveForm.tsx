import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { sendJson } from "../access/session-api";
import { ApiError, getJson } from "../api/client";
import { useCareText } from "../app/care-text";
import { FieldError, fieldProblems, reasonFor } from "../components/FormErrors";
import { ProblemAlert } from "../components/ProblemAlert";
import { notificationsKey } from "../notifications/api";
import type { FollowUpItem, Practice, ResolutionKind } from "./types";

/** As the server requires (src/follow-ups/model.ts, NOT_NEEDED_MIN_REASON). */
const MIN_REASON = 10;
const KINDS: ResolutionKind[] = ["outpatient-clinic", "practice", "not-needed"];

type Missing = Partial<Record<"kind" | "clinic" | "practice" | "reason", string>>;

/**
 * Names who follows up on a discharge without a GP: the hospital's own
 * outpatient clinic, a practice from the organisation register, or that
 * none is needed, with a reason. What is missing or refused is said at its
 * field.
 */
export function ResolveForm({ item, name }: { item: FollowUpItem; name: string }) {
  const tc = useCareText();
  const { t } = useTranslation();
  const id = useId();
  const client = useQueryClient();
  const [kind, setKind] = useState<ResolutionKind | null>(null);
  const [clinic, setClinic] = useState("");
  const [search, setSearch] = useState("");
  const [practice, setPractice] = useState("");
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState<Missing>({});
  const clinics = useQuery({
    queryKey: ["follow-up-clinics", item.id],
    queryFn: ({ signal }) =>
      getJson<{ id: string; name: string }[]>(`/api/follow-ups/${item.id}/clinics`, signal),
    enabled: kind === "outpatient-clinic",
  });
  const term = search.trim();
  const practices = useQuery({
    queryKey: ["follow-up-practices", term],
    queryFn: ({ signal }) =>
      getJson<Practice[]>(`/api/follow-ups/practices?q=${encodeURIComponent(term)}`, signal),
    enabled: kind === "practice" && term.length >= 2,
  });
  const resolve = useMutation({
    mutationFn: () =>
      sendJson("POST", `/api/follow-ups/${item.id}/resolve`, {
        version: item.version,
        resolution:
          kind === "not-needed"
            ? { kind, reason: reason.trim() }
            : { kind, organisationId: kind === "practice" ? practice : clinic },
      }),
    onSettled: async () => {
      // The resolver's own notification card about the item is read now: the badge follows.
      await Promise.all([
        client.invalidateQueries({ queryKey: ["follow-ups"] }),
        client.invalidateQueries({ queryKey: notificationsKey }),
      ]);
    },
  });
  const refused = fieldProblems(resolve.error, t);
  const orgReason = reasonFor(refused, (f) => f === "resolution.organisationId");
  const errors = {
    kind: missing.kind,
    clinic: missing.clinic ?? (kind === "outpatient-clinic" ? orgReason : undefined),
    practice: missing.practice ?? (kind === "practice" ? orgReason : undefined),
    reason: missing.reason ?? reasonFor(refused, (f) => f === "resolution.reason"),
  };
  const submit = () => {
    const m: Missing = {};
    if (!kind) m.kind = tc("followUps.required.kind");
    if (kind === "outpatient-clinic" && !clinic) m.clinic = tc("followUps.required.clinic");
    if (kind === "practice" && !practice) m.practice = tc("followUps.required.practice");
    if (kind === "not-needed" && reason.trim().length < MIN_REASON)
      m.reason = tc("followUps.required.reason", { min: MIN_REASON });
    setMissing(m);
    if (Object.keys(m).length === 0) resolve.mutate();
  };
  // A refusal with no field (409, 403) is said above the form.
  const general = resolve.error instanceof ApiError && refused.length === 0 ? resolve.error : null;
  return (
    <form
      className="resolve-form"
      noValidate
      aria-label={tc("followUps.resolveHeading", { name })}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {general && <ProblemAlert error={general} />}
      <fieldset className={errors.kind ? "form-error" : undefined}>
        <legend className="form-label">{tc("followUps.resolveHeading", { name })}</legend>
        <FieldError id={`${id}-kind-error`} message={errors.kind} />
        {KINDS.map((k) => (
          <div className="form-group-radio" key={k}>
            <input
              type="radio"
              className="form-radio"
              id={`${id}-${k}`}
              name={`${id}-kind`}
              value={k}
              checked={kind === k}
              aria-describedby={errors.kind ? `${id}-kind-error` : undefined}
              onChange={() => setKind(k)}
            />
            <label htmlFor={`${id}-${k}`}>{tc(`followUps.kinds.${k}`)}</label>
          </div>
        ))}
      </fieldset>
      {kind === "outpatient-clinic" && (
        <div className={`form-group${errors.clinic ? " form-error" : ""}`}>
          <label className="form-label" htmlFor={`${id}-clinic`}>
            {tc("followUps.clinic")}
          </label>
          <FieldError id={`${id}-clinic-error`} message={errors.clinic} />
          <select
            id={`${id}-clinic`}
            className="form-select"
            value={clinic}
            aria-describedby={errors.clinic ? `${id}-clinic-error` : undefined}
            onChange={(e) => setClinic(e.target.value)}
          >
            <option value="">{tc("followUps.chooseClinic")}</option>
            {(clinics.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {kind === "practice" && (
        <>
          <div className="form-group">
            <label className="form-label" htmlFor={`${id}-search`}>
              {tc("followUps.practiceSearch")}
            </label>
            <span className="form-hint" id={`${id}-search-hint`}>
              {tc("followUps.practiceSearchHint")}
            </span>
            <input
              id={`${id}-search`}
              className="form-input"
              type="search"
              value={search}
              aria-describedby={`${id}-search-hint`}
              onChange={(e) => {
                setSearch(e.target.value);
                setPractice("");
              }}
            />
          </div>
          <div className={`form-group${errors.practice ? " form-error" : ""}`}>
            <label className="form-label" htmlFor={`${id}-practice`}>
              {tc("followUps.practice")}
            </label>
            <FieldError id={`${id}-practice-error`} message={errors.practice} />
            <select
              id={`${id}-practice`}
              className="form-select"
              value={practice}
              aria-describedby={errors.practice ? `${id}-practice-error` : undefined}
              onChange={(e) => setPractice(e.target.value)}
            >
              <option value="">
                {practices.data && practices.data.length === 0
                  ? tc("followUps.noPractices")
                  : tc("followUps.choosePractice")}
              </option>
              {(practices.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {`${p.name} (${p.providerNumber})`}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      {kind === "not-needed" && (
        <div className={`form-group${errors.reason ? " form-error" : ""}`}>
          <label className="form-label" htmlFor={`${id}-reason`}>
            {tc("followUps.reason")}
          </label>
          <span className="form-hint" id={`${id}-reason-hint`}>
            {tc("followUps.reasonHint", { min: MIN_REASON })}
          </span>
          <FieldError id={`${id}-reason-error`} message={errors.reason} />
          <textarea
            id={`${id}-reason`}
            className="form-input"
            rows={3}
            maxLength={500}
            value={reason}
            aria-describedby={`${id}-reason-hint${errors.reason ? ` ${id}-reason-error` : ""}`}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
      )}
      <button type="submit" className="button button-primary" disabled={resolve.isPending}>
        {tc("followUps.submit")}
      </button>
    </form>
  );
}
