import { Link } from "react-router";
import { useCareText } from "../app/care-text";
import { formatDateTime } from "../format";
import { ResolveForm } from "./ResolveForm";
import type { FollowUpItem } from "./types";

const CLOSE_REASONS = ["death", "stay-cancelled", "discharge-cancelled"] as const;

/**
 * One item: whom it is about (the name only where the relation rules give
 * it), when and where the discharge was, and either the form that resolves
 * it, or how it was resolved and by whom, or why it closed.
 */
export function FollowUpCard({ item }: { item: FollowUpItem }) {
  const tc = useCareText();
  const where = item.departmentName ?? item.hospitalName;
  const name = item.citizenName ?? tc("followUps.noRelation");
  return (
    <li className="follow-up-card">
      <h2 className="h4">
        {item.citizenName ? (
          <Link to={`/borgere/${item.citizenId}/forloeb`}>{item.citizenName}</Link>
        ) : (
          name
        )}
      </h2>
      <p>{tc("followUps.discharged", { when: formatDateTime(item.dischargedAt), where })}</p>
      {item.status === "open" ? (
        <ResolveForm item={item} name={name} />
      ) : item.status === "closed" ? (
        <p>
          {(CLOSE_REASONS as readonly string[]).includes(item.closedReason ?? "")
            ? tc(`followUps.closed.${item.closedReason as (typeof CLOSE_REASONS)[number]}`)
            : tc("followUps.closed.other")}
        </p>
      ) : (
        <>
          <p>
            {item.resolution === "not-needed"
              ? tc("followUps.notNeeded", { reason: item.reason ?? "" })
              : tc("followUps.followedUpBy", { name: item.followUpName ?? "" })}
          </p>
          {item.resolvedAt && (
            <p className="form-hint">
              {tc("followUps.resolved", {
                when: formatDateTime(item.resolvedAt),
                who: item.resolvedByName ?? "–",
              })}
            </p>
          )}
        </>
      )}
    </li>
  );
}
