import { Link } from "react-router";
import type { MeetingPack } from "./meeting-api";
import type { MeetingText } from "./meeting-text";
import { agreementPath, initiativePath } from "./paths";

type AgendaItemView = MeetingPack["agenda"][number];

/** "Vedrører: <the agreement or initiative>", linked, where the reader may see it. */
export function SubjectLink({
  item,
  body,
  t,
}: {
  item: AgendaItemView;
  body: { id: string; kind: string };
  t: MeetingText;
}) {
  const { subject, subjectTitle } = item;
  if (!subject || subjectTitle === null) return null;
  const to =
    subject.kind === "agreement"
      ? agreementPath(body.id, body.kind, subject.id)
      : initiativePath(body.id, body.kind, subject.id);
  return (
    <p className="form-hint">
      {t(
        subject.kind === "agreement" ? "meetings.concernsAgreement" : "meetings.concernsInitiative",
      )}
      : <Link to={to}>{subjectTitle}</Link>
    </p>
  );
}
