import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Link, useSearchParams } from "react-router";
import { ApiError, getJson } from "../api/client";
import { useCareText } from "../app/care-text";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { FollowUpCard } from "./FollowUpCard";
import type { FollowUpItem } from "./types";

/** The query parameter a notification's link names its item by. */
export const FOLLOW_UP_PARAM = "punkt";

/**
 * The follow-up list brought to the item a notification led to
 * (`/opfoelgning?punkt=<id>`), whatever its state or page: marked out, with
 * the same form as on the list while it is open, and the way to the whole
 * list. Its key starts with "follow-ups", so resolving it refetches it.
 */
export function FocusedFollowUp({ id }: { id: string }) {
  const tc = useCareText();
  const heading = useRef<HTMLHeadingElement>(null);
  const item = useQuery({
    queryKey: ["follow-ups", "focused", id],
    queryFn: ({ signal }) =>
      getJson<FollowUpItem>(`/api/follow-ups/${encodeURIComponent(id)}`, signal),
    retry: false,
  });
  const shownId = item.data?.id;
  // Arriving from a notification, the reader starts at the item, not at the page's top.
  useEffect(() => {
    if (shownId) heading.current?.focus();
  }, [shownId]);
  const gone = item.error instanceof ApiError && item.error.status === 404;
  return (
    <section className="follow-up-focus" aria-labelledby="follow-up-focus-heading">
      <h2 id="follow-up-focus-heading" className="h3" tabIndex={-1} ref={heading}>
        {tc("followUps.focused.heading")}
      </h2>
      {item.data ? (
        <ul className="nobullet-list follow-up-list">
          <FollowUpCard item={item.data} />
        </ul>
      ) : gone ? (
        <p>{tc("followUps.focused.gone")}</p>
      ) : item.isError ? (
        <ProblemAlert error={item.error} />
      ) : (
        <Loading />
      )}
      <p>
        <Link to="/opfoelgning">{tc("followUps.focused.all")}</Link>
      </p>
    </section>
  );
}

/** The item the page was brought to, if any. */
export function useFocusedFollowUpId(): string | null {
  const [params] = useSearchParams();
  return params.get(FOLLOW_UP_PARAM);
}
