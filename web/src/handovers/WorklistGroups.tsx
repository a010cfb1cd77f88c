import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { getJson } from "../api/client";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { HandoverTable } from "./HandoverTable";
import { Pager } from "./Pager";
import { lastPageOffset, PAGE_SIZE } from "./pages";
import type { RecentDecision } from "./recent-decisions";
import type { GroupedWorklist, NeedsActionGroup, Worklist, WorklistItem } from "./types";

type TableProps = Omit<Parameters<typeof HandoverTable>[0], "items">;

/**
 * The default view: what needs the reader today first, then the overdue by
 * age, each group under its heading with its count and its own pages (the
 * first page comes with the grouped answer; a later one is asked for alone).
 * Empty groups are left out; when all are empty, one line says so. A row this
 * page just decided leaves its group, so it is kept once, above the groups,
 * with its undo, even when it was the last thing to do.
 */
export function WorklistGroups({
  view,
  query,
  table,
}: {
  view: GroupedWorklist;
  /** The filters' query string (without the group), for a group's later pages. */
  query: string;
  table: TableProps;
}) {
  const { t } = useTranslation();
  const shown = view.groups.filter((g) => g.total > 0);
  const decided = decidedElsewhere(shown, table.recent, table.now);
  return (
    <>
      {decided.size > 0 && (
        <section className="worklist-group" aria-labelledby="worklist-group-decided">
          <h2 id="worklist-group-decided" className="h3">
            {t("worklist.groups.decided")}
          </h2>
          <p className="form-hint">{t("worklist.groups.decidedHint")}</p>
          <HandoverTable
            {...table}
            items={[]}
            recent={decided}
            label={t("worklist.groups.decided")}
          />
        </section>
      )}
      {shown.length === 0 && <p className="worklist-empty">{t("worklist.groups.nothing")}</p>}
      {shown.map((g) => (
        <GroupSection
          key={g.group}
          group={g.group}
          total={g.total}
          first={g.items}
          query={query}
          table={table}
        />
      ))}
    </>
  );
}

/**
 * The page's live decisions whose rows no group's first page holds (a row
 * still held shows its undo in place), to be shown once above the groups.
 */
function decidedElsewhere(
  groups: { items: WorklistItem[] }[],
  recent: Map<string, RecentDecision>,
  now: number,
): Map<string, RecentDecision> {
  const held = new Set(groups.flatMap((g) => g.items.map((i) => i.id)));
  return new Map([...recent].filter(([id, r]) => !held.has(id) && r.endsAt > now));
}

function GroupSection({
  group,
  total,
  first,
  query,
  table,
}: {
  group: NeedsActionGroup;
  total: number;
  first: WorklistItem[];
  query: string;
  table: TableProps;
}) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const path = `/api/handovers${query}${query ? "&" : "?"}group=${group}`;
  const later = useQuery({
    queryKey: ["worklist", "group", group, query, offset],
    queryFn: ({ signal }) =>
      getJson<Worklist>(`${path}&limit=${PAGE_SIZE}&offset=${offset}`, signal),
    enabled: offset > 0,
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
  // A refresh that empties the page shown (its rows were confirmed) steps back to the last one.
  const answered = later.isPlaceholderData ? undefined : later.data;
  useEffect(() => {
    if (answered && answered.items.length === 0 && answered.offset > 0)
      setOffset(lastPageOffset(answered.total));
  }, [answered]);
  const heading = `worklist-group-${group}`;
  const items = offset === 0 ? first : later.data?.items;
  return (
    <section className="worklist-group" aria-labelledby={heading}>
      <h2 id={heading} className="h3">
        {t(`worklist.groups.${group}`)} <span className="worklist-group-count">({total})</span>
      </h2>
      {offset === 0 && group === "today" && (
        <p className="form-hint">{t("worklist.groups.todayHint")}</p>
      )}
      {later.isError ? (
        <ProblemAlert error={later.error} />
      ) : items ? (
        <HandoverTable
          items={items}
          {...table}
          keepGone={false}
          label={t(`worklist.groups.${group}`)}
        />
      ) : (
        <Loading />
      )}
      <Pager
        total={offset === 0 ? total : (later.data?.total ?? total)}
        offset={offset === 0 ? 0 : (later.data?.offset ?? offset)}
        label={t("worklist.groups.pager", { group: t(`worklist.groups.${group}`) })}
        onOffset={setOffset}
      />
    </section>
  );
}
