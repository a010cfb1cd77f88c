import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ApiError, getJson } from "../api/client";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import type { WorklistItem } from "./types";

/** The query parameter a notification's link names its handover by. */
export const FOCUS_PARAM = "overdragelse";

/**
 * The worklist brought to the handover a notification led to
 * (`/arbejdsliste?overdragelse=<id>`), whatever page of the list it is on,
 * marked out and with the same actions as on the list, and the way to the
 * whole list. There is no page of one handover of its own:
 * the worklist is where it is acted on. Its key starts with "worklist", so a
 * decision or a live change refetches it.
 */
export function FocusedHandover({
  membershipId,
  render,
}: {
  membershipId: string | undefined;
  render: (items: WorklistItem[], focusedId: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const id = params.get(FOCUS_PARAM);
  const heading = useRef<HTMLHeadingElement>(null);
  const item = useQuery({
    queryKey: ["worklist", "focused", membershipId, id],
    queryFn: ({ signal }) =>
      getJson<WorklistItem>(`/api/handovers/${encodeURIComponent(id ?? "")}`, signal),
    enabled: id !== null,
    retry: false,
  });
  const shownId = item.data?.id;
  // Arriving from a notification, the reader starts at the handover, not at the page's top.
  useEffect(() => {
    if (shownId) heading.current?.focus();
  }, [shownId]);
  if (id === null) return null;
  const gone = item.error instanceof ApiError && item.error.status === 404;
  return (
    <>
      <title>{`${t("worklist.focused.heading")} – ${t("app.name")}`}</title>
      <h1>{t("worklist.title")}</h1>
      <section className="worklist-focus" aria-labelledby="worklist-focus-heading">
        <h2 id="worklist-focus-heading" className="h3" tabIndex={-1} ref={heading}>
          {t("worklist.focused.heading")}
        </h2>
        {item.data ? (
          render([item.data], id)
        ) : gone ? (
          <p>{t("worklist.focused.gone")}</p>
        ) : item.isError ? (
          <ProblemAlert error={item.error} />
        ) : (
          <Loading />
        )}
        <p>
          <Link to="/arbejdsliste">{t("worklist.focused.all")}</Link>
        </p>
      </section>
    </>
  );
}
