import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ErrorOrForbidden } from "../access/RequireLogin";
import { activeMembership, sendJson, useMe } from "../access/session-api";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { FOCUS_PARAM, FocusedHandover } from "./FocusedHandover";
import { HandoverTable } from "./HandoverTable";
import { InHospitalTable } from "./InHospitalTable";
import { Pager } from "./Pager";
import {
  type DecisionAnswer,
  keptCount,
  type RecentDecision,
  useRecentDecisions,
} from "./recent-decisions";
import type { DeclineReason, WorklistItem } from "./types";
import { useLiveWorklist } from "./useLiveWorklist";
import { useWorklistData, type WorklistTab } from "./useWorklistData";
import { type Filters, NO_FILTERS, WorklistFilters, worklistQuery } from "./WorklistFilters";
import { WorklistGroups } from "./WorklistGroups";
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
  const [tab, setTab] = useState<WorklistTab>("needs-action");
  const live = useLiveWorklist(acting?.membershipId ?? null);
  const { grouped, flat, list, stays, search, searching, setOffset, setStayOffset } =
    useWorklistData(acting?.membershipId, filters, tab);
  const { recent, now, remember, forget } = useRecentDecisions();
  const [sentTo, setSentTo] = useState<string | null>(null);
  // A notification's link: the one handover, brought forward.
  const focusId = useSearchParams()[0].get(FOCUS_PARAM);
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

  // The grouped answer counts the tabs; "all" is one ungrouped list instead.
  const first = flat ? list : grouped;
  if (first.isPending && !searching) return <Loading />;
  if (first.isError)
    return <ErrorOrForbidden error={first.error} onRetry={() => void first.refetch()} />;
  const intro = receives
    ? t("worklist.introReceiver")
    : kind === "body_secretariat"
      ? t("worklist.introBody")
      : t("worklist.introHospital");
  // While a name is searched, both tabs show its matches, unpaged.
  const found = searching ? search.data : undefined;
  const waitingForSearch = searching && !found;
  const table = {
    receives,
    // The ward's clinicians and its discharge coordinator (src/access/discharge-rule.ts).
    canWriteNote:
      (acting?.role === "clinician" || acting?.role === "coordinator") &&
      (kind === "hospital" || kind === "hospital_department"),
    canSendOn:
      (acting?.role === "clinician" || acting?.role === "coordinator") &&
      (kind === "hospital" || kind === "hospital_department" || kind === "body_secretariat"),
    busy: decide.isPending,
    onConfirm: (item: WorklistItem) => decide.mutate({ kind: "confirm", item }),
    onDecline: (item: WorklistItem, reason: DeclineReason, note: string) =>
      decide.mutate({ kind: "decline", item, reason, note }),
    recent: found ? new Map<string, RecentDecision>() : recent,
    now,
    onUndo: undo,
    onSentOn: setSentTo,
  };
  const page = list.data;
  const paged = page ? (
    <>
      {/* "All, also confirmed" still holds a decided row, on some page: nothing to keep. */}
      <HandoverTable items={page.items} {...table} keepGone={!flat} />
      <Pager
        total={page.total}
        offset={page.offset}
        label={t("worklist.pager.handovers")}
        onOffset={setOffset}
        kept={flat ? 0 : keptCount(page.items, recent, now)}
      />
    </>
  ) : list.isError ? (
    <ProblemAlert error={list.error} />
  ) : (
    <Loading />
  );
  // A notification's link: the one handover, marked out, with the list's actions.
  if (focusId)
    return (
      <FocusedHandover
        membershipId={acting?.membershipId}
        render={(items, focusedId) => (
          <HandoverTable items={items} {...table} focusedId={focusedId} />
        )}
      />
    );
  const handovers = waitingForSearch ? (
    !search.isError && <Loading />
  ) : found ? (
    <HandoverTable items={found.items} {...table} />
  ) : !flat && tab === "unresolved" ? (
    <>
      <p>{t("worklist.groups.unresolvedIntro")}</p>
      {paged}
    </>
  ) : flat || tab !== "needs-action" ? (
    paged
  ) : grouped.data ? (
    <WorklistGroups view={grouped.data} query={worklistQuery(filters)} table={table} />
  ) : (
    <Loading />
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
  // The open in-hospital tab counts from its own answer; the others from the grouped answer.
  const counts = grouped.data?.counts;
  const stayCount =
    tab === "in-hospital" && stays.data
      ? stays.data.total
      : (first.data?.inHospitalTotal ?? grouped.data?.inHospitalTotal ?? 0);
  const needsAction = grouped.data?.groups.reduce((n, g) => n + g.total, 0) ?? 0;
  const tabs = [
    ...(flat
      ? [
          {
            id: "needs-action" as const,
            label: t("worklist.tabs.handovers", {
              count: found ? found.items.length : (list.data?.total ?? 0),
            }),
          },
        ]
      : [
          {
            id: "needs-action" as const,
            label: t("worklist.tabs.needsAction", {
              count: found ? found.items.length : needsAction,
            }),
          },
          { id: "rest" as const, label: t("worklist.tabs.rest", { count: counts?.rest ?? 0 }) },
          {
            id: "unresolved" as const,
            label: t("worklist.tabs.unresolved", { count: counts?.unresolved ?? 0 }),
          },
        ]),
    ...(receives
      ? [
          {
            id: "in-hospital" as const,
            label: t("worklist.tabs.inHospital", {
              count: found ? found.inHospital.length : stayCount,
            }),
          },
        ]
      : []),
  ];
  // A tab that "all" hides falls back to the one list.
  const selected = tabs.some((x) => x.id === tab) ? tab : "needs-action";
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
      <WorklistTabs
        label={t("worklist.tabs.label")}
        selected={selected}
        onSelect={setTab}
        tabs={tabs}
      >
        {selected === "in-hospital" ? inHospital : handovers}
      </WorklistTabs>
      <p className="form-hint">{live ? t("worklist.live") : t("worklist.refreshed")}</p>
    </>
  );
}
