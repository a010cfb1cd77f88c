import type { AgreementStatus } from "./api";
import { useAgreementText } from "./text";

const BADGE: Record<AgreementStatus, string> = {
  draft: "badge-info",
  consultation: "badge-warning",
  approved: "badge-info",
  adopted: "badge-success",
  "in-force": "badge-success",
  ended: "badge-info",
};

export function StatusTag({ status }: { status: AgreementStatus }) {
  const t = useAgreementText();
  return (
    <span className={`badge badge-small ${BADGE[status]}`}>
      {t(`agreements.statuses.${status}`)}
    </span>
  );
}
