import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorOrForbidden } from "../access/RequireLogin";
import { getJson } from "../api/client";
import { useCareText } from "../app/care-text";
import { Loading } from "../components/Loading";
import { Pager } from "../handovers/Pager";
import { PAGE_SIZE } from "../handovers/pages";
import { FocusedFollowUp, useFocusedFollowUpId } from "./FocusedFollowUp";
import { FollowUpCard } from "./FollowUpCard";
import type { FollowUpItem } from "./types";

type Status = "open" | "resolved";

/**
 * "Ingen praktiserende læge — hvem følger op?" (issue 21, part 5): the
 * discharges without a listed GP, for the discharging hospital and the
 * body's coordinators, each resolved by naming who follows up or why none
 * is needed. A notification's link (`?punkt=<id>`) brings the page to that
 * item alone, with the way to the whole list.
 */
export function FollowUpsPage() {
  const tc = useCareText();
  const { t } = useTranslation();
  const focusedId = useFocusedFollowUpId();
  return (
    <>
      <title>{`${tc("followUps.title")} – ${t("app.name")}`}</title>
      <h1>{tc("followUps.title")}</h1>
      <p>{tc("followUps.intro")}</p>
      {focusedId ? <FocusedFollowUp key={focusedId} id={focusedId} /> : <FollowUpList />}
    </>
  );
}

/** The open or the resolved items, a page at a time. */
function FollowUpList() {
  const tc = useCareText();
  const [status, setStatus] = useState<Status>("open");
  const [offset, setOffset] = useState(0);
  const list = useQuery({
    queryKey: ["follow-ups", status, offset],
    queryFn: ({ signal }) =>
      getJson<{ items: FollowUpItem[]; total: number; offset: number }>(
        `/api/follow-ups?status=${status}&limit=${PAGE_SIZE}&offset=${offset}`,
        signal,
      ),
  });
  return (
    <>
      <ul className="nobullet-list follow-up-tabs">
        {(["open", "resolved"] as const).map((s) => (
          <li key={s}>
            <button
              type="button"
              className={`button ${s === status ? "button-primary" : "button-secondary"}`}
              aria-pressed={s === status}
              onClick={() => {
                setStatus(s);
                setOffset(0);
              }}
            >
              {tc(`followUps.tabs.${s}`)}
            </button>
          </li>
        ))}
      </ul>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorOrForbidden error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p>{tc(status === "open" ? "followUps.emptyOpen" : "followUps.emptyResolved")}</p>
      ) : (
        <>
          <ul className="nobullet-list follow-up-list">
            {list.data.items.map((item) => (
              <FollowUpCard key={item.id} item={item} />
            ))}
          </ul>
          <Pager
            total={list.data.total}
            offset={list.data.offset}
            label={tc("followUps.title")}
            onOffset={setOffset}
          />
        </>
      )}
    </>
  );
}
