import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorOrForbidden } from "../access/RequireLogin";
import { sendJson } from "../access/session-api";
import { getJson } from "../api/client";
import { ScrollableTable } from "../app/ScrollableTable";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { formatNumber } from "../format";
import { AdminNav } from "./AdminNav";
import { MessageRow } from "./MessageRow";
import { useOperationsText } from "./text";
import type { MessageList, MessageStatus } from "./types";

const STATUSES: MessageStatus[] = ["applied", "rejected", "dead_letter"];
const PAGE_SIZE = 50;

/** Received hospital notifications and their outcomes; dead letters can be applied again. */
export function MessagesPage() {
  const { t } = useTranslation();
  const o = useOperationsText();
  const client = useQueryClient();
  const [status, setStatus] = useState<MessageStatus | "">("");
  const counts = useQuery({
    queryKey: ["admin", "messages", "counts"],
    queryFn: ({ signal }) => getJson<MessageList>("/api/admin/messages?limit=1", signal),
    refetchInterval: 15_000,
  });
  const pages = useInfiniteQuery({
    queryKey: ["admin", "messages", status],
    initialPageParam: "",
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (status) query.set("status", status);
      if (pageParam) query.set("cursor", pageParam);
      return getJson<MessageList>(`/api/admin/messages?${query}`, signal);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // New messages keep arriving (in the demo, every few seconds): the list follows.
    refetchInterval: 15_000,
  });
  const reapply = useMutation({
    mutationFn: (id: string) =>
      sendJson<{ status: MessageStatus; problems: { rule?: string }[] }>(
        "POST",
        `/api/admin/messages/${id}/reapply`,
      ),
    onSettled: () => void client.invalidateQueries({ queryKey: ["admin", "messages"] }),
  });

  if (pages.isPending) return <Loading />;
  if (pages.isError)
    return <ErrorOrForbidden error={pages.error} onRetry={() => void pages.refetch()} />;
  const byStatus = counts.data?.counts ?? {};
  const total = STATUSES.reduce((sum, s) => sum + (byStatus[s] ?? 0), 0);
  const messages = pages.data.pages.flatMap((p) => p.messages);

  return (
    <>
      <title>{`${o("messages.title")} – ${t("app.name")}`}</title>
      <AdminNav />
      <h1>{o("messages.title")}</h1>
      <p className="font-lead">{o("messages.intro")}</p>
      <div className="form-group">
        <label className="form-label" htmlFor="message-status">
          {o("messages.filter")}
        </label>
        <select
          id="message-status"
          className="form-select"
          value={status}
          onChange={(e) => setStatus(e.target.value as MessageStatus | "")}
        >
          <option value="">{o("messages.all", { n: formatNumber(total) })}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {o(`messages.statusCounts.${s}`, { n: formatNumber(byStatus[s] ?? 0) })}
            </option>
          ))}
        </select>
      </div>
      {(byStatus.dead_letter ?? 0) > 0 && (
        <p className="form-hint">{o("messages.deadLetterHint")}</p>
      )}
      <div aria-live="polite">
        {reapply.isError && <ProblemAlert error={reapply.error} />}
        {reapply.isSuccess && (
          <div
            className={`alert ${reapply.data.status === "applied" ? "alert-success" : "alert-warning"}`}
          >
            <div className="alert-body">
              <p className="alert-text">
                {reapply.data.status === "applied"
                  ? o("messages.reapplied")
                  : o(
                      reapply.data.status === "rejected"
                        ? "messages.refusedOnReapply"
                        : "messages.stillWaiting",
                      { reason: reapply.data.problems.map((p) => p.rule ?? "").join("; ") },
                    )}
              </p>
            </div>
          </div>
        )}
      </div>
      {messages.length === 0 ? (
        <p>{o("messages.none")}</p>
      ) : (
        <ScrollableTable label={o("messages.title")}>
          <table className="table table--zebra messages-table">
            <caption className="sr-only">{o("messages.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{o("messages.received")}</th>
                <th scope="col">{o("messages.type")}</th>
                <th scope="col">{o("messages.sender")}</th>
                <th scope="col">{o("messages.receiver")}</th>
                <th scope="col">{o("messages.eventAt")}</th>
                <th scope="col">{o("messages.status")}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <MessageRow
                  key={m.id}
                  message={m}
                  onReapply={() => reapply.mutate(m.id)}
                  busy={reapply.isPending && reapply.variables === m.id}
                />
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      {pages.hasNextPage && (
        <button
          type="button"
          className="button button-secondary mt-4"
          onClick={() => void pages.fetchNextPage()}
          disabled={pages.isFetchingNextPage}
        >
          {o("messages.older")}
        </button>
      )}
    </>
  );
}
