import type { InitiativeStatus } from "./initiative-api";
import { useInitiativeText } from "./initiative-text";

const BADGE: Record<InitiativeStatus, string> = {
  planned: "badge-info",
  running: "badge-warning",
  finished: "badge-success",
};

export function InitiativeStatusTag({ status }: { status: InitiativeStatus }) {
  const t = useInitiativeText();
  return (
    <span className={`badge badge-small ${BADGE[status]}`}>
      {t(`initiatives.statuses.${status}`)}
    </span>
  );
}
