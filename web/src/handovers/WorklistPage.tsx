import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorOrForbidden } from "../access/RequireLogin";
import { activeMembership, sendJson, useMe } from "../access/session-api";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { HandoverTable } from "./HandoverTable";
import { InHospitalTable } from "./InHospitalTable";
import { Pager } from "./Pager";
import { type DecisionAnswer, type RecentDecision, useRecentDecisions } from "./recent-decisions";
import type { DeclineReason, WorklistItem } from "./types";
import { useLiveWorklist } from "./useLiveWorklist";
import { useWorklistData, type WorklistTab } from "./useWorklistData";
import { type Filters, NO_FILTERS, WorklistFilters } from "./WorklistFilters";
import { WorklistNotices } from "./WorklistNotices";
import { WorklistTabs } from "./WorklistTabs";

type Decision =
  | { kind: "confirm"; item: WorklistItem }
  | { kind: "decline"; item: WorklistItem; reason: DeclineReason; note: string }
  | { kind: "undo"; item: WorklistItem; version: number };

function send(d: Decision): Promise<DecisionAnswer> {
  const path = `/api/handovers/${d.item.id}/${d.kind}`;
  if (d.kind === "undo") return sendJson("POST", path, { version: d.version });
  if (d.kind === "confirm") return sendJson("POST", path, { version: d.item.version });
  return sendJson("POST", path, {
    version: d.item.version,
    reason: d.reason,
    ...(d.note.trim() ? { note: d.note.trim() } : {}),
  });
}

/** The acting organisation's handovers, a page at a time: confirm or decline in one click. */
export function WorklistPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const me = useMe();
  const acting = activeMembership(me.data);
  const kind = acting?.organisation.kind ?? "";
  const receives = ["municipality", "municipal_unit", "general_practice"].includes(kind);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [tab, setTab] = useState<WorklistTab>("handovers");
  const live = useLiveWorklist(acting?.membershipId ?? null);
  const { list, stays, search, searching, setOffset, setStayOffset } = useWorklistData(
    acting?.membershipId,
    filters,
    tab,
  );
  const { recent, now, remember, forget } = useRecentDecisions();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: send,
    onMutate: () => setSentTo(null),
    onSuccess: (answer, d) => (d.kind === "undo" ? forget(d.item.id) : remember(d.item, answer)),
    // An undo refused (too late, acted on since) has nothing left to undo.
    onError: (_e, d) => d.kind === "undo" && forget(d.item.id),
    // Returned, so the decision stays pending until the list shows its outcome.
    onSettled: () => client.invalidateQueries({ queryKey: ["worklist"] }),
  });
  const undo = (r: RecentDecision) =>
    decide.mutate({ kind: "undo", item: r.item, version: r.version });

  if (list.isPending) return <Loading />;
  if (list.isError)
    return <ErrorOrForbidden error={list.error} onRetry={() => void list.refetch()} />;
  const intro = receives
    ? t("worklist.introReceiver")
    : kind === "body_secretariat"
      ? t("worklist.introBody")
      : t("worklist.introHospital");
  // While a name is searched, both tabs show its matches, unpaged.
  const found = searching ? search.data : undefined;
  const waitingForSearch = searching && !found;
  const handovers = waitingForSearch ? (
    !search.isError && <Loading />
  ) : (
    <>
      <HandoverTable
        items={found ? found.items : list.data.items}
        receives={receives}
        canWriteNote={
          acting?.role === "clinician" && (kind === "hospital" || kind === "hospital_department")
        }
        canSendOn={
          (acting?.role === "clinician" || acting?.role === "coordinator") &&
          (kind === "hospital" || kind === "hospital_department" || kind === "body_secretariat")
        }
        busy={decide.isPending}
        onConfirm={(item) => decide.mutate({ kind: "confirm", item })}
        onDecline={(item, reason, note) => decide.mutate({ kind: "decline", item, reason, note })}
        recent={found ? new Map() : recent}
        now={now}
        onUndo={undo}
        onSentOn={setSentTo}
      />
      {!found && (
        <Pager
          total={list.data.total}
          offset={list.data.offset}
          label={t("worklist.pager.handovers")}
          onOffset={setOffset}
        />
      )}
    </>
  );
  const inHospital = waitingForSearch ? (
    !search.isError && <Loading />
  ) : found ? (
    <InHospitalTable rows={found.inHospital} />
  ) : stays.data ? (
    <>
      <InHospitalTable rows={stays.data.items} />
      <Pager
        total={stays.data.total}
        offset={stays.data.offset}
        label={t("worklist.pager.inHospital")}
        onOffset={setStayOffset}
      />
    </>
  ) : stays.isError ? (
    <ProblemAlert error={stays.error} />
  ) : (
    <Loading />
  );
  // The open in-hospital tab counts from its own answer; the other from the handovers' answer.
  const stayCount =
    tab === "in-hospital" && stays.data ? stays.data.total : list.data.inHospitalTotal;
  return (
    <>
      <title>{`${t("worklist.title")} – ${t("app.name")}`}</title>
      <h1>{t("worklist.title")}</h1>
      <p className="font-lead">{intro}</p>
      {kind === "body_secretariat" && (
        <p>
          <Link to="/klynge/overdragelsesregler">{t("handoverRules.worklistLink")}</Link>
        </p>
      )}
      <WorklistFilters
        value={filters}
        onChange={setFilters}
        withNames={kind !== "body_secretariat"}
      />
      <WorklistNotices
        typedName={filters.name}
        found={found}
        searchError={searching ? search.error : null}
        decided={decide.isSuccess ? decide.variables.kind : null}
        decideError={decide.error}
        sentTo={sentTo}
      />
      {receives ? (
        <WorklistTabs
          label={t("worklist.tabs.label")}
          selected={tab}
          onSelect={setTab}
          tabs={[
            {
              id: "handovers",
              label: t("worklist.tabs.handovers", {
                count: found ? found.items.length : list.data.total,
              }),
            },
            {
              id: "in-hospital",
              label: t("worklist.tabs.inHospital", {
                count: found ? found.inHospital.length : stayCount,
              }),
            },
          ]}
        >
          {tab === "handovers" ? handovers : inHospital}
        </WorklistTabs>
      ) : (
        handovers
      )}
      <p className="form-hint">{live ? t("worklist.live") : t("worklist.refreshed")}</p>
    </>
  );
}
