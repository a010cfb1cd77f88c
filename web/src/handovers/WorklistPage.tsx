import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorOrForbidden } from "../access/RequireLogin";
import { activeMembership, sendJson, useMe } from "../access/session-api";
import { getJson } from "../api/client";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { InHospitalTable } from "./InHospitalTable";
import type { DeclineReason, Worklist, WorklistItem } from "./types";
import { useLiveWorklist } from "./useLiveWorklist";
import { type Filters, NO_FILTERS, WorklistFilters, worklistQuery } from "./WorklistFilters";
import { WorklistRow } from "./WorklistRow";

/** Changes are pushed; this slow poll only covers a broken stream. */
const REFRESH_MS = 60_000;

type Decision =
  | { kind: "confirm"; item: WorklistItem }
  | { kind: "decline"; item: WorklistItem; reason: DeclineReason; note: string };

/** The acting organisation's handovers: confirm or decline in one click. */
export function WorklistPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const me = useMe();
  const acting = activeMembership(me.data);
  const kind = acting?.organisation.kind ?? "";
  const receives = ["municipality", "municipal_unit", "general_practice"].includes(kind);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const live = useLiveWorklist(acting?.membershipId ?? null);
  const query = worklistQuery(filters);
  const list = useQuery({
    queryKey: ["worklist", acting?.membershipId, query],
    queryFn: ({ signal }) => getJson<Worklist>(`/api/handovers${query}`, signal),
    refetchInterval: REFRESH_MS,
    // A worklist is never fresh from the cache: what happened elsewhere shows on arrival.
    staleTime: 0,
  });
  const decide = useMutation({
    mutationFn: (d: Decision) =>
      d.kind === "confirm"
        ? sendJson("POST", `/api/handovers/${d.item.id}/confirm`, { version: d.item.version })
        : sendJson("POST", `/api/handovers/${d.item.id}/decline`, {
            version: d.item.version,
            reason: d.reason,
            ...(d.note.trim() ? { note: d.note.trim() } : {}),
          }),
    onSettled: () => void client.invalidateQueries({ queryKey: ["worklist"] }),
  });

  if (list.isPending) return <Loading />;
  if (list.isError)
    return <ErrorOrForbidden error={list.error} onRetry={() => void list.refetch()} />;
  const items = byName(list.data.items, filters.name);
  const intro = receives
    ? t("worklist.introReceiver")
    : kind === "cluster_secretariat"
      ? t("worklist.introCluster")
      : t("worklist.introHospital");
  return (
    <>
      <title>{`${t("worklist.title")} – ${t("app.name")}`}</title>
      <h1>{t("worklist.title")}</h1>
      <p className="font-lead">{intro}</p>
      {kind === "cluster_secretariat" && (
        <p>
          <Link to="/klynge/overdragelsesregler">{t("handoverRules.worklistLink")}</Link>
        </p>
      )}
      <WorklistFilters
        value={filters}
        onChange={setFilters}
        withNames={kind !== "cluster_secretariat"}
      />
      <div aria-live="polite">
        {decide.isError && <ProblemAlert error={decide.error} />}
        {decide.isSuccess && (
          <div className="alert alert-success">
            <div className="alert-body">
              <p className="alert-text">
                {decide.variables.kind === "confirm"
                  ? t("worklist.confirmed")
                  : t("worklist.declined")}
              </p>
            </div>
          </div>
        )}
      </div>
      {items.length === 0 ? (
        <p className="worklist-empty">{t("worklist.empty")}</p>
      ) : (
        <div className="table--responsive-scroll">
          <table className="table table--zebra worklist-table">
            <caption className="sr-only">{t("worklist.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("worklist.citizen")}</th>
                <th scope="col">{t("worklist.receiver")}</th>
                <th scope="col">{t("worklist.discharged")}</th>
                <th scope="col">{t("worklist.deadline")}</th>
                <th scope="col">{t("worklist.status")}</th>
                {receives && <th scope="col">{t("worklist.actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <WorklistRow
                  key={item.id}
                  item={item}
                  canDecide={receives}
                  canWriteNote={
                    acting?.role === "clinician" &&
                    (kind === "hospital" || kind === "hospital_department")
                  }
                  busy={decide.isPending}
                  onConfirm={() => decide.mutate({ kind: "confirm", item })}
                  onDecline={(reason, note) =>
                    decide.mutate({ kind: "decline", item, reason, note })
                  }
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="form-hint">{live ? t("worklist.live") : t("worklist.refreshed")}</p>
      {receives && <InHospitalTable rows={byName(list.data.inHospital, filters.name)} />}
    </>
  );
}

function byName<T extends { citizenName: string | null }>(rows: T[], name: string): T[] {
  const wanted = name.trim().toLocaleLowerCase("da");
  if (!wanted) return rows;
  return rows.filter((r) => r.citizenName?.toLocaleLowerCase("da").includes(wanted));
}
