import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorOrForbidden } from "../access/RequireLogin";
import { activeMembership, sendJson, useMe } from "../access/session-api";
import { getJson } from "../api/client";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import type { DeclineReason, WorklistItem } from "./types";
import { WorklistRow } from "./WorklistRow";

/** How often the list asks again: new discharges and other people's decisions show up. */
const REFRESH_MS = 10_000;

type Decision =
  | { kind: "confirm"; item: WorklistItem }
  | { kind: "decline"; item: WorklistItem; reason: DeclineReason; note: string };

/** The acting organisation's handovers: confirm or decline in one click. */
export function WorklistPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const me = useMe();
  const kind = activeMembership(me.data)?.organisation.kind ?? "";
  const receives = ["municipality", "municipal_unit", "general_practice"].includes(kind);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const list = useQuery({
    queryKey: ["worklist", overdueOnly],
    queryFn: ({ signal }) =>
      getJson<{ items: WorklistItem[] }>(
        `/api/handovers${overdueOnly ? "?overdue=true" : ""}`,
        signal,
      ),
    refetchInterval: REFRESH_MS,
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
      <div className="form-group form-checkbox">
        <input
          id="overdue-only"
          type="checkbox"
          className="form-checkbox"
          checked={overdueOnly}
          onChange={(e) => setOverdueOnly(e.target.checked)}
        />
        <label htmlFor="overdue-only">{t("worklist.overdueOnly")}</label>
      </div>
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
      {list.data.items.length === 0 ? (
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
              {list.data.items.map((item) => (
                <WorklistRow
                  key={item.id}
                  item={item}
                  canDecide={receives}
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
      <p className="form-hint">{t("worklist.refreshed")}</p>
    </>
  );
}
